package dev.sentinelctl.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What {@code sentinelctl simulate} found: per workspace, per scheduled rule, the alerts it would have raised on each
 * UTC day of the simulated range.
 *
 * @param from the first evaluation's window end minus nothing: the range is (from, to]
 */
public record SimulationReport(Instant from, Instant to, int days, List<Workspace> workspaces) {
    public SimulationReport {
        workspaces = List.copyOf(workspaces);
    }

    /** @param problem why the workspace could not be simulated (its rules are then empty) */
    public record Workspace(String name, List<Rule> rules, Optional<String> problem) {
        public Workspace {
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param evaluations runs simulated (queries sent)
     * @param perDay      alerts per UTC day (every day of the range, zeros included)
     * @param problem     why the rule's simulation stopped (the query failed); its counts are then partial
     */
    public record Rule(String id, String name, String file, RuleSchedule schedule, int evaluations, int firingRuns,
                       SortedMap<LocalDate, Long> perDay, Optional<String> problem) {
        public long total() {
            return perDay.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Whether any workspace or rule could not be simulated. */
    public boolean hasProblems() {
        return workspaces.stream().anyMatch(w -> w.problem().isPresent() || w.rules().stream().anyMatch(r -> r.problem().isPresent()));
    }
}

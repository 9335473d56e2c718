package dev.sentinelctl.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, from the outcomes so far, what a ring-by-ring rollout does next. A pure function of its inputs (no Azure,
 * no clock), so the deploy engine can call it after every workspace and a test can replay any history.
 *
 * <p>Rings go in order. Within a ring, the rollout stops as soon as more workspaces failed than the ring allows
 * ({@code floor(maxFailureRate × ring size)}, so the default rate 0 stops at the first failure), even before the ring
 * is finished: the canary exists to keep a bad change away from the other customers. A finished ring is passed only
 * if at least {@code minWorkspaces} of its workspaces were actually deployed, so a canary of nothing (empty, or every
 * workspace not run) never waves a change through.
 */
public final class RolloutPolicy {

    public enum Action { CONTINUE, STOP, DONE }

    /**
     * @param ring    the ring to deploy next (CONTINUE) or that stopped the rollout (STOP)
     * @param pending for CONTINUE, the ring's workspaces still to deploy, in config order
     */
    public record Decision(Action action, Optional<Ring> ring, List<WorkspaceTarget> pending, String reason) {
        public Decision {
            pending = List.copyOf(pending);
        }
    }

    private RolloutPolicy() {
    }

    /**
     * @param outcomes workspace key ({@link WorkspaceTarget#key()}) → outcome; absent or {@code NOT_RUN} means still to do
     */
    public static Decision decide(List<Ring> rings, List<WorkspaceTarget> targets, Map<String, WorkspaceResult.Status> outcomes) {
        for (Ring ring : rings) {
            List<WorkspaceTarget> members = targets.stream().filter(t -> t.ringIndex() == ring.index()).toList();
            int failed = 0;
            int deployed = 0;
            List<WorkspaceTarget> pending = new ArrayList<>();
            for (WorkspaceTarget t : members) {
                WorkspaceResult.Status s = outcomes.get(t.key());
                if (s == WorkspaceResult.Status.FAILED) {
                    failed++;
                    deployed++;
                } else if (s == WorkspaceResult.Status.SUCCEEDED) {
                    deployed++;
                } else {
                    pending.add(t);
                }
            }
            int allowed = allowedFailures(ring, members.size());
            if (failed > allowed) {
                return new Decision(Action.STOP, Optional.of(ring), List.of(), String.format(Locale.ROOT,
                        "ring %s: %d of %d workspaces failed, more than the %d its maxFailureRate %s allows; later rings were not deployed",
                        ring.name(), failed, members.size(), allowed, rate(ring.maxFailureRate())));
            }
            if (!pending.isEmpty()) {
                return new Decision(Action.CONTINUE, Optional.of(ring), pending, String.format(Locale.ROOT,
                        "ring %s: %d of %d workspaces to deploy", ring.name(), pending.size(), members.size()));
            }
            if (deployed < ring.minWorkspaces()) {
                return new Decision(Action.STOP, Optional.of(ring), List.of(), String.format(Locale.ROOT,
                        "ring %s: only %d workspace(s) deployed, fewer than its minWorkspaces %d; too little evidence to go on",
                        ring.name(), deployed, ring.minWorkspaces()));
            }
        }
        return new Decision(Action.DONE, Optional.empty(), List.of(), "every ring deployed within its failure budget");
    }

    /** How many failures a ring of {@code size} tolerates; a tiny epsilon keeps 0.1 × 30 at 3 despite binary fractions. */
    static int allowedFailures(Ring ring, int size) {
        return (int) Math.floor(ring.maxFailureRate() * size + 1e-9);
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, "%.0f%%", r * 100);
    }
}

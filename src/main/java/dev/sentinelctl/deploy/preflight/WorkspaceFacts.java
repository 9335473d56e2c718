package dev.sentinelctl.deploy.preflight;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What preflight learned about one workspace, with one call per kind of fact.
 *
 * @param tables      names of the workspace's tables (Log Analytics tables list)
 * @param watchlists  aliases of its watchlists, when a rule reads one (else empty: not asked)
 * @param data        with the data check: the window and each checked table's last record within it
 * @param missingIds  lower-case ids of the resources items use outside the plan that a GET answered 404 for
 */
public record WorkspaceFacts(Set<String> tables, Optional<Set<String>> watchlists, Optional<DataFacts> data,
        Set<String> missingIds) {
    public WorkspaceFacts {
        tables = Set.copyOf(tables);
        missingIds = Set.copyOf(missingIds);
    }

    public WorkspaceFacts(Set<String> tables, Optional<Set<String>> watchlists, Optional<DataFacts> data) {
        this(tables, watchlists, data, Set.of());
    }

    /**
     * @param lastRecord  last TimeGenerated per table that had a record in the window; a checked table absent here
     *                    received nothing
     * @param checked     the tables the query asked about
     * @param unreliable  why tables without a record may still have data (the service answered with a partial
     *                    error); empty when the answer is complete
     */
    public record DataFacts(Duration window, Set<String> checked, Map<String, Instant> lastRecord, Optional<String> unreliable) {
        public DataFacts {
            checked = Set.copyOf(checked);
            lastRecord = Map.copyOf(lastRecord);
        }
    }
}

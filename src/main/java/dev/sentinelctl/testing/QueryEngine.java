package dev.sentinelctl.testing;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs one test's query over its fixtures. The in-process engine is the default; a real Kusto engine (Log Analytics,
 * Azure Data Explorer) can stand behind the same interface, so the same tests and expectations run on either.
 */
public interface QueryEngine {

    Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now);

    /**
     * As {@link #run(String, Map, Map, Instant)}, with the period (in bins, 0 = none) that series_decompose* use where
     * the query asks to autodetect it (a test's {@code seasonality:}). An engine that detects periods itself (a real
     * Kusto) ignores it.
     */
    default Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now,
                        OptionalInt seasonality) {
        return run(query, tables, watchlists, now);
    }

    /** A result table, or an explicit failure (the engine's code, e.g. EVAL-unsupported, and where in the query). */
    sealed interface Outcome {
        record Ok(ResultTable table) implements Outcome {}

        /** @param offset character offset into the query text, -1 when unknown */
        record Failed(String code, String message, int offset) implements Outcome {}
    }
}

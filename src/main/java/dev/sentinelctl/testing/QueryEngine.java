package dev.sentinelctl.testing;

import java.time.Instant;
import java.util.Map;

/**
 * Runs one test's query over its fixtures. The in-process engine is the default; a real Kusto engine (Log Analytics,
 * Azure Data Explorer) can stand behind the same interface, so the same tests and expectations run on either.
 */
public interface QueryEngine {

    Outcome run(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now);

    /** A result table, or an explicit failure (the engine's code, e.g. EVAL-unsupported, and where in the query). */
    sealed interface Outcome {
        record Ok(ResultTable table) implements Outcome {}

        /** @param offset character offset into the query text, -1 when unknown */
        record Failed(String code, String message, int offset) implements Outcome {}
    }
}

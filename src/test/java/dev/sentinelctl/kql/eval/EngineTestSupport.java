package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Runs queries on the engine with a pinned now and renders results as text rows. */
final class EngineTestSupport {

    static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");
    private static final KqlEngine ENGINE = new KqlEngine(Catalog.builtIn());

    private EngineTestSupport() {
    }

    static Table run(String query) {
        return run(query, Map.of());
    }

    static Table run(String query, Map<String, Table> tables) {
        EvalResult r = ENGINE.run(query, tables, EvalContext.at(NOW));
        if (r instanceof EvalResult.Failed f) throw new AssertionError(f.code() + " at " + f.offset() + ": " + f.message());
        return ((EvalResult.Ok) r).table();
    }

    static EvalResult.Failed fail(String query) {
        EvalResult r = ENGINE.run(query, Map.of(), EvalContext.at(NOW));
        return assertInstanceOf(EvalResult.Failed.class, r, "expected a failure for: " + query);
    }

    /** Rows as lists of cell texts (tostring form, "" for null). */
    static List<List<String>> rows(Table t) {
        List<List<String>> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) row.add(ValueFormat.text(t, r, c));
            out.add(row);
        }
        return out;
    }

    /** The single value of a one-row, one-column (or print) result, as text. */
    static String scalar(String expression) {
        Table t = run("print v = " + expression);
        assertEquals(1, t.rowCount());
        return ValueFormat.text(t, 0, 0);
    }

    static List<String> names(Table t) {
        return t.columns().stream().map(dev.sentinelctl.kql.semantic.Column::name).toList();
    }
}

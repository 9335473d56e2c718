package dev.sentinelctl.testing.realengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.testing.FixtureTable;
import dev.sentinelctl.testing.InProcessEngine;
import dev.sentinelctl.testing.QueryEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** --compare's verdicts: agreement passes the real answer on, every kind of disagreement fails the test with what differs. */
class ComparingEngineTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String QUERY = "datatable(User:string, N:long)['a', 1, 'b', 2, 'c', 3] | where N > 1";

    /** A "real engine" whose answer is ours, changed. */
    private static QueryEngine tampered(java.util.function.UnaryOperator<FixtureTable> change) {
        QueryEngine ours = new InProcessEngine(CATALOG);
        return (q, t, w, now) -> {
            QueryEngine.Outcome o = ours.run(q, t, w, now);
            var table = ((QueryEngine.Outcome.Ok) o).table();
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                Object[] row = new Object[table.columns().size()];
                for (int c = 0; c < row.length; c++) row[c] = table.value(r, c);
                rows.add(row);
            }
            return new QueryEngine.Outcome.Ok(change.apply(new FixtureTable("R", table.columns(), rows)));
        };
    }

    private static QueryEngine.Outcome compare(QueryEngine real, String query) {
        return new ComparingEngine(new InProcessEngine(CATALOG), real, "workspace w").run(query, Map.of(), Map.of(), NOW);
    }

    @Test
    void sameRowsInAnotherOrderAgreeUnlessTheQuerySorts() {
        QueryEngine reversed = tampered(t -> {
            List<Object[]> rows = new ArrayList<>(t.rows());
            java.util.Collections.reverse(rows);
            return new FixtureTable("R", t.columns(), rows);
        });
        assertInstanceOf(QueryEngine.Outcome.Ok.class, compare(reversed, QUERY));
        QueryEngine.Outcome sorted = compare(reversed, QUERY + " | sort by N asc");
        QueryEngine.Outcome.Failed f = assertInstanceOf(QueryEngine.Outcome.Failed.class, sorted);
        assertEquals(ComparingEngine.DISAGREE, f.code());
        assertTrue(f.message().contains("row 1 of the sorted result differs: sentinelctl [\"b\", 2], workspace w [\"c\", 3]"), f.message());
    }

    @Test
    void aMissingRowIsReportedWithTheRow() {
        QueryEngine dropped = tampered(t -> new FixtureTable("R", t.columns(), t.rows().subList(0, t.rowCount() - 1)));
        QueryEngine.Outcome.Failed f = assertInstanceOf(QueryEngine.Outcome.Failed.class, compare(dropped, QUERY));
        assertEquals("sentinelctl's engine and workspace w disagree: rows differ (2 rows against 1; only sentinelctl: [\"c\", 3])",
                f.message());
    }

    @Test
    void aColumnOfAnotherTypeIsADisagreement() {
        QueryEngine retyped = tampered(t -> new FixtureTable("R", List.of(t.columns().get(0), new Column("N", ScalarType.INT)), t.rows()));
        QueryEngine.Outcome.Failed f = assertInstanceOf(QueryEngine.Outcome.Failed.class, compare(retyped, QUERY));
        assertTrue(f.message().contains("columns differ: sentinelctl (User:string, N:long), workspace w (User:string, N:int)"), f.message());
    }

    @Test
    void oneEngineFailingIsADisagreementBothFailingIsTheRealEnginesError() {
        QueryEngine down = (q, t, w, now) -> new QueryEngine.Outcome.Failed("WORKSPACE-HttpError", "500", -1);
        QueryEngine.Outcome.Failed f = assertInstanceOf(QueryEngine.Outcome.Failed.class, compare(down, QUERY));
        assertEquals(ComparingEngine.DISAGREE, f.code());
        QueryEngine.Outcome.Failed both = assertInstanceOf(QueryEngine.Outcome.Failed.class, compare(down, "T | evaluate nosuchplugin()"));
        assertEquals("WORKSPACE-HttpError", both.code());
    }

    @Test
    void valuesCompareByValueAndNullEqualsEmptyString() {
        List<Column> cols = List.of(new Column("s", ScalarType.STRING), new Column("r", ScalarType.REAL));
        FixtureTable a = new FixtureTable("a", cols, List.<Object[]>of(new Object[] {null, 1.0}));
        FixtureTable b = new FixtureTable("b", cols, List.<Object[]>of(new Object[] {"", 1.00}));
        assertEquals(Optional.empty(), TableDiff.between("T", a, b));
        assertFalse(TableDiff.sorts("T | where x | project y"));
        assertTrue(TableDiff.sorts("T | top 3 by x"));
    }
}

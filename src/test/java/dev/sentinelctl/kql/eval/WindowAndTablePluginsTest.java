package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** rolling_percentile, sliding_window_counts, active_users_count, rows_near, schema_merge on the docs' examples. */
class WindowAndTablePluginsTest {

    private static final String HOURS = "range idx from 0 to 24 * 10 - 1 step 1 | project Timestamp = datetime(2018-01-01) + 1h * idx,"
            + " val = idx + 1 | extend EvenOrOdd = iff(val % 2 == 0, 'Even', 'Odd')";

    @Test
    void rollingPercentileOverThreeDays() {
        Table t = run(HOURS + " | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3)");
        assertEquals(List.of("Timestamp", "rolling_3_percentile_val_50"), names(t));
        List<String> medians = rows(t).stream().map(r -> r.get(1)).toList();
        assertEquals(List.of("12", "24", "36", "60", "84", "108", "132", "156", "180", "204"), medians);
        Table d = run(HOURS + " | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3, EvenOrOdd) | where Timestamp == datetime(2018-01-04)");
        assertEquals(List.of(List.of("2018-01-04T00:00:00.0000000Z", "Odd", "59"), List.of("2018-01-04T00:00:00.0000000Z", "Even", "60")), rows(d));
    }

    @Test
    void rollingPercentileCarriesAWindowOverAnEmptyBin() {
        Table t = run("datatable(i:long, v:long)[0, 5, 1, 7, 3, 9] | evaluate rolling_percentile(v, 100, i, 1, 2)");
        assertEquals(List.of(List.of("0", "5"), List.of("1", "7"), List.of("2", "7"), List.of("3", "9")), rows(t));
    }

    @Test
    void slidingWindowCountsPerDay() {
        Table t = run("datatable(UserId:string, Timestamp:datetime)['Bob', datetime(2017-08-01), 'David', datetime(2017-08-01),"
                + " 'David', datetime(2017-08-01), 'John', datetime(2017-08-01), 'Bob', datetime(2017-08-01),"
                + " 'Ananda', datetime(2017-08-02), 'Atul', datetime(2017-08-02), 'John', datetime(2017-08-02),"
                + " 'Ananda', datetime(2017-08-03), 'Atul', datetime(2017-08-03), 'Atul', datetime(2017-08-03),"
                + " 'John', datetime(2017-08-03), 'Bob', datetime(2017-08-03), 'Betsy', datetime(2017-08-04), 'Bob', datetime(2017-08-05)]"
                + " | evaluate sliding_window_counts(UserId, Timestamp, datetime(2017-08-01), datetime(2017-08-07), 3d, 1d)");
        assertEquals(List.of("Timestamp", "Count", "dcount"), names(t));
        assertEquals(List.of(List.of("5", "3"), List.of("8", "5"), List.of("13", "5"), List.of("9", "5"), List.of("7", "5"),
                List.of("2", "2"), List.of("1", "1")), rows(t).stream().map(r -> r.subList(1, 3)).toList());
        assertEquals(EvalResult.UNSUPPORTED, fail("datatable(u:string, t:datetime)['a', datetime(2017-08-01)]"
                + " | evaluate sliding_window_counts(u, t, datetime(2017-08-01), datetime(2017-08-07), 3d, 'week')").code());
    }

    @Test
    void activeUsersCountNeedsEnoughDistinctPeriodsInTheLookback() {
        Table t = run("datatable(User:string, Timestamp:datetime)['B', datetime(2018-06-29), 'B', datetime(2018-06-30),"
                + " 'A', datetime(2018-07-02), 'B', datetime(2018-07-04), 'B', datetime(2018-07-08), 'A', datetime(2018-07-10),"
                + " 'A', datetime(2018-07-14), 'A', datetime(2018-07-17), 'A', datetime(2018-07-20), 'B', datetime(2018-07-24)]"
                + " | evaluate active_users_count(User, Timestamp, datetime(2018-07-01), datetime(2018-07-31), 8d, 1d, 3, 7d)");
        assertEquals(List.of("Timestamp", "dcount"), names(t));
        // B on 7/8 sees 7/4 and 7/8 only: the lookback (7/8 - 8d, 7/8] leaves 6/30 out
        assertEquals(List.of(List.of("2018-07-01T00:00:00.0000000Z", "1"), List.of("2018-07-15T00:00:00.0000000Z", "1")), rows(t));
    }

    @Test
    void rowsNearBeforeAndAfter() {
        String t = "range x from 1 to 12 step 1 | extend State = iff(x == 7 or x == 9, 'Error', 'Success')";
        assertEquals(List.of("5", "6", "7", "8", "9", "10", "11"),
                rows(run(t + " | evaluate rows_near(State == 'Error', 2)")).stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("6", "7", "8", "9"),
                rows(run(t + " | evaluate rows_near(State == 'Error', 1, 0)")).stream().map(r -> r.get(0)).toList());
        assertEquals(0, run(t + " | evaluate rows_near(x > 100, 3)").rowCount());
    }

    @Test
    void schemaMergeKeepsOrderOrReportsIt() {
        String s1 = "let schema1 = datatable(Uri:string, HttpStatus:int)[] | getschema;";
        Table appended = run(s1 + " let schema2 = datatable(Uri:string, HttpStatus:int, Referrer:string)[] | getschema;"
                + " union schema1, schema2 | evaluate schema_merge()");
        assertEquals(List.of(List.of("Uri", "0", "System.String", "string"), List.of("HttpStatus", "1", "System.Int32", "int"),
                List.of("Referrer", "2", "System.String", "string")), rows(appended));
        String reordered = s1 + " let schema2 = datatable(Uri:string, Referrer:string, HttpStatus:int)[] | getschema;";
        assertEquals(List.of(List.of("Uri", "0", "System.String", "string"), List.of("Referrer", "1", "System.String", "string"),
                List.of("HttpStatus", "-1", "ERROR(unknown CSL type:ERROR(columns are out of order))", "ERROR(columns are out of order)")),
                rows(run(reordered + " union schema1, schema2 | evaluate schema_merge()")));
        assertEquals(List.of(List.of("Uri", "0", "System.String", "string"), List.of("Referrer", "1", "System.String", "string"),
                List.of("HttpStatus", "2", "System.Int32", "int")),
                rows(run(reordered + " union schema1, schema2 | evaluate schema_merge(PreserveOrder = false)")));
        assertEquals(EvalResult.UNSUPPORTED, fail("let a = datatable(x:int)[] | getschema; let b = datatable(x:string)[] | getschema;"
                + " union a, b | evaluate schema_merge()").code());
    }
}

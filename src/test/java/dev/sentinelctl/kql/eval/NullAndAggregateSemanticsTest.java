package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Null propagation (null-values.md) and summarize defaults on empty input (summarize-operator.md). */
class NullAndAggregateSemanticsTest {

    @Test
    void equalityWithNulls() {
        assertEquals("", scalar("int(null) == int(null)"));
        assertEquals("false", scalar("int(null) == 5"));
        assertEquals("true", scalar("int(null) != 5"));
        assertEquals("", scalar("int(null) > 5"));
        assertEquals("", scalar("int(null) + 1"));
        assertEquals("false", scalar("false and bool(null)"));
        assertEquals("true", scalar("true or bool(null)"));
        assertEquals("", scalar("not(bool(null))"));
        assertEquals("false", scalar("isnull('')"));
        assertEquals("true", scalar("isempty('')"));
    }

    @Test
    void whereTreatsNullAsFalse() {
        Table t = run("datatable(i:int)[5, int(null), 7] | where i != 5");
        assertEquals(List.of(List.of(""), List.of("7")), rows(t));
        assertEquals(1, run("datatable(i:int)[5, int(null)] | where i > 1").rowCount());
    }

    @Test
    void emptyInputWithoutByGivesOneRowOfDefaults() {
        Table t = run("datatable(x:long, s:string)[] | summarize count(), countif(x > 1), dcount(s), sum(x), make_set(s), avg(x), max(x)");
        assertEquals(List.of("count_", "countif_", "dcount_s", "sum_x", "set_s", "avg_x", "max_x"), names(t));
        assertEquals(List.of(List.of("0", "0", "0", "0", "[]", "", "")), rows(t));
    }

    @Test
    void emptyInputWithByGivesNoRows() {
        assertEquals(0, run("datatable(x:long, s:string)[] | summarize count() by s").rowCount());
    }

    @Test
    void aggregatesIgnoreNulls() {
        Table t = run("datatable(k:string, x:long)['a', 1, 'a', long(null), 'b', long(null)] | summarize s = sum(x), d = dcount(x), l = make_list(x), a = avg(x) by k | order by k asc");
        assertEquals(List.of(List.of("a", "1", "1", "[1]", "1"), List.of("b", "0", "0", "[]", "NaN")), rows(t));
    }

    @Test
    void dcountIsExact() {
        assertEquals("5000", rows(run("range i from 1 to 5000 step 1 | summarize dcount(i)")).get(0).get(0));
    }

    @Test
    void argMaxWithStarKeepsOtherColumnsAndLeavesGroupKeysOut() {
        Table t = run("datatable(Fruit:string, Color:string, Version:int)['Apple','Red',1,'Apple','Green',int(null),'Pear','Brown',1,'Pear','Green',2]"
                + " | summarize arg_max(Version, *) by Fruit | order by Fruit asc");
        assertEquals(List.of("Fruit", "Version", "Color"), names(t));
        assertEquals(List.of(List.of("Apple", "1", "Red"), List.of("Pear", "2", "Green")), rows(t));
    }

    @Test
    void expressionsOverAggregates() {
        Table t = run("datatable(x:long)[1, 5, 9] | summarize span = max(x) - min(x), n = count()");
        assertEquals(List.of(List.of("8", "3")), rows(t));
    }

    @Test
    void percentileIsNearestRank() {
        Table t = run("range x from 1 to 10 step 1 | summarize percentiles(x, 50, 90, 100)");
        assertEquals(List.of("percentile_x_50", "percentile_x_90", "percentile_x_100"), names(t));
        assertEquals(List.of(List.of("5", "9", "10")), rows(t));
    }

    @Test
    void integerDivisionAndModulo() {
        assertEquals("3", scalar("7 / 2"));
        assertEquals("", scalar("7 / 0"));
        assertEquals("2", scalar("-10 % 4"));
        assertEquals("3.5", scalar("7 / 2.0"));
        assertEquals("", scalar("toint('x')"));
        assertEquals("True", scalar("tostring(true)"));
        assertEquals("a-False", scalar("strcat('a-', 1 == 2)"));
        assertEquals("2020-01-01T00:00:00.0000000Z", scalar("tostring(datetime(2020-01-01))"));
    }

    @Test
    void unnamedCallsTakeKustoResultNames() {
        Table t = run("datatable(c:long, n:long)[1, 2] | summarize make_list(tostring(c)), sum(n) by tostring(n)");
        assertEquals(List.of("n", "list_c", "sum_n"), names(t));
        assertEquals(List.of("c", "Column1"), names(run("datatable(c:long)[1] | project tostring(c), c + 1")));
    }
}

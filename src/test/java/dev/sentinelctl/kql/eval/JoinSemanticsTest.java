package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** join kinds (join-operator.md), lookup, union. */
class JoinSemanticsTest {

    private static final String LEFT = "let L = datatable(k:string, v:long)['a', 1, 'a', 2, 'b', 3];\n";
    private static final String RIGHT = "let R = datatable(k:string, w:long)['a', 10, 'a', 20, 'c', 30];\n";

    @Test
    void innerUniqueIsTheDefaultAndDeduplicatesTheLeft() {
        Table t = run(LEFT + RIGHT + "L | join R on k");
        assertEquals(List.of("k", "v", "k1", "w"), names(t));
        assertEquals(2, t.rowCount());
        assertEquals(4, run(LEFT + RIGHT + "L | join kind=inner R on k").rowCount());
    }

    @Test
    void outerKindsPadWithNulls() {
        assertEquals(5, run(LEFT + RIGHT + "L | join kind=leftouter R on k").rowCount());
        assertEquals(5, run(LEFT + RIGHT + "L | join kind=rightouter R on k").rowCount());
        assertEquals(6, run(LEFT + RIGHT + "L | join kind=fullouter R on k").rowCount());
        Table b = run(LEFT + RIGHT + "L | join kind=leftouter R on k | where k == 'b'");
        assertEquals(List.of(List.of("b", "3", "", "")), rows(b));
    }

    @Test
    void semiAndAntiKeepOneSide() {
        assertEquals(List.of("k", "v"), names(run(LEFT + RIGHT + "L | join kind=leftsemi R on k")));
        assertEquals(2, run(LEFT + RIGHT + "L | join kind=leftsemi R on k").rowCount());
        assertEquals(List.of(List.of("b", "3")), rows(run(LEFT + RIGHT + "L | join kind=leftanti R on k")));
        assertEquals(List.of(List.of("c", "30")), rows(run(LEFT + RIGHT + "L | join kind=rightanti R on k")));
    }

    @Test
    void leftRightKeysWithDifferentNames() {
        Table t = run(LEFT + "let R2 = datatable(key:string, w:long)['b', 7];\nL | join kind=inner (R2) on $left.k == $right.key");
        assertEquals(List.of(List.of("b", "3", "b", "7")), rows(t));
    }

    @Test
    void lookupDropsTheRightKey() {
        Table t = run(LEFT + "let D = datatable(k:string, name:string)['a', 'Alpha'];\nL | lookup D on k | order by v asc");
        assertEquals(List.of("k", "v", "name"), names(t));
        assertEquals(List.of(List.of("a", "1", "Alpha"), List.of("a", "2", "Alpha"), List.of("b", "3", "")), rows(t));
    }

    @Test
    void unionWithSourceAndDifferentTypes() {
        Table t = run("union withsource=T (datatable(x:long)[1] | as A), (datatable(x:string)['s'] | as B)");
        assertEquals(List.of("T", "x_long", "x_string"), names(t));
        assertEquals(List.of(List.of("A", "1", ""), List.of("B", "", "s")), rows(t));
    }
}

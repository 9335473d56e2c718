package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Grouping by several keys, through the dense combination array and (past its size) the hash map, agree. */
class GroupingTest {

    @Test
    void smallProductsAndLargeProductsGroupTheSame() {
        // 3,000 × 3,000 distinct pairs is past the dense array's 4 M slots: the hashed path
        String large = "range x from 1 to 3000 step 1 | extend a = x, b = (x * 7) % 3001"
                + " | summarize n = count() by a, b | summarize groups = count(), rows = sum(n), keys = dcount(strcat(a, '/', b))";
        assertEquals(List.of(List.of("3000", "3000", "3000")), rows(run(large)));
        // the same pairs with few distinct values of b: the dense path
        String small = "range x from 1 to 3000 step 1 | extend a = x % 50, b = x % 7"
                + " | summarize n = count() by a, b | summarize groups = count(), rows = sum(n)";
        assertEquals(List.of(List.of("350", "3000")), rows(run(small)));
    }

    @Test
    void keyValuesComeBackWithTheirGroupsAcrossThreeKeys() {
        String q = "datatable(u:string, h:long, t:datetime)['a', 1, datetime(2024-01-01), 'b', 1, datetime(2024-01-01),"
                + " 'a', 1, datetime(2024-01-01), 'a', 2, datetime(null), 'b', 1, datetime(2024-01-02)]"
                + " | summarize n = count() by u, h, t | order by u asc, h asc, t asc";
        assertEquals(List.of(
                List.of("a", "1", "2024-01-01T00:00:00.0000000Z", "2"),
                List.of("a", "2", "", "1"),
                List.of("b", "1", "2024-01-01T00:00:00.0000000Z", "1"),
                List.of("b", "1", "2024-01-02T00:00:00.0000000Z", "1")), rows(run(q)));
    }
}

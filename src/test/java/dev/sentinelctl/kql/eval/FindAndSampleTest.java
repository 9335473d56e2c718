package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** find over find-operator.md's EventsTable1/EventsTable2 examples; sample and sample-distinct sizes. */
class FindAndSampleTest {

    private static final String S1 = "acbd207d-51aa-4df7-bfa7-be70eb68f04e";

    private static Map<String, Table> events() {
        Table t1 = run("datatable(Session_Id:string, Level:string, EventText:string, Version:string)["
                + "'" + S1 + "', 'Information', 'Some Text1', 'v1.0.0',"
                + "'" + S1 + "', 'Error', 'Some Text2', 'v1.0.0',"
                + "'28b8e46e-3c31-43cf-83cb-48921c3986fc', 'Error', 'Some Text3', 'v1.0.1',"
                + "'8f057b11-3281-45c3-a856-05ebb18a3c59', 'Information', 'Some Text4', 'v1.1.0']");
        Table t2 = run("datatable(Session_Id:string, Level:string, EventText:string, EventName:string)["
                + "'f7d5f95f-f580-4ea6-830b-5776c8d64fdd', 'Information', 'Some Other Text1', 'Event1',"
                + "'" + S1 + "', 'Information', 'Some Other Text2', 'Event2',"
                + "'" + S1 + "', 'Error', 'Some Other Text3', 'Event3',"
                + "'15eaeab5-8576-4b58-8fc6-478f75d8fee4', 'Error', 'Some Other Text4', 'Event4']");
        return Map.of("EventsTable1", t1, "EventsTable2", t2);
    }

    @Test
    void projectWithPackAllPacksTheColumnsNotListed() {
        Table t = run("find in (EventsTable1, EventsTable2) where Session_Id == '" + S1 + "' and Level == 'Error'"
                + " project EventText, Version, EventName, pack_all()", events());
        assertEquals(List.of("source_", "EventText", "Version", "EventName", "pack_"), names(t));
        assertEquals(List.of(
                List.of("EventsTable1", "Some Text2", "v1.0.0", "", "{\"Session_Id\":\"" + S1 + "\",\"Level\":\"Error\"}"),
                List.of("EventsTable2", "Some Other Text3", "", "Event3", "{\"Session_Id\":\"" + S1 + "\",\"Level\":\"Error\"}")), rows(t));
    }

    @Test
    void eachTableIsFilteredByThePartOfThePredicateItHas() {
        Table t = run("find in (EventsTable1, EventsTable2) where Version == 'v1.0.0' or EventName == 'Event1'"
                + " project Session_Id, EventText, Version, EventName", events());
        assertEquals(List.of("source_", "Session_Id", "EventText", "Version", "EventName"), names(t));
        assertEquals(List.of(
                List.of("EventsTable1", S1, "Some Text1", "v1.0.0", ""),
                List.of("EventsTable1", S1, "Some Text2", "v1.0.0", ""),
                List.of("EventsTable2", "f7d5f95f-f580-4ea6-830b-5776c8d64fdd", "Some Other Text1", "", "Event1")), rows(t));
    }

    @Test
    void projectSmartKeepsPredicateAndCommonColumnsAndPacksTheRest() {
        Table t = run("find withsource=T in (EventsTable*) where Session_Id == '" + S1 + "'", events());
        assertEquals(List.of("T", "Session_Id", "Level", "EventText", "pack_"), names(t));
        assertEquals(4, t.rowCount());
        assertEquals(List.of("EventsTable1", S1, "Information", "Some Text1", "{\"Version\":\"v1.0.0\"}"), rows(t).get(0));
        assertEquals(List.of("EventsTable2", S1, "Error", "Some Other Text3", "{\"EventName\":\"Event3\"}"), rows(t).get(3));
    }

    @Test
    void tablesWithoutAnyPredicateColumnAreLeftOut() {
        Table t = run("find in (EventsTable1, EventsTable2) where Version == 'v1.1.0' project pack_all()", events());
        assertEquals(List.of(List.of("EventsTable1", "{\"Session_Id\":\"8f057b11-3281-45c3-a856-05ebb18a3c59\","
                + "\"Level\":\"Information\",\"EventText\":\"Some Text4\",\"Version\":\"v1.1.0\"}")), rows(t));
    }

    @Test
    void findOverEveryTableIsRefused() {
        assertEquals(EvalResult.UNSUPPORTED, fail("find where Level == 'Error'").code());
    }

    @Test
    void sampleDrawsRowsOfTheInput() {
        Table t = run("range x from 1 to 100 step 1 | sample 5");
        assertEquals(5, t.rowCount());
        Set<String> seen = new HashSet<>();
        for (List<String> r : rows(t)) {
            long x = Long.parseLong(r.get(0));
            assertTrue(x >= 1 && x <= 100);
            assertTrue(seen.add(r.get(0)), "a row is drawn once");
        }
        assertEquals(3, run("range x from 1 to 3 step 1 | sample 10").rowCount());
        Table d = run("range x from 1 to 100 step 1 | extend k = x % 3 | sample-distinct 10 of k");
        assertEquals(List.of("k"), names(d));
        assertEquals(Set.of("0", "1", "2"), new HashSet<>(rows(d).stream().map(r -> r.get(0)).toList()));
    }
}

package dev.sentinelctl.kql.semantic.binder;

import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.bind;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** scan's output columns, and graph operators that leave names open instead of reporting them unknown. */
class BinderScanGraphTest {

    @Test
    void scanAddsTheDeclaredColumnsThenTheMatchId() {
        assertEquals("Host:string, Time:datetime, Port:int, User:string, n:long, m_id:long",
                BinderFixtures.columns("Logons | project Host, Time, Port, User | sort by Time asc"
                        + " | scan with_match_id=m_id declare (n:long=0) with (step s1: Port > 0 => n = s1.n + 1;)"));
    }

    @Test
    void namesAfterGraphOperatorsAreNotReportedUnknown() {
        assertEquals(List.of(), codes(bind("Logons | make-graph User --> Host with Logons on User"
                + " | graph-match (a)-[e]->(b) project who = a.User, where_ = b.Host | where who != ''")));
        assertEquals(List.of(), codes(bind("Logons | make-graph User --> Host with Logons on User"
                + " | graph-to-table nodes | where isnotempty(User)")));
    }
}

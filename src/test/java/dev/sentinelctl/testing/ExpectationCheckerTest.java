package dev.sentinelctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each expectation kind, passing and failing, over a result table given directly. */
class ExpectationCheckerTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final FixtureTable RESULT = new FixtureTable("result", List.of(new Column("Sender", ScalarType.STRING),
            new Column("Recipients", ScalarType.LONG), new Column("LastSeen", ScalarType.DATETIME), new Column("Host", ScalarType.STRING)),
            List.of(new Object[] {"ceo@contoso.com", 60L, Instant.parse("2024-05-01T11:50:00Z"), "pc1"},
                    new Object[] {"root@localhost", 70L, Instant.parse("2024-05-01T11:00:00Z"), ""}));
    static final ExpectationChecker.ItemShape RULE = new ExpectationChecker.ItemShape(new ExpectationChecker.Trigger("gt", 0),
            List.of("Sender", "Host"), List.of("Recipients"));

    @TempDir
    Path dir;

    private List<ExpectationChecker.Failure> check(String expect) throws Exception {
        Path f = dir.resolve("X.tests.yaml");
        Files.writeString(f, "tests:\n  - name: t\n    now: 2024-05-01T12:00:00Z\n    expect:\n" + expect.indent(6));
        TestSuite suite = new TestSuiteLoader().load(f, "X.tests.yaml").suite().orElseThrow();
        return new ExpectationChecker(suite.document(), NOW).check(suite.tests().get(0).expect(), RESULT, RULE);
    }

    @Test
    void firesFollowsTheTrigger() throws Exception {
        assertTrue(check("fires: true").isEmpty());
        List<ExpectationChecker.Failure> f = check("fires: false");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("expected no alert (result rows > 0) but it returned 2 rows"), f.get(0).message());
        assertEquals(5, f.get(0).location().span().line());
        assertTrue(new ExpectationChecker.Trigger("gt", 2).fires(3));
        assertTrue(!new ExpectationChecker.Trigger("gt", 2).fires(2));
        assertTrue(new ExpectationChecker.Trigger("lt", 2).fires(1));
        assertTrue(new ExpectationChecker.Trigger("eq", 2).fires(2));
        assertTrue(new ExpectationChecker.Trigger("ne", 2).fires(3));
    }

    @Test
    void rowCountExactAndRange() throws Exception {
        assertTrue(check("rows: 2").isEmpty());
        assertTrue(check("rows: {min: 1, max: 2}").isEmpty());
        assertTrue(check("rows: 3").get(0).message().contains("expected exactly 3 rows, got 2"));
        assertTrue(check("rows: {max: 1}").get(0).message().contains("at most 1"));
    }

    @Test
    void containsMatchesASubsetOfColumnsTypedByTheResult() throws Exception {
        assertTrue(check("contains: [{Sender: ceo@contoso.com, Recipients: 60, LastSeen: now-10m}]").isEmpty());
        List<ExpectationChecker.Failure> miss = check("contains: [{Sender: ceo@contoso.com, Recipients: 61}]");
        assertTrue(miss.get(0).message().startsWith("no result row has {Sender: ceo@contoso.com, Recipients: 61}; rows: {Sender: ceo@contoso.com, Recipients: 60}"),
                miss.get(0).message());
        assertTrue(check("contains: [{Nope: 1}]").get(0).message().contains("the result has no column 'Nope'"));
        assertTrue(check("contains: [{Recipients: lots}]").get(0).message().contains("Recipients' is long"));
    }

    @Test
    void excludesFailsWhenAnyRowMatches() throws Exception {
        assertTrue(check("excludes: [{Sender: splunk@siem.contoso.com}]").isEmpty());
        assertTrue(check("excludes: [{Nope: 1}]").isEmpty());
        assertTrue(check("excludes: [{Sender: root@localhost}]").get(0).message().contains("1 result row has {Sender: root@localhost}, which must not be present"));
    }

    @Test
    void columnsEntitiesAndCustomDetails() throws Exception {
        assertTrue(check("columns: [Sender, Recipients]").isEmpty());
        assertTrue(check("columns: [Sender, Domain]").get(0).message().contains("no column 'Domain'"));
        assertTrue(check("customDetailsNonEmpty: true").isEmpty());
        List<ExpectationChecker.Failure> f = check("entitiesNonEmpty: true");
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("entity mapping column 'Host' is empty in 1 of 2 rows"), f.get(0).message());
    }
}

package dev.sentinelctl.kql.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LintRulesTest {
    private static final Linter LINTER = new Linter(LintRules.all(), Catalog.builtIn());
    private static final QueryFacts SCHEDULED = new QueryFacts(QueryFacts.Kind.SCHEDULED_RULE, Optional.of(Duration.ofDays(1)));
    private static final QueryFacts HUNTING = new QueryFacts(QueryFacts.Kind.HUNTING_QUERY, Optional.empty());

    static List<String> ids(String query, QueryFacts facts) {
        ParsedQuery parsed = KqlParser.parse(query);
        assertFalse(parsed.hasErrors(), () -> query + " -> " + parsed.diagnostics());
        return LINTER.lint(parsed, facts).stream().map(f -> f.rule().id()).toList();
    }

    private static QueryFacts factsFor(RuleMeta meta) {
        return meta.appliesTo().equals("hunting queries") ? HUNTING : SCHEDULED;
    }

    /** Every rule's own documented bad example fires it and its good example does not. */
    @TestFactory
    Stream<DynamicTest> documentedExamples() {
        return LintRules.all().stream().flatMap(rule -> {
            RuleMeta m = rule.meta();
            return Stream.of(
                    DynamicTest.dynamicTest(m.id() + " fires on its bad example", () ->
                            assertTrue(ids(m.bad(), factsFor(m)).contains(m.id()), m.bad())),
                    DynamicTest.dynamicTest(m.id() + " is quiet on its good example", () ->
                            assertFalse(ids(m.good(), factsFor(m)).contains(m.id()), m.good())));
        });
    }

    @Test
    void atLeastFifteenRulesWithCompleteMetadata() {
        assertTrue(LintRules.all().size() >= 15);
        for (LintRule r : LintRules.all()) {
            RuleMeta m = r.meta();
            assertTrue(m.id().startsWith("KQL-") && !m.name().isBlank() && !m.rationale().isBlank() && !m.summary().isBlank(), m.id());
        }
        assertEquals(LintRules.all().size(), LintRules.all().stream().map(r -> r.meta().id()).distinct().count());
    }

    @ParameterizedTest(name = "{0} quiet on: {1}")
    @CsvSource(delimiterString = " :: ", value = {
        "KQL-contains-vs-has :: T | where A contains \"a.b\"",
        "KQL-contains-vs-has :: T | where A contains \"ab\"",
        "KQL-tolower-compare :: T | where tolower(A) =~ \"x\"",
        "KQL-unscoped-search :: T | search \"x\"",
        "KQL-join-kind :: T | join kind=leftouter (U) on A",
        "KQL-join-time-window :: let u = U | where TimeGenerated > ago(1d); T | join kind=inner (u) on A",
        "KQL-join-time-window :: let base = U | where TimeGenerated > ago(1d); let u = base | where B == 1; T | join kind=inner u on A",
        "KQL-join-time-window :: T | join kind=inner (datatable(A:string)['x']) on A",
        "KQL-take-without-sort :: T | sort by TimeGenerated desc | take 5",
        "KQL-summarize-raw-time :: T | extend TimeGenerated = bin(TimeGenerated, 1h) | summarize count() by TimeGenerated",
        "KQL-deprecated-function :: let makeset = (x:string) { x }; T | extend y = makeset('a')",
        "KQL-lookback-beyond-period :: T | where TimeGenerated > ago(12h)",
        "KQL-regex-plain-text :: T | where A matches regex \"a.*b\"",
        "KQL-parse-json-dynamic :: T | extend y = parse_json(tostring(A.b))",
        "KQL-unused-let :: let x = 1; T | where A > x",
        "KQL-hardcoded-ip :: T | where A == \"10.1.2.3\" or B == \"192.168.0.1\"",
        "KQL-hardcoded-tenant :: T | where UserId == \"72f988bf-86f1-41af-91ab-2d7cd011db47\"",
        "KQL-ti-latest-indicator :: ThreatIntelligenceIndicator | where TimeGenerated > ago(14d) | summarize arg_max(TimeGenerated, *) by IndicatorId | where ExpirationDateTime > now() and Active == true",
    })
    void quietOnValidPatterns(String rule, String query) {
        assertFalse(ids(query, SCHEDULED).contains(rule), () -> ids(query, SCHEDULED).toString());
    }

    @ParameterizedTest(name = "{0} fires on: {1}")
    @CsvSource(delimiterString = " :: ", value = {
        "KQL-contains-vs-has :: T | where A !contains \"admin\"",
        "KQL-tolower-compare :: T | where tolower(A) in (\"x\", \"y\")",
        "KQL-unscoped-search :: union * | where A == 1",
        "KQL-join-time-window :: let u = U | where B == 1; T | where TimeGenerated > ago(1h) | join kind=inner (u) on A",
        "KQL-join-time-window :: T | where TimeGenerated > ago(1h) | lookup kind=leftouter U on A",
        "KQL-summarize-raw-time :: T | summarize count() by Bucket = Timestamp",
        "KQL-deprecated-function :: T | extend y = parsejson(A)",
        "KQL-parse-json-dynamic :: T | extend y = todynamic(parse_json(A))",
        "KQL-hardcoded-ip :: T | where A in (\"8.8.8.8\")",
        "KQL-hardcoded-tenant :: T | where AADTenantId in (\"72f988bf-86f1-41af-91ab-2d7cd011db47\")",
    })
    void firesOnBadPatterns(String rule, String query) {
        assertTrue(ids(query, SCHEDULED).contains(rule), () -> query + " -> " + ids(query, SCHEDULED));
    }

    @Test
    void ruleScopesFollowTheContentKind() {
        String take = "T | take 5";
        assertTrue(ids(take, SCHEDULED).contains("KQL-take-without-sort"));
        assertFalse(ids(take, HUNTING).contains("KQL-take-without-sort"));
        String unbounded = "SigninLogs | where ResultType == '0'";
        assertTrue(ids(unbounded, HUNTING).contains("KQL-no-time-filter"));
        assertFalse(ids(unbounded, SCHEDULED).contains("KQL-no-time-filter"));
        assertFalse(ids("SigninLogs | where ResultType == '0'", new QueryFacts(QueryFacts.Kind.NRT_RULE, Optional.empty()))
                .contains("KQL-lookback-beyond-period"));
    }

    @Test
    void findingsPointAtTheOffendingText() {
        String q = "T\n| where CommandLine contains \"mimikatz\"";
        LintContext.Finding f = LINTER.lint(KqlParser.parse(q), SCHEDULED).get(0);
        assertEquals("CommandLine contains \"mimikatz\"", q.substring(f.diagnostic().start(), f.diagnostic().end()));
    }

    @Test
    void suppressionComments() {
        String line = "T | where A contains \"admin\" // sentinelctl-disable KQL-contains-vs-has";
        assertFalse(ids(line, SCHEDULED).contains("KQL-contains-vs-has"));
        String next = "T\n// sentinelctl-disable-next-line KQL-contains-vs-has -- reviewed\n| where A contains \"admin\"\n| where B contains \"root\"";
        assertEquals(1, ids(next, SCHEDULED).stream().filter("KQL-contains-vs-has"::equals).count());
        String file = "// sentinelctl-disable-file KQL-contains-vs-has, KQL-join-kind\nT | where A contains \"admin\" | join (U) on A";
        List<String> fileIds = ids(file, SCHEDULED);
        assertFalse(fileIds.contains("KQL-contains-vs-has") || fileIds.contains("KQL-join-kind"), fileIds.toString());
        String all = "T | where A contains \"admin\" | join (U) on A // sentinelctl-disable";
        assertTrue(ids(all, SCHEDULED).isEmpty());
        String other = "T | where A contains \"admin\" // sentinelctl-disable KQL-join-kind";
        assertTrue(ids(other, SCHEDULED).contains("KQL-contains-vs-has"));
    }
}

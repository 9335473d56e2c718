package dev.sentinelctl.deploy.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.deploy.DesiredItem;

import dev.sentinelctl.deploy.config.PreflightAction;
import dev.sentinelctl.deploy.config.PreflightSettings;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What a query reads, the recency query we send, and the verdicts, without any network. */
class PreflightTest {
    static final Binder BINDER = new Binder(Catalog.builtIn());

    static QueryReads reads(String query) {
        return QueryReads.of(query, BINDER);
    }

    static DesiredItem rule(String id, String query, boolean enabled) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("displayName", "Rule " + id);
        p.put("query", query);
        p.put("enabled", enabled);
        ArmResource r = new ArmResource("Microsoft.SecurityInsights/alertRules", "2023-12-01-preview", Optional.of("Scheduled"),
                id, id, p);
        ArmResource meta = new ArmResource("Microsoft.SecurityInsights/metadata", "2022-01-01-preview", Optional.empty(),
                "analyticsrule-" + id, id, JsonNodeFactory.instance.objectNode());
        return new DesiredItem(id + ".yaml", dev.sentinelctl.deploy.kinds.alertrule.AlertRuleKind.INSTANCE, r, meta);
    }

    @Test
    void readsComeFromTheBinderWithFuzzyUnionsFunctionsAndWatchlistsSeparated() {
        QueryReads join = reads("SecurityEvent | join kind=inner (SigninLogs | project UserPrincipalName) on $left.Account "
                + "== $right.UserPrincipalName");
        assertEquals(List.of("SecurityEvent", "SigninLogs"), join.tables());
        QueryReads fuzzy = reads("union isfuzzy=true SecurityEvent, (Syslog | where Facility == 'auth') | take 1");
        assertEquals(List.of(), fuzzy.tables());
        assertEquals(List.of("SecurityEvent", "Syslog"), fuzzy.optionalTables());
        QueryReads both = reads("SecurityEvent | union isfuzzy=true Syslog | take 1");
        assertEquals(List.of("SecurityEvent"), both.tables());
        assertEquals(List.of("Syslog"), both.optionalTables());
        QueryReads watch = reads("let alias = 'VIPs'; let vips = _GetWatchlist(alias) | project SearchKey;\n"
                + "SigninLogs | where UserPrincipalName in (vips)");
        assertEquals(List.of("SigninLogs"), watch.tables());
        assertEquals(List.of("VIPs"), watch.watchlists());
        QueryReads custom = reads("Firewall_CL | take 1");
        assertEquals(List.of("Firewall_CL"), custom.tables());
        QueryReads asim = reads("imAuthentication | where EventResult == 'Failure'");
        assertEquals(List.of(), asim.tables());
        assertTrue(asim.unchecked().get(0).startsWith("imAuthentication (a workspace function"), asim.unchecked().toString());
        QueryReads parser = reads("_Im_Dns(starttime=ago(1h)) | take 1");
        assertTrue(parser.unchecked().get(0).startsWith("_Im_Dns (a workspace function"), parser.unchecked().toString());
        assertTrue(parser.checksNothing());
        QueryReads unknown = reads("MyParser | take 1");
        assertEquals(List.of("MyParser (not a known table: a function or parser?)"), unknown.unchecked());
    }

    @Test
    void theRecencyQueryQuotesEveryNameAndItsAnswerIsParsedByColumnName() {
        String q = RecencyQuery.text(List.of("SecurityEvent", "Odd'Name\\_CL"), Duration.ofDays(7));
        assertEquals("union withsource=SentinelctlTable isfuzzy=true ['SecurityEvent'], ['Odd\\'Name\\\\_CL']\n"
                + "| where TimeGenerated > ago(7d)\n| summarize LastRecord = max(TimeGenerated) by SentinelctlTable", q);
        assertEquals("90m", RecencyQuery.timespan(Duration.ofMinutes(90)));
        assertEquals("45s", RecencyQuery.timespan(Duration.ofSeconds(45)));
        var answer = JsonMapper.builder().build().readTree("""
                {"tables": [{"name": "PrimaryResult", "columns": [{"name": "LastRecord", "type": "datetime"},
                 {"name": "SentinelctlTable", "type": "string"}],
                 "rows": [["2026-01-02T03:04:05.678Z", "SecurityEvent"], [null, "Syslog"]]}]}""");
        assertEquals(Map.of("SecurityEvent", Instant.parse("2026-01-02T03:04:05.678Z")), RecencyQuery.parse(answer));
        assertThrows(IllegalArgumentException.class, () -> RecencyQuery.parse(JsonMapper.builder().build().readTree("{}")));
    }

    @Test
    void verdictsFollowTheSettingsAndTheStricterActionWins() {
        DesiredItem csl = rule("r1", "CommonSecurityLog | take 1", true);
        DesiredItem se = rule("r2", "SecurityEvent | join (Syslog) on Computer", true);
        DesiredItem off = rule("r3", "CommonSecurityLog | take 1", false);
        DesiredItem fuzzy = rule("r4", "union isfuzzy=true CommonSecurityLog, Syslog | take 1", true);
        DesiredItem vip = rule("r5", "let v = _GetWatchlist('VIPs'); SecurityEvent | take 1", true);
        List<DesiredItem> items = List.of(csl, se, off, fuzzy, vip);
        PreflightSettings settings = new PreflightSettings(null, PreflightAction.DISABLE, Duration.ofDays(7), PreflightAction.SKIP);
        Preflight.Needs needs = Preflight.needs(items, settings, PreflightTest::reads);
        assertEquals(Set.of("r1", "r2", "r4", "r5"), needs.byId().keySet(), "a disabled rule needs no check");
        assertEquals(Set.of("CommonSecurityLog", "SecurityEvent", "Syslog"), needs.tables());
        assertEquals(Set.of("VIPs"), needs.watchlists());

        WorkspaceFacts facts = new WorkspaceFacts(Set.of("SecurityEvent", "Syslog"), Optional.of(Set.of()),
                Optional.of(new WorkspaceFacts.DataFacts(Duration.ofDays(7), Set.of("SecurityEvent", "Syslog"),
                        Map.of("SecurityEvent", Instant.now()), Optional.empty())));
        Map<String, PreflightResult> v = Preflight.decide("law-x", items, needs, facts, settings);
        assertEquals(PreflightAction.DISABLE, v.get("r1").action());
        assertEquals("table CommonSecurityLog does not exist in law-x", v.get("r1").reason());
        assertEquals(PreflightAction.SKIP, v.get("r2").action(), "Syslog is silent and noData is skip");
        assertEquals("no data in Syslog for 7d", v.get("r2").reason());
        assertEquals(PreflightAction.SKIP, v.get("r4").action(), "one fuzzy table exists, but it is silent");
        assertEquals("watchlist 'VIPs' does not exist in law-x", v.get("r5").reason());
        assertEquals(PreflightAction.DISABLE, v.get("r5").action());

        // The same rule with a missing table and a silent one: the stricter action, both reasons.
        DesiredItem both = rule("r6", "CommonSecurityLog | join (Syslog) on Computer", true);
        PreflightResult r6 = Preflight.decide("law-x", both, reads(both.resource().properties().path("query").asString()), facts,
                new PreflightSettings(null, PreflightAction.DEPLOY, Duration.ofDays(7), PreflightAction.FAIL));
        assertEquals(PreflightAction.FAIL, r6.action());
        assertEquals("table CommonSecurityLog does not exist in law-x; no data in Syslog for 7d", r6.reason());

        // A partial answer proves no silence: nothing is held back on it.
        WorkspaceFacts partial = new WorkspaceFacts(facts.tables(), Optional.empty(), Optional.of(new WorkspaceFacts.DataFacts(
                Duration.ofDays(7), Set.of("SecurityEvent", "Syslog"), Map.of(), Optional.of("There were some errors"))));
        PreflightResult r2 = Preflight.decide("law-x", se, reads("SecurityEvent | join (Syslog) on Computer"), partial, settings);
        assertTrue(r2.passed());
        assertTrue(r2.unchecked().contains("Syslog (data not confirmed: There were some errors)"), r2.unchecked().toString());

        assertTrue(Preflight.needs(items, new PreflightSettings(false, null, null, null), PreflightTest::reads).isEmpty());
    }

    @Test
    void settingsLayerFieldByFieldWithDefaults() {
        PreflightSettings none = PreflightSettings.UNSET;
        assertTrue(none.isEnabled());
        assertEquals(PreflightAction.SKIP, none.onMissingTable());
        assertEquals(PreflightAction.DISABLE, none.onNoData());
        assertTrue(none.dataWindow().isEmpty());
        PreflightSettings fleet = new PreflightSettings(null, PreflightAction.DISABLE, Duration.ofDays(1), null);
        PreflightSettings ws = fleet.then(new PreflightSettings(null, null, Duration.ZERO, PreflightAction.SKIP));
        assertEquals(PreflightAction.DISABLE, ws.onMissingTable());
        assertTrue(ws.dataWindow().isEmpty(), "checkData: false turns an inherited check off");
        assertEquals(PreflightAction.SKIP, ws.onNoData());
        assertEquals(Optional.of(PreflightAction.FAIL), PreflightAction.parse("fail"));
        assertEquals(Optional.empty(), PreflightAction.parse("Skip"));
    }

    private static final String RG = "/subscriptions/s/resourceGroups/rg";

    /** An item of {@code kind} using {@code externals}, depending on {@code dependsOn}. */
    static DesiredItem user(dev.sentinelctl.deploy.kinds.DeployableKind kind, String id, List<dev.sentinelctl.deploy.kinds.Edge> dependsOn,
            dev.sentinelctl.deploy.kinds.ExternalReference... externals) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("displayName", "Item " + id);
        ArmResource r = new ArmResource("X/y", "1", Optional.empty(), id, id, p);
        return new DesiredItem(id + ".json", kind, r, r, dependsOn, null, List.of(), List.of(externals));
    }

    static dev.sentinelctl.deploy.kinds.ExternalReference connection(String name, String where) {
        return dev.sentinelctl.deploy.kinds.ExternalReference.inResourceGroup("s", "rg", "Microsoft.Web/connections",
                "API connection", name, where);
    }

    @Test
    void aMissingReferenceIsAskedOnceTakesTheMissingTableActionDisableSkipsAndWhatNeedsItIsHeldBack() {
        var playbook = dev.sentinelctl.deploy.kinds.playbook.PlaybookKind.INSTANCE;
        var automation = dev.sentinelctl.deploy.kinds.automationrule.AutomationRuleKind.INSTANCE;
        DesiredItem a = user(playbook, "pb-a", List.of(), connection("office365", "a.json:3:5"));
        DesiredItem b = user(playbook, "pb-b", List.of(), connection("Office365", "b.json:7:9"), connection("teams", "b.json:8:9"));
        DesiredItem rule = user(automation, "ar-1", List.of(new dev.sentinelctl.deploy.kinds.Edge(playbook.id(), "pb-a", "runs playbook a.json")));
        DesiredItem fine = user(automation, "ar-2", List.of());
        List<DesiredItem> items = List.of(a, b, rule, fine);
        PreflightSettings disable = new PreflightSettings(null, PreflightAction.DISABLE, null, null);
        Preflight.Needs needs = Preflight.needs(items, disable, q -> reads(q));
        assertEquals(2, needs.referencedIds().size(), "office365 in two cases is one id: " + needs.referencedIds().keySet());

        assertEquals(List.of(RG + "/providers/Microsoft.Web/connections/office365", RG + "/providers/Microsoft.Web/connections/teams"),
                needs.referencedIds().values().stream().map(dev.sentinelctl.deploy.kinds.ExternalReference::resourceId).toList());
        // as Preflight.read leaves them when the GET of office365 answered 404 (the sandbox tests make the calls)
        WorkspaceFacts facts = new WorkspaceFacts(Set.of(), Optional.empty(), Optional.empty(),
                Set.of((RG + "/providers/Microsoft.Web/connections/office365").toLowerCase(java.util.Locale.ROOT)));
        Map<String, PreflightResult> verdicts = Preflight.decide("ws", items, needs, facts, disable);
        assertEquals(Set.of("pb-a", "pb-b", "ar-1"), verdicts.keySet());
        PreflightResult va = verdicts.get("pb-a");
        assertEquals(PreflightAction.SKIP, va.action(), "disable is a rule's switch: a playbook is skipped");
        assertTrue(va.reason().startsWith("API connection 'office365' used at a.json:3:5 does not exist in resource group rg: "
                + "create it there and authorise it"), va.reason());
        assertEquals(List.of(RG + "/providers/Microsoft.Web/connections/office365"), va.missingResources());
        assertEquals(1, verdicts.get("pb-b").missingResources().size(), "teams exists: " + verdicts.get("pb-b"));
        PreflightResult held = verdicts.get("ar-1");
        assertEquals(PreflightAction.SKIP, held.action());
        assertTrue(held.reason().startsWith("it needs playbook pb-a.json (runs playbook a.json), which preflight holds back: "
                + "API connection 'office365'"), held.reason());

        PreflightSettings fail = new PreflightSettings(null, PreflightAction.FAIL, null, null);
        assertEquals(PreflightAction.FAIL, Preflight.decide("ws", items, needs, facts, fail).get("ar-1").action());
        PreflightSettings deploy = new PreflightSettings(null, PreflightAction.DEPLOY, null, null);
        Map<String, PreflightResult> deployed = Preflight.decide("ws", items, needs, facts, deploy);
        assertEquals(PreflightAction.DEPLOY, deployed.get("pb-a").action());
        assertTrue(!deployed.containsKey("ar-1"), "a playbook deployed anyway holds nothing back");
        assertEquals(Preflight.Needs.NONE, Preflight.needs(items, new PreflightSettings(false, null, null, null), q -> reads(q)));
    }
}

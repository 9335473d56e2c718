package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.report.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FleetLoaderTest {
    static final String MSSP = "00000000-0000-0000-0000-00000000aaaa";
    static final String CONTOSO = "11111111-1111-1111-1111-111111111111";
    static final String FABRIKAM = "22222222-2222-2222-2222-222222222222";
    static final String SUB1 = "33333333-3333-3333-3333-333333333333";
    static final String SUB2 = "44444444-4444-4444-4444-444444444444";

    static final String FLEET = """
            other: {kept: true}          # other sections of a sentinelctl.yaml are not ours
            fleet:
              defaults:
                credential: lighthouse
                resourceGroup: rg-sentinel
                labels: [managed]
                content:
                  include: ["Detections/**"]
                exclusions:
                  excludedSenders: [root@localhost]
                overrides:
                  34424d14-230d-428b-958b-d6d48c1a1c52: {severity: Medium, triggerThreshold: 0}
              credentials:
                lighthouse: {type: workload-identity, tenant: %1$s, clientId: %1$s, lighthouse: true}
                fabrikam-spn: {type: environment, tenant: %3$s}
              groups:
                contoso:
                  tenant: %2$s
                  subscription: %4$s
                  labels: [retail]
                  exclusions:
                    excludedSenders: {append: [splunk@contoso.example]}
                    excludedSenderDomains: {watchlist: SiemSenders}
                fabrikam:
                  tenant: %3$s
                  subscription: %5$s
                  credential: fabrikam-spn
                  content:
                    include: {append: ["Hunting Queries/**"]}
                    exclude: ["**/Experimental*"]
              rings:
                - name: canary
                  maxFailureRate: 0
                  workspaces:
                    - {name: law-contoso-canary, group: contoso}
                - name: broad
                  maxFailureRate: 0.1
                  minWorkspaces: 2
                  labels: [broad]
                  workspaces:
                    - name: law-contoso-prod
                      group: contoso
                      labels: [eu]
                      exclusions:
                        excludedSenders: []
                      overrides:
                        34424d14-230d-428b-958b-d6d48c1a1c52: {severity: High}
                    - name: law-fabrikam
                      group: fabrikam
                      resourceGroup: rg-fab
            """.formatted(MSSP, CONTOSO, FABRIKAM, SUB1, SUB2);

    @Test
    void inheritanceResolvesToFlatTargets() {
        FleetConfig fleet = new FleetLoader().read(FLEET, "fleet.yaml");
        assertEquals(List.of("canary", "broad"), fleet.rings().stream().map(Ring::name).toList());
        assertEquals(new Ring("broad", 1, 0.1, 2), fleet.rings().get(1));
        assertEquals(3, fleet.targets().size());

        WorkspaceTarget canary = fleet.targets().get(0);
        assertEquals("/subscriptions/" + SUB1 + "/resourceGroups/rg-sentinel/providers/Microsoft.OperationalInsights/workspaces/law-contoso-canary",
                canary.resourceId());
        assertEquals(CONTOSO, canary.tenant());
        assertEquals(List.of("managed", "retail"), canary.labels());
        assertEquals("lighthouse", canary.credential().name());
        assertTrue(canary.credential().lighthouse());
        assertEquals(MSSP, canary.credential().tokenTenant(canary.tenant()));
        assertEquals(new ExclusionValues.Literals(List.of("root@localhost", "splunk@contoso.example")), canary.exclusions().get("excludedSenders"));
        assertEquals(new ExclusionValues.Watchlist("SiemSenders", "SearchKey"), canary.exclusions().get("excludedSenderDomains"));
        assertEquals(Map.of("severity", "Medium", "triggerThreshold", 0L), canary.overrides().get("34424d14-230d-428b-958b-d6d48c1a1c52"));

        WorkspaceTarget prod = fleet.targets().get(1);
        assertEquals(List.of("managed", "broad", "retail", "eu"), prod.labels());
        assertEquals(new ExclusionValues.Literals(List.of()), prod.exclusions().get("excludedSenders"), "[] clears the inherited list");
        assertEquals(Map.of("severity", "High", "triggerThreshold", 0L), prod.overrides().get("34424d14-230d-428b-958b-d6d48c1a1c52"));

        WorkspaceTarget fab = fleet.targets().get(2);
        assertEquals("rg-fab", fab.resourceGroup());
        assertEquals("fabrikam-spn", fab.credential().name());
        assertEquals(FABRIKAM, fab.credential().tokenTenant(fab.tenant()));
        assertFalse(fab.credential().lighthouse());
        assertEquals(List.of("Detections/**", "Hunting Queries/**"), fab.content().include());
        assertTrue(fab.content().selects("Hunting Queries/EmailEvents/Mailflow.yaml"));
        assertFalse(fab.content().selects("Detections/EmailEvents/ExperimentalThing.yaml"));
        assertFalse(canary.content().selects("Hunting Queries/EmailEvents/Mailflow.yaml"));
        assertEquals(2, fleet.withLabel("retail").size());
        assertEquals(2, fleet.inRing("broad").size());
    }

    @Test
    void preflightInheritsFieldByFieldAndABadValueIsReportedAtItsPosition() {
        String yaml = FLEET.replace("    labels: [managed]\n", "    labels: [managed]\n    preflight: {missingTable: disable, checkData: 7d}\n")
                .replace("      labels: [retail]\n", "      labels: [retail]\n      preflight: {noData: skip}\n")
                .replace("      resourceGroup: rg-fab\n", "      resourceGroup: rg-fab\n          preflight: false\n");
        FleetConfig fleet = new FleetLoader().read(yaml, "fleet.yaml");
        assertEquals(Map.of("enabled", true, "missingTable", "disable", "checkData", "7d", "noData", "skip"),
                fleet.targets().get(0).preflight(), "defaults, then the group");
        assertEquals(Map.of("enabled", false, "missingTable", "disable", "checkData", "7d"), fleet.targets().get(2).preflight(),
                "preflight: false on the workspace turns the inherited checks off");

        List<Diagnostic> d = problems(yaml.replace("{noData: skip}", "{noData: ignore}"));
        assertEquals(1, d.size(), d.toString());
        assertEquals(lineOf(yaml, "preflight: {noData: skip}"), d.get(0).line());
        assertTrue(d.get(0).message().contains("fleet.groups.contoso.preflight.noData"), d.get(0).message());
        assertFalse(problems(yaml.replace("checkData: 7d", "checkData: weekly")).isEmpty());
    }

    @Test
    void sourceIsOneNameForTheWholeFleet() {
        assertEquals(Optional.empty(), new FleetLoader().read(FLEET, "fleet.yaml").source());
        String named = FLEET.replace("fleet:\n  defaults:", "fleet:\n  source: mssp/core-detections\n  defaults:");
        assertEquals(Optional.of("mssp/core-detections"), new FleetLoader().read(named, "fleet.yaml").source());
        List<Diagnostic> empty = problems(FLEET.replace("fleet:\n  defaults:", "fleet:\n  source: \"\"\n  defaults:"));
        assertEquals(1, empty.size(), empty.toString());
        assertEquals(lineOf(FLEET, "  defaults:"), empty.get(0).line());
        assertTrue(empty.get(0).message().contains("fleet.source"), empty.get(0).message());
        // Ownership names the repository deploying; a group or workspace cannot have its own.
        assertFalse(problems(FLEET.replace("    tenant: " + FABRIKAM + "\n", "    tenant: " + FABRIKAM + "\n      source: x\n")).isEmpty());
    }

    @Test
    void apiVersionsAreOneTableForTheFleetAndABadOneIsReportedAtItsLine() {
        assertEquals(java.util.Map.of(), new FleetLoader().read(FLEET, "fleet.yaml").apiVersions());
        String set = FLEET.replace("fleet:\n  defaults:", "fleet:\n  apiVersions: {savedSearches: 2023-09-01}\n  defaults:");
        assertEquals(java.util.Map.of("savedSearches", "2023-09-01"), new FleetLoader().read(set, "fleet.yaml").apiVersions());
        String bad = FLEET.replace("fleet:\n  defaults:", "fleet:\n  apiVersions:\n    alertRules: newest\n  defaults:");
        List<Diagnostic> d = problems(bad);
        assertEquals(1, d.size(), d.toString());
        assertEquals(lineOf(bad, "    alertRules: newest"), d.get(0).line());
        assertTrue(d.get(0).message().contains("fleet.apiVersions.alertRules"), d.get(0).message());
        assertFalse(problems(FLEET.replace("fleet:\n  defaults:", "fleet:\n  apiVersions: {workbooks: 2023-06-01}\n  defaults:"))
                .isEmpty());
    }

    static List<Diagnostic> problems(String yaml) {
        return assertThrows(ConfigException.class, () -> new FleetLoader().read(yaml, "fleet.yaml")).diagnostics();
    }

    @Test
    void secretsAreRefusedAtTheirKey() {
        List<Diagnostic> d = problems(FLEET.replace("fabrikam-spn: {type: environment, tenant: " + FABRIKAM + "}",
                "fabrikam-spn: {type: environment, tenant: " + FABRIKAM + ", clientSecret: abc8Q~abcdefghijklmnopqrstuvwxyz0123456}"));
        assertEquals(1, d.size(), d.toString());
        assertEquals("FLEET-secret", d.get(0).ruleId());
        assertEquals(lineOf(FLEET, "fabrikam-spn:"), d.get(0).line());
        assertTrue(d.get(0).message().contains("clientSecret"));
        List<Diagnostic> v = problems(FLEET.replace("[root@localhost]", "[\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig\"]"));
        assertEquals("FLEET-secret", v.get(0).ruleId());
        assertEquals(lineOf(FLEET, "excludedSenders: [root"), v.get(0).line());
    }

    @Test
    void schemaErrorsHaveLineAndColumn() {
        List<Diagnostic> d = problems(FLEET.replace("maxFailureRate: 0.1", "maxFailureRate: 1.5"));
        assertEquals(1, d.size(), d.toString());
        assertEquals(lineOf(FLEET, "maxFailureRate: 0.1"), d.get(0).line());
        assertTrue(d.get(0).message().contains("fleet.rings[1].maxFailureRate"), d.get(0).message());
        assertFalse(problems(FLEET.replace("group: fabrikam\n", "group: fabrikam\n          colour: blue\n")).isEmpty());
    }

    @Test
    void exclusionValueShapesGetOneClearMessageEach() {
        String yaml = "fleet:\n  defaults:\n    exclusions:\n      a: {watchlst: X}\n      b: [10.0.0.0/8, 8080]\n"
                + "      c: {append: [x], watchlist: W}\n      d: {keyColumn: K}\n      e: {}\n"
                + "  rings: [{name: r, workspaces: []}]\n";
        List<String> messages = problems(yaml).stream().map(x -> x.line() + ":" + x.column() + " " + x.message()).toList();
        assertEquals(5, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("4:11 fleet.defaults.exclusions.a.watchlst: property 'watchlst' is not defined"), messages.toString());
        assertTrue(messages.get(1).startsWith("5:23 fleet.defaults.exclusions.b[1]: integer found, string expected"), messages.toString());
        assertTrue(messages.get(2).startsWith("6:7 fleet.defaults.exclusions.c: write either append: or watchlist:, not both"), messages.toString());
        assertTrue(messages.get(3).contains("exclusions.d.keyColumn: has a missing property 'watchlist'"), messages.toString());
        assertTrue(messages.get(4).contains("exclusions.e: must have at least 1 properties"), messages.toString());
        FleetConfig fleet = new FleetLoader().read("fleet:\n  defaults:\n    exclusions:\n      d: {watchlist: W, keyColumn: K}\n"
                + "  rings: [{name: r, workspaces: []}]\n", "f.yaml");
        assertEquals(List.of(), fleet.targets());
    }

    @Test
    void resolutionProblems() {
        List<Diagnostic> unknownGroup = problems(FLEET.replace("group: fabrikam", "group: fabrikan"));
        assertTrue(unknownGroup.get(0).message().contains("group 'fabrikan' is not defined"), unknownGroup.toString());
        assertEquals(lineOf(FLEET, "group: fabrikam\n"), unknownGroup.get(0).line());
        List<Diagnostic> missing = problems(FLEET.replace("    resourceGroup: rg-sentinel\n", ""));
        assertTrue(missing.get(0).message().contains("has no resourceGroup"), missing.toString());
        List<Diagnostic> dup = problems(FLEET.replace("law-contoso-prod", "LAW-contoso-canary"));
        assertTrue(dup.get(0).message().contains("listed twice (first at line " + lineOf(FLEET, "{name: law-contoso-canary") + ")"), dup.toString());
        List<Diagnostic> cred = problems(FLEET.replace("credential: fabrikam-spn", "credential: nobody"));
        assertTrue(cred.get(0).message().contains("credential 'nobody' is not defined"), cred.toString());
        List<Diagnostic> lighthouse = problems(FLEET.replace("tenant: " + MSSP + ", clientId", "clientId"));
        assertTrue(lighthouse.get(0).message().contains("needs the managing tenant"), lighthouse.toString());
        List<Diagnostic> appendToWatchlist = problems(FLEET.replace("excludedSenders: []", "excludedSenderDomains: {append: [x.com]}"));
        assertTrue(appendToWatchlist.get(0).message().contains("appends to values inherited from a watchlist"), appendToWatchlist.toString());
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void globs() {
        ContentSelection s = new ContentSelection(List.of("Detections/**", "*.yaml"), List.of("Detections/Email*/**"));
        assertTrue(s.selects("Detections/SigninLogs/Spray.yaml"));
        assertTrue(s.selects("Top.yaml"));
        assertFalse(s.selects("Hunting Queries/X/Y.yaml"));
        assertFalse(s.selects("Detections/EmailEvents/Surge.yaml"));
        assertTrue(ContentSelection.ALL.selects("a/b/c.yaml"));
        assertEquals(Optional.empty(), Optional.<String>empty());
    }
}

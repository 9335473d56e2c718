package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.SavedPlan;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Preflight end to end with a plain deployment config: the real CLI and SDK against the sandbox, whose workspace has
 * only the tables each test sets up. Rule 1 reads SecurityEvent, rule 2 CommonSecurityLog, rule 3 SigninLogs.
 */
class DeployPreflightTest {
    @TempDir
    Path dir;

    static final String CSL = "CommonSecurityLog\n| where DeviceVendor == \"Contoso\"\n| project TimeGenerated, DeviceVendor";
    static final String SIGNIN = "SigninLogs\n| where ResultType != \"0\"\n| project TimeGenerated, UserPrincipalName";

    private DeployFixture fixture() throws Exception {
        DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults());
        f.rule(1, "Medium", DeployFixture.query(1));
        f.rule(2, "Medium", CSL);
        f.rule(3, "Medium", SIGNIN);
        return f;
    }

    private static void config(DeployFixture f, String defaults) {
        f.writeConfig(DeployFixture.config(defaults));
    }

    private static ScheduledAlertRule rule(DeployFixture f, int n) {
        return (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, DeployFixture.ruleId(n)).innerModel();
    }

    private static boolean exists(DeployFixture f, int n) {
        return f.portal().alertRules().list(RG, WS).stream().anyMatch(r -> r.name().equals(DeployFixture.ruleId(n)));
    }

    @Test
    void aRuleReadingAMissingTableIsSkippedByDefaultAndDeployedOnceTheTableExists() throws Exception {
        try (DeployFixture f = fixture()) {
            f.tables(WS, true, Map.of("SecurityEvent", "live", "SigninLogs", "live"));
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("○ skip alert rule " + DeployFixture.ruleId(2) + " \"Rule number 2\"  (table "
                    + "CommonSecurityLog does not exist in ws-prod; skipped, not deployed)"), plan.out());
            assertTrue(plan.out().contains("Plan: 2 to create, 0 to update, 0 to delete, 0 conflicts, 0 unchanged, "
                    + "1 skipped by preflight in 1 workspace."), plan.out());
            assertEquals(1, f.count("LIST", "tables"), "one tables list per workspace");

            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("skipped: prod: alert rule " + DeployFixture.ruleId(2)), apply.out());
            assertTrue(exists(f, 1) && exists(f, 3) && !exists(f, 2));

            long writes = f.writes();
            CliRunner.Run again = f.run("plan", "--detailed-exitcode");
            assertEquals(0, again.exit(), "a skip is no change: " + again.out());
            assertTrue(again.out().contains("○ skip alert rule " + DeployFixture.ruleId(2)), again.out());
            CliRunner.Run reapply = f.run("apply");
            assertEquals(0, reapply.exit(), reapply.out() + reapply.err());
            assertTrue(reapply.out().contains("No changes. The workspaces match the content (1 rule skipped by preflight"), reapply.out());
            assertEquals(writes, f.writes(), "a rerun writes nothing");

            f.tables(WS, true, Map.of("SecurityEvent", "live", "SigninLogs", "live", "CommonSecurityLog", "live"));
            CliRunner.Run appeared = f.run("apply");
            assertEquals(0, appeared.exit(), appeared.out() + appeared.err());
            assertTrue(appeared.out().contains("+ create alert rule " + DeployFixture.ruleId(2)), appeared.out());
            assertTrue(rule(f, 2).enabled());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    @Test
    void disableDeploysTheRuleDisabledHoldsItWithoutChangesAndEnablesItWhenTheTableAppears() throws Exception {
        try (DeployFixture f = fixture()) {
            config(f, "preflight: {missingTable: disable}");
            f.tables(WS, true, Map.of("SecurityEvent", "live", "SigninLogs", "live"));
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("+ create alert rule " + DeployFixture.ruleId(2) + " \"Rule number 2\"  (deployed "
                    + "disabled: table CommonSecurityLog does not exist in ws-prod)"), apply.out());
            assertFalse(rule(f, 2).enabled());
            assertTrue(rule(f, 1).enabled());

            long writes = f.writes();
            CliRunner.Run held = f.run("plan", "--detailed-exitcode");
            assertEquals(0, held.exit(), "held disabled is not drift: " + held.out());
            assertTrue(held.out().contains("= unchanged alert rule " + DeployFixture.ruleId(2) + " \"Rule number 2\"  (kept "
                    + "disabled: table CommonSecurityLog does not exist in ws-prod)"), held.out());
            CliRunner.Run drift = f.run("drift");
            assertEquals(0, drift.exit(), drift.out() + drift.err());
            assertEquals(0, f.run("apply").exit());
            assertEquals(writes, f.writes(), "a rerun writes nothing");

            f.tables(WS, false, Map.of());
            CliRunner.Run enable = f.run("plan", "--detailed-exitcode");
            assertEquals(2, enable.exit(), enable.out());
            assertTrue(enable.out().contains("~ update alert rule " + DeployFixture.ruleId(2)), enable.out());
            assertTrue(enable.out().contains("properties.enabled: false → true"), enable.out());
            assertEquals(0, f.run("apply").exit());
            assertTrue(rule(f, 2).enabled());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    @Test
    void checkDataDisablesRulesOverSilentTablesWithOneQueryPerWorkspace() throws Exception {
        try (DeployFixture f = fixture()) {
            f.rule(4, "Medium", "Syslog\n| where SyslogMessage has \"denied\"\n| project TimeGenerated, HostName");
            f.tables(WS, true, Map.of("SecurityEvent", "live", "CommonSecurityLog", "PT2H", "SigninLogs", "P10D",
                    "Syslog", "empty"));
            f.sandbox.stats().reset();
            CliRunner.Run plan = f.run("plan", "--check-data");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            assertEquals(1, f.count("POST", "query"), "one recency query for every table of every rule");
            assertEquals(1, f.count("LIST", "tables"));
            assertTrue(plan.out().contains("+ create alert rule " + DeployFixture.ruleId(3) + " \"Rule number 3\"  (deployed "
                    + "disabled: no data in SigninLogs for 7d)"), plan.out());
            assertTrue(plan.out().contains("(deployed disabled: no data in Syslog for 7d)"), plan.out());
            assertFalse(plan.out().contains("Rule number 2\"  ("), "two hours ago is recent: " + plan.out());

            // A wider window finds SigninLogs' record from ten days ago.
            CliRunner.Run wide = f.run("plan", "--check-data=14d");
            assertTrue(wide.out().contains("(deployed disabled: no data in Syslog for 14d)"), wide.out());
            assertFalse(wide.out().contains("no data in SigninLogs"), wide.out());

            // Configured: skip silent tables' rules; the data check itself from the config.
            config(f, "preflight: {checkData: 7d, noData: skip}");
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("○ skip alert rule " + DeployFixture.ruleId(3) + " \"Rule number 3\"  (no data in "
                    + "SigninLogs for 7d; skipped, not deployed)"), apply.out());
            assertTrue(exists(f, 1) && exists(f, 2) && !exists(f, 3) && !exists(f, 4));

            // Without the check (the command line wins) they are deployed, enabled.
            CliRunner.Run off = f.run("apply", "--no-preflight");
            assertEquals(0, off.exit(), off.out() + off.err());
            assertTrue(rule(f, 3).enabled() && rule(f, 4).enabled());
            // Back with the check: a deployed rule over a silent table is left as it is, not deleted.
            CliRunner.Run left = f.run("plan", "--detailed-exitcode", "--prune");
            assertEquals(0, left.exit(), left.out());
            assertTrue(left.out().contains("(no data in SigninLogs for 7d; skipped, the deployed rule is left as it is)"), left.out());
            assertFalse(left.out().contains("- delete"), left.out());
        }
    }

    @Test
    void aSavedPlanAppliesWithThePreflightFlagsItWasMadeWith() throws Exception {
        try (DeployFixture f = fixture()) {
            f.tables(WS, false, Map.of("SigninLogs", "P10D"));
            Path saved = dir.resolve("reviewed.plan");
            CliRunner.Run plan = f.run("plan", "--check-data", "--out", saved.toString());
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("(deployed disabled: no data in SigninLogs for 7d)"), plan.out());
            CliRunner.Run apply = f.run("apply", "--plan", saved.toString());
            assertEquals(0, apply.exit(), "apply checks data as the reviewed plan did: " + apply.out() + apply.err());
            assertFalse(rule(f, 3).enabled());
            CliRunner.Run other = f.run("apply", "--plan", saved.toString(), "--no-preflight");
            assertEquals(2, other.exit(), other.err());
            assertTrue(other.err().contains("--check-data/--no-preflight differ from the saved plan's (--check-data)"), other.err());
        }
    }

    @Test
    void rulesDisabledByAnOverrideNeedNoPreflightAndFailStopsTheRule() throws Exception {
        try (DeployFixture f = fixture()) {
            config(f, """
                    overrides:
                      %s: {enabled: false}
                    preflight: {missingTable: fail}""".formatted(DeployFixture.ruleId(2)));
            f.tables(WS, true, Map.of("SecurityEvent", "live"));
            CliRunner.Run plan = f.run("plan");
            assertEquals(1, plan.exit(), "a rule set to fail preflight fails the plan: " + plan.out());
            assertTrue(plan.out().contains("+ create alert rule " + DeployFixture.ruleId(2) + " \"Rule number 2\"\n"),
                    "disabled by its override: deployed without a check\n" + plan.out());
            assertTrue(plan.out().contains("! fail alert rule " + DeployFixture.ruleId(3) + " \"Rule number 3\"  (table "
                    + "SigninLogs does not exist in ws-prod; not deployed (preflight is set to fail))"), plan.out());
            CliRunner.Run apply = f.run("apply");
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("failed: prod: fail alert rule " + DeployFixture.ruleId(3)), apply.out());
            assertTrue(exists(f, 1) && exists(f, 2) && !exists(f, 3));
            assertFalse(rule(f, 2).enabled());

            // Every rule disabled: nothing to check, no tables call at all.
            config(f, "overrides:\n  \"*\": {enabled: false}");
            f.sandbox.stats().reset();
            CliRunner.Run none = f.run("plan");
            assertEquals(0, none.exit(), none.out() + none.err());
            assertEquals(0, f.count("LIST", "tables"));
        }
    }

    @Test
    void jsonAndSavedPlansCarryTheVerdictAndAnUnreadableTablesListFailsTheWorkspace() throws Exception {
        try (DeployFixture f = fixture()) {
            f.rule(5, "Medium", "imAuthentication\n| where EventResult == \"Failure\"\n| project TimeGenerated, TargetUsername");
            f.tables(WS, true, Map.of("SecurityEvent", "live", "SigninLogs", "live"));
            CliRunner.Run json = f.run("plan", "--format", "json");
            assertEquals(0, json.exit(), json.out() + json.err());
            JsonNode root = JsonMapper.builder().build().readTree(json.out());
            JsonNode ws = root.path("workspaces").get(0);
            JsonNode skip = null;
            for (JsonNode c : ws.path("changes")) if (c.path("action").asString().equals("skip")) skip = c;
            assertEquals(DeployFixture.ruleId(2), skip.path("id").asString(), json.out());
            assertEquals("skip", skip.path("preflight").asString());
            assertEquals(1, root.path("summary").path("skip").asInt());
            JsonNode verdicts = ws.path("preflight");
            assertTrue(verdicts.toString().contains("\"missingTables\":[\"CommonSecurityLog\"]"), verdicts.toString());
            assertTrue(verdicts.toString().contains("imAuthentication (a workspace function or parser)"), verdicts.toString());

            CliRunner.Run verbose = f.run("plan", "--verbose");
            assertTrue(verbose.out().contains("? preflight did not check, for alert rule " + DeployFixture.ruleId(5)
                    + " \"Rule number 5\": imAuthentication (a workspace function or parser)"), verbose.out());

            Path saved = dir.resolve("reviewed.plan");
            assertEquals(0, f.run("plan", "--out", saved.toString()).exit());
            assertTrue(Files.readString(saved).contains("\"action\" : \"skip\""));
            f.tables(WS, false, Map.of());
            CliRunner.Run stale = f.run("apply", "--plan", saved.toString());
            assertEquals(1, stale.exit(), "the table appeared since the review: " + stale.out() + stale.err());
            assertTrue(stale.err().contains("no longer planned: prod: skip alert-rule " + DeployFixture.ruleId(2)), stale.err());
            assertTrue(SavedPlan.read(saved).plan().toString().contains("CommonSecurityLog"));

            f.sandbox.faults().failPath("/workspaces/" + WS + "/tables", 403);
            CliRunner.Run denied = f.run("plan");
            assertEquals(2, denied.exit(), denied.out() + denied.err());
            assertTrue(denied.err().contains("preflight cannot list the workspace's tables: 403 AuthorizationFailed"), denied.err());
            assertTrue(denied.err().contains("Microsoft.OperationalInsights/workspaces/tables/read"), denied.err());
            CliRunner.Run without = f.run("plan", "--no-preflight");
            assertEquals(0, without.exit(), without.out() + without.err());

            // With a second workspace, only the one whose tables cannot be listed is left out.
            f.writeConfig(DeployFixture.config("") + "  dev:\n    workspace: ws-dev\n");
            CliRunner.Run isolated = f.run("plan");
            assertEquals(1, isolated.exit(), isolated.out() + isolated.err());
            assertTrue(isolated.out().contains("Workspace dev (") && !isolated.out().contains("Workspace prod ("), isolated.out());
            assertTrue(isolated.err().contains("error: workspace 'prod': preflight cannot list the workspace's tables"), isolated.err());
        }
    }
}

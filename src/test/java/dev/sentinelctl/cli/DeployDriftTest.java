package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Portal-style edits (PUTs through the SDK's typed models, as the portal's API calls would) show as drift. */
class DeployDriftTest {
    @TempDir
    Path dir;

    @Test
    void disabledEditedAndDeletedRulesAreDriftAndApplyRestoresThem() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(4);
            f.hunt(1);
            assertEquals(0, f.run("apply").exit());
            CliRunner.Run clean = f.run("drift");
            assertEquals(0, clean.exit(), clean.out() + clean.err());
            assertTrue(clean.out().contains("No drift."), clean.out());

            String disabled = DeployFixture.ruleId(1);
            ScheduledAlertRule one = (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, disabled).innerModel();
            f.portal().alertRules().createOrUpdate(RG, WS, disabled, one.withEnabled(false));
            String edited = DeployFixture.ruleId(2);
            ScheduledAlertRule two = (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, edited).innerModel();
            f.portal().alertRules().createOrUpdate(RG, WS, edited, two.withQuery(two.query() + "\n| where Computer != \"dc01\""));
            f.portal().alertRules().delete(RG, WS, DeployFixture.ruleId(3));

            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted alert rule " + disabled + " \"Rule number 1\"\n"
                    + "      properties.enabled: false → true\n"), drift.out());
            assertTrue(drift.out().contains("~ drifted alert rule " + edited), drift.out());
            assertTrue(drift.out().contains("-| where Computer != \"dc01\""), drift.out());
            assertTrue(drift.out().contains("- deleted alert rule " + DeployFixture.ruleId(3)), drift.out());
            assertTrue(drift.out().contains("Drift: 3 owned resources differ"), drift.out());
            assertFalse(drift.out().contains(DeployFixture.ruleId(4)), "untouched rules are not drift");

            CliRunner.Run json = f.run("drift", "--format", "json");
            assertEquals(2, json.exit());
            JsonNode root = JsonMapper.builder().build().readTree(json.out());
            assertEquals(3, root.get("drifted").asInt());
            JsonNode first = root.get("workspaces").get(0).get("drift").get(0);
            assertEquals("properties.enabled", first.get("diffs").get(0).get("path").asString());
            assertFalse(first.get("diffs").get(0).get("before").asBoolean());

            assertEquals(0, f.run("apply").exit());
            assertEquals(0, f.run("drift").exit());
        }
    }

    @Test
    void applyShowsThePortalEditItOverwritesOnAnOwnedRule() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(2);
            assertEquals(0, f.run("apply").exit());
            f.rule(1, "High", DeployFixture.query(1));
            String id = DeployFixture.ruleId(1);
            ScheduledAlertRule one = (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, id).innerModel();
            f.portal().alertRules().createOrUpdate(RG, WS, id, one.withDescription("edited in the portal"));
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("      properties.description:\n        @@\n        -edited in the portal\n"
                    + "        +Generated rule 1.\n"), apply.out());
            assertTrue(apply.out().contains("properties.severity: \"Medium\" → \"High\""), apply.out());
            assertEquals(0, f.run("drift").exit());
        }
    }

    @Test
    void exportWritesRulesAndHuntingQueriesThatPassCheckAndSkipsOtherKinds() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(2);
            f.hunt(1);
            assertEquals(0, f.run("apply").exit());
            f.portal().alertRules().createOrUpdate(RG, WS, "BuiltInFusionAlertRule",
                    new com.azure.resourcemanager.securityinsights.models.FusionAlertRule()
                            .withAlertRuleTemplateName("f71aba3d-28fb-450b-b192-4e76a83015c8").withEnabled(true));
            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            // Fusion has a content form now (docs/kind-alert-rules-other.md): exported beside the rules, not skipped.
            assertFalse(export.out().contains("skipped alert rule BuiltInFusionAlertRule"), export.out());
            assertTrue(export.out().contains("Exported 3 analytic rules and 1 hunting query from prod"), export.out());
            assertTrue(Files.exists(out.resolve("Analytic Rules/RuleNumber1.yaml")));
            assertTrue(Files.exists(out.resolve("Hunting Queries/HuntNumber1.yaml")));
            CliRunner.Run check = CliRunner.run("check", out.toString());
            assertEquals(0, check.exit(), check.out() + check.err());
            assertTrue(check.out().contains("Checked 4 files: 0 errors"), check.out());
            // The exported files deploy as the same resources: a plan from them changes nothing but the hand-made
            // Fusion rule, which has no metadata of ours and so stays a conflict until adopted.
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode", out.toString());
            assertEquals(1, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("0 to create, 0 to update, 0 to delete, 1 conflict, 3 unchanged"), plan.out());
            assertTrue(plan.out().contains("! conflict alert rule BuiltInFusionAlertRule"), plan.out());
        }
    }
}

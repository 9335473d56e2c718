package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.FusionAlertRule;
import com.azure.resourcemanager.securityinsights.models.MicrosoftSecurityIncidentCreationAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert rules without a query (incident creation, Fusion, threat intelligence, ML) through plan, apply, drift, prune. */
class DeployBuiltInAlertRulesTest {
    static final String INCIDENTS = "3b1c1a4e-3a4f-4a70-9a53-6f6b6e1d0a01";
    static final String FUSION = "3b1c1a4e-3a4f-4a70-9a53-6f6b6e1d0a02";
    static final String ML = "3b1c1a4e-3a4f-4a70-9a53-6f6b6e1d0a03";
    static final String FUSION_TEMPLATE = "f71aba3d-28fb-450b-b192-4e76a83015c8";

    @TempDir
    Path dir;

    private static void content(DeployFixture f) {
        DeployFixture.write(f.content.resolve("Analytic Rules/Built-in/DefenderIncidents.yaml"), """
                id: %s
                kind: MicrosoftSecurityIncidentCreation
                displayName: Create incidents from Defender for Endpoint
                description: High and medium alerts only.
                enabled: true
                productFilter: Microsoft Defender Advanced Threat Protection
                severitiesFilter: [Medium, High]
                displayNamesExcludeFilter: [Test alert]
                """.formatted(INCIDENTS));
        DeployFixture.write(f.content.resolve("Analytic Rules/Built-in/Fusion.yaml"), """
                id: %s
                kind: Fusion
                alertRuleTemplateName: %s
                enabled: true
                """.formatted(FUSION, FUSION_TEMPLATE));
        DeployFixture.write(f.content.resolve("Analytic Rules/Built-in/Ml.yaml"), """
                id: %s
                kind: MLBehaviorAnalytics
                alertRuleTemplateName: fa118b98-de46-4e94-87f9-8e6d5060b60b
                enabled: false
                """.formatted(ML));
    }

    @Test
    void planApplyRerunDriftAndPrune() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            content(f);
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("+ create alert rule " + FUSION), plan.out());
            assertTrue(plan.out().contains("Plan: 4 to create"), plan.out());

            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(4, f.count("PUT", "alertRules"));
            assertEquals(4, f.count("PUT", "metadata"));
            var incidents = (MicrosoftSecurityIncidentCreationAlertRule) f.portal().alertRules().get(RG, WS, INCIDENTS).innerModel();
            assertEquals("Microsoft Defender Advanced Threat Protection", incidents.productFilter().toString());
            assertEquals(2, incidents.severitiesFilter().size());
            assertEquals(FUSION_TEMPLATE, ((FusionAlertRule) f.portal().alertRules().get(RG, WS, FUSION).innerModel())
                    .alertRuleTemplateName());

            f.sandbox.stats().reset();
            CliRunner.Run again = f.run("plan", "--detailed-exitcode");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertTrue(again.out().contains("4 unchanged"), again.out());

            // The portal switches Fusion off and widens the incident filter: both are drift.
            f.portal().alertRules().createOrUpdate(RG, WS, FUSION,
                    new FusionAlertRule().withAlertRuleTemplateName(FUSION_TEMPLATE).withEnabled(false));
            f.portal().alertRules().createOrUpdate(RG, WS, INCIDENTS, incidents.withDisplayNamesExcludeFilter(null));
            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted alert rule " + FUSION), drift.out());
            assertTrue(drift.out().contains("properties.enabled: false → true"), drift.out());
            assertTrue(drift.out().contains("~ drifted alert rule " + INCIDENTS), drift.out());
            assertEquals(0, f.run("apply").exit());
            assertEquals(0, f.run("drift").exit());

            Files.delete(f.content.resolve("Analytic Rules/Built-in/Ml.yaml"));
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            assertEquals(1, f.count("DELETE", "alertRules"));
            assertEquals(3, f.portal().alertRules().list(RG, WS).stream().count());
        }
    }

    @Test
    void aBuiltInWithoutItsTemplateIsAnErrorAtItsFile() throws Exception {
        Path content = dir.resolve("content");
        DeployFixture.write(content.resolve("Fusion.yaml"), """
                id: 3b1c1a4e-3a4f-4a70-9a53-6f6b6e1d0a02
                kind: Fusion
                enabled: true
                productFilter: Azure Security Center
                """);
        CliRunner.Run check = CliRunner.run("check", content.toString());
        assertEquals(1, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("Fusion.yaml:1:1"), check.out());
        assertTrue(check.out().contains("alertRuleTemplateName"), check.out());
    }

    @Test
    void exportWritesBuiltInsThatCheckAndPlanAsNoChange() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            content(f);
            assertEquals(0, f.run("apply").exit());
            f.portal().alertRules().createOrUpdate(RG, WS, "BuiltInFusion",
                    new FusionAlertRule().withAlertRuleTemplateName(FUSION_TEMPLATE).withEnabled(true));
            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            assertFalse(export.out().contains("skipped"), export.out());
            CliRunner.Run check = CliRunner.run("check", out.toString());
            assertEquals(0, check.exit(), check.out() + check.err());
            assertTrue(check.out().contains("Checked 4 files: 0 errors"), check.out());
        }
    }

    @Test
    void aWorkspaceSelectsBuiltInRulesByTheirKind() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            content(f);
            f.writeConfig("""
                    version: 1
                    source: %s
                    defaults:
                      tenant: sandbox-tenant
                      subscription: %s
                      resourceGroup: %s
                      credential: environment
                      content:
                        paths: [content]
                        exclude: {kinds: [Fusion, MLBehaviorAnalytics]}
                    workspaces:
                      prod:
                        workspace: %s
                    """.formatted(DeployFixture.SOURCE, DeployFixture.SUB, RG, WS));
            CliRunner.Run plan = f.run("plan");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("Plan: 2 to create"), plan.out());
            assertFalse(plan.out().contains(FUSION), plan.out());
        }
    }
}

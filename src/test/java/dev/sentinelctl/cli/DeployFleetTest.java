package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan/apply --fleet: each workspace's exclusions compiled into its deployed queries, read back from the sandbox. */
class DeployFleetTest {
    static final String MAIL_RULE = "34424d14-230d-428b-958b-d6d48c1a1c52";
    static final String HOSTILE = "o'brien\\\"; EmailEvents | take 0 //@contoso.example";

    @TempDir
    Path dir;

    static String fleet() {
        return """
                fleet:
                  defaults:
                    credential: app
                    resourceGroup: %s
                    subscription: %s
                    exclusions:
                      excludedSenders: [root@localhost]
                  credentials:
                    app: {type: environment}
                  groups:
                    contoso:
                      tenant: 11111111-1111-1111-1111-111111111111
                      overrides:
                        %s: {severity: Low, enabled: false, triggerOperator: lt, triggerThreshold: 5, suppressionEnabled: true, suppressionDuration: 2h}
                      exclusions:
                        excludedSenders: {append: ["%s"]}
                        intraOrgDomains: [contoso.example]
                    fabrikam:
                      tenant: 22222222-2222-2222-2222-222222222222
                      exclusions:
                        excludedSenderDomains: {watchlist: BenignDomains}
                        excludedSubjet: [typo]
                    plain:
                      tenant: 33333333-3333-3333-3333-333333333333
                  rings:
                    - name: canary
                      workspaces: [{name: law-contoso, group: contoso}]
                    - name: broad
                      maxFailureRate: 0.5
                      workspaces: [{name: law-fabrikam, group: fabrikam}, {name: law-plain, group: plain}]
                """.formatted(RG, SUB, DeployFixture.ruleId(2), HOSTILE);
    }

    private DeployFixture fixture() throws IOException {
        DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults());
        f.rules(2);
        Path mail = f.content.resolve("Detections/EmailEvents/MailSurgeFromOneSender.yaml");
        Files.createDirectories(mail.getParent());
        Files.copy(Path.of("content/Detections/EmailEvents/MailSurgeFromOneSender.yaml"), mail);
        DeployFixture.write(dir.resolve("fleet.yaml"), fleet());
        return f;
    }

    private static String query(DeployFixture f, String ws, String id) {
        return ((ScheduledAlertRule) f.portal().alertRules().get(RG, ws, id).innerModel()).query();
    }

    @Test
    void aBadFleetFileIsAUsageErrorWithItsPosition() throws IOException {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            DeployFixture.write(dir.resolve("fleet.yaml"), "fleet:\n  rings: 3\n");
            CliRunner.Run r = f.run("plan", "--fleet", dir.resolve("fleet.yaml").toString());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("bad fleet file:") && r.err().contains("fleet.yaml:2:"), r.err());
            CliRunner.Run ring = f.run("plan", "--ring", "canary");
            assertEquals(2, ring.exit(), ring.err());
            assertTrue(ring.err().contains("--ring and --shard need --fleet FILE"), ring.err());
        }
    }

    @Test
    void ringAndShardsSplitThePlanWithoutOverlap() throws IOException {
        try (DeployFixture f = fixture()) {
            String fleetFile = dir.resolve("fleet.yaml").toString();
            CliRunner.Run canary = f.run("plan", "--fleet", fleetFile, "--ring", "canary");
            assertEquals(0, canary.exit(), canary.out() + canary.err());
            assertTrue(canary.out().contains("Workspace law-contoso") && !canary.out().contains("law-plain"), canary.out());
            String one = f.run("plan", "--fleet", fleetFile, "--ring", "broad", "--shard", "1/2").out();
            String two = f.run("plan", "--fleet", fleetFile, "--ring", "broad", "--shard", "2/2").out();
            for (String ws : new String[] {"law-plain"}) {
                assertTrue(one.contains("Workspace " + ws) ^ two.contains("Workspace " + ws), one + two);
            }
            assertFalse(one.contains("law-contoso") || two.contains("law-contoso"));
            CliRunner.Run bad = f.run("plan", "--fleet", fleetFile, "--ring", "nope");
            assertEquals(2, bad.exit(), bad.err());
            assertTrue(bad.err().contains("no ring named 'nope'"), bad.err());
        }
    }

    @Test
    void exclusionsLandAsLiteralsInExactlyTheirWorkspacesAndACompileFailureDeploysNothingThere() throws IOException {
        try (DeployFixture f = fixture()) {
            String fleetFile = dir.resolve("fleet.yaml").toString();
            CliRunner.Run plan = f.run("plan", "--fleet", fleetFile);
            assertEquals(1, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.err().contains("workspace 'law-fabrikam': its exclusions cannot be compiled"), plan.err());
            assertTrue(plan.err().contains("endswith, which KQL cannot apply to a watchlist"), plan.err());
            assertTrue(plan.err().contains("warning: the fleet sets exclusion 'excludedSubjet', which no content item declares"), plan.err());

            CliRunner.Run apply = f.run("apply", "--fleet", fleetFile);
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            String original = Files.readString(f.content.resolve("Detections/EmailEvents/MailSurgeFromOneSender.yaml"));

            String contoso = query(f, "law-contoso", MAIL_RULE);
            assertTrue(contoso.contains("\"o'brien\\\"; EmailEvents | take 0 //@contoso.example\""), contoso);
            assertTrue(contoso.contains("root@localhost") && contoso.contains("contoso.example"), contoso);
            String plain = query(f, "law-plain", MAIL_RULE);
            assertTrue(plain.contains("root@localhost"), plain);
            assertFalse(plain.contains("brien") || plain.contains("contoso.example"), plain);
            // Rules declaring no exclusions deploy the content's query unchanged everywhere.
            assertEquals(DeployFixture.query(1), query(f, "law-contoso", DeployFixture.ruleId(1)).strip());
            assertEquals(DeployFixture.query(1), query(f, "law-plain", DeployFixture.ruleId(1)).strip());
            // The group's override changes its workspace's rule only.
            ScheduledAlertRule overridden = (ScheduledAlertRule) f.portal().alertRules().get(RG, "law-contoso", DeployFixture.ruleId(2)).innerModel();
            assertEquals("Low", overridden.severity().toString());
            assertFalse(overridden.enabled());
            assertEquals("LessThan", overridden.triggerOperator().toString());
            assertEquals(5, overridden.triggerThreshold());
            assertTrue(overridden.suppressionEnabled());
            assertEquals(java.time.Duration.ofHours(2), overridden.suppressionDuration());
            ScheduledAlertRule plainRule = (ScheduledAlertRule) f.portal().alertRules().get(RG, "law-plain", DeployFixture.ruleId(2)).innerModel();
            assertEquals("Medium", plainRule.severity().toString());
            assertTrue(plainRule.enabled());
            // The workspace whose exclusions failed got nothing at all.
            assertEquals(0, f.portal().alertRules().list(RG, "law-fabrikam").stream().count());
            assertTrue(original.contains("query:"));

            long writes = f.writes();
            CliRunner.Run rerun = f.run("plan", "--fleet", fleetFile, "--workspace", "law-contoso", "--workspace", "law-plain",
                    "--detailed-exitcode");
            assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
            CliRunner.Run reapply = f.run("apply", "--fleet", fleetFile, "--ring", "canary");
            assertEquals(0, reapply.exit(), reapply.out() + reapply.err());
            assertEquals(writes, f.writes(), "a rerun writes nothing");

            // A changed exclusion value is a query change in exactly that workspace, shown as a line diff.
            DeployFixture.write(dir.resolve("fleet.yaml"), fleet().replace("intraOrgDomains: [contoso.example]",
                    "intraOrgDomains: [contoso.example, contoso-new.example]"));
            CliRunner.Run changed = f.run("plan", "--fleet", fleetFile, "--workspace", "law-contoso", "--workspace",
                    "law-plain", "--detailed-exitcode");
            assertEquals(2, changed.exit(), changed.out() + changed.err());
            assertTrue(changed.out().contains("contoso-new.example"), changed.out());
            assertTrue(changed.out().contains("Plan: 0 to create, 1 to update"), changed.out());
        }
    }
}

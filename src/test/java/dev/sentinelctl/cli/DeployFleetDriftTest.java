package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.WorkspaceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * drift and export with --fleet, and the fleet's ownership name: each workspace is compared with its own desired
 * state (exclusions compiled in, overrides, content selection), portal edits made through the SDK show only where
 * they were made, and a workspace that cannot be read is reported while the others are checked.
 */
class DeployFleetDriftTest {
    static final String MAIL_RULE = DeployFleetTest.MAIL_RULE;

    @TempDir
    Path dir;

    /** law-contoso: exclusions and an override; law-plain: one rule left out by its content selection; law-gone: missing. */
    static String fleet(String source) {
        return """
                fleet:
                  source: %s
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
                        %s: {severity: Low, enabled: false}
                      exclusions:
                        excludedSenders: {append: [reports@contoso.example]}
                        intraOrgDomains: [contoso.example]
                    plain:
                      tenant: 33333333-3333-3333-3333-333333333333
                      content:
                        exclude: ["Detections/SecurityEvent/Rule3.yaml"]
                  rings:
                    - name: canary
                      workspaces: [{name: law-contoso, group: contoso}]
                    - name: broad
                      maxFailureRate: 1
                      workspaces: [{name: law-plain, group: plain}, {name: law-gone, group: plain}]
                """.formatted(source, RG, SUB, DeployFixture.ruleId(2));
    }

    private DeployFixture fixture() throws IOException {
        SandboxOptions options = SandboxOptions.defaults().withWorkspaces(List.of(new WorkspaceRef(SUB, RG, "law-contoso"),
                new WorkspaceRef(SUB, RG, "law-plain")));
        DeployFixture f = new DeployFixture(dir, options);
        f.rules(3);
        Path mail = f.content.resolve("Detections/EmailEvents/MailSurgeFromOneSender.yaml");
        Files.createDirectories(mail.getParent());
        Files.copy(Path.of("content/Detections/EmailEvents/MailSurgeFromOneSender.yaml"), mail);
        DeployFixture.write(dir.resolve("fleet.yaml"), fleet("mssp/core"));
        return f;
    }

    private static ScheduledAlertRule rule(DeployFixture f, String ws, String id) {
        return (ScheduledAlertRule) f.portal().alertRules().get(RG, ws, id).innerModel();
    }

    @Test
    void driftIsPerWorkspaceAgainstItsOwnDesiredStateAndAnUnreadableWorkspaceDoesNotHideTheOthers() throws Exception {
        try (DeployFixture f = fixture()) {
            String fleetFile = dir.resolve("fleet.yaml").toString();
            CliRunner.Run apply = f.run("apply", "--fleet", fleetFile);
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(rule(f, "law-contoso", MAIL_RULE).query().contains("reports@contoso.example"));

            // Exclusions, overrides and content selection are each workspace's desired state, not drift.
            CliRunner.Run clean = f.run("drift", "--fleet", fleetFile, "--workspace", "law-contoso", "--workspace", "law-plain");
            assertEquals(0, clean.exit(), clean.out() + clean.err());
            assertTrue(clean.out().contains("Workspace law-contoso (ring canary): no drift\n"), clean.out());
            assertTrue(clean.out().contains("Workspace law-plain (ring broad): no drift\n"), clean.out());
            assertTrue(clean.out().contains("No drift."), clean.out());

            // The same rule disabled in the portal of one customer is drift there only.
            String one = DeployFixture.ruleId(1);
            f.portal().alertRules().createOrUpdate(RG, "law-plain", one, rule(f, "law-plain", one).withEnabled(false));
            CliRunner.Run drift = f.run("drift", "--fleet", fleetFile);
            assertEquals(1, drift.exit(), "an unreadable workspace is an error, whatever the others show: "
                    + drift.out() + drift.err());
            assertTrue(drift.out().contains("Workspace law-contoso (ring canary): no drift\n"), drift.out());
            assertTrue(drift.out().contains("Workspace law-plain (ring broad): 1 drifted\n  ~ drifted alert rule " + one
                    + " \"Rule number 1\"\n      properties.enabled: false → true\n"), drift.out());
            assertTrue(drift.out().contains("Workspace law-gone (ring broad): not checked: cannot read its resources: 404"),
                    drift.out());
            assertTrue(drift.out().contains("Drift: 1 owned resource differ from the content; apply restores them; "
                    + "1 workspace could not be checked."), drift.out());
            assertTrue(drift.err().contains("error: workspace 'law-gone': cannot read its resources"), drift.err());

            CliRunner.Run json = f.run("drift", "--fleet", fleetFile, "--format", "json");
            assertEquals(1, json.exit());
            JsonNode root = JsonMapper.builder().build().readTree(json.out());
            assertEquals(1, root.get("drifted").asInt());
            assertEquals(1, root.get("notChecked").asInt());
            JsonNode workspaces = root.get("workspaces");
            assertEquals(List.of("law-contoso", "law-plain", "law-gone"),
                    List.of(workspaces.get(0).get("name").asString(), workspaces.get(1).get("name").asString(),
                            workspaces.get(2).get("name").asString()));
            assertEquals("broad", workspaces.get(1).get("ring").asString());
            assertEquals(one, workspaces.get(1).get("drift").get(0).get("id").asString());
            assertTrue(workspaces.get(2).get("error").asString().contains("404"), workspaces.get(2).toString());

            // --ring and --shard narrow the check; without the unreadable workspace, drift is exit 2.
            assertEquals(0, f.run("drift", "--fleet", fleetFile, "--ring", "canary").exit());
            CliRunner.Run plainOnly = f.run("drift", "--fleet", fleetFile, "--ring", "broad", "--workspace", "law-plain");
            assertEquals(2, plainOnly.exit(), plainOnly.out() + plainOnly.err());
            assertFalse(plainOnly.out().contains("law-contoso"), plainOnly.out());

            // A portal edit that removes a customer's exclusions is drift against that customer's compiled query.
            ScheduledAlertRule mail = rule(f, "law-contoso", MAIL_RULE);
            String raw = mail.query().substring(mail.query().indexOf("EmailEvents"))
                    .replaceAll("\\| where not\\([^\\n]*__sentinelctl_[^\\n]*\\n", "");
            f.portal().alertRules().createOrUpdate(RG, "law-contoso", MAIL_RULE, mail.withQuery(raw));
            CliRunner.Run canary = f.run("drift", "--fleet", fleetFile, "--ring", "canary");
            assertEquals(2, canary.exit(), canary.out() + canary.err());
            assertTrue(canary.out().contains("~ drifted alert rule " + MAIL_RULE), canary.out());
            assertTrue(canary.out().contains("+let __sentinelctl_excludedSenders = dynamic([\"root@localhost\", "
                    + "\"reports@contoso.example\"]);"), canary.out());

            assertEquals(0, f.run("apply", "--fleet", fleetFile, "--ring", "canary").exit());
            assertEquals(0, f.run("drift", "--fleet", fleetFile, "--ring", "canary").exit());
        }
    }

    @Test
    void twoRepositoriesWithTheirOwnFleetSourceShareAWorkspaceWithoutPruningEachOther() throws Exception {
        try (DeployFixture f = fixture()) {
            // A second repository ("premium") with its own content and fleet file, deploying into law-contoso too.
            Path premium = dir.resolve("premium");
            for (int n : new int[] {4, 5}) {
                f.rule(n, "High", DeployFixture.query(n));
                Path target = premium.resolve("content").resolve(f.content.relativize(f.ruleFile(n)));
                Files.createDirectories(target.getParent());
                Files.move(f.ruleFile(n), target);
            }
            DeployFixture.write(premium.resolve("fleet.yaml"), fleet("mssp/premium"));
            String core = dir.resolve("fleet.yaml").toString();
            String extra = premium.resolve("fleet.yaml").toString();

            assertEquals(0, f.run("apply", "--fleet", core, "--ring", "canary").exit());
            CliRunner.Run second = f.run("apply", "--fleet", extra, "--ring", "canary");
            assertEquals(0, second.exit(), second.out() + second.err());
            assertTrue(second.out().contains("2 to create, 0 to update, 0 to delete, 0 conflicts"), second.out());
            assertFalse(second.err().contains("sets no 'fleet.source'"), second.err());

            // Each repository prunes only what it owns: the other's rules are not its orphans.
            for (String fleetFile : new String[] {core, extra}) {
                CliRunner.Run prune = f.run("plan", "--fleet", fleetFile, "--ring", "canary", "--prune", "--detailed-exitcode");
                assertEquals(0, prune.exit(), prune.out() + prune.err());
                assertEquals(0, f.run("drift", "--fleet", fleetFile, "--ring", "canary").exit());
            }
            assertEquals(0, f.run("apply", "--fleet", core, "--ring", "canary", "--prune").exit());
            assertEquals("High", rule(f, "law-contoso", DeployFixture.ruleId(4)).severity().toString());

            // Renaming the source turns the owned rules into another source's: conflicts, never silent overwrites.
            DeployFixture.write(dir.resolve("fleet.yaml"), fleet("mssp/renamed"));
            CliRunner.Run renamed = f.run("plan", "--fleet", core, "--ring", "canary");
            assertEquals(1, renamed.exit(), renamed.out() + renamed.err());
            assertTrue(renamed.out().contains("is owned by source 'mssp/core', not 'mssp/renamed'"), renamed.out());
        }
    }

    @Test
    void exportWithAFleetWritesEachWorkspaceToItsOwnFolder() throws Exception {
        try (DeployFixture f = fixture()) {
            String fleetFile = dir.resolve("fleet.yaml").toString();
            assertEquals(1, f.run("apply", "--fleet", fleetFile).exit());
            Path out = dir.resolve("snapshot");
            CliRunner.Run export = f.run("export", "--fleet", fleetFile, "--out", out.toString());
            assertEquals(1, export.exit(), export.out() + export.err());
            assertTrue(export.out().contains("Exported 4 analytic rules and 0 hunting queries from law-contoso to "
                    + out.resolve("law-contoso")), export.out());
            assertTrue(export.out().contains("Exported 3 analytic rules and 0 hunting queries from law-plain"), export.out());
            assertTrue(export.err().contains("error: workspace 'law-gone': cannot read its resources: 404"), export.err());
            assertFalse(Files.exists(out.resolve("law-gone")));
            // Queries are exported as deployed: with the workspace's own exclusions compiled in.
            String contoso = Files.readString(out.resolve("law-contoso/Analytic Rules/MailSurgeFromOneSenderToManyRecipients.yaml"));
            assertTrue(contoso.contains("reports@contoso.example"), contoso);
            assertFalse(Files.readString(out.resolve("law-plain/Analytic Rules/MailSurgeFromOneSenderToManyRecipients.yaml"))
                    .contains("reports@contoso.example"));
            // Each folder is one workspace's content (the same ids in every folder): it passes check on its own.
            for (String ws : new String[] {"law-contoso", "law-plain"}) {
                CliRunner.Run check = CliRunner.run("check", out.resolve(ws).toString());
                assertEquals(0, check.exit(), check.out() + check.err());
            }

            CliRunner.Run one = f.run("export", "--fleet", fleetFile, "--ring", "canary", "--out", dir.resolve("one").toString());
            assertEquals(0, one.exit(), one.out() + one.err());
            assertTrue(Files.isDirectory(dir.resolve("one/law-contoso/Analytic Rules")));
        }
    }
}

package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.fleet.RolloutReport;
import dev.sentinelctl.fleet.RolloutReportJson;
import dev.sentinelctl.fleet.WorkspaceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preflight in a fleet rollout: settings inherited fleet defaults → ring → group, each workspace with its own tables,
 * a watchlist exclusion checked like a table, skips in the rollout report with their reasons, and a workspace whose
 * tables list is refused failing alone.
 */
class DeployFleetPreflightTest {
    static final String MAIL_RULE = DeployFleetTest.MAIL_RULE;

    @TempDir
    Path dir;

    static String fleet() {
        return """
                fleet:
                  defaults:
                    credential: app
                    resourceGroup: %s
                    subscription: %s
                    preflight: {missingTable: skip}
                  credentials:
                    app: {type: environment}
                  groups:
                    contoso:
                      tenant: 11111111-1111-1111-1111-111111111111
                      preflight: {missingTable: disable}
                    plain:
                      tenant: 33333333-3333-3333-3333-333333333333
                      exclusions:
                        excludedSenders: {watchlist: SiemSenders}
                  rings:
                    - name: canary
                      workspaces: [{name: law-a, group: contoso}]
                    - name: broad
                      maxFailureRate: 0.5
                      preflight: {checkData: 7d}
                      workspaces: [{name: law-b, group: plain}, {name: law-c, group: plain}]
                """.formatted(RG, SUB);
    }

    private static ScheduledAlertRule rule(DeployFixture f, String ws, String id) {
        return (ScheduledAlertRule) f.portal().alertRules().get(RG, ws, id).innerModel();
    }

    private static List<String> ids(DeployFixture f, String ws) {
        return f.portal().alertRules().list(RG, ws).stream().map(r -> r.name()).toList();
    }

    @Test
    void eachWorkspaceIsCheckedAgainstItsOwnTablesAndSettingsAndAFailedTablesListFailsOnlyItsWorkspace() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rule(1, "Medium", DeployFixture.query(1));
            f.rule(2, "Medium", DeployPreflightTest.CSL);
            f.rule(3, "Medium", DeployPreflightTest.SIGNIN);
            Path mail = f.content.resolve("Detections/EmailEvents/MailSurgeFromOneSender.yaml");
            Files.createDirectories(mail.getParent());
            Files.copy(Path.of("content/Detections/EmailEvents/MailSurgeFromOneSender.yaml"), mail);
            Path fleetFile = dir.resolve("fleet.yaml");
            DeployFixture.write(fleetFile, fleet());
            f.tables("law-a", true, Map.of("SecurityEvent", "live", "EmailEvents", "live"));
            f.tables("law-b", true, Map.of("SecurityEvent", "live", "CommonSecurityLog", "P30D", "EmailEvents", "live"));
            f.sandbox.faults().failPath("/workspaces/law-c/tables", 403);

            Path report = dir.resolve("report.json");
            CliRunner.Run r = f.run("apply", "--fleet", fleetFile.toString(), "--report", report.toString());
            assertEquals(1, r.exit(), r.out() + r.err());
            String r1 = DeployFixture.ruleId(1);
            String r2 = DeployFixture.ruleId(2);
            String r3 = DeployFixture.ruleId(3);

            // law-a: its group says disable, so the rules over missing tables land disabled.
            assertTrue(r.out().contains("+ create alert rule " + r2 + " \"Rule number 2\"  (deployed disabled: table "
                    + "CommonSecurityLog does not exist in law-a)"), r.out());
            assertFalse(rule(f, "law-a", r2).enabled());
            assertFalse(rule(f, "law-a", r3).enabled());
            assertTrue(rule(f, "law-a", r1).enabled() && rule(f, "law-a", MAIL_RULE).enabled());
            // law-b: the defaults' skip for missing tables, the ring's data check, the group's watchlist exclusion.
            assertFalse(rule(f, "law-b", r2).enabled(), "CommonSecurityLog's last record is 30 days old");
            assertTrue(rule(f, "law-b", r1).enabled());
            assertFalse(ids(f, "law-b").contains(r3) || ids(f, "law-b").contains(MAIL_RULE), ids(f, "law-b").toString());
            // law-c: never deployed, the reason says what is missing.
            assertTrue(ids(f, "law-c").isEmpty());

            RolloutReport rep = RolloutReportJson.read(report);
            WorkspaceResult a = rep.workspaces().get(0);
            WorkspaceResult b = rep.workspaces().get(1);
            WorkspaceResult c = rep.workspaces().get(2);
            assertEquals(WorkspaceResult.Status.SUCCEEDED, a.status());
            assertEquals(4, a.created().size());
            assertEquals(WorkspaceResult.Status.SUCCEEDED, b.status(), b.toString());
            assertEquals(java.util.Set.of(r1, r2), java.util.Set.copyOf(b.created()));
            assertEquals(Map.of(r3, "table SigninLogs does not exist in law-b; skipped, not deployed",
                    MAIL_RULE, "watchlist 'SiemSenders' does not exist in law-b; skipped, not deployed"),
                    Map.of(b.skipped().get(0).id(), b.skipped().get(0).reason(), b.skipped().get(1).id(), b.skipped().get(1).reason()));
            assertEquals(WorkspaceResult.Status.FAILED, c.status());
            assertTrue(c.reason().orElse("").startsWith("preflight cannot list the workspace's tables: 403 AuthorizationFailed"),
                    c.reason().toString());
            assertTrue(r.out().contains("skipped: law-b: " + r3 + ": table SigninLogs does not exist in law-b"), r.out());
            assertTrue(r.err().contains("error: workspace 'law-c': preflight cannot list"), r.err());

            // The customer creates the watchlist: the next rollout deploys the rule that reads it, and only that.
            f.portal().watchlists().define("SiemSenders").withExistingWorkspace(RG, "law-b").withDisplayName("SIEM senders")
                    .withProvider("Contoso").withItemsSearchKey("SearchKey").create();
            f.sandbox.faults().clearPaths();
            long before = f.writes();
            CliRunner.Run again = f.run("apply", "--fleet", fleetFile.toString(), "--workspace", "law-b");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertEquals(before + 2, f.writes(), "the mail rule and its metadata");
            assertTrue(((ScheduledAlertRule) f.portal().alertRules().get(RG, "law-b", MAIL_RULE).innerModel()).query()
                    .contains("_GetWatchlist(\"SiemSenders\")"));

            before = f.writes();
            CliRunner.Run rerun = f.run("apply", "--fleet", fleetFile.toString(), "--ring", "canary");
            assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
            CliRunner.Run plan = f.run("plan", "--fleet", fleetFile.toString(), "--workspace", "law-a", "--workspace", "law-b",
                    "--detailed-exitcode");
            assertEquals(0, plan.exit(), "held rules are no change: " + plan.out() + plan.err());
            assertEquals(before, f.writes(), "a rerun writes nothing");
        }
    }
}

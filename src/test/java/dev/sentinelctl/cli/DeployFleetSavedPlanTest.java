package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.fleet.RolloutReportJson;
import dev.sentinelctl.fleet.WorkspaceResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code plan --fleet F --out FILE} then {@code apply --plan FILE}: the saved plan carries each workspace's ring and
 * credential reference; apply rolls it out ring by ring under the policy, with report and resume; a workspace whose
 * changes are no longer the reviewed ones fails alone, and a changed scope refuses the whole run.
 */
class DeployFleetSavedPlanTest {
    @TempDir
    Path dir;

    static String fleet(String broadRing) {
        return """
                fleet:
                  source: mssp/core
                  defaults:
                    credential: app
                    resourceGroup: %s
                    subscription: %s
                    tenant: 11111111-1111-1111-1111-111111111111
                  credentials:
                    app: {type: environment, clientId: 99999999-9999-9999-9999-999999999999}
                  rings:
                    - name: canary
                      workspaces: [{name: law-a}]
                    - name: broad
                      maxFailureRate: 0.5
                      workspaces: [%s]
                """.formatted(RG, SUB, broadRing);
    }

    static final String BROAD = "{name: law-b}, {name: law-c}";

    private static ScheduledAlertRule rule(DeployFixture f, String ws, int n) {
        return (ScheduledAlertRule) f.portal().alertRules().get(RG, ws, DeployFixture.ruleId(n)).innerModel();
    }

    private DeployFixture deployed() throws Exception {
        DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults());
        f.rules(3);
        DeployFixture.write(dir.resolve("fleet.yaml"), fleet(BROAD));
        CliRunner.Run first = f.run("apply", "--fleet", dir.resolve("fleet.yaml").toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        f.rule(1, "High", DeployFixture.query(1)); // the reviewed change: one update in every workspace
        return f;
    }

    @Test
    void aSavedFleetPlanRollsOutRingByRingAndAStaleWorkspaceFailsAloneUntilPlannedAgain() throws Exception {
        try (DeployFixture f = deployed()) {
            Path saved = dir.resolve("fleet.plan");
            CliRunner.Run plan = f.run("plan", "--fleet", dir.resolve("fleet.yaml").toString(), "--out", saved.toString());
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            String text = Files.readString(saved);
            assertFalse(text.contains(f.secret), "no secret in a saved plan");
            JsonNode scope = JsonMapper.builder().build().readTree(text).get("fleet");
            assertEquals("mssp/core", scope.get("source").asString());
            JsonNode b = scope.get("targets").get(1);
            assertTrue(b.get("resourceId").asString().endsWith("/workspaces/law-b"), b.toString());
            assertEquals("broad", b.get("ring").asString());
            assertEquals("app", b.get("credential").get("name").asString());
            assertEquals("99999999-9999-9999-9999-999999999999", b.get("credential").get("clientId").asString());

            // Between review and apply, a customer edits law-b in the portal.
            f.portal().alertRules().createOrUpdate(RG, "law-b", DeployFixture.ruleId(2), rule(f, "law-b", 2).withEnabled(false));
            Path report = dir.resolve("report.json");
            CliRunner.Run apply = f.run("apply", "--plan", saved.toString(), "--report", report.toString());
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.err().contains("error: workspace 'law-b': its changes are not the ones saved in " + saved
                    + ": new since the plan was saved: law-b: update alert-rule " + DeployFixture.ruleId(2)), apply.err());
            List<WorkspaceResult> ws = RolloutReportJson.read(report).workspaces();
            assertEquals(List.of(WorkspaceResult.Status.SUCCEEDED, WorkspaceResult.Status.FAILED, WorkspaceResult.Status.SUCCEEDED),
                    ws.stream().map(WorkspaceResult::status).toList(), ws.toString());
            assertTrue(ws.get(1).reason().orElse("").contains("Plan again and review."), ws.get(1).toString());
            assertEquals("High", rule(f, "law-a", 1).severity().toString());
            assertEquals("High", rule(f, "law-c", 1).severity().toString());
            assertEquals("Medium", rule(f, "law-b", 1).severity().toString(), "nothing unreviewed is applied");
            assertFalse(rule(f, "law-b", 2).enabled(), "the portal edit is not overwritten unseen");

            // --resume skips what succeeded; law-b is still stale; a new plan for it, reviewed, completes the rollout.
            long writes = f.writes();
            CliRunner.Run again = f.run("apply", "--plan", saved.toString(), "--resume", report.toString());
            assertEquals(1, again.exit(), again.out() + again.err());
            assertEquals(writes, f.writes());
            Path second = dir.resolve("law-b.plan");
            assertEquals(0, f.run("plan", "--fleet", dir.resolve("fleet.yaml").toString(), "--workspace", "law-b",
                    "--out", second.toString()).exit());
            CliRunner.Run rest = f.run("apply", "--plan", second.toString(), "--resume", report.toString());
            assertEquals(0, rest.exit(), rest.out() + rest.err());
            assertTrue(rest.out().contains("Rollout complete."), rest.out());
            assertTrue(rule(f, "law-b", 2).enabled());
            assertEquals(0, f.run("plan", "--fleet", dir.resolve("fleet.yaml").toString(), "--detailed-exitcode").exit());
        }
    }

    @Test
    void aCreateWhoseBodyChangedInOneWorkspaceFailsThatWorkspaceAloneAndAContentEditFailsThemAll() throws Exception {
        try (DeployFixture f = deployed()) {
            String fleetFile = dir.resolve("fleet.yaml").toString();
            f.rule(4, "Medium", DeployFixture.query(4));
            Path saved = dir.resolve("create.plan");
            assertEquals(0, f.run("plan", "--fleet", fleetFile, "--out", saved.toString()).exit());
            // After the review, law-b's entry gains an override of the new rule: only law-b's create body changes.
            DeployFixture.write(dir.resolve("fleet.yaml"), fleet("{name: law-b, overrides: {" + DeployFixture.ruleId(4)
                    + ": {severity: High}}}, {name: law-c}"));
            Path report = dir.resolve("create-report.json");
            CliRunner.Run apply = f.run("apply", "--plan", saved.toString(), "--report", report.toString());
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.err().contains("error: workspace 'law-b': its changes are not the ones saved in " + saved
                    + ": law-b: create alert-rule " + DeployFixture.ruleId(4) + ": the body it would write is not the reviewed one"),
                    apply.err());
            List<WorkspaceResult> ws = RolloutReportJson.read(report).workspaces();
            assertEquals(List.of(WorkspaceResult.Status.SUCCEEDED, WorkspaceResult.Status.FAILED, WorkspaceResult.Status.SUCCEEDED),
                    ws.stream().map(WorkspaceResult::status).toList(), ws.toString());
            assertFalse(f.portal().alertRules().list(RG, "law-b").stream().anyMatch(r -> r.name().equals(DeployFixture.ruleId(4))),
                    "nothing unreviewed is created in law-b");
            assertEquals("Medium", rule(f, "law-a", 4).severity().toString());

            // A content edit after the review changes every workspace's create: nothing is written anywhere.
            f.rule(5, "Medium", DeployFixture.query(5));
            Path second = dir.resolve("create2.plan");
            assertEquals(0, f.run("plan", "--fleet", fleetFile, "--out", second.toString()).exit());
            f.rule(5, "Low", DeployFixture.query(5));
            long writes = f.writes();
            CliRunner.Run all = f.run("apply", "--plan", second.toString());
            assertEquals(1, all.exit(), all.out() + all.err());
            for (String name : List.of("law-a", "law-b", "law-c")) {
                assertTrue(all.err().contains("error: workspace '" + name + "': its changes are not the ones saved"), all.err());
            }
            assertEquals(writes, f.writes(), "no workspace applied an unreviewed body");
        }
    }

    @Test
    void aChangedScopeOrSelectionRefusesTheWholeRun() throws Exception {
        try (DeployFixture f = deployed()) {
            String fleetFile = dir.resolve("fleet.yaml").toString();
            Path saved = dir.resolve("fleet.plan");
            assertEquals(0, f.run("plan", "--fleet", fleetFile, "--ring", "broad", "--out", saved.toString()).exit());
            long writes = f.writes();

            CliRunner.Run ring = f.run("apply", "--plan", saved.toString(), "--ring", "canary");
            assertEquals(2, ring.exit(), ring.err());
            assertTrue(ring.err().contains("--ring canary differs from the saved plan's (--ring broad)"), ring.err());

            DeployFixture.write(dir.resolve("fleet.yaml"), fleet("{name: law-b}, {name: law-d}"));
            CliRunner.Run moved = f.run("apply", "--plan", saved.toString());
            assertEquals(1, moved.exit(), moved.out() + moved.err());
            assertTrue(moved.err().contains("refusing to apply " + saved), moved.err());
            assertTrue(moved.err().contains("no longer selected: /subscriptions/" + SUB + "/resourceGroups/" + RG
                    + "/providers/Microsoft.OperationalInsights/workspaces/law-c"), moved.err());
            assertTrue(moved.err().contains("newly selected: "), moved.err());
            DeployFixture.write(dir.resolve("fleet.yaml"), fleet(BROAD).replace("source: mssp/core", "source: mssp/other"));
            CliRunner.Run source = f.run("apply", "--plan", saved.toString());
            assertEquals(1, source.exit());
            assertTrue(source.err().contains("the ownership source is 'mssp/other', not 'mssp/core'"), source.err());
            assertEquals(writes, f.writes(), "a refused run writes nothing");

            // A new commit between plan and apply makes every workspace stale: the ring's failure budget stops the rollout.
            DeployFixture.write(dir.resolve("fleet.yaml"), fleet(BROAD));
            f.rule(3, "Low", DeployFixture.query(3));
            Path report = dir.resolve("report.json");
            CliRunner.Run commit = f.run("apply", "--plan", saved.toString(), "--report", report.toString());
            assertEquals(1, commit.exit(), commit.out() + commit.err());
            assertTrue(commit.out().contains("Rollout stopped: ring broad"), commit.out());
            assertEquals(writes, f.writes());

            CliRunner.Run notFleet = f.run("plan", "--out", dir.resolve("single.plan").toString());
            assertEquals(0, notFleet.exit(), notFleet.out() + notFleet.err());
            CliRunner.Run mixed = f.run("apply", "--plan", dir.resolve("single.plan").toString(), "--fleet", fleetFile);
            assertEquals(2, mixed.exit());
            assertTrue(mixed.err().contains("was saved without --fleet"), mixed.err());
        }
    }
}

package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.Applier;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.DeployTargets;
import dev.sentinelctl.deploy.config.PreflightFlags;
import dev.sentinelctl.deploy.Planner;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A portal edit after the plan was made is not overwritten: the update carries the planned etag. */
class DeployRaceTest {
    @TempDir
    Path dir;

    @Test
    void anEditBetweenPlanAndApplyFailsThatItemOnlyAndARerunConverges() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(3);
            assertEquals(0, f.run("apply").exit());
            f.rule(1, "High", DeployFixture.query(1));
            f.rule(2, "High", DeployFixture.query(2));

            // The engine without picocli: what another front end would call.
            DeployRun.Options options = new DeployRun.Options(null, URI.create(f.sandbox.baseUrl().toString()),
                    f.sandbox.trustFile(), null, 2, 2, 20, 100);
            DeployRun run = new DeployRun(DeployTargets.fromConfig(f.config, List.of()), options, PreflightFlags.NONE, f.env);
            List<WorkspacePlan> plans = run.plan(null, new Planner.Options(false, false));
            assertEquals(2, plans.get(0).changes().size());

            String id = DeployFixture.ruleId(1);
            ScheduledAlertRule one = (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, id).innerModel();
            f.portal().alertRules().createOrUpdate(RG, WS, id, one.withDescription("edited after the plan"));

            List<Applier.WorkspaceResult> results = run.applier((p, d, x, t) -> { })
                    .apply(plans);
            List<Applier.ItemResult> failures = results.get(0).failures();
            assertEquals(1, failures.size(), failures.toString());
            assertEquals(id, failures.get(0).change().id());
            assertTrue(failures.get(0).error().contains("changed outside sentinelctl after the plan was made"),
                    failures.get(0).error());
            assertEquals(1, results.get(0).ok(dev.sentinelctl.deploy.Change.Action.UPDATE));
            assertEquals("edited after the plan",
                    ((ScheduledAlertRule) f.portal().alertRules().get(RG, WS, id).innerModel()).description());

            assertEquals(0, f.run("apply").exit());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    @Test
    void aSavedPlanIsAppliedOnlyWhileItStillHolds() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(3);
            assertEquals(0, f.run("apply").exit());
            java.nio.file.Files.delete(f.ruleFile(3));
            f.rule(1, "High", DeployFixture.query(1));
            Path saved = dir.resolve("reviewed.plan");
            CliRunner.Run plan = f.run("plan", "--prune", "--out", saved.toString());
            assertEquals(0, plan.exit(), plan.out() + plan.err());

            // Someone edits rule 1 in the portal after the review: the saved plan no longer holds.
            String id = DeployFixture.ruleId(1);
            ScheduledAlertRule one = (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, id).innerModel();
            f.portal().alertRules().createOrUpdate(RG, WS, id, one.withEnabled(false));
            f.sandbox.stats().reset();
            CliRunner.Run refused = f.run("apply", "--plan", saved.toString());
            assertEquals(1, refused.exit(), refused.out() + refused.err());
            assertTrue(refused.err().contains("refusing to apply " + saved), refused.err());
            assertTrue(refused.err().contains("changed since the plan was saved: prod: update alert-rule " + id), refused.err());
            assertEquals(0, f.count("PUT", "alertRules") + f.count("DELETE", "alertRules"));

            assertEquals(0, f.run("plan", "--prune", "--out", saved.toString()).exit());
            CliRunner.Run apply = f.run("apply", "--plan", saved.toString());
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(1, f.count("DELETE", "alertRules"), "the saved plan's --prune was applied");
            assertEquals(0, f.run("plan", "--detailed-exitcode", "--prune").exit());
        }
    }
}

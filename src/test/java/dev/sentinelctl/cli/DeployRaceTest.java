package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.Applier;
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

            DeployOptions options = new DeployOptions();
            options.config = f.config;
            options.armEndpoint = URI.create(f.sandbox.baseUrl().toString());
            options.armTrust = f.sandbox.trustFile();
            options.retries = 2;
            options.parallelism = 2;
            options.retryDelayMs = 20;
            options.retryMaxDelayMs = 100;
            DeployRun run = new DeployRun(options, f.env);
            List<WorkspacePlan> plans = run.plan(null, new Planner.Options(false, false));
            assertEquals(2, plans.get(0).changes().size());

            String id = DeployFixture.ruleId(1);
            ScheduledAlertRule one = (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, id).innerModel();
            f.portal().alertRules().createOrUpdate(RG, WS, id, one.withDescription("edited after the plan"));

            List<Applier.WorkspaceResult> results = new Applier(run::arm, run.source, 2, (p, d, x, t) -> { })
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
}

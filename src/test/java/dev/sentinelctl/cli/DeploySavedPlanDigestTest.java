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

/**
 * A saved plan applies exactly what was reviewed or refuses: for each kind of change (create, update, delete) and each
 * resource kind, a content edit made after {@code plan --out} makes {@code apply --plan} refuse with exit 1, naming the
 * item, and write nothing — including creates, whose plan shows no field differences to compare.
 */
class DeploySavedPlanDigestTest {
    @TempDir
    Path dir;

    private static ScheduledAlertRule rule(DeployFixture f, int n) {
        return (ScheduledAlertRule) f.portal().alertRules().get(RG, WS, DeployFixture.ruleId(n)).innerModel();
    }

    private DeployFixture deployed(int rules) throws Exception {
        DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults());
        f.rules(rules);
        CliRunner.Run first = f.run("apply");
        assertEquals(0, first.exit(), first.out() + first.err());
        return f;
    }

    private CliRunner.Run refused(DeployFixture f, Path saved, String item) {
        long writes = f.writes();
        CliRunner.Run apply = f.run("apply", "--plan", saved.toString());
        assertEquals(1, apply.exit(), apply.out() + apply.err());
        assertTrue(apply.err().contains("refusing to apply " + saved), apply.err());
        assertTrue(apply.err().contains(item), apply.err());
        assertEquals(writes, f.writes(), "nothing is written when the plan is refused");
        return apply;
    }

    private Path plan(DeployFixture f, String... more) {
        Path saved = dir.resolve("plan-" + System.nanoTime() + ".json");
        String[] args = new String[more.length + 2];
        args[0] = "--out";
        args[1] = saved.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        CliRunner.Run plan = f.run("plan", args);
        assertEquals(0, plan.exit(), plan.out() + plan.err());
        return saved;
    }

    @Test
    void aCreatedRuleWhoseFileChangedAfterTheReviewIsNotCreated() throws Exception {
        try (DeployFixture f = deployed(1)) {
            f.rule(2, "Medium", DeployFixture.query(2));
            Path saved = plan(f);
            assertTrue(Files.readString(saved).contains("\"digest\" : \"sha256:"), "every change carries its digest");
            f.rule(2, "High", DeployFixture.query(2)); // edited after the review
            CliRunner.Run apply = refused(f, saved, "create alert-rule " + DeployFixture.ruleId(2));
            assertTrue(apply.err().contains("the body it would write is not the reviewed one"), apply.err());
            assertFalse(f.portal().alertRules().list(RG, WS).stream()
                    .anyMatch(r -> r.name().equals(DeployFixture.ruleId(2))), "the unreviewed rule was not created");

            f.rule(2, "Medium", DeployFixture.query(2)); // back to what was reviewed: the same plan now applies
            CliRunner.Run apply2 = f.run("apply", "--plan", saved.toString());
            assertEquals(0, apply2.exit(), apply2.out() + apply2.err());
            assertEquals("Medium", rule(f, 2).severity().toString());
        }
    }

    @Test
    void aCreatedHuntingQueryWhoseQueryChangedIsRefused() throws Exception {
        try (DeployFixture f = deployed(1)) {
            f.hunt(1);
            Path saved = plan(f);
            Path file = f.content.resolve("Hunting Queries/EmailEvents/Hunt1.yaml");
            Files.writeString(file, Files.readString(file).replace("ago(30d)", "ago(3d)"));
            refused(f, saved, "create saved-search " + DeployFixture.huntId(1));
        }
    }

    @Test
    void anUpdateWhoseBodyChangedAgainIsRefused() throws Exception {
        try (DeployFixture f = deployed(2)) {
            f.rule(1, "High", DeployFixture.query(1));
            Path saved = plan(f);
            f.rule(1, "High", DeployFixture.query(1) + "\n| where Computer != 'dc1'");
            CliRunner.Run apply = refused(f, saved, "update alert-rule " + DeployFixture.ruleId(1));
            assertTrue(apply.err().contains("changed since the plan was saved: prod: update alert-rule"), apply.err());
            assertEquals("Medium", rule(f, 1).severity().toString(), "the reviewed half of the change is not applied either");
        }
    }

    @Test
    void aDeleteOfSomethingElseThanReviewedIsRefused() throws Exception {
        try (DeployFixture f = deployed(2)) {
            Files.delete(f.ruleFile(2));
            Path saved = plan(f, "--prune");
            // Between review and apply the rule itself is removed in the portal; only its metadata is left, so the
            // delete would now remove something else than the reviewed rule and marker.
            f.portal().alertRules().delete(RG, WS, DeployFixture.ruleId(2));
            CliRunner.Run apply = refused(f, saved, "delete alert-rule " + DeployFixture.ruleId(2));
            assertTrue(apply.err().contains("changed since the plan was saved: prod: delete alert-rule"), apply.err());
        }
    }

    @Test
    void anUnchangedReviewedPlanAppliesEveryKindOfChange() throws Exception {
        try (DeployFixture f = deployed(3)) {
            f.rule(1, "High", DeployFixture.query(1));
            Files.delete(f.ruleFile(3));
            f.rule(4, "Low", DeployFixture.query(4));
            f.hunt(1);
            Path saved = plan(f, "--prune");
            CliRunner.Run apply = f.run("apply", "--plan", saved.toString());
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit(), "converged");
        }
    }

    @Test
    void aPlanSavedWithoutDigestsIsRefused() throws Exception {
        try (DeployFixture f = deployed(1)) {
            f.rule(2, "Medium", DeployFixture.query(2));
            Path saved = plan(f);
            Files.writeString(saved, Files.readString(saved).replace("sentinelctl-plan/2", "sentinelctl-plan/1"));
            long writes = f.writes();
            CliRunner.Run apply = f.run("apply", "--plan", saved.toString());
            assertEquals(2, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.err().contains("older sentinelctl"), apply.err());
            assertEquals(writes, f.writes());
        }
    }
}

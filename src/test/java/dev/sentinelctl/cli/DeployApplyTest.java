package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.AlertRule;
import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan and apply end to end: the real CLI, the real SDK over HTTPS, the local ARM sandbox. */
class DeployApplyTest {
    @TempDir
    Path dir;

    @Test
    void applyToAnEmptyWorkspaceThenARerunWritesNothing() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withPageSize(2))) {
            f.rules(5);
            f.hunt(1);
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("+ create alert rule " + DeployFixture.ruleId(1) + " \"Rule number 1\""), plan.out());
            assertTrue(plan.out().contains("Plan: 6 to create, 0 to update, 0 to delete, 0 conflicts, 0 unchanged"), plan.out());
            assertEquals(0, f.writes(), "plan writes nothing");

            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("Apply complete"), apply.out());
            assertTrue(apply.err().contains("  prod: 6/6 changes done\n"),
                    apply.err());
            assertFalse(apply.err().contains("\u001b["), "no cursor movement off a terminal");
            assertEquals(5, f.count("PUT", "alertRules"));
            assertEquals(1, f.count("PUT", "savedSearches"));
            assertEquals(6, f.count("PUT", "metadata"));

            f.sandbox.stats().reset();
            CliRunner.Run again = f.run("apply");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertTrue(again.out().contains("No changes."), again.out());
            assertEquals(0, f.writes(), "a rerun writes nothing");
            // One list per resource type; alert rules and metadata are paged by 2 in this sandbox.
            assertEquals(3, f.count("LIST", "alertRules") + f.count("GET", "alertRules"), f.sandbox.stats().snapshot().toString());
            assertEquals(1, f.count("LIST", "savedSearches"));
            assertEquals(0, f.count("GET", "savedSearches"));

            CliRunner.Run noop = f.run("plan", "--detailed-exitcode");
            assertEquals(0, noop.exit(), noop.out() + noop.err());
            assertTrue(noop.out().contains("0 to create, 0 to update, 0 to delete, 0 conflicts, 6 unchanged"), noop.out());
        }
    }

    @Test
    void oneEditedRuleIsExactlyOneUpdateAndWhitespaceOrCommentsAreNone() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(4);
            assertEquals(0, f.run("apply").exit());
            f.rule(2, "High", DeployFixture.query(2));
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("~ update alert rule " + DeployFixture.ruleId(2)), plan.out());
            assertTrue(plan.out().contains("properties.severity: \"Medium\" → \"High\""), plan.out());
            assertTrue(plan.out().contains("0 to create, 1 to update, 0 to delete, 0 conflicts, 3 unchanged"), plan.out());

            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(1, f.count("PUT", "alertRules"));
            assertEquals(0, f.count("PUT", "metadata"));

            // Same tokens, different trivia: no change.
            f.rule(3, "Medium", "// reformatted by someone\nSecurityEvent   |   where EventID == 4003 // the event\n\n"
                    + "| project TimeGenerated,\n    Computer, Account");
            CliRunner.Run trivia = f.run("plan", "--detailed-exitcode");
            assertEquals(0, trivia.exit(), trivia.out() + trivia.err());
            f.sandbox.stats().reset();
            assertTrue(f.run("apply").out().contains("No changes."));
            assertEquals(0, f.writes());

            // A real query change shows as a line diff.
            f.rule(4, "Medium", DeployFixture.query(4).replace("Account", "Account, Activity"));
            CliRunner.Run query = f.run("plan");
            assertTrue(query.out().contains("properties.query:"), query.out());
            assertTrue(query.out().contains("-| project TimeGenerated, Computer, Account\n"), query.out());
            assertTrue(query.out().contains("+| project TimeGenerated, Computer, Account, Activity\n"), query.out());
        }
    }

    @Test
    void pruneDeletesOnlyTheOwnedRuleWhoseFileWasDeleted() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(3);
            assertEquals(0, f.run("apply").exit());
            AlertRule handMade = f.portal().alertRules().createOrUpdate(RG, WS, "hand-made",
                    new ScheduledAlertRule().withDisplayName("Made in the portal").withEnabled(true)
                            .withQuery("SecurityEvent").withQueryFrequency(java.time.Duration.ofHours(1))
                            .withQueryPeriod(java.time.Duration.ofHours(1))
                            .withSeverity(com.azure.resourcemanager.securityinsights.models.AlertSeverity.LOW)
                            .withTriggerOperator(com.azure.resourcemanager.securityinsights.models.TriggerOperator.GREATER_THAN)
                            .withTriggerThreshold(0).withSuppressionEnabled(false)
                            .withSuppressionDuration(java.time.Duration.ofHours(5)));
            assertEquals("hand-made", handMade.name());
            Files.delete(f.ruleFile(2));

            CliRunner.Run plan = f.run("plan");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("1 owned resource whose content left the repository, kept"), plan.out());
            CliRunner.Run prunePlan = f.run("plan", "--prune");
            assertTrue(prunePlan.out().contains("- delete alert rule " + DeployFixture.ruleId(2)), prunePlan.out());
            assertFalse(prunePlan.out().contains("hand-made"), prunePlan.out());

            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply", "--prune");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(1, f.count("DELETE", "alertRules"));
            assertEquals(1, f.count("DELETE", "metadata"));
            assertEquals("Made in the portal", f.portal().alertRules().get(RG, WS, "hand-made").innerModel() instanceof ScheduledAlertRule s
                    ? s.displayName() : "");
            long left = f.portal().alertRules().list(RG, WS).stream().count();
            assertEquals(3, left, "two owned rules and the hand-made one");
        }
    }

    @Test
    void maxDeletesRefusesABigPrune() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(4);
            assertEquals(0, f.run("apply").exit());
            for (int i = 1; i <= 3; i++) Files.delete(f.ruleFile(i));
            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply", "--prune", "--max-deletes", "2");
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.err().contains("refusing to apply: the plan deletes 3 resources, more than --max-deletes 2"), apply.err());
            assertEquals(0, f.writes());
            assertEquals(0, f.run("apply", "--prune", "--max-deletes", "3").exit());
            assertEquals(3, f.count("DELETE", "alertRules"));
        }
    }

    @Test
    void aRuleWithTheSameIdThatWeDoNotOwnIsAConflictUnlessAdopted() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(2);
            String id = DeployFixture.ruleId(1);
            f.portal().alertRules().createOrUpdate(RG, WS, id, new ScheduledAlertRule().withDisplayName("Portal twin")
                    .withEnabled(true).withQuery("SecurityEvent | take 1").withQueryFrequency(java.time.Duration.ofHours(1))
                    .withQueryPeriod(java.time.Duration.ofHours(1))
                    .withSeverity(com.azure.resourcemanager.securityinsights.models.AlertSeverity.LOW)
                    .withTriggerOperator(com.azure.resourcemanager.securityinsights.models.TriggerOperator.GREATER_THAN)
                    .withTriggerThreshold(0).withSuppressionEnabled(false).withSuppressionDuration(java.time.Duration.ofHours(5)));
            CliRunner.Run plan = f.run("plan");
            assertEquals(1, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("! conflict alert rule " + id + " \"Rule number 1\"  (exists but was not deployed by sentinelctl"), plan.out());
            CliRunner.Run apply = f.run("apply");
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("conflict: prod: conflict alert rule " + id), apply.out());
            assertEquals("Portal twin", ((ScheduledAlertRule) f.portal().alertRules().get(RG, WS, id).innerModel()).displayName());

            CliRunner.Run adopt = f.run("apply", "--adopt");
            assertEquals(0, adopt.exit(), adopt.out() + adopt.err());
            assertEquals("Rule number 1", ((ScheduledAlertRule) f.portal().alertRules().get(RG, WS, id).innerModel()).displayName());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    @Test
    void anotherSourcesMetadataIsNeverOverwrittenWithoutAdopt() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(2);
            String id = DeployFixture.ruleId(2);
            String parent = "/subscriptions/" + DeployFixture.SUB + "/resourceGroups/" + RG
                    + "/providers/Microsoft.OperationalInsights/workspaces/" + WS
                    + "/providers/Microsoft.SecurityInsights/alertRules/" + id;
            f.portal().metadatas().define("analyticsrule-" + id).withExistingWorkspace(RG, WS).withContentId(id)
                    .withParentId(parent).withKind(com.azure.resourcemanager.securityinsights.models.Kind.ANALYTICS_RULE)
                    .withSource(new com.azure.resourcemanager.securityinsights.models.MetadataSource()
                            .withKind(com.azure.resourcemanager.securityinsights.models.SourceKind.SOURCE_REPOSITORY)
                            .withName("other/repo"))
                    .create();
            CliRunner.Run apply = f.run("apply");
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("! conflict alert rule " + id + " \"Rule number 2\"  (its metadata belongs to "
                    + "source 'other/repo'"), apply.out());
            assertEquals(1, f.count("PUT", "alertRules"), "the other rule was deployed");
            assertEquals("other/repo", f.portal().metadatas().get(RG, WS, "analyticsrule-" + id).source().name());
            assertEquals(0, f.run("apply", "--adopt").exit());
            assertEquals(DeployFixture.SOURCE, f.portal().metadatas().get(RG, WS, "analyticsrule-" + id).source().name());
        }
    }

    @Test
    void theBundledContentDeploysAndReadsBackAsNoChange() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            // Scheduled and NRT rules with entity mappings, custom details, alert details overrides, incident
            // grouping, and hunting queries: every field must survive the service and compare equal.
            CliRunner.Run apply = f.run("apply", Path.of("content").toAbsolutePath().toString());
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode", "--format", "json",
                    Path.of("content").toAbsolutePath().toString());
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(plan.out());
            assertEquals(0, json.get("summary").get("create").asInt());
            assertTrue(json.get("summary").get("unchanged").asInt() >= 9, plan.out());
        }
    }

    @Test
    void aRejectedItemFailsAloneAndARerunConverges() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(3);
            String bad = DeployFixture.ruleId(2);
            String config = java.nio.file.Files.readString(f.config);
            // queryPeriod shorter than queryFrequency: the service (and the sandbox) answer 400 for this rule only.
            f.writeConfig(config + "    overrides:\n      " + bad + ": {queryFrequency: 2h, queryPeriod: 1h}\n");
            CliRunner.Run apply = f.run("apply", "--format", "json");
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(apply.out());
            tools.jackson.databind.JsonNode result = json.get("results").get(0);
            assertEquals(2, result.get("created").asInt());
            assertEquals(1, result.get("failures").size());
            assertEquals(bad, result.get("failures").get(0).get("id").asString());
            assertTrue(result.get("failures").get(0).get("error").asString().startsWith("400 BadRequest"),
                    result.toString());

            f.writeConfig(config);
            CliRunner.Run again = f.run("apply");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertTrue(again.out().contains("1 to create, 0 to update"), again.out());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    @Test
    void anUnreadableWorkspaceIsReportedAndTheOthersAreApplied() throws Exception {
        SandboxOptions only = SandboxOptions.defaults().withWorkspaces(List.of(
                dev.sentinelctl.deploy.sandbox.WorkspaceRef.parse(DeployFixture.SUB + "/" + RG + "/" + WS)));
        try (DeployFixture f = new DeployFixture(dir, only)) {
            f.rules(2);
            f.writeConfig(java.nio.file.Files.readString(f.config) + "  ghost:\n    workspace: ws-ghost\n");
            CliRunner.Run apply = f.run("apply");
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.err().contains("error: workspace 'ghost': cannot read its resources: 404 ResourceNotFound"),
                    apply.err());
            assertTrue(apply.out().contains("Apply complete"), apply.out());
            assertEquals(2, f.count("PUT", "alertRules"), "prod was applied");
            CliRunner.Run plan = f.run("plan", "--workspace", "ghost");
            assertEquals(2, plan.exit(), "nothing readable at all is an environment error");
            assertTrue(plan.err().contains("workspace 'ghost': cannot read its resources"), plan.err());
        }
    }
}

package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.SUB;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automation rules end to end through the real pipeline and the sandbox: they refer to analytic rules by file and by
 * id, are written after those rules with the workspace's full rule ids, a rerun is no change, a portal edit is drift,
 * and prune deletes them before the rules they name.
 */
class DeployAutomationRulesTest {
    static final String TAG_ID = "57dca1d2-f8a2-40b2-964a-3fc3fa62e310";
    static final String PLAYBOOK_ID = "0f7f3c1e-5d55-4c43-a0a5-3c0f5d8f7a21";
    static final String LOGIC_APP = "/subscriptions/" + SUB + "/resourceGroups/rg-playbooks/providers/Microsoft.Logic/workflows/notify-soc";

    @TempDir
    Path dir;

    static String tagRule(String refs) {
        return """
                id: %s
                displayName: Tag incidents of rules 1 and 2
                order: 10
                analyticRules:
                %s
                triggeringLogic:
                  isEnabled: true
                  triggersOn: Incidents
                  triggersWhen: Created
                actions:
                  - order: 1
                    actionType: ModifyProperties
                    actionConfiguration:
                      labels:
                        - labelName: reviewed-by-automation
                version: 1.0.0
                """.formatted(TAG_ID, refs.indent(2).stripTrailing());
    }

    static String playbookRule() {
        return """
                id: %s
                displayName: Notify the SOC on high severity
                order: 20
                analyticRules:
                  - %s
                triggeringLogic:
                  isEnabled: true
                  triggersOn: Incidents
                  triggersWhen: Created
                  conditions:
                    - conditionType: Property
                      conditionProperties:
                        propertyName: IncidentSeverity
                        operator: Equals
                        propertyValues: [High]
                actions:
                  - order: 1
                    actionType: RunPlaybook
                    actionConfiguration:
                      logicAppResourceId: %s
                """.formatted(PLAYBOOK_ID, DeployFixture.ruleId(1), LOGIC_APP);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path tagFile(DeployFixture f) {
        return f.content.resolve("Automation Rules/TagIncidents.yaml");
    }

    private static Path playbookFile(DeployFixture f) {
        return f.content.resolve("Automation Rules/NotifySoc.yaml");
    }

    private static void content(DeployFixture f) {
        f.rules(2);
        DeployFixture.write(tagFile(f), tagRule("- ../Detections/SecurityEvent/Rule1.yaml\n- " + DeployFixture.ruleId(2)));
        DeployFixture.write(playbookFile(f), playbookRule());
    }

    /** Index in the sandbox's request log of the first and the last request matching. */
    private static int[] span(List<SandboxStats.RequestRecord> log, String op, String resource) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).operation().equals(op) && log.get(i).resource().equals(resource)) {
                if (first < 0) first = i;
                last = i;
            }
        }
        return new int[] {first, last};
    }

    @Test
    void planApplyRerunDriftAndPruneInDependencyOrder() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            content(f);
            DeployPlaybookTest.byHand(f, "rg-playbooks", "Microsoft.Logic/workflows", "notify-soc");
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("+ create automation rule " + TAG_ID + " \"Tag incidents of rules 1 and 2\""), plan.out());
            assertTrue(plan.out().contains("Plan: 4 to create, 0 to update, 0 to delete, 0 conflicts, 0 unchanged"), plan.out());
            assertTrue(plan.out().indexOf("create alert rule") < plan.out().indexOf("create automation rule"), plan.out());

            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(2, f.count("PUT", "automationRules"));
            List<SandboxStats.RequestRecord> log = f.sandbox.stats().recent();
            assertTrue(span(log, "PUT", "alertRules")[1] < span(log, "PUT", "automationRules")[0],
                    "every analytic rule before any automation rule: " + log.stream().map(SandboxStats.RequestRecord::line).toList());

            // The file and id references became the workspace's full rule ids.
            var tag = f.portal().automationRules().get(RG, WS, TAG_ID);
            var condition = (com.azure.resourcemanager.securityinsights.models.PropertyConditionProperties)
                    tag.triggeringLogic().conditions().get(0);
            String rules = "/subscriptions/" + SUB + "/resourceGroups/" + RG
                    + "/providers/Microsoft.OperationalInsights/workspaces/" + WS + "/providers/Microsoft.SecurityInsights/alertRules/";
            assertEquals(List.of(rules + DeployFixture.ruleId(1), rules + DeployFixture.ruleId(2)),
                    condition.conditionProperties().propertyValues());

            // Export gives the references back as rule ids.
            Path exported = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", exported.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            String yaml;
            try (Stream<Path> files = Files.walk(exported)) {
                Path file = files.filter(p -> p.toString().contains("Automation Rules")).filter(Files::isRegularFile)
                        .filter(p -> read(p).contains(TAG_ID)).findFirst().orElseThrow();
                yaml = read(file);
            }
            assertTrue(yaml.contains("analyticRules:\n  - " + DeployFixture.ruleId(1) + "\n  - " + DeployFixture.ruleId(2)), yaml);
            assertTrue(!yaml.contains("IncidentRelatedAnalyticRuleIds"), yaml);

            CliRunner.Run again = f.run("apply");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertTrue(again.out().contains("No changes."), again.out());
            assertEquals(0, f.count("PUT", "automationRules") - 2, "a rerun writes no automation rule");

            // A portal edit (the portal sends what it read back, with another name) is drift.
            tag.update().withDisplayName("Renamed in the portal").apply();
            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted automation rule " + TAG_ID), drift.out());
            assertTrue(drift.out().contains("properties.displayName: \"Renamed in the portal\" → \"Tag incidents of rules 1 and 2\""),
                    drift.out());
            assertEquals(0, f.run("apply").exit());
            assertEquals(0, f.run("drift").exit());

            // Everything leaves the repository: automation rules are deleted before the rules they name.
            try (Stream<Path> files = Files.walk(f.content)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) Files.delete(p);
            }
            DeployFixture.write(f.content.resolve("Detections/README.md"), "nothing left\n");
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            assertEquals(2, f.count("DELETE", "automationRules"));
            assertEquals(2, f.count("DELETE", "alertRules"));
            log = f.sandbox.stats().recent();
            assertTrue(span(log, "DELETE", "automationRules")[1] < span(log, "DELETE", "alertRules")[0],
                    "automation rules are deleted first: " + log.stream().map(SandboxStats.RequestRecord::line).toList());
        }
    }

    @Test
    void injectedThrottlingFailuresAndDropsConverge() throws Exception {
        dev.sentinelctl.deploy.sandbox.FaultOptions faults = dev.sentinelctl.deploy.sandbox.FaultOptions.NONE
                .withThrottle(0.1, 0).withFailures(0.1, 503).withDropRate(0.05).withSeed(20261206);
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withPageSize(3).withFaults(faults))) {
            f.rules(8);
            for (int i = 1; i <= 6; i++) {
                DeployFixture.write(f.content.resolve("Automation Rules/Tag" + i + ".yaml"), tagRule(
                        "- ../Detections/SecurityEvent/Rule" + i + ".yaml\n- " + DeployFixture.ruleId(i + 2))
                        .replace(TAG_ID, java.util.UUID.nameUUIDFromBytes(("auto-" + i).getBytes()).toString())
                        .replace("order: 10", "order: " + (10 + i)));
            }
            int runs = 0;
            CliRunner.Run last;
            do {
                last = f.run("apply", "--parallelism", "4", "--retries", "4");
                runs++;
            } while (last.exit() != 0 && runs < 4);
            assertEquals(0, last.exit(), "did not converge in " + runs + " runs:\n" + last.out() + last.err());
            assertTrue(f.sandbox.stats().countFault("throttle") + f.sandbox.stats().countFault("fail") > 0, "faults were injected");
            assertEquals(6, f.portal().automationRules().list(RG, WS).stream().count());
            assertEquals((8 + 6) * 2, f.sandbox.resourceCount(), "8 rules + 6 automation rules, each with one metadata");
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode", "--retries", "6");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
        }
    }

    @Test
    void aReferenceToARuleNeitherInTheContentNorInTheWorkspaceFailsThePlanAtItsPosition() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            String missing = "00000000-0000-0000-0000-00000000beef";
            DeployFixture.write(tagFile(f), tagRule("- ../Detections/SecurityEvent/Rule1.yaml\n- " + missing));
            CliRunner.Run plan = f.run("plan");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.err().contains("automation rule " + TAG_ID + " (" + tagFile(f) + ") needs alert rule " + missing
                    + " (acts on its incidents, analyticRules at " + tagFile(f) + ":6:5), which is neither in the content nor "
                    + "in the workspace"), plan.err());
            assertEquals(0, f.writes(), "nothing is written");
        }
    }

    @Test
    void aBrokenFileReferenceIsAContentErrorAtItsPosition() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            DeployFixture.write(tagFile(f), tagRule("- ../Detections/SecurityEvent/Rule9.yaml"));
            CliRunner.Run plan = f.run("plan");
            assertEquals(1, plan.exit(), plan.out() + plan.err());
            assertTrue((plan.out() + plan.err()).contains("TagIncidents.yaml:5:5: REF-missing '../Detections/SecurityEvent/Rule9.yaml'"),
                    plan.out() + plan.err());
        }
    }

    @Test
    void aLogicAppIdThatDoesNotExistSkipsTheRuleAtTheReferenceAndOneThatExistsDeploys() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            content(f);
            f.sandbox.stats().reset();
            CliRunner.Run plan = f.run("plan");
            String all = plan.out() + plan.err();
            assertTrue(all.contains("skip automation rule " + PLAYBOOK_ID), all);
            assertTrue(all.contains("Logic App 'notify-soc' used at " + playbookFile(f) + ":20:27 does not exist in "
                    + "resource group rg-playbooks (" + LOGIC_APP + "): deploy that Logic App first"), all);
            assertTrue(all.contains("+ create automation rule " + TAG_ID), "the other rule is planned: " + all);
            f.sandbox.stats().snapshot(); // waits for requests answered but not yet recorded
            assertEquals(1, f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("GET")
                    && r.pathAndQuery().contains("/workflows/notify-soc")).count(), "one GET of the id");

            DeployPlaybookTest.byHand(f, "rg-playbooks", "Microsoft.Logic/workflows", "notify-soc");
            CliRunner.Run ok = f.run("plan", "--detailed-exitcode");
            assertEquals(2, ok.exit(), ok.out() + ok.err());
            assertTrue(ok.out().contains("+ create automation rule " + PLAYBOOK_ID), ok.out());
            assertTrue(!(ok.out() + ok.err()).contains("does not exist"), ok.out());
        }
    }

    @Test
    void twoRulesRunningTheSameMissingLogicAppCostOneGetAndARuleRunningASkippedPlaybookIsHeldBackWithIt() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            content(f);
            DeployFixture.write(f.content.resolve("Automation Rules/NotifyAgain.yaml"), playbookRule()
                    .replace(PLAYBOOK_ID, "1f7f3c1e-5d55-4c43-a0a5-3c0f5d8f7a21").replace("order: 20", "order: 21"));
            // a content playbook whose office365-shared connection nothing creates, and a rule running it by name
            DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.json"),
                    dev.sentinelctl.content.playbook.PlaybookFixtures.TEMPLATE);
            DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.parameters.json"),
                    dev.sentinelctl.content.playbook.PlaybookFixtures.parameters("soc@contoso.com"));
            DeployFixture.write(f.content.resolve("Automation Rules/RunBlock.yaml"), playbookRule()
                    .replace(PLAYBOOK_ID, "2f7f3c1e-5d55-4c43-a0a5-3c0f5d8f7a21").replace("order: 20", "order: 22")
                    .replace("logicAppResourceId: " + LOGIC_APP, "playbook: Block-AADUser"));
            f.sandbox.stats().reset();
            CliRunner.Run plan = f.run("plan");
            String all = plan.out() + plan.err();
            f.sandbox.stats().snapshot(); // waits for requests answered but not yet recorded
            assertEquals(1, f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("GET")
                    && r.pathAndQuery().contains("/workflows/notify-soc")).count(), "one GET per distinct id: " + all);
            assertTrue(all.contains("skip automation rule 1f7f3c1e-5d55-4c43-a0a5-3c0f5d8f7a21"), all);
            assertTrue(all.contains("skip automation rule 2f7f3c1e-5d55-4c43-a0a5-3c0f5d8f7a21"), all);
            assertTrue(all.contains("which preflight holds back: API connection 'office365-shared'"), all);
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, f.portal().automationRules().list(RG, WS).stream()
                    .filter(r -> !r.name().equals(TAG_ID)).count(), "only the tag rule is written: " + apply.out() + apply.err());
        }
    }
}

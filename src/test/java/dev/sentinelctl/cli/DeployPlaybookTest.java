package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.playbook.PlaybookFixtures;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.kinds.playbook.PlaybookConnectionsTest;
import dev.sentinelctl.deploy.kinds.playbook.PlaybookDeployment;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A playbook through the real CLI, SDK pipeline and sandbox: plan → apply (an ARM deployment, polled to its end) →
 * rerun is no change → a redeploy from elsewhere is drift → a parameter change is an update → prune deletes the
 * deployment and the Logic App it created (the API connection stays).
 */
class DeployPlaybookTest {
    private static final String RGID = "/subscriptions/" + DeployFixture.SUB + "/resourceGroups/" + DeployFixture.RG;
    private static final String DEPLOYMENTS = RGID + "/providers/Microsoft.Resources/deployments";
    private static final String WORKFLOWS = RGID + "/providers/Microsoft.Logic/workflows";
    @TempDir
    Path dir;

    private static void playbook(DeployFixture f, String email) {
        DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.json"), PlaybookFixtures.TEMPLATE);
        DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.parameters.json"), PlaybookFixtures.parameters(email));
    }

    /**
     * An API connection made outside the content, as a person would in the portal: through an ARM deployment of the
     * sandbox (the way it creates connections), not through sentinelctl.
     */
    static void externalConnection(DeployFixture f, String name) throws Exception {
        byHand(f, DeployFixture.RG, "Microsoft.Web/connections", name);
    }

    /** A resource of {@code type} made by hand in {@code resourceGroup}, through an ARM deployment of its own. */
    static void byHand(DeployFixture f, String resourceGroup, String type, String name) throws Exception {
        ObjectNode body = (ObjectNode) new tools.jackson.databind.json.JsonMapper().readTree("""
                {"properties": {"mode": "Incremental", "template": {
                  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "resources": [{"type": "%s", "apiVersion": "2016-06-01", "name": "%s",
                    "location": "westeurope", "properties": {}}]}}}
                """.formatted(type, name));
        f.portalRest().putAndWait("/subscriptions/" + DeployFixture.SUB + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Resources/deployments/by-hand-" + name, "2025-04-01", body);
    }

    @Test
    void planApplyRerunDriftPrune() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            externalConnection(f, "office365-shared");
            playbook(f, "soc@contoso.com");
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("+ create playbook "), plan.out());
            assertTrue(plan.out().contains("Block Entra ID user"), plan.out());
            // ARM's what-if, from the sandbox: both resources of the template are new
            assertTrue(plan.out().contains("what-if Microsoft.Logic/workflows/Block-AADUser: ") && plan.out().contains("\"Create\""), plan.out());
            assertTrue(plan.out().contains("what-if Microsoft.Web/connections/azuresentinel-Block-AADUser: "), plan.out());

            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            ArmRest arm = f.portalRest();
            List<ObjectNode> deployments = arm.list(DEPLOYMENTS, "2025-04-01").stream()
                    .filter(x -> !x.path("name").asString().startsWith("by-hand-")).toList();
            assertEquals(1, deployments.size());
            ObjectNode d = deployments.get(0);
            assertEquals("Succeeded", d.path("properties").path("provisioningState").asString());
            assertFalse(d.path("tags").path(PlaybookDeployment.HASH_TAG).asString("").isEmpty());
            List<ObjectNode> workflows = arm.list(WORKFLOWS, "2019-05-01");
            assertEquals(List.of("Block-AADUser"), workflows.stream().map(w -> w.path("name").asString()).toList());
            assertEquals(2, arm.list(RGID + "/providers/Microsoft.Web/connections", "2016-06-01").size());

            f.sandbox.stats().reset();
            CliRunner.Run noop = f.run("plan", "--detailed-exitcode");
            assertEquals(0, noop.exit(), noop.out() + noop.err());
            assertEquals(0, f.count("PUT", "deployments"), "a rerun writes nothing");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", dir.resolve("exported").toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            assertTrue(export.out().contains("skipped playbook " + d.path("name").asString()), export.out());

            // someone redeploys it by hand with other parameters: its hash tag no longer matches
            ObjectNode redeploy = d.deepCopy();
            redeploy.remove("id");
            ObjectNode props = redeploy.putObject("properties");
            props.put("mode", "Incremental");
            props.set("template", new tools.jackson.databind.json.JsonMapper().readTree(PlaybookFixtures.TEMPLATE));
            props.putObject("parameters").putObject("NotificationEmail").put("value", "other@contoso.com");
            ((ObjectNode) props.get("parameters")).putObject("workspace").put("value", DeployFixture.WS);
            ((ObjectNode) redeploy.get("tags")).put(PlaybookDeployment.HASH_TAG, "edited-in-the-portal");
            arm.putAndWait(DEPLOYMENTS + "/" + d.path("name").asString(), "2025-04-01", redeploy);
            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted playbook") && drift.out().contains("edited-in-the-portal"), drift.out());
            f.sandbox.stats().reset();
            assertEquals(0, f.run("apply").exit());
            assertEquals(1, f.count("PUT", "deployments"), "the drifted deployment is redeployed, once");
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());

            playbook(f, "changed@contoso.com");
            CliRunner.Run update = f.run("plan", "--detailed-exitcode");
            assertEquals(2, update.exit(), update.out());
            assertTrue(update.out().contains("~ update playbook"), update.out());
            assertTrue(update.out().contains("what-if Microsoft.Logic/workflows/Block-AADUser: ") && update.out().contains("\"Modify\""), update.out());
            assertEquals(0, f.run("apply").exit());

            Files.delete(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.json"));
            CliRunner.Run prune = f.run("apply", "--prune");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            assertEquals(1, arm.list(DEPLOYMENTS, "2025-04-01").size(), "only the one made by hand");
            assertEquals(0, arm.list(WORKFLOWS, "2019-05-01").size(), "the Logic App the deployment created is pruned");
            assertEquals(2, arm.list(RGID + "/providers/Microsoft.Web/connections", "2016-06-01").size(),
                    "API connections stay (they may be shared)");
        }
    }

    @Test
    void aRequiredParameterWithoutValueStopsThePlanAtItsPosition() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.json"), PlaybookFixtures.TEMPLATE);
            CliRunner.Run plan = f.run("plan");
            assertEquals(1, plan.exit(), plan.out() + plan.err());
            String all = plan.out() + plan.err();
            assertTrue(all.contains("azuredeploy.json:7:5") && all.contains("NotificationEmail"), all);
        }
    }

    @Test
    void aConnectionMissingFromTheResourceGroupSkipsThePlaybookWithWhereAndHowToFix() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            playbook(f, "soc@contoso.com"); // uses office365-shared, which nothing creates
            f.sandbox.stats().reset();
            CliRunner.Run plan = f.run("plan");
            String all = plan.out() + plan.err();
            assertTrue(all.contains("skip playbook ") && all.contains("API connection 'office365-shared' used at "), all);
            assertTrue(all.contains("Playbooks/Block-AADUser/azuredeploy.json:36:13 does not exist"), all);
            assertTrue(all.contains("does not exist in resource group " + DeployFixture.RG), all);
            assertTrue(all.contains("create it there and authorise it"), all);
            assertTrue(all.contains("skipped, not deployed"), all);
            f.sandbox.stats().snapshot(); // waits for requests answered but not yet recorded
            assertEquals(1, f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("GET")
                    && r.pathAndQuery().contains("/Microsoft.Web/connections/office365-shared")).count(), "one GET");

            CliRunner.Run apply = f.run("apply");
            assertEquals(0, f.portalRest().list(WORKFLOWS, "2019-05-01").size(), "a skipped playbook is not deployed: "
                    + apply.out() + apply.err());

            externalConnection(f, "office365-shared");
            CliRunner.Run fixed = f.run("plan", "--detailed-exitcode");
            assertEquals(2, fixed.exit(), fixed.out() + fixed.err());
            assertFalse((fixed.out() + fixed.err()).contains("does not exist"), fixed.out());
            assertTrue(fixed.out().contains("+ create playbook "), fixed.out());
        }
    }

    @Test
    void failPolicyFailsThePlanTheJsonNamesTheMissingIdAndNoPreflightAsksNothing() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.writeConfig(DeployFixture.config("preflight: {missingTable: fail}"));
            playbook(f, "soc@contoso.com");
            CliRunner.Run plan = f.run("plan");
            assertEquals(1, plan.exit(), "a playbook set to fail preflight fails the plan: " + plan.out() + plan.err());
            assertTrue(plan.out().contains("! fail playbook ") && plan.out().contains("not deployed (preflight is set to fail)"),
                    plan.out());
            CliRunner.Run json = f.run("plan", "--format", "json");
            assertTrue(json.out().replaceAll("\\s", "").contains("\"missingResources\":[\"" + RGID
                    + "/providers/Microsoft.Web/connections/office365-shared\"]"), json.out());

            f.sandbox.stats().reset();
            CliRunner.Run unchecked = f.run("plan", "--no-preflight", "--detailed-exitcode");
            assertEquals(2, unchecked.exit(), unchecked.out() + unchecked.err());
            assertTrue(unchecked.out().contains("+ create playbook "), unchecked.out());
            f.sandbox.stats().snapshot();
            assertEquals(0, f.sandbox.stats().recent().stream().filter(r -> r.pathAndQuery().contains("office365-shared")).count(),
                    "--no-preflight asks nothing");
        }
    }

    @Test
    void aConnectionWrittenAsAFullIdIsCheckedInItsOwnResourceGroup() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            String shared = "/subscriptions/" + DeployFixture.SUB + "/resourceGroups/rg-shared/providers/Microsoft.Web/connections/office365-shared";
            DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.json"), PlaybookFixtures.TEMPLATE
                    .replace("[resourceId('Microsoft.Web/connections', 'office365-shared')]", shared));
            DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.parameters.json"), PlaybookFixtures.parameters("soc@contoso.com"));
            externalConnection(f, "office365-shared"); // in the workspace's resource group: not the one it names
            CliRunner.Run plan = f.run("plan");
            assertTrue(plan.out().contains("API connection 'office365-shared' used at ")
                    && plan.out().contains("does not exist in resource group rg-shared"), plan.out() + plan.err());
            byHand(f, "rg-shared", "Microsoft.Web/connections", "office365-shared");
            CliRunner.Run ok = f.run("plan", "--detailed-exitcode");
            assertEquals(2, ok.exit(), ok.out() + ok.err());
            assertTrue(ok.out().contains("+ create playbook "), ok.out());
        }
    }

    @Test
    void applyConvergesUnderThrottlingAndServerErrors() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withFaults(FaultOptions.NONE.withThrottle(0.2, 0).withFailures(0.15, 503).withSeed(7)))) {
            externalConnection(f, "office365-shared");
            playbook(f, "soc@contoso.com");
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    /** The deployment name the plan shows for the playbook titled {@code title}. */
    private static String deployment(String plan, String title) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\+ create playbook (\\S+) \"" + title + "\"").matcher(plan);
        assertTrue(m.find(), title + " in:\n" + plan);
        return m.group(1);
    }

    @Test
    void connectionsAndCustomConnectorsOfOtherContentTemplatesDeployFirstAndThePlanListsEachConnection() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            playbook(f, "soc@contoso.com"); // uses office365-shared, which it does not create
            DeployFixture.write(f.content.resolve("Playbooks/Connections/azuredeploy.json"), PlaybookConnectionsTest.CONNECTIONS);
            DeployFixture.write(f.content.resolve("Playbooks/ContosoMailConnector/azuredeploy.json"), PlaybookConnectionsTest.CONNECTOR);

            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            String p = plan.out();
            String connector = deployment(p, "Contoso mail connector");
            String connections = deployment(p, "Shared connections");
            String block = deployment(p, "Block Entra ID user");
            assertTrue(p.indexOf(connector) < p.indexOf(connections) && p.indexOf(connections) < p.indexOf(block),
                    "custom connector, then the connections built on it, then the playbook using them:\n" + p);
            assertTrue(p.contains("API connection azuresentinel-Block-AADUser (deployed with it)"), p);
            assertTrue(p.contains("API connection office365-shared (from playbook ") && p.contains(
                    "Playbooks/Connections/azuredeploy.json, deployed before it)"), p);
            assertTrue(p.contains("custom connector contoso-mail (from playbook "), p);
            assertFalse((p + plan.err()).contains("does not exist") || p.contains("skip playbook"),
                    "a connection another content playbook creates is no preflight finding:\n" + p);

            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply", "--parallelism", "4");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            List<String> puts = f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("PUT")
                    && r.resource().equals("deployments")).map(r -> r.pathAndQuery()).toList();
            int c = -1, n = -1, b = -1;
            for (int i = 0; i < puts.size(); i++) {
                if (puts.get(i).contains(connector)) c = i;
                if (puts.get(i).contains(connections)) n = i;
                if (puts.get(i).contains(block)) b = i;
            }
            assertTrue(c >= 0 && c < n && n < b, "deployed in that order, each after the one it needs: " + puts);
            ArmRest arm = f.portalRest();
            assertEquals(List.of("azuresentinel-Block-AADUser", "office365-shared"), arm.list(RGID
                    + "/providers/Microsoft.Web/connections", "2016-06-01").stream().map(x -> x.path("name").asString()).sorted().toList());
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit(), "a rerun is no change");
        }
    }
}

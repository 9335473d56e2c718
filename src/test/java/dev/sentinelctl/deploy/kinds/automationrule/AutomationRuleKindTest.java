package dev.sentinelctl.deploy.kinds.automationrule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.check.AutomationRuleChecksTest;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.Playbook;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.content.playbook.PlaybookFiles;
import dev.sentinelctl.content.playbook.PlaybookFixtures;
import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.kinds.playbook.PlaybookKind;
import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Path;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.Placement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The edges and the per-workspace body of an automation rule. */
class AutomationRuleKindTest {
    static final WorkspaceConfig WS = new WorkspaceConfig("prod", "t", "sub", "rg", "ws", CredentialKind.parse("environment"),
            List.of(), List.of(), List.of(), Map.of());
    static final String RULE_ID = "34424d14-230d-428b-958b-d6d48c1a1c52";

    static ContentItem load(String path, String text, ContentKind kind) {
        var doc = new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8), path).document().orElseThrow();
        return new ContentMapper().map(doc, kind);
    }

    @TempDir
    Path dir;

    final ContentItem rule = load("content/Rules/Surge.yaml", AutomationRuleChecksTest.RULE, ContentKind.ANALYTIC_RULE);

    static String playbookAction(String value) {
        return "  - order: 1\n    actionType: RunPlaybook\n    actionConfiguration:\n      playbook: " + value + "\n";
    }

    static ContentItem automation(String playbook) {
        return load("content/Automation/tag.yaml", AutomationRuleChecksTest.automation(
                "analyticRules:\n  - ../Rules/Surge.yaml\n  - BuiltInFusion\n", "", playbookAction(playbook)),
                ContentKind.AUTOMATION_RULE);
    }

    /** Azure-Sentinel's Block-AADUser fixture at content/Playbooks/Block-AADUser, with a parameter file per workspace. */
    Playbook playbook(String workspaceFileName) throws Exception {
        Path folder = dir.resolve("content/Playbooks/Block-AADUser");
        PlaybookFixtures.write(folder, "azuredeploy.json", PlaybookFixtures.TEMPLATE);
        PlaybookFixtures.write(folder, "azuredeploy.parameters.json", PlaybookFixtures.parameters("soc@contoso.com"));
        if (workspaceFileName != null) {
            PlaybookFixtures.write(folder, "azuredeploy.parameters-ws.json", """
                    {"parameters": {"NotificationEmail": {"value": "x@contoso.com"}, "PlaybookName": {"value": "%s"}}}
                    """.formatted(workspaceFileName));
        }
        return PlaybookFiles.load(folder.resolve("azuredeploy.json"), "content/Playbooks/Block-AADUser/azuredeploy.json")
                .playbook().orElseThrow();
    }

    static String keys(List<Edge> edges) {
        return String.join(",", edges.stream().map(e -> e.kindId() + "|" + e.name()).toList());
    }

    static String logicApp(ArmResource r) {
        return r.properties().path("actions").get(0).path("actionConfiguration").path("logicAppResourceId").asString();
    }

    @Test
    void edgesToTheRulesByResolvedIdAndToTheContentPlaybooksDeploymentInTheWorkspace() throws Exception {
        Playbook p = playbook(null);
        ContentItem automation = automation("Block-AADUser");
        ContentIndex index = ContentIndex.of(List.of(rule, automation, p));
        List<Edge> edges = AutomationRuleKind.INSTANCE.dependencies(automation, new Placement(WS, index));
        assertEquals("alert-rule|" + RULE_ID + ",alert-rule|BuiltInFusion,playbook|"
                + PlaybookKind.deploymentName(p.id(), WS), keys(edges));
        assertTrue(edges.get(0).why().endsWith("analyticRules at content/Automation/tag.yaml:5:5"), edges.get(0).why());
        assertTrue(edges.get(2).why().endsWith("playbook at content/Automation/tag.yaml:15:17"), edges.get(2).why());
        // the edge names the key the playbook's desired item has in this workspace
        assertEquals(PlaybookKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), p, WS).name(), edges.get(2).name());
    }

    @Test
    void aContentPlaybookByLogicAppNameFileOrContentIdRunsTheLogicAppItsTemplateCreates() throws Exception {
        Playbook p = playbook(null);
        String expected = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Logic/workflows/Block-AADUser";
        for (String ref : List.of("Block-AADUser", "block-aaduser", "../Playbooks/Block-AADUser/azuredeploy.json", p.id())) {
            ContentItem automation = automation(ref);
            ContentIndex index = ContentIndex.of(List.of(rule, automation, p));
            ArmResource r = AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), automation,
                    new Placement(WS, index));
            assertEquals(expected, logicApp(r), ref);
            assertTrue(!r.properties().path("actions").get(0).path("actionConfiguration").has("playbook"), ref);
            assertEquals(1, AutomationRuleKind.INSTANCE.dependencies(automation, new Placement(WS, index)).stream()
                    .filter(e -> e.kindId().equals("playbook")).count(), ref);
        }
    }

    @Test
    void theWorkspacesParameterFileNamesTheLogicApp() throws Exception {
        Playbook p = playbook("Block-AADUser-prod");
        ContentItem automation = automation("Block-AADUser"); // the name the template gives by default
        ArmResource r = AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), automation,
                new Placement(WS, ContentIndex.of(List.of(rule, automation, p))));
        assertEquals("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Logic/workflows/Block-AADUser-prod", logicApp(r));
    }

    @Test
    void aFullLogicAppIdIsSentAsWrittenWithoutAnEdge() throws Exception {
        String id = "/subscriptions/other/resourceGroups/rg-playbooks/providers/Microsoft.Logic/workflows/notify-soc";
        ContentItem automation = automation(id);
        ContentIndex index = ContentIndex.of(List.of(rule, automation, playbook(null)));
        assertEquals(id, logicApp(AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), automation,
                new Placement(WS, index))));
        assertEquals("alert-rule|" + RULE_ID + ",alert-rule|BuiltInFusion",
                keys(AutomationRuleKind.INSTANCE.dependencies(automation, new Placement(WS, index))));
    }

    @Test
    void aNameThatIsNeitherInTheContentNorALogicAppIdIsAnErrorAtItsPosition() throws Exception {
        ContentItem automation = automation("notify-soc");
        ContentIndex index = ContentIndex.of(List.of(rule, automation, playbook(null)));
        ContentErrors e = assertThrows(ContentErrors.class, () -> AutomationRuleKind.INSTANCE.resource(
                new ArmResources(ArmApiVersion.DEFAULT), automation, new Placement(WS, index)));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("content/Automation/tag.yaml:15:17 REF-playbook", d.file() + ":" + d.line() + ":" + d.column() + " " + d.ruleId());
        assertTrue(d.message().contains("'notify-soc' names no playbook of the content"), d.message());
        assertEquals("alert-rule|" + RULE_ID + ",alert-rule|BuiltInFusion",
                keys(AutomationRuleKind.INSTANCE.dependencies(automation, new Placement(WS, index))));
    }

    @Test
    void buildWritesTheLogicAppAsAResourceIdExpressionOfTheDefaultName() throws Exception {
        ContentItem automation = automation("../Playbooks/Block-AADUser/azuredeploy.json");
        ArmResource r = dev.sentinelctl.arm.AutomationRuleMapping.resource((dev.sentinelctl.content.AutomationRule) automation,
                ContentIndex.of(List.of(rule, automation, playbook("Block-AADUser-prod"))), dev.sentinelctl.arm.ReferenceIds.TEMPLATE,
                ArmApiVersion.AUTOMATION_RULES);
        assertEquals("[resourceId('Microsoft.Logic/workflows', 'Block-AADUser')]", logicApp(r));
    }

    @Test
    void aPlaybookNamedAsAWholeMustCreateExactlyOneLogicApp() throws Exception {
        Path folder = dir.resolve("content/Playbooks/Two");
        String two = PlaybookFixtures.TEMPLATE.replace("\"resources\": [", """
                "resources": [
                    {"type": "Microsoft.Logic/workflows", "apiVersion": "2017-07-01", "name": "second-app",
                     "location": "[resourceGroup().location]", "properties": {"definition": {}}},""");
        PlaybookFixtures.write(folder, "azuredeploy.json", two);
        PlaybookFixtures.write(folder, "azuredeploy.parameters.json", PlaybookFixtures.parameters("soc@contoso.com"));
        Playbook p = PlaybookFiles.load(folder.resolve("azuredeploy.json"), "content/Playbooks/Two/azuredeploy.json")
                .playbook().orElseThrow();
        ContentItem byFile = automation("../Playbooks/Two/azuredeploy.json");
        ContentErrors e = assertThrows(ContentErrors.class, () -> AutomationRuleKind.INSTANCE.resource(
                new ArmResources(ArmApiVersion.DEFAULT), byFile, new Placement(WS, ContentIndex.of(List.of(rule, byFile, p)))));
        assertTrue(e.diagnostics().get(0).message().contains("creates 2 Logic Apps (second-app, Block-AADUser)"),
                e.diagnostics().get(0).message());
        ContentItem byName = automation("second-app");
        assertEquals("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Logic/workflows/second-app",
                logicApp(AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), byName,
                        new Placement(WS, ContentIndex.of(List.of(rule, byName, p))))));
    }

    @Test
    void theBodyNamesTheWorkspacesRules() throws Exception {
        ContentItem automation = automation("Block-AADUser");
        ArmResource r = AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), automation,
                new Placement(WS, ContentIndex.of(List.of(rule, automation, playbook(null)))));
        String rules = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws"
                + "/providers/Microsoft.SecurityInsights/alertRules/";
        JsonNode condition = r.properties().path("triggeringLogic").path("conditions").get(0).path("conditionProperties");
        assertEquals("IncidentRelatedAnalyticRuleIds", condition.path("propertyName").asString());
        assertEquals(List.of(rules + RULE_ID, rules + "BuiltInFusion"),
                JsonMapper.builder().build().convertValue(condition.path("propertyValues"), List.class));
        assertTrue(!r.properties().has("analyticRules") && !r.properties().has("id"));
    }

    @Test
    void portalCaseAndServiceFieldsAreNoDifference() throws Exception {
        ContentItem automation = automation("Block-AADUser");
        ArmResource r = AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), automation,
                new Placement(WS, ContentIndex.of(List.of(rule, automation, playbook(null)))));
        var listed = r.properties().deepCopy();
        listed.put("lastModifiedTimeUtc", "2026-12-06T00:00:00Z");
        var values = (tools.jackson.databind.node.ArrayNode) listed.path("triggeringLogic").path("conditions").get(0)
                .path("conditionProperties").path("propertyValues");
        values.set(0, values.get(0).asString().toUpperCase());
        assertEquals(AutomationRuleKind.INSTANCE.normalise(null, r.properties()), AutomationRuleKind.INSTANCE.normalise(null, listed));
        listed.put("displayName", "Renamed");
        assertTrue(!AutomationRuleKind.INSTANCE.normalise(null, r.properties()).equals(AutomationRuleKind.INSTANCE.normalise(null, listed)));
    }
}

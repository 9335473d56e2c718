package dev.sentinelctl.deploy.kinds.automationrule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResource;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.check.AutomationRuleChecksTest;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.Placement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

    final ContentItem rule = load("content/Rules/Surge.yaml", AutomationRuleChecksTest.RULE, ContentKind.ANALYTIC_RULE);
    final ContentItem automation = load("content/Automation/tag.yaml", AutomationRuleChecksTest.automation(
            "analyticRules:\n  - ../Rules/Surge.yaml\n  - BuiltInFusion\n", "",
            "  - order: 1\n    actionType: RunPlaybook\n    actionConfiguration:\n      playbook: notify-soc\n"),
            ContentKind.AUTOMATION_RULE);
    final ContentIndex index = ContentIndex.of(List.of(rule, automation));

    @Test
    void edgesToTheRulesByResolvedIdAndToTheContentPlaybook() {
        List<Edge> edges = AutomationRuleKind.INSTANCE.dependencies(automation, index);
        assertEquals(List.of("alert-rule|" + RULE_ID, "alert-rule|BuiltInFusion", "playbook|notify-soc"),
                edges.stream().map(e -> e.kindId() + "|" + e.name()).toList());
        assertTrue(edges.get(0).why().endsWith("analyticRules at content/Automation/tag.yaml:5:5"), edges.get(0).why());
        assertTrue(edges.get(2).why().endsWith("playbook at content/Automation/tag.yaml:15:17"), edges.get(2).why());
    }

    @Test
    void theBodyNamesTheWorkspacesRulesAndLogicApp() {
        ArmResource r = AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), automation,
                new Placement(WS, index));
        String rules = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws"
                + "/providers/Microsoft.SecurityInsights/alertRules/";
        JsonNode condition = r.properties().path("triggeringLogic").path("conditions").get(0).path("conditionProperties");
        assertEquals("IncidentRelatedAnalyticRuleIds", condition.path("propertyName").asString());
        assertEquals(List.of(rules + RULE_ID, rules + "BuiltInFusion"),
                JsonMapper.builder().build().convertValue(condition.path("propertyValues"), List.class));
        JsonNode config = r.properties().path("actions").get(0).path("actionConfiguration");
        assertEquals("/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Logic/workflows/notify-soc",
                config.path("logicAppResourceId").asString());
        assertTrue(!config.has("playbook"));
        assertTrue(!r.properties().has("analyticRules") && !r.properties().has("id"));
    }

    @Test
    void portalCaseAndServiceFieldsAreNoDifference() {
        ArmResource r = AutomationRuleKind.INSTANCE.resource(new ArmResources(ArmApiVersion.DEFAULT), automation,
                new Placement(WS, index));
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

package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sentinelctl.content.ContentKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Automation rules in the two ARM forms found in the wild: Repositories/portal export and extension resources. */
class AutomationRuleImportTest {
    static final String CONDITION = """
            "conditions": [{"conditionType": "Property", "conditionProperties": {
              "propertyName": "IncidentRelatedAnalyticRuleIds", "operator": "Contains",
              "propertyValues": ["[resourceId('Microsoft.OperationalInsights/workspaces/providers/alertRules', parameters('workspace'), 'Microsoft.SecurityInsights', '34424d14-230d-428b-958b-d6d48c1a1c52')]"]}}]
            """;

    static JsonNode template(String type, String name, String extra) {
        return JsonMapper.builder().build().readTree("""
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0", "parameters": {"workspace": {"type": "string"}},
                 "resources": [{"type": "%s", "name": "%s", "apiVersion": "2019-01-01-preview", "kind": "Scheduled", %s
                   "properties": {"displayName": "Tag", "order": 2,
                     "triggeringLogic": {"isEnabled": true, "triggersOn": "Incidents", "triggersWhen": "Created", %s},
                     "actions": [{"order": 1, "actionType": "ModifyProperties", "actionConfiguration": {"severity": "High"}}]}}]}
                """.formatted(type, name, extra, CONDITION));
    }

    @Test
    void repositoriesFormLiftsTheRuleConditionToAnalyticRules() {
        ArmImporter.Result r = new ArmImporter().importDocument(template(
                "Microsoft.OperationalInsights/workspaces/providers/automationRules",
                "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/2bd4b5b8-77d1-4bf6-b7d6-d2d7d2b3c5a1')]", ""), "a.json");
        assertEquals(1, r.items().size(), r.problems().toString());
        ArmImporter.Imported item = r.items().get(0);
        assertEquals(ContentKind.AUTOMATION_RULE, item.kind());
        assertEquals("2bd4b5b8-77d1-4bf6-b7d6-d2d7d2b3c5a1", item.yaml().get("id").asString());
        assertEquals("34424d14-230d-428b-958b-d6d48c1a1c52", item.yaml().get("analyticRules").get(0).asString());
        assertFalse(item.yaml().path("triggeringLogic").has("conditions"), item.yaml().toString());
        assertFalse(item.yaml().has("kind"), "the stray kind is not carried over");
    }

    @Test
    void extensionResourceFormImportsToo() {
        ArmImporter.Result r = new ArmImporter().importDocument(template("Microsoft.SecurityInsights/automationRules",
                "9a3f6d3c-0c1e-4a59-9d1e-6c7b1b0f2e10", "\"scope\": \"[concat('Microsoft.OperationalInsights/workspaces/', parameters('workspace'))]\","),
                "b.json");
        assertEquals(1, r.items().size(), r.problems().toString());
        assertEquals("9a3f6d3c-0c1e-4a59-9d1e-6c7b1b0f2e10", r.items().get(0).yaml().get("id").asString());
        assertEquals("Tag", r.items().get(0).yaml().get("displayName").asString());
    }

    @Test
    void toContentAndResourceRoundTripTheRuleIds() {
        var props = JsonMapper.builder().build().readTree("""
                {"displayName": "Tag", "order": 1, "createdTimeUtc": "2026-01-01T00:00:00Z",
                 "triggeringLogic": {"isEnabled": true, "triggersOn": "Alerts", "triggersWhen": "Created",
                   "conditions": [{"conditionType": "Property", "conditionProperties": {"propertyName": "AlertAnalyticRuleIds",
                     "operator": "Contains", "propertyValues": ["/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/alertRules/r1"]}}]},
                 "actions": []}
                """);
        var yaml = AutomationRuleMapping.toContent("a1", props);
        assertEquals("r1", yaml.get("analyticRules").get(0).asString());
        assertFalse(yaml.has("createdTimeUtc"));
    }

    @Test
    void buildThenImportGivesTheSameFileReferenceBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("Rules"));
        java.nio.file.Files.createDirectories(dir.resolve("Automation"));
        java.nio.file.Files.writeString(dir.resolve("Rules/Surge.yaml"),
                dev.sentinelctl.check.AutomationRuleChecksTest.RULE);
        java.nio.file.Files.writeString(dir.resolve("Automation/tag.yaml"), dev.sentinelctl.check.AutomationRuleChecksTest.automation(
                "analyticRules:\n  - ../Rules/Surge.yaml\n", "", dev.sentinelctl.check.AutomationRuleChecksTest.LABEL) + "version: 1.2.0\n");
        dev.sentinelctl.cli.CliRunner.Run run = dev.sentinelctl.cli.CliRunner.run("roundtrip", dir.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        org.junit.jupiter.api.Assertions.assertTrue(run.out().contains("2 of 2 valid files the same"), run.out());
    }
}

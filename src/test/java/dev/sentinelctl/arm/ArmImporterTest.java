package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArmImporterTest {
    /** The shape the Sentinel portal's "Export" writes for one rule: nulls, String parameter, an id expression. */
    static final String PORTAL_EXPORT = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {"workspace": {"type": "String"}},
              "resources": [{
                "id": "[concat(resourceId('Microsoft.OperationalInsights/workspaces/providers', parameters('workspace'), 'Microsoft.SecurityInsights'),'/alertRules/8b2e6f2a-0b4c-4d6e-9f1a-2b3c4d5e6f70')]",
                "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/8b2e6f2a-0b4c-4d6e-9f1a-2b3c4d5e6f70')]",
                "type": "Microsoft.OperationalInsights/workspaces/providers/alertRules",
                "kind": "Scheduled",
                "apiVersion": "2023-12-01-preview",
                "properties": {
                  "displayName": "Rare process: it's \\"odd\\"",
                  "description": "Line one\\nLine two: with colon\\n",
                  "severity": "High",
                  "enabled": true,
                  "query": "DeviceProcessEvents\\n| where FileName =~ \\"cmd.exe\\" # not a comment\\n| extend A = AccountName\\n",
                  "queryFrequency": "PT30M",
                  "queryPeriod": "P2D",
                  "triggerOperator": "GreaterThan",
                  "triggerThreshold": 3,
                  "suppressionDuration": "PT5H",
                  "suppressionEnabled": false,
                  "startTimeUtc": null,
                  "tactics": ["Execution"],
                  "techniques": ["T1059"],
                  "subTechniques": ["T1059.003"],
                  "alertRuleTemplateName": null,
                  "incidentConfiguration": {"createIncident": true, "groupingConfiguration": {"enabled": false,
                      "reopenClosedIncident": false, "lookbackDuration": "PT5H", "matchingMethod": "AllEntities",
                      "groupByEntities": [], "groupByAlertDetails": [], "groupByCustomDetails": []}},
                  "eventGroupingSettings": {"aggregationKind": "SingleAlert"},
                  "alertDetailsOverride": null,
                  "customDetails": null,
                  "entityMappings": [{"entityType": "Account", "fieldMappings": [{"identifier": "Name", "columnName": "A"}]}],
                  "sentinelEntitiesMappings": null,
                  "templateVersion": null
                }
              }]
            }
            """;

    /** A Content Hub package in miniature: contentTemplates with variables, an object variable, metadata. */
    static final String PACKAGE = """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {"workspace": {"type": "string", "defaultValue": ""},
                             "workspace-location": {"type": "string", "defaultValue": ""}},
              "variables": {
                "_solutionId": "azuresentinel.test",
                "analyticRuleObject1": {"analyticRuleVersion1": "1.0.2", "_analyticRulecontentId1": "1eebfaf3-40e1-4bc2-9f42-049b7b8ceb60",
                  "analyticRuleId1": "[resourceId('Microsoft.SecurityInsights/AlertRuleTemplates', '1eebfaf3-40e1-4bc2-9f42-049b7b8ceb60')]",
                  "analyticRuleTemplateSpecName1": "[concat(parameters('workspace'),'-ar-',uniquestring('1eebfaf3'))]"},
                "huntingQueryVersion1": "2.0.0",
                "huntingQuerycontentId1": "df75ac6c-7b0b-40d2-82e4-191c012f1a07",
                "huntingQueryId1": "[resourceId('Microsoft.OperationalInsights/savedSearches', variables('huntingQuerycontentId1'))]"
              },
              "resources": [
                {"type": "Microsoft.OperationalInsights/workspaces/providers/contentTemplates", "apiVersion": "2023-04-01-preview",
                 "name": "[variables('analyticRuleObject1').analyticRuleTemplateSpecName1]",
                 "properties": {"contentId": "[variables('analyticRuleObject1')._analyticRulecontentId1]",
                   "version": "[variables('analyticRuleObject1').analyticRuleVersion1]",
                   "mainTemplate": {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                     "contentVersion": "[variables('analyticRuleObject1').analyticRuleVersion1]", "parameters": {}, "variables": {},
                     "resources": [
                       {"type": "Microsoft.SecurityInsights/AlertRuleTemplates", "name": "[variables('AnalyticRuleObject1')._analyticRulecontentId1]",
                        "apiVersion": "2022-04-01-preview", "kind": "Scheduled", "location": "[parameters('workspace-location')]",
                        "properties": {"description": "[concat('Solution ', variables('_solutionId'))]", "displayName": "Package rule",
                          "enabled": false, "query": "Syslog\\n| take 1\\n", "queryFrequency": "PT1H", "queryPeriod": "PT1H",
                          "severity": "Low", "suppressionDuration": "PT1H", "suppressionEnabled": false, "triggerOperator": "GreaterThan",
                          "triggerThreshold": 0, "status": "Available",
                          "requiredDataConnectors": [{"connectorId": "Syslog", "dataTypes": ["Syslog"]}],
                          "tactics": ["Impact"], "techniques": ["T1499"],
                          "entityMappings": [{"entityType": "Host", "fieldMappings": [{"identifier": "HostName", "columnName": "Computer"}]}]}},
                       {"type": "Microsoft.OperationalInsights/workspaces/providers/metadata", "apiVersion": "2022-01-01-preview",
                        "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/',concat('AnalyticsRule-', last(split(variables('analyticRuleObject1').analyticRuleId1,'/'))))]",
                        "properties": {"parentId": "[variables('analyticRuleObject1').analyticRuleId1]",
                          "contentId": "[variables('analyticRuleObject1')._analyticRulecontentId1]", "kind": "AnalyticsRule",
                          "version": "[variables('analyticRuleObject1').analyticRuleVersion1]"}}
                     ]}}},
                {"type": "Microsoft.Resources/templateSpecs/versions", "apiVersion": "2021-05-01", "name": "hq",
                 "properties": {"mainTemplate": {"resources": [
                   {"type": "Microsoft.OperationalInsights/savedSearches", "apiVersion": "2020-08-01", "name": "Test_Hunting_Query_1",
                    "properties": {"eTag": "*", "displayName": "Package hunting query", "category": "Hunting Queries",
                      "query": "Syslog | take 2", "version": 2,
                      "tags": [{"name": "description", "value": "Hunts"}, {"name": "tactics", "value": "Discovery,Impact"},
                               {"name": "techniques", "value": "T1046"}]}},
                   {"type": "Microsoft.OperationalInsights/workspaces/providers/metadata", "apiVersion": "2022-01-01-preview",
                    "name": "md", "properties": {"parentId": "[variables('huntingQueryId1')]",
                      "contentId": "[variables('huntingQuerycontentId1')]", "kind": "HuntingQuery", "version": "[variables('huntingQueryVersion1')]"}}
                 ]}}},
                {"type": "Microsoft.OperationalInsights/workspaces/savedSearches", "apiVersion": "2020-08-01", "name": "parser",
                 "properties": {"category": "Samples", "functionAlias": "MyParser", "query": "Syslog"}}
              ]
            }
            """;

    private static ArmImporter.Result importText(String json) {
        return new ArmImporter().importDocument(ArmTestSupport.MAPPER.readTree(json), "t.json");
    }

    @Test
    void portalExport() {
        ArmImporter.Result r = importText(PORTAL_EXPORT);
        assertEquals(java.util.List.of(), r.problems());
        JsonNode y = r.items().get(0).yaml();
        assertEquals(ContentKind.ANALYTIC_RULE, r.items().get(0).kind());
        assertEquals("8b2e6f2a-0b4c-4d6e-9f1a-2b3c4d5e6f70", y.get("id").asString());
        assertEquals("Rare process: it's \"odd\"", y.get("name").asString());
        assertEquals("30m", y.get("queryFrequency").asString());
        assertEquals("2d", y.get("queryPeriod").asString());
        assertEquals("gt", y.get("triggerOperator").asString());
        assertEquals(3, y.get("triggerThreshold").asInt());
        assertEquals("[\"T1059.003\"]", y.get("relevantTechniques").toString());
        assertFalse(y.has("suppressionDuration"), "the default is left out");
        assertFalse(y.has("enabled"));
        assertFalse(y.has("alertDetailsOverride"), "nulls are left out");
        assertFalse(y.get("incidentConfiguration").get("groupingConfiguration").has("groupByEntities"));
        assertEquals("5h", y.get("incidentConfiguration").get("groupingConfiguration").get("lookbackDuration").asString());
        assertEquals("Scheduled", y.get("kind").asString());
        String fields = String.join(",", iterable(y.propertyNames()));
        assertEquals("[]", y.get("requiredDataConnectors").toString(), "required for Scheduled rules; ARM never says");
        assertEquals("id,name,description,severity,requiredDataConnectors,queryFrequency,queryPeriod,triggerOperator,triggerThreshold,tactics,"
                + "relevantTechniques,query,entityMappings,eventGroupingSettings,incidentConfiguration,kind", fields);
    }

    private static Iterable<String> iterable(java.util.Collection<String> names) {
        return names;
    }

    @Test
    void portalLineEndsBecomeLf() {
        ArmImporter.Result r = importText(PORTAL_EXPORT.replace("DeviceProcessEvents\\n|", "DeviceProcessEvents\\r\\n|"));
        String query = r.items().get(0).yaml().get("query").asString();
        assertTrue(query.startsWith("DeviceProcessEvents\n| where"), query);
        assertTrue(YamlWriter.writeChecked(r.items().get(0).yaml()).contains("query: |\n  DeviceProcessEvents\n"));
    }

    @Test
    void contentHubPackage() {
        ArmImporter.Result r = importText(PACKAGE);
        assertEquals(java.util.List.of(), r.problems());
        assertEquals(2, r.items().size());
        JsonNode rule = r.items().get(0).yaml();
        assertEquals("1eebfaf3-40e1-4bc2-9f42-049b7b8ceb60", rule.get("id").asString());
        assertEquals("Solution azuresentinel.test", rule.get("description").asString());
        assertEquals("1.0.2", rule.get("version").asString());
        assertEquals("Available", rule.get("status").asString());
        assertEquals("1h", rule.get("suppressionDuration").asString());
        assertFalse(rule.has("enabled"), "a template's enabled:false is not the rule's");
        assertEquals("Syslog", rule.get("requiredDataConnectors").get(0).get("connectorId").asString());
        JsonNode hunting = r.items().get(1).yaml();
        assertEquals(ContentKind.HUNTING_QUERY, r.items().get(1).kind());
        assertEquals("df75ac6c-7b0b-40d2-82e4-191c012f1a07", hunting.get("id").asString(), "id from the paired metadata");
        assertEquals("2.0.0", hunting.get("version").asString());
        assertEquals("[\"Discovery\",\"Impact\"]", hunting.get("tactics").toString());
        assertEquals("Hunts", hunting.get("description").asString());
        assertEquals(1, r.ignoredResources(), "the parser saved search is not content");
    }

    @Test
    void unresolvedExpressionsAreNamedWithTheirPath() {
        String json = PORTAL_EXPORT.replace("\"description\": \"Line one\\nLine two: with colon\\n\"",
                "\"description\": \"[concat('Rule for ', parameters('workspace'))]\"")
                .replace("\"severity\": \"High\"", "\"severity\": \"[parameters('sev')]\"")
                .replace("\"query\": \"DeviceProcessEvents", "\"x\": \"[uniqueString('a')]\", \"query\": \"DeviceProcessEvents");
        ArmImporter.Result r = importText(json);
        assertEquals(1, r.items().size());
        String problems = r.problems().toString();
        assertTrue(problems.contains("$.resources[0].properties.description: cannot resolve: depends on parameter 'workspace'"), problems);
        assertTrue(problems.contains("$.resources[0].properties.severity: cannot resolve: parameters('sev') is not declared"), problems);
        assertTrue(problems.contains("$.resources[0].properties.x: cannot resolve: uniquestring() is computed by ARM"), problems);
        assertFalse(r.items().get(0).yaml().has("description"));
    }

    @Test
    void anUnresolvableQueryFailsTheItemAndOtherKindsAreSkipped() {
        String json = PORTAL_EXPORT.replace("\"query\": \"DeviceProcessEvents", "\"query\": \"[reference('x').q]\", \"q\": \"DeviceProcessEvents");
        ArmImporter.Result r = importText(json);
        assertEquals(0, r.items().size());
        assertEquals(ArmImporter.Level.FAILED, r.problems().get(0).level());
        ArmImporter.Result other = importText(PORTAL_EXPORT.replace("\"kind\": \"Scheduled\"", "\"kind\": \"Anomalies\""));
        assertEquals(0, other.items().size());
        assertEquals(ArmImporter.Level.UNSUPPORTED, other.problems().get(0).level());
    }

    @Test
    void contentHubWorkbooksImportAsYamlAndGalleryJson() {
        String json = """
                {"$schema": "x", "parameters": {"workspace": {"type": "string"}, "workspace-location": {"type": "string", "defaultValue": ""},
                  "workbook1-name": {"type": "string", "defaultValue": "Symantec VIP"}},
                 "variables": {"workbookContentId1": "a3f5ba2e-b3ad-4c42-9a5e-5d8c1c1e0f11"},
                 "resources": [{"type": "Microsoft.Resources/templateSpecs/versions", "name": "wb/1.0.0",
                   "properties": {"mainTemplate": {"resources": [
                     {"type": "Microsoft.Insights/workbooks", "name": "[variables('workbookContentId1')]", "kind": "shared",
                      "location": "[parameters('workspace-location')]", "apiVersion": "2021-08-01",
                      "properties": {"displayName": "[parameters('workbook1-name')]", "category": "sentinel",
                        "serializedData": "{\\"version\\":\\"Notebook/1.0\\",\\"items\\":[]}",
                        "sourceId": "[variables('workspaceResourceId')]"}}]}}}]}
                """;
        ArmImporter.Result r = importText(json);
        assertEquals(1, r.items().size(), r.problems().toString());
        ArmImporter.Imported wb = r.items().get(0);
        assertEquals(ContentKind.WORKBOOK, wb.kind());
        assertEquals("a3f5ba2e-b3ad-4c42-9a5e-5d8c1c1e0f11", wb.yaml().get("id").asString());
        assertEquals("Symantec VIP", wb.yaml().get("displayName").asString());
        assertFalse(wb.yaml().has("location"));
        assertTrue(r.problems().toString().contains("add location: <region>"), r.problems().toString());
        assertTrue(wb.companions().get(".json").contains("\"version\" : \"Notebook/1.0\""), wb.companions().toString());
    }

    @Test
    void builtInRuleKindsImportWithTheirOwnFields() {
        String json = """
                {"$schema": "x", "parameters": {"workspace": {"type": "string"}}, "resources": [
                  {"type": "Microsoft.OperationalInsights/workspaces/providers/alertRules", "kind": "Fusion",
                   "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/BuiltInFusion')]",
                   "properties": {"alertRuleTemplateName": "f71aba3d-28fb-450b-b192-4e76a83015c8", "enabled": true,
                     "displayName": "Advanced Multistage Attack Detection", "severity": "High", "tactics": ["Collection"]}},
                  {"type": "Microsoft.OperationalInsights/workspaces/providers/alertRules", "kind": "MicrosoftSecurityIncidentCreation",
                   "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/0d4b1e2a-3c5f-4a6b-8d7e-9f0a1b2c3d4e')]",
                   "properties": {"displayName": "MDE incidents", "enabled": true, "productFilter": "Microsoft Defender Advanced Threat Protection",
                     "severitiesFilter": ["High"], "displayNamesFilter": [], "lastModifiedUtc": "2023-01-01T00:00:00Z"}}]}
                """;
        ArmImporter.Result r = importText(json);
        assertEquals(2, r.items().size(), r.problems().toString());
        JsonNode fusion = r.items().get(0).yaml();
        assertEquals(ContentKind.BUILT_IN_ALERT_RULE, r.items().get(0).kind());
        assertEquals("Fusion", fusion.get("kind").asString());
        assertEquals("f71aba3d-28fb-450b-b192-4e76a83015c8", fusion.get("alertRuleTemplateName").asString());
        assertFalse(fusion.has("tactics"), "the template's own fields are not content");
        assertTrue(r.problems().toString().contains("'BuiltInFusion' is no GUID"), r.problems().toString());
        JsonNode incidents = r.items().get(1).yaml();
        assertEquals("0d4b1e2a-3c5f-4a6b-8d7e-9f0a1b2c3d4e", incidents.get("id").asString());
        assertEquals("[\"High\"]", incidents.get("severitiesFilter").toString());
        assertFalse(incidents.has("displayNamesFilter"));
        assertFalse(incidents.has("lastModifiedUtc"));
    }

    @Test
    void restListAndNestedDeployments() {
        String list = """
                {"value": [{"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/alertRules/5e9a3c71-2d4b-4f8e-a6c0-7b1d3e5f9a22",
                  "name": "5e9a3c71-2d4b-4f8e-a6c0-7b1d3e5f9a22", "type": "Microsoft.SecurityInsights/alertRules", "kind": "NRT",
                  "properties": {"displayName": "NRT", "severity": "Low", "query": "T", "enabled": true, "suppressionDuration": "PT5H",
                    "suppressionEnabled": false, "templateVersion": "1.2.3"}}]}
                """;
        JsonNode y = importText(list).items().get(0).yaml();
        assertEquals("NRT", y.get("kind").asString());
        assertEquals("1.2.3", y.get("version").asString());
        assertFalse(y.has("queryFrequency"));
        String nested = """
                {"$schema": "x", "parameters": {"ws": {"type": "string", "defaultValue": "outer"}}, "resources": [
                  {"type": "Microsoft.Resources/deployments", "name": "d", "properties": {
                    "expressionEvaluationOptions": {"scope": "inner"},
                    "parameters": {"workspace": {"value": "[parameters('ws')]"}},
                    "template": {"parameters": {"workspace": {"type": "string"}}, "variables": {"q": "T | take 5"}, "resources": [
                      {"type": "Microsoft.OperationalInsights/workspaces/savedSearches", "name": "[concat(parameters('workspace'), '/6b478186-da3b-4d71-beaa-aa5b42908499')]",
                       "properties": {"category": "Hunting Queries", "displayName": "[concat('In ', parameters('workspace'))]", "query": "[variables('q')]"}}]}}}]}
                """;
        ArmImporter.Result r = importText(nested);
        assertEquals(java.util.List.of(), r.problems());
        assertEquals("In outer", r.items().get(0).yaml().get("name").asString());
        assertEquals("6b478186-da3b-4d71-beaa-aa5b42908499", r.items().get(0).yaml().get("id").asString());
    }
}

package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.HuntingQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ArmResourcesTest {
    @TempDir
    Path dir;

    private final ArmResources resources = new ArmResources(ArmApiVersion.DEFAULT);

    static final String FULL_RULE = Fixtures.RULE
            .replace("queryFrequency: 1h", "queryFrequency: 01:00:00")
            .replace("queryPeriod: 1d", "queryPeriod: P1D")
            .replace("relevantTechniques:\n  - T1110\n", "relevantTechniques:\n  - T1110.001\n  - T1110.003\n  - T1078\n")
            .replace("tactics:\n  - CredentialAccess\n", "tactics:\n  - CredentialAccess\n  - InitialAccess\n")
            .replace("eventGroupingSettings:", """
                    incidentConfiguration:
                      createIncident: true
                      groupingConfiguration:
                        enabled: true
                        reopenClosedIncident: true
                        lookbackDuration: 2h
                        matchingMethod: Selected
                        groupByEntities:
                          - Account
                        groupByAlertDetails:
                          - DisplayName
                        groupByCustomDetails:
                          - FailedLogons
                    suppressionEnabled: true
                    suppressionDuration: 30m
                    enabled: false
                    eventGroupingSettings:""")
            .replace("  alertDisplayNameFormat: Brute force on {{Computer}}\n", """
                      alertDisplayNameFormat: Brute force on {{Computer}}
                      alertDescriptionFormat: '{{Failed}} failures'
                      alertSeverityColumnName: Sev
                      alertTacticsColumnName: Tac
                      alertDynamicProperties:
                        - alertProperty: ProductName
                          value: Product
                    """)
            .replace("triggerOperator: gt", "triggerOperator: ne")
            .replace("query: |\n", "query: |\n  let Sev = 'High'; let Tac = 'CredentialAccess'; let Product = 'x';\n");

    @Test
    void scheduledRuleMapsEveryField() {
        ContentItem item = ArmTestSupport.item(dir, "Detections/full.yaml", FULL_RULE);
        ArmResource r = resources.resourceFor(item);
        assertEquals(ArmResource.ALERT_RULE_TYPE, r.type());
        assertEquals("Scheduled", r.kind().orElseThrow());
        assertEquals("0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", r.name());
        assertEquals("providers/Microsoft.SecurityInsights/alertRules/0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", r.restPath());
        JsonNode p = r.properties();
        assertEquals("Failed logons followed by success", p.get("displayName").asString());
        assertEquals("Many failed logons to one account followed by a success.\n", p.get("description").asString());
        assertEquals("Medium", p.get("severity").asString());
        assertEquals("PT1H", p.get("queryFrequency").asString());
        assertEquals("P1D", p.get("queryPeriod").asString());
        assertEquals("NotEqual", p.get("triggerOperator").asString());
        assertEquals(0, p.get("triggerThreshold").asInt());
        assertEquals("[\"CredentialAccess\",\"InitialAccess\"]", p.get("tactics").toString());
        assertEquals("[\"T1110\",\"T1078\"]", p.get("techniques").toString());
        assertEquals("[\"T1110.001\",\"T1110.003\"]", p.get("subTechniques").toString());
        assertFalse(p.get("enabled").asBoolean());
        assertTrue(p.get("suppressionEnabled").asBoolean());
        assertEquals("PT30M", p.get("suppressionDuration").asString());
        assertEquals("1.0.0", p.get("templateVersion").asString());
        assertEquals(r.name(), p.get("alertRuleTemplateName").asString());
        JsonNode grouping = p.get("incidentConfiguration").get("groupingConfiguration");
        assertTrue(p.get("incidentConfiguration").get("createIncident").asBoolean());
        assertEquals("PT2H", grouping.get("lookbackDuration").asString());
        assertEquals("Selected", grouping.get("matchingMethod").asString());
        assertTrue(grouping.get("reopenClosedIncident").asBoolean());
        assertEquals("[\"Account\"]", grouping.get("groupByEntities").toString());
        assertEquals("[\"DisplayName\"]", grouping.get("groupByAlertDetails").toString());
        assertEquals("[\"FailedLogons\"]", grouping.get("groupByCustomDetails").toString());
        assertEquals("SingleAlert", p.get("eventGroupingSettings").get("aggregationKind").asString());
        JsonNode override = p.get("alertDetailsOverride");
        assertEquals("{{Failed}} failures", override.get("alertDescriptionFormat").asString());
        assertEquals("Sev", override.get("alertSeverityColumnName").asString());
        assertEquals("Tac", override.get("alertTacticsColumnName").asString());
        assertEquals("ProductName", override.get("alertDynamicProperties").get(0).get("alertProperty").asString());
        assertEquals("Failed", p.get("customDetails").get("FailedLogons").asString());
        assertEquals("TargetAccount", p.get("entityMappings").get(0).get("fieldMappings").get(0).get("columnName").asString());
        assertFalse(p.has("requiredDataConnectors"), "alert rules have no requiredDataConnectors property");
    }

    @Test
    void defaultsAreTheApisDefaults() {
        JsonNode p = resources.resourceFor(ArmTestSupport.item(dir, "Detections/r.yaml", Fixtures.RULE)).properties();
        assertTrue(p.get("enabled").asBoolean());
        assertFalse(p.get("suppressionEnabled").asBoolean());
        assertEquals("PT5H", p.get("suppressionDuration").asString());
        assertEquals("GreaterThan", p.get("triggerOperator").asString());
        assertFalse(p.has("subTechniques"));
        assertFalse(p.has("incidentConfiguration"));
    }

    @Test
    void nrtRuleHasNoSchedulingFields() {
        String nrt = Fixtures.RULE.replace("queryFrequency: 1h\n", "").replace("queryPeriod: 1d\n", "")
                .replace("triggerOperator: gt\n", "").replace("triggerThreshold: 0\n", "").replace("kind: Scheduled", "kind: NRT");
        ArmResource r = resources.resourceFor(ArmTestSupport.item(dir, "Detections/nrt.yaml", nrt));
        assertEquals("NRT", r.kind().orElseThrow());
        for (String f : new String[] {"queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold"}) {
            assertFalse(r.properties().has(f), f);
        }
    }

    @Test
    void olderApiVersionsGetParentTechniquesOnly() {
        ContentItem item = ArmTestSupport.item(dir, "Detections/full.yaml", FULL_RULE);
        JsonNode p = new ArmResources(new ArmApiVersion("2022-11-01")).resourceFor(item).properties();
        assertEquals("[\"T1110\",\"T1078\"]", p.get("techniques").toString());
        assertFalse(p.has("subTechniques"));
        assertEquals("2022-11-01", new ArmResources(new ArmApiVersion("2022-11-01")).resourceFor(item).apiVersion());
    }

    @Test
    void huntingQueryIsASavedSearchWithConventionalTags() {
        String yaml = Fixtures.HUNTING.replace("- T1566\n", "- T1566.001\n- T1078\n").replace("- InitialAccess\n", "- InitialAccess\n- Persistence\n");
        HuntingQuery q = (HuntingQuery) ArmTestSupport.item(dir, "Hunting Queries/q.yaml", yaml);
        ArmResource r = resources.resourceFor(q);
        assertEquals(ArmResource.SAVED_SEARCH_TYPE, r.type());
        assertEquals("2020-08-01", r.apiVersion());
        assertEquals("savedSearches/6b478186-da3b-4d71-beaa-aa5b42908499", r.restPath());
        JsonNode p = r.properties();
        assertEquals("Hunting Queries", p.get("category").asString());
        assertEquals("Mail by direction", p.get("displayName").asString());
        assertEquals(2, p.get("version").asInt());
        assertEquals("[{\"name\":\"description\",\"value\":\"Mail per direction and domain per day.\\n\"},"
                + "{\"name\":\"tactics\",\"value\":\"InitialAccess,Persistence\"},"
                + "{\"name\":\"techniques\",\"value\":\"T1566,T1078\"},"
                + "{\"name\":\"subTechniques\",\"value\":\"T1566.001\"}]", p.get("tags").toString());
    }

    @Test
    void metadataResourceNamesTheSourceAndParent() {
        ContentItem item = ArmTestSupport.item(dir, "Detections/r.yaml", Fixtures.RULE);
        ArmResource m = resources.metadataFor(item, "contoso/detections");
        assertEquals(ArmResource.METADATA_TYPE, m.type());
        assertEquals("analyticsrule-0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", m.name());
        assertEquals("AnalyticsRule", m.properties().get("kind").asString());
        assertEquals("1.0.0", m.properties().get("version").asString());
        assertEquals("SourceRepository", m.properties().get("source").get("kind").asString());
        assertEquals("contoso/detections", m.properties().get("source").get("name").asString());
        assertEquals("[resourceId('Microsoft.OperationalInsights/workspaces/providers/alertRules', parameters('workspace'), "
                + "'Microsoft.SecurityInsights', '0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b')]", m.properties().get("parentId").asString());
        assertTrue(item instanceof AnalyticRule);
    }
}

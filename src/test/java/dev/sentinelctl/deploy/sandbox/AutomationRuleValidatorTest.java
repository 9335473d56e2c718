package dev.sentinelctl.deploy.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AutomationRuleValidatorTest {
    static final String WS = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w";
    final AutomationRuleValidator validator = new AutomationRuleValidator();
    final PayloadValidator.WorkspaceView workspace = new PayloadValidator.WorkspaceView() {
        @Override
        public String resourceId() {
            return WS;
        }

        @Override
        public boolean has(String typeName, String name) {
            return typeName.equals("alertRules") && Set.of("r1").contains(name.toLowerCase());
        }
    };

    static ObjectNode body(String rules, int order, String action) {
        return (ObjectNode) JsonMapper.builder().build().readTree("""
                {"properties": {"displayName": "a", "order": %d,
                  "triggeringLogic": {"isEnabled": true, "triggersOn": "Incidents", "triggersWhen": "Created",
                    "conditions": [{"conditionType": "Property", "conditionProperties": {
                      "propertyName": "IncidentRelatedAnalyticRuleIds", "operator": "Contains", "propertyValues": [%s]}}]},
                  "actions": [%s]}}
                """.formatted(order, rules, action));
    }

    static final String LABEL = "{\"order\": 1, \"actionType\": \"ModifyProperties\", \"actionConfiguration\": {\"labels\": [{\"labelName\": \"x\"}]}}";

    private ArmException rejects(ObjectNode body) {
        return assertThrows(ArmException.class, () -> validator.validate(body, null, workspace));
    }

    @Test
    void acceptsARuleNamingAnExistingAlertRuleOfItsWorkspace() {
        validator.validate(body("\"" + WS + "/providers/Microsoft.SecurityInsights/alertRules/R1\"", 1, LABEL), null, workspace);
    }

    @Test
    void aMissingAlertRuleIs400() {
        ArmException e = rejects(body("\"" + WS + "/providers/Microsoft.SecurityInsights/alertRules/r2\"", 1, LABEL));
        assertEquals(400, e.status());
        assertEquals("BadRequest", e.code());
        assertTrue(e.getMessage().contains("Alert rule 'r2'"), e.getMessage());
    }

    @Test
    void anAlertRuleOfAnotherWorkspaceIs400() {
        ArmException e = rejects(body("\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/other"
                + "/providers/Microsoft.SecurityInsights/alertRules/r1\"", 1, LABEL));
        assertTrue(e.getMessage().contains("not an alert rule id of workspace"), e.getMessage());
    }

    @Test
    void orderOutOfRangeAndActionShapesAre400() {
        String rule = "\"" + WS + "/providers/Microsoft.SecurityInsights/alertRules/r1\"";
        assertTrue(rejects(body(rule, 1001, LABEL)).getMessage().contains("order"));
        assertTrue(rejects(body(rule, 1, "{\"order\": 1, \"actionType\": \"RunPlaybook\", \"actionConfiguration\": "
                + "{\"logicAppResourceId\": \"notify-soc\"}}")).getMessage().contains("logicAppResourceId"));
        assertTrue(rejects(body(rule, 1, "{\"order\": 1, \"actionType\": \"AddIncidentTask\", \"actionConfiguration\": "
                + "{\"description\": \"d\"}}")).getMessage().contains("title"));
    }
}

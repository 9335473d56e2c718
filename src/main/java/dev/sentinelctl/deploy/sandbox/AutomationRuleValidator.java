package dev.sentinelctl.deploy.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates automation rules as Sentinel does (AutomationRules.json 2025-09-01): displayName up to 500 characters,
 * order 1–1000, the triggering logic's enums, at most 50 conditions and 20 actions, each condition and action with the
 * properties of its type, and rule-id conditions that name alert rules of this workspace that exist.
 */
public final class AutomationRuleValidator implements PayloadValidator {
    static final List<String> TRIGGERS_ON = List.of("Incidents", "Alerts");
    static final List<String> TRIGGERS_WHEN = List.of("Created", "Updated");
    static final List<String> ACTION_TYPES = List.of("ModifyProperties", "RunPlaybook", "AddIncidentTask");
    static final List<String> COMPARISONS = List.of("Equals", "NotEquals", "Contains", "NotContains", "StartsWith",
            "NotStartsWith", "EndsWith", "NotEndsWith");
    /** Per condition type, the conditionProperties it requires. */
    static final Map<String, List<String>> CONDITIONS = Map.of(
            "Property", List.of("propertyName", "operator", "propertyValues"),
            "PropertyArray", List.of("arrayType", "arrayConditionType", "itemConditions"),
            "PropertyChanged", List.of("propertyName", "changeType", "operator", "propertyValues"),
            "PropertyArrayChanged", List.of("arrayType", "changeType"),
            "Boolean", List.of("operator", "innerConditions"));
    private static final List<String> RULE_ID_PROPERTIES = List.of("IncidentRelatedAnalyticRuleIds", "AlertAnalyticRuleIds");
    private static final Pattern LOGIC_APP = Pattern.compile(
            "(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/(Microsoft\\.Logic/workflows|Microsoft\\.Web/sites)/[^/]+");

    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        validate(body, existing, null);
    }

    @Override
    public void validate(ObjectNode body, ObjectNode existing, WorkspaceView workspace) {
        ObjectNode props = Fields.properties(body);
        Fields.maxLength(Fields.requiredString(props, "displayName"), 500, "displayName");
        Fields.requiredInt(props, "order", 1, 1000);
        if (!(props.get("triggeringLogic") instanceof ObjectNode logic)) {
            throw ArmException.badRequest("The 'properties.triggeringLogic' field is required.");
        }
        Fields.requiredBoolean(logic, "isEnabled");
        Fields.oneOf(Fields.requiredString(logic, "triggersOn"), TRIGGERS_ON, "properties.triggeringLogic.triggersOn");
        Fields.oneOf(Fields.requiredString(logic, "triggersWhen"), TRIGGERS_WHEN, "properties.triggeringLogic.triggersWhen");
        JsonNode conditions = logic.get("conditions");
        if (conditions != null && !conditions.isNull()) {
            if (!conditions.isArray() || conditions.size() > 50) {
                throw ArmException.badRequest("'properties.triggeringLogic.conditions' must be an array of at most 50 conditions.");
            }
            for (int i = 0; i < conditions.size(); i++) {
                condition(conditions.get(i), "properties.triggeringLogic.conditions[" + i + "]", workspace);
            }
        }
        JsonNode actions = props.get("actions");
        if (actions == null || !actions.isArray() || actions.isEmpty() || actions.size() > 20) {
            throw ArmException.badRequest("'properties.actions' must be an array of 1 to 20 actions.");
        }
        for (int i = 0; i < actions.size(); i++) action(actions.get(i), "properties.actions[" + i + "]");
    }

    private static void condition(JsonNode c, String at, WorkspaceView workspace) {
        String type = c.path("conditionType").asString("");
        List<String> required = CONDITIONS.get(type);
        if (required == null) {
            throw ArmException.badRequest("'" + at + ".conditionType' must be one of "
                    + String.join(", ", CONDITIONS.keySet().stream().sorted().toList()) + ".");
        }
        if (!(c.get("conditionProperties") instanceof ObjectNode p)) {
            throw ArmException.badRequest("The '" + at + ".conditionProperties' field is required.");
        }
        for (String field : required) {
            if (p.get(field) == null || p.get(field).isNull()) {
                throw ArmException.badRequest("The '" + at + ".conditionProperties." + field + "' field is required for a "
                        + type + " condition.");
            }
        }
        switch (type) {
            case "Property", "PropertyChanged" -> {
                Fields.oneOf(p.path("operator").asString(""), COMPARISONS, at + ".conditionProperties.operator");
                String property = p.path("propertyName").asString("");
                if (type.equals("Property") && RULE_ID_PROPERTIES.contains(property) && workspace != null) {
                    for (JsonNode v : p.path("propertyValues")) alertRule(v.asString(""), at, workspace);
                }
            }
            case "Boolean" -> {
                Fields.oneOf(p.path("operator").asString(""), List.of("And", "Or"), at + ".conditionProperties.operator");
                JsonNode inner = p.get("innerConditions");
                if (!inner.isArray() || inner.size() < 2 || inner.size() > 10) {
                    throw ArmException.badRequest("'" + at + ".conditionProperties.innerConditions' must hold 2 to 10 conditions.");
                }
                for (int i = 0; i < inner.size(); i++) {
                    condition(inner.get(i), at + ".conditionProperties.innerConditions[" + i + "]", workspace);
                }
            }
            case "PropertyArray" -> {
                JsonNode items = p.get("itemConditions");
                if (!items.isArray() || items.size() > 10) {
                    throw ArmException.badRequest("'" + at + ".conditionProperties.itemConditions' must hold at most 10 conditions.");
                }
                for (int i = 0; i < items.size(); i++) {
                    condition(items.get(i), at + ".conditionProperties.itemConditions[" + i + "]", workspace);
                }
            }
            default -> {
            }
        }
    }

    /** A rule-id condition value must be an alert rule of this workspace that exists. */
    private static void alertRule(String id, String at, WorkspaceView workspace) {
        String prefix = (workspace.resourceId() + "/providers/Microsoft.SecurityInsights/alertRules/").toLowerCase(Locale.ROOT);
        String lower = id.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(prefix) || lower.length() == prefix.length() || lower.indexOf('/', prefix.length()) >= 0) {
            throw ArmException.badRequest("'" + at + ".conditionProperties.propertyValues' holds '" + id
                    + "', which is not an alert rule id of workspace " + workspace.resourceId() + ".");
        }
        String name = id.substring(prefix.length());
        if (!workspace.has("alertRules", name)) {
            throw ArmException.badRequest("Alert rule '" + name + "' referenced in '" + at
                    + ".conditionProperties.propertyValues' was not found in the workspace.");
        }
    }

    private static void action(JsonNode a, String at) {
        if (!(a instanceof ObjectNode action)) throw ArmException.badRequest("'" + at + "' must be an object.");
        if (action.get("order") == null || !action.get("order").isIntegralNumber()) {
            throw ArmException.badRequest("The '" + at + ".order' field is required.");
        }
        String type = Fields.oneOf(action.path("actionType").asString(""), ACTION_TYPES, at + ".actionType");
        if (!(action.get("actionConfiguration") instanceof ObjectNode config)) {
            throw ArmException.badRequest("The '" + at + ".actionConfiguration' field is required.");
        }
        switch (type) {
            case "RunPlaybook" -> {
                String id = config.path("logicAppResourceId").asString("");
                if (!LOGIC_APP.matcher(id).matches()) {
                    throw ArmException.badRequest("'" + at + ".actionConfiguration.logicAppResourceId' must be the resource id "
                            + "of a Microsoft.Logic/workflows or Microsoft.Web/sites resource, not '" + id + "'.");
                }
            }
            case "AddIncidentTask" -> {
                if (config.path("title").asString("").isBlank()) {
                    throw ArmException.badRequest("The '" + at + ".actionConfiguration.title' field is required.");
                }
            }
            default -> {
                if (config.isEmpty()) {
                    throw ArmException.badRequest("'" + at + ".actionConfiguration' must set at least one property.");
                }
            }
        }
    }
}

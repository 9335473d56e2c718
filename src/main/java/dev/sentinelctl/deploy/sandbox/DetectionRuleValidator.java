package dev.sentinelctl.deploy.sandbox;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Graph checks in a {@code security/rules/detectionRules} body (v1.0 detectionRule): the display name, the query,
 * a schedule period it supports, an alert template with title, a known severity and category, and at least one
 * impacted asset. Refusals are 400 {@code BadRequest} naming the property, as Graph words them.
 */
public final class DetectionRuleValidator implements PayloadValidator {
    private static final Set<String> PERIODS = Set.of("0", "1H", "3H", "12H", "24H");
    private static final Set<String> SEVERITIES = Set.of("informational", "low", "medium", "high");

    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        requireText(body, "displayName", "displayName");
        requireText(body.path("queryCondition"), "queryText", "queryCondition.queryText");
        String period = body.path("schedule").path("period").asString(null);
        if (period == null || !PERIODS.contains(period)) {
            throw bad("Invalid value '" + period + "' for property 'schedule.period'; supported: 0, 1H, 3H, 12H, 24H.");
        }
        if (body.has("isEnabled") && !body.get("isEnabled").isBoolean()) {
            throw bad("Property 'isEnabled' must be a boolean.");
        }
        JsonNode template = body.path("detectionAction").path("alertTemplate");
        if (!template.isObject()) throw bad("Property 'detectionAction.alertTemplate' is required.");
        requireText(template, "title", "detectionAction.alertTemplate.title");
        String severity = template.path("severity").asString(null);
        if (severity == null || !SEVERITIES.contains(severity)) {
            throw bad("Invalid value '" + severity + "' for property 'detectionAction.alertTemplate.severity'; supported: "
                    + "informational, low, medium, high.");
        }
        requireText(template, "category", "detectionAction.alertTemplate.category");
        JsonNode assets = template.path("impactedAssets");
        if (!assets.isArray() || assets.isEmpty()) {
            throw bad("Property 'detectionAction.alertTemplate.impactedAssets' needs at least one impacted asset.");
        }
        for (JsonNode a : assets) {
            if (!a.path("@odata.type").asString("").startsWith("#microsoft.graph.security.impacted")
                    || a.path("identifier").asString("").isBlank()) {
                throw bad("Each impacted asset needs '@odata.type' (#microsoft.graph.security.impacted…Asset) and 'identifier'.");
            }
        }
        JsonNode actions = body.path("detectionAction").path("responseActions");
        if (!actions.isMissingNode() && !actions.isNull() && !actions.isArray()) {
            throw bad("Property 'detectionAction.responseActions' must be an array.");
        }
    }

    private static void requireText(JsonNode node, String field, String path) {
        JsonNode v = node.path(field);
        if (!v.isString() || v.asString().isBlank()) throw bad("Property '" + path + "' is required and must be a non-empty string.");
    }

    private static ArmException bad(String message) {
        return new ArmException(400, "BadRequest", message);
    }
}

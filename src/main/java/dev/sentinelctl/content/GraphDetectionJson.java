package dev.sentinelctl.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recognises Microsoft Graph's custom detection JSON ({@code security/rules/detectionRules}) as Graph returns it: one
 * {@code detectionRule} object (a GET) or a collection page {@code {"value": [...]}} (a list). {@code import} converts
 * them to custom detection YAML; the ARM importer leaves them alone (their {@code displayName} would otherwise look
 * like an alert rule's camelCase properties).
 */
public final class GraphDetectionJson {
    private static final String TYPE = "#microsoft.graph.security.detectionrule";

    private GraphDetectionJson() {
    }

    /** A {@code detectionRule}: Graph's type, or a query condition with a schedule or detection action (and no ARM shape). */
    public static boolean isDetectionRule(JsonNode node) {
        if (node == null || !node.isObject()) return false;
        if (node.path("@odata.type").asString("").toLowerCase(Locale.ROOT).equals(TYPE)) return true;
        if (node.has("properties") || node.has("type") || node.has("resources")) return false;
        return node.path("queryCondition").isObject() && (node.has("detectionAction") || node.has("schedule"));
    }

    /** The detection rules the document holds: itself, or every element of its non-empty {@code value} list; else none. */
    public static List<ObjectNode> detectionRules(JsonNode root) {
        List<ObjectNode> out = new ArrayList<>();
        if (isDetectionRule(root)) {
            out.add((ObjectNode) root);
            return out;
        }
        JsonNode value = root == null ? null : root.get("value");
        if (value == null || !value.isArray() || value.isEmpty()) return out;
        for (JsonNode v : value) {
            if (!isDetectionRule(v)) return List.of();
            out.add((ObjectNode) v);
        }
        return out;
    }
}

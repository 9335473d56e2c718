package dev.sentinelctl.arm;

import dev.sentinelctl.content.RuleDuration;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings a content file's YAML tree to a normal form so two spellings of the same content compare equal:
 * durations as ISO-8601 of their value ({@code 60m}, {@code 1h}, {@code 01:00:00} → {@code PT1H}), trigger
 * operators as the ARM enum, {@code kind} in its canonical case, integral numbers as one type, empty lists
 * and mappings as absent ({@code tactics: []} says what no {@code tactics} says), and the defaults the API
 * applies filled in (enabled, suppression, incident creation). Nothing else changes: text, list order and
 * unknown fields are compared as written.
 */
public final class ContentNormalizer {
    private ContentNormalizer() {}

    public static ObjectNode normalise(JsonNode yaml, boolean rule) {
        ObjectNode n = (ObjectNode) withoutEmpty(numbers(ArmToYaml.withoutNulls(yaml)));
        if (!rule) return n;
        duration(n, "queryFrequency");
        duration(n, "queryPeriod");
        duration(n, "suppressionDuration");
        JsonNode op = n.get("triggerOperator");
        if (op != null && op.isString()) n.put("triggerOperator", TriggerOperators.toArm(op.asString()));
        JsonNode kind = n.get("kind");
        if (kind != null && kind.isString()) {
            String k = kind.asString().trim().toLowerCase(Locale.ROOT);
            if (k.equals("nrt")) n.put("kind", "NRT");
            else if (k.equals("scheduled")) n.put("kind", "Scheduled");
        }
        if (!n.has("enabled")) n.put("enabled", true);
        if (!n.has("suppressionEnabled")) n.put("suppressionEnabled", false);
        if (!n.has("suppressionDuration")) n.put("suppressionDuration", "PT5H");
        JsonNode incident = n.get("incidentConfiguration");
        if (incident instanceof ObjectNode ic) {
            if (!ic.has("createIncident")) ic.put("createIncident", true);
            if (ic.get("groupingConfiguration") instanceof ObjectNode g) {
                duration(g, "lookbackDuration");
                if (!g.has("enabled")) g.put("enabled", false);
                if (!g.has("reopenClosedIncident")) g.put("reopenClosedIncident", false);
            }
        }
        return n;
    }

    private static void duration(ObjectNode n, String field) {
        JsonNode v = n.get(field);
        if (v != null && v.isString()) {
            RuleDuration.parse(v.asString()).ifPresent(d -> n.put(field, RuleDuration.isoForm(d.value())));
        }
    }

    private static JsonNode withoutEmpty(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = ArmResources.JSON.objectNode();
            for (var e : node.properties()) {
                JsonNode v = withoutEmpty(e.getValue());
                if (!(v.isContainer() && v.isEmpty())) out.set(e.getKey(), v);
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ArmResources.JSON.arrayNode();
            for (JsonNode v : node) out.add(withoutEmpty(v));
            return out;
        }
        return node;
    }

    static JsonNode numbers(JsonNode node) {
        if (node.isIntegralNumber()) return ArmResources.JSON.numberNode(node.longValue());
        if (node.isObject()) {
            ObjectNode out = ArmResources.JSON.objectNode();
            for (var e : node.properties()) out.set(e.getKey(), numbers(e.getValue()));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ArmResources.JSON.arrayNode();
            for (JsonNode v : node) out.add(numbers(v));
            return out;
        }
        return node;
    }
}

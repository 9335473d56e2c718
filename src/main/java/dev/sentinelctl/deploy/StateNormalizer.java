package dev.sentinelctl.deploy;

import dev.sentinelctl.arm.TriggerOperators;
import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.kql.syntax.QueryEquivalence;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings both sides of a comparison (what the repository wants, what the workspace has) to one form, so only real
 * differences show: read-only fields dropped, nulls and empty lists as absent, the API's defaults filled in,
 * durations as ISO-8601 of their value, integral numbers as one type, and lists whose order means nothing sorted.
 * Queries are kept as written (for display); {@link #sameQuery} compares them token by token without trivia.
 */
public final class StateNormalizer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Set by the service, never by us. */
    private static final Set<String> READ_ONLY = Set.of("lastModifiedUtc", "createdTimeUtc", "provisioningState");
    /** Sets in the API's model: the portal and ARM may return them in any order. */
    private static final Set<String> UNORDERED = Set.of("tactics", "techniques", "subTechniques", "groupByEntities",
            "groupByAlertDetails", "groupByCustomDetails", "requiredDataConnectors");

    private StateNormalizer() {
    }

    /** An alert rule's comparable form: {@code {"kind":..,"properties":{..}}}. */
    public static ObjectNode alertRule(String kind, JsonNode properties) {
        ObjectNode p = clean(properties);
        READ_ONLY.forEach(p::remove);
        duration(p, "queryFrequency");
        duration(p, "queryPeriod");
        duration(p, "suppressionDuration");
        JsonNode op = p.get("triggerOperator");
        if (op != null && op.isString()) p.put("triggerOperator", TriggerOperators.toArm(op.asString()));
        if (!p.has("enabled")) p.put("enabled", true);
        if (!p.has("suppressionEnabled")) p.put("suppressionEnabled", false);
        if (!p.has("suppressionDuration")) p.put("suppressionDuration", "PT5H");
        if (!p.has("eventGroupingSettings")) p.putObject("eventGroupingSettings").put("aggregationKind", "SingleAlert");
        if (!p.has("incidentConfiguration")) p.putObject("incidentConfiguration").put("createIncident", true);
        if (p.get("incidentConfiguration") instanceof ObjectNode ic) {
            if (!ic.has("createIncident")) ic.put("createIncident", true);
            if (!ic.has("groupingConfiguration")) ic.putObject("groupingConfiguration");
            if (ic.get("groupingConfiguration") instanceof ObjectNode g) {
                duration(g, "lookbackDuration");
                if (!g.has("enabled")) g.put("enabled", false);
                if (!g.has("reopenClosedIncident")) g.put("reopenClosedIncident", false);
                if (!g.has("lookbackDuration")) g.put("lookbackDuration", "PT5H");
                if (!g.has("matchingMethod")) g.put("matchingMethod", "AllEntities");
            }
        }
        ObjectNode out = JSON.objectNode();
        out.put("kind", kind == null ? "" : kind);
        out.set("properties", p);
        return out;
    }

    /** A saved search's comparable form: {@code {"properties":{..}}} with tags sorted by name. */
    public static ObjectNode savedSearch(JsonNode properties) {
        ObjectNode p = clean(properties);
        READ_ONLY.forEach(p::remove);
        if (p.get("tags") instanceof ArrayNode tags) {
            List<JsonNode> sorted = new ArrayList<>();
            tags.forEach(sorted::add);
            sorted.sort(Comparator.comparing((JsonNode t) -> t.path("name").asString(""))
                    .thenComparing(t -> t.path("value").asString("")));
            ArrayNode a = p.putArray("tags");
            sorted.forEach(a::add);
        }
        ObjectNode out = JSON.objectNode();
        out.set("properties", p);
        return out;
    }

    /** Whether two queries are the same program (formatting and comments do not count). */
    public static boolean sameQuery(String a, String b) {
        return QueryEquivalence.sameProgram(a, b);
    }

    /** Deep copy without nulls and empty containers; integral numbers as long; unordered lists sorted. */
    static ObjectNode clean(JsonNode node) {
        JsonNode c = node == null ? JSON.objectNode() : cleanNode(node, "");
        return c instanceof ObjectNode o ? o : JSON.objectNode();
    }

    private static JsonNode cleanNode(JsonNode node, String field) {
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (var e : node.properties()) {
                JsonNode v = e.getValue();
                if (v == null || v.isNull()) continue;
                JsonNode c = cleanNode(v, e.getKey());
                if (c.isContainer() && c.isEmpty()) continue;
                out.set(e.getKey(), c);
            }
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode v : node) if (!v.isNull()) items.add(cleanNode(v, ""));
            if (UNORDERED.contains(field)) items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode out = JSON.arrayNode();
            items.forEach(out::add);
            return out;
        }
        if (node.isIntegralNumber()) return JSON.numberNode(node.longValue());
        if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())) return JSON.numberNode(node.longValue());
        return node.deepCopy();
    }

    private static void duration(ObjectNode n, String field) {
        JsonNode v = n.get(field);
        if (v != null && v.isString()) {
            RuleDuration.parse(v.asString()).ifPresent(d -> n.put(field, RuleDuration.isoForm(d.value())));
        }
    }
}

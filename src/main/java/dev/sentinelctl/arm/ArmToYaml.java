package dev.sentinelctl.arm;

import dev.sentinelctl.content.RuleDuration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inverse of {@link ArmResources}: an alert rule (or alert rule template) or a hunting saved search,
 * with its expressions already resolved, back to the YAML tree of an Azure-Sentinel content file. Values
 * equal to the API's defaults are left out (enabled, suppression off for 5 h), durations get their short
 * form ({@code 1h}), trigger operators theirs ({@code gt}).
 */
public final class ArmToYaml {

    /** What an ARM resource says about one content item. */
    public record ArmItem(String type, Optional<String> kind, String id, JsonNode properties, Optional<String> version) {
        public boolean isRule() {
            String t = type.toLowerCase(Locale.ROOT);
            return t.endsWith("/alertrules") || t.endsWith("/alertruletemplates");
        }

        public boolean isRuleTemplate() {
            return type.toLowerCase(Locale.ROOT).endsWith("/alertruletemplates");
        }

        public boolean isSavedSearch() {
            return type.toLowerCase(Locale.ROOT).endsWith("/savedsearches");
        }
    }

    public ObjectNode toYaml(ArmItem item) {
        return item.isRule() ? rule(item) : huntingQuery(item);
    }

    /** Whether a saved search is a hunting query (rather than a parser, function or plain saved query). */
    public static boolean isHuntingQuery(JsonNode properties) {
        JsonNode category = ArmExpressions.getIgnoreCase(properties, "category");
        return category != null && category.isString() && category.asString().trim().equalsIgnoreCase("Hunting Queries");
    }

    private ObjectNode rule(ArmItem item) {
        JsonNode p = withoutNulls(item.properties());
        boolean nrt = item.kind().map(k -> k.equalsIgnoreCase("NRT")).orElse(false);
        ObjectNode y = ArmResources.JSON.objectNode();
        y.put("id", item.id());
        copyString(p, "displayName", y, "name");
        copyString(p, "description", y, "description");
        copyString(p, "severity", y, "severity");
        copyString(p, "status", y, "status");
        JsonNode connectors = get(p, "requiredDataConnectors");
        if (connectors != null && connectors.isArray()) y.set("requiredDataConnectors", connectors.deepCopy());
        // Azure-Sentinel requires the field on Scheduled rules; an alert rule resource never says, so: none known.
        else if (!nrt) y.putArray("requiredDataConnectors");
        if (!nrt) {
            copyDuration(p, "queryFrequency", y);
            copyDuration(p, "queryPeriod", y);
            JsonNode op = get(p, "triggerOperator");
            if (op != null && op.isString()) y.put("triggerOperator", TriggerOperators.toYaml(op.asString()));
            JsonNode threshold = get(p, "triggerThreshold");
            if (threshold != null && threshold.isNumber()) y.put("triggerThreshold", threshold.intValue());
        }
        copyNonEmptyArray(p, "tactics", y, "tactics");
        List<String> techniques = techniques(get(p, "techniques"), get(p, "subTechniques"));
        if (!techniques.isEmpty()) {
            ArrayNode t = y.putArray("relevantTechniques");
            techniques.forEach(t::add);
        }
        copyString(p, "query", y, "query");
        copyNonEmptyArray(p, "entityMappings", y, "entityMappings");
        copyNonEmptyArray(p, "sentinelEntitiesMappings", y, "sentinelEntitiesMappings");
        JsonNode details = get(p, "customDetails");
        if (details != null && details.isObject() && !details.isEmpty()) y.set("customDetails", details.deepCopy());
        JsonNode override = get(p, "alertDetailsOverride");
        if (override != null && override.isObject()) {
            ObjectNode o = ((ObjectNode) override.deepCopy());
            JsonNode dyn = o.get("alertDynamicProperties");
            if (dyn != null && dyn.isArray() && dyn.isEmpty()) o.remove("alertDynamicProperties");
            if (!o.isEmpty()) y.set("alertDetailsOverride", o);
        }
        JsonNode grouping = get(p, "eventGroupingSettings");
        if (grouping != null && grouping.isObject() && grouping.has("aggregationKind")) {
            y.set("eventGroupingSettings", grouping.deepCopy());
        }
        JsonNode incident = get(p, "incidentConfiguration");
        if (incident != null && incident.isObject()) y.set("incidentConfiguration", incident(incident));
        JsonNode suppressionEnabled = get(p, "suppressionEnabled");
        if (suppressionEnabled != null && suppressionEnabled.isBoolean() && suppressionEnabled.booleanValue()) {
            y.put("suppressionEnabled", true);
        }
        JsonNode suppression = get(p, "suppressionDuration");
        if (suppression != null && suppression.isString()) {
            Optional<RuleDuration> d = RuleDuration.parse(suppression.asString());
            if (d.isEmpty() || !d.get().value().equals(ArmResources.DEFAULT_SUPPRESSION)) {
                y.put("suppressionDuration", d.map(x -> RuleDuration.shortForm(x.value())).orElse(suppression.asString()));
            }
        }
        JsonNode enabled = get(p, "enabled");
        // A template's "enabled: false" describes the template, not a rule someone deploys from this file.
        if (!item.isRuleTemplate() && enabled != null && enabled.isBoolean() && !enabled.booleanValue()) {
            y.put("enabled", false);
        }
        JsonNode templateName = get(p, "alertRuleTemplateName");
        if (templateName != null && templateName.isString() && !templateName.asString().isBlank()
                && !templateName.asString().equalsIgnoreCase(item.id())) {
            y.put("alertRuleTemplateName", templateName.asString());
        }
        JsonNode templateVersion = get(p, "templateVersion");
        if (templateVersion != null && templateVersion.isString() && !templateVersion.asString().isBlank()) {
            y.put("version", templateVersion.asString());
        } else {
            item.version().ifPresent(v -> y.put("version", v));
        }
        y.put("kind", nrt ? "NRT" : "Scheduled");
        return YamlFields.ordered(y);
    }

    private ObjectNode huntingQuery(ArmItem item) {
        JsonNode p = withoutNulls(item.properties());
        ObjectNode y = ArmResources.JSON.objectNode();
        y.put("id", item.id());
        copyString(p, "displayName", y, "name");
        JsonNode tags = get(p, "tags");
        String description = tag(tags, "description");
        if (description != null) y.put("description", description);
        String tactics = tag(tags, "tactics");
        if (tactics != null && !tactics.isBlank()) {
            ArrayNode t = y.putArray("tactics");
            for (String s : tactics.split(",")) if (!s.isBlank()) t.add(s.trim());
        }
        String techniques = tag(tags, "techniques");
        if (techniques == null) techniques = tag(tags, "relevantTechniques");
        List<String> all = techniques(csv(techniques), csv(tag(tags, "subTechniques")));
        if (!all.isEmpty()) {
            ArrayNode t = y.putArray("relevantTechniques");
            all.forEach(t::add);
        }
        copyString(p, "query", y, "query");
        item.version().ifPresent(v -> y.put("version", v));
        return YamlFields.ordered(y);
    }

    private static JsonNode csv(String s) {
        ArrayNode out = ArmResources.JSON.arrayNode();
        if (s != null) for (String part : s.split(",")) if (!part.isBlank()) out.add(part.trim());
        return out;
    }

    private static String tag(JsonNode tags, String name) {
        if (tags == null || !tags.isArray()) return null;
        for (JsonNode t : tags) {
            JsonNode n = ArmExpressions.getIgnoreCase(t, "name");
            JsonNode v = ArmExpressions.getIgnoreCase(t, "value");
            if (n != null && n.isString() && n.asString().equalsIgnoreCase(name) && v != null && v.isString()) {
                return v.asString();
            }
        }
        return null;
    }

    /**
     * Techniques with each replaced by its sub-techniques when the resource names any (YAML lists
     * {@code T1110.003}, ARM splits it into {@code T1110} and {@code T1110.003}), then sub-techniques whose
     * parent is not listed.
     */
    private static List<String> techniques(JsonNode techniques, JsonNode subTechniques) {
        List<String> subs = strings(subTechniques);
        Set<String> out = new LinkedHashSet<>();
        for (String t : strings(techniques)) {
            List<String> mine = subs.stream().filter(s -> s.startsWith(t + ".")).toList();
            if (mine.isEmpty()) out.add(t);
            else out.addAll(mine);
        }
        out.addAll(subs);
        return new ArrayList<>(out);
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list == null || !list.isArray()) return out;
        for (JsonNode t : list) if (t.isString() && !t.asString().isBlank()) out.add(t.asString().trim());
        return out;
    }

    private static ObjectNode incident(JsonNode incident) {
        ObjectNode out = (ObjectNode) incident.deepCopy();
        JsonNode g = out.get("groupingConfiguration");
        if (g != null && g.isObject()) {
            ObjectNode grouping = (ObjectNode) g;
            JsonNode lookback = grouping.get("lookbackDuration");
            if (lookback != null && lookback.isString()) {
                RuleDuration.parse(lookback.asString())
                        .ifPresent(d -> grouping.put("lookbackDuration", RuleDuration.shortForm(d.value())));
            }
            for (String list : new String[] {"groupByEntities", "groupByAlertDetails", "groupByCustomDetails"}) {
                JsonNode v = grouping.get(list);
                if (v != null && v.isArray() && v.isEmpty()) grouping.remove(list);
            }
        }
        return out;
    }

    private static void copyDuration(JsonNode p, String field, ObjectNode y) {
        JsonNode v = get(p, field);
        if (v == null || !v.isString()) return;
        y.put(field, RuleDuration.parse(v.asString()).map(d -> RuleDuration.shortForm(d.value())).orElse(v.asString()));
    }

    private static void copyString(JsonNode p, String from, ObjectNode y, String to) {
        JsonNode v = get(p, from);
        if (v != null && v.isString()) y.put(to, v.asString());
    }

    private static void copyNonEmptyArray(JsonNode p, String from, ObjectNode y, String to) {
        JsonNode v = get(p, from);
        if (v != null && v.isArray() && !v.isEmpty()) y.set(to, v.deepCopy());
    }

    private static JsonNode get(JsonNode p, String field) {
        return ArmExpressions.getIgnoreCase(p, field);
    }

    /** Portal exports write absent values as null; YAML leaves them out. */
    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = ArmResources.JSON.objectNode();
            for (var e : node.properties()) {
                if (!e.getValue().isNull()) out.set(e.getKey(), withoutNulls(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ArmResources.JSON.arrayNode();
            for (JsonNode n : node) if (!n.isNull()) out.add(withoutNulls(n));
            return out;
        }
        return node;
    }
}

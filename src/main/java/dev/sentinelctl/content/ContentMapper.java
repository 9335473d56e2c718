package dev.sentinelctl.content;

import dev.sentinelctl.content.AnalyticRule.AlertDetailsOverride;
import dev.sentinelctl.content.AnalyticRule.DynamicProperty;
import dev.sentinelctl.content.AnalyticRule.GroupingConfiguration;
import dev.sentinelctl.content.AnalyticRule.IncidentConfiguration;
import dev.sentinelctl.content.ContentItem.DataConnector;
import dev.sentinelctl.content.ContentItem.EntityMapping;
import dev.sentinelctl.content.ContentItem.FieldMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns a YAML tree into a content record. Lenient on purpose: wrong types and missing fields become empty
 * values here, because the schema pass has already reported them with their positions.
 */
public final class ContentMapper {

    public ContentItem map(YamlDocument doc, ContentKind kind) {
        JsonNode root = doc.root();
        return switch (kind) {
            case HUNTING_QUERY -> new HuntingQuery(text(root, "id"), text(root, "name"), text(root, "description"),
                    text(root, "description-detailed"), query(doc), strings(root.get("tactics")),
                    strings(root.get("relevantTechniques")), connectors(root.get("requiredDataConnectors")),
                    entityMappings(root.get("entityMappings")), text(root, "version"), tags(root.get("tags")), doc);
            case ANALYTIC_RULE -> rule(doc);
            // playbooks are JSON templates, read by content/playbook/PlaybookFiles, never mapped from YAML
            case PLAYBOOK -> throw new IllegalArgumentException("a playbook is an ARM template, not YAML content");
        };
    }

    private AnalyticRule rule(YamlDocument doc) {
        JsonNode root = doc.root();
        AnalyticRule.RuleKind ruleKind = text(root, "kind").toLowerCase(Locale.ROOT).equals("nrt")
                ? AnalyticRule.RuleKind.NRT : AnalyticRule.RuleKind.SCHEDULED;
        JsonNode threshold = root.get("triggerThreshold");
        JsonNode grouping = root.path("eventGroupingSettings").get("aggregationKind");
        return new AnalyticRule(text(root, "id"), text(root, "name"), text(root, "description"), ruleKind,
                text(root, "severity"), query(doc), duration(root.get("queryFrequency")),
                duration(root.get("queryPeriod")), text(root, "triggerOperator"),
                threshold != null && threshold.isIntegralNumber() && threshold.canConvertToInt()
                        ? Optional.of(threshold.intValue()) : Optional.empty(),
                strings(root.get("tactics")), strings(root.get("relevantTechniques")),
                connectors(root.get("requiredDataConnectors")), entityMappings(root.get("entityMappings")),
                customDetails(root.get("customDetails")), alertDetailsOverride(root.get("alertDetailsOverride")),
                grouping != null && grouping.isString() ? Optional.of(grouping.asString()) : Optional.empty(),
                incidentConfiguration(root.get("incidentConfiguration")), bool(root.get("suppressionEnabled")),
                duration(root.get("suppressionDuration")), bool(root.get("enabled")), text(root, "status"),
                text(root, "version"), tags(root.get("tags")), doc);
    }

    private static Query query(YamlDocument doc) {
        JsonNode q = doc.root().get("query");
        if (q == null || !q.isString()) return Query.of("");
        String text = q.asString();
        NodeInfo info = doc.info("/query");
        return info == null ? Query.of(text) : new Query(text, ScalarSourceMap.build(doc.source(), info, text));
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainer()) return "";
        return v.asString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                if (n.isValueNode() && !n.isNull()) out.add(n.asString());
            }
        }
        return out;
    }

    private static List<String> tags(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                if (n.isString()) out.add(n.asString());
                else if (n.isObject() && n.has("name")) out.add(n.get("name").asString() + "=" + n.path("value").asString(""));
            }
        }
        return out;
    }

    private static List<DataConnector> connectors(JsonNode node) {
        List<DataConnector> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                if (n.isObject()) out.add(new DataConnector(text(n, "connectorId"), strings(n.get("dataTypes"))));
            }
        }
        return out;
    }

    private static List<EntityMapping> entityMappings(JsonNode node) {
        List<EntityMapping> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                if (!n.isObject()) continue;
                List<FieldMapping> fields = new ArrayList<>();
                JsonNode fm = n.get("fieldMappings");
                if (fm != null && fm.isArray()) {
                    for (JsonNode f : fm) {
                        if (f.isObject()) fields.add(new FieldMapping(text(f, "identifier"), text(f, "columnName")));
                    }
                }
                out.add(new EntityMapping(text(n, "entityType"), fields));
            }
        }
        return out;
    }

    private static Map<String, String> customDetails(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isValueNode()) out.put(e.getKey(), e.getValue().asString());
            }
        }
        return out;
    }

    private static Optional<AlertDetailsOverride> alertDetailsOverride(JsonNode node) {
        if (node == null || !node.isObject()) return Optional.empty();
        List<DynamicProperty> dynamic = new ArrayList<>();
        JsonNode props = node.get("alertDynamicProperties");
        if (props != null && props.isArray()) {
            for (JsonNode p : props) dynamic.add(new DynamicProperty(text(p, "alertProperty"), text(p, "value")));
        }
        return Optional.of(new AlertDetailsOverride(text(node, "alertDisplayNameFormat"),
                text(node, "alertDescriptionFormat"), text(node, "alertTacticsColumnName"),
                text(node, "alertSeverityColumnName"), dynamic));
    }

    private static Optional<IncidentConfiguration> incidentConfiguration(JsonNode node) {
        if (node == null || !node.isObject()) return Optional.empty();
        JsonNode g = node.get("groupingConfiguration");
        Optional<GroupingConfiguration> grouping = g == null || !g.isObject() ? Optional.empty()
                : Optional.of(new GroupingConfiguration(bool(g.get("enabled")).orElse(false),
                        bool(g.get("reopenClosedIncident")).orElse(false), duration(g.get("lookbackDuration")),
                        text(g, "matchingMethod"), strings(g.get("groupByEntities")),
                        strings(g.get("groupByAlertDetails")), strings(g.get("groupByCustomDetails"))));
        return Optional.of(new IncidentConfiguration(bool(node.get("createIncident")).orElse(true), grouping));
    }

    private static Optional<Boolean> bool(JsonNode node) {
        return node != null && node.isBoolean() ? Optional.of(node.booleanValue()) : Optional.empty();
    }

    private static Optional<RuleDuration> duration(JsonNode node) {
        return node != null && node.isString() ? RuleDuration.parse(node.asString()) : Optional.empty();
    }
}

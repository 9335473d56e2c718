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
            case PARSER -> parser(doc);
            case WATCHLIST -> throw new IllegalArgumentException("a watchlist is not a query item; use watchlist(doc)");
            case AUTOMATION_RULE -> automationRule(doc);
            case BUILT_IN_ALERT_RULE -> builtInRule(doc);
            case WORKBOOK -> workbook(doc);
            case CUSTOM_DETECTION -> customDetection(doc);
            // playbooks are JSON templates, read by content/playbook/PlaybookFiles, never mapped from YAML
            case PLAYBOOK -> throw new IllegalArgumentException("a playbook is an ARM template, not YAML content");
        };
    }

    private static Parser parser(YamlDocument doc) {
        JsonNode root = doc.root();
        List<ParserParameter> params = new ArrayList<>();
        JsonNode ps = root.get("parameters");
        if (ps != null && ps.isArray()) {
            for (JsonNode p : ps) {
                if (!p.isObject()) continue;
                String type = text(p, "type");
                JsonNode d = p.get("default");
                Object value = d == null || d.isNull() ? null : d.isBoolean() ? (Object) d.booleanValue() : d.asString();
                params.add(new ParserParameter(text(p, "name"), type, ParserParameter.defaultFromYaml(type, value)));
            }
        }
        String category = text(root, "category");
        return new Parser(text(root, "id"), text(root, "name"), text(root, "description"), text(root, "functionAlias"),
                category.isEmpty() ? Parser.DEFAULT_CATEGORY : category, text(root, "version"), params, query(doc),
                tags(root.get("tags")), doc);
    }

    /** The metadata of a watchlist folder; its CSV is {@code data.csv} next to the metadata file. */
    public Watchlist watchlist(YamlDocument doc, java.nio.file.Path metadataFile) {
        JsonNode root = doc.root();
        // Sentinel-As-Code's watchlist.json names the alias watchlistAlias; the native YAML says alias
        String alias = text(root, "alias");
        if (alias.isEmpty()) alias = text(root, "watchlistAlias");
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode cols = root.get("columns");
        if (cols != null && cols.isObject()) {
            for (Map.Entry<String, JsonNode> e : cols.properties()) {
                if (e.getValue().isString()) types.put(e.getKey(), e.getValue().asString());
            }
        }
        java.nio.file.Path dir = metadataFile.toAbsolutePath().getParent();
        return new Watchlist(alias, text(root, "displayName"), text(root, "description"), text(root, "provider"),
                text(root, "itemsSearchKey"), strings(root.get("labels")), types,
                dir == null ? java.nio.file.Path.of(Watchlist.CSV_FILE) : metadataFile.resolveSibling(Watchlist.CSV_FILE), doc);
    }

    private static AutomationRule automationRule(YamlDocument doc) {
        JsonNode root = doc.root();
        JsonNode order = root.get("order");
        tools.jackson.databind.node.ObjectNode properties = root.isObject()
                ? ((tools.jackson.databind.node.ObjectNode) root).deepCopy()
                : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        properties.remove(List.of("id", "analyticRules", "version"));
        List<ContentRef> rules = new ArrayList<>();
        JsonNode refs = root.get("analyticRules");
        if (refs != null && refs.isArray()) {
            for (int i = 0; i < refs.size(); i++) {
                if (!refs.get(i).isString() || refs.get(i).asString().isBlank()) continue;
                String pointer = "/analyticRules/" + i;
                rules.add(new ContentRef(ContentKind.ANALYTIC_RULE, refs.get(i).asString().trim(),
                        doc.spanOf(pointer, false), pointer));
            }
        }
        List<AutomationRule.PlaybookRef> playbooks = new ArrayList<>();
        JsonNode actions = root.get("actions");
        if (actions != null && actions.isArray()) {
            for (int i = 0; i < actions.size(); i++) {
                JsonNode playbook = actions.get(i).path("actionConfiguration").get("playbook");
                if (playbook != null && playbook.isString() && !playbook.asString().isBlank()) {
                    playbooks.add(new AutomationRule.PlaybookRef(playbook.asString().trim(),
                            doc.spanOf("/actions/" + i + "/actionConfiguration/playbook", false)));
                }
            }
        }
        return new AutomationRule(text(root, "id"), text(root, "displayName"),
                order != null && order.isIntegralNumber() && order.canConvertToInt() ? Optional.of(order.intValue())
                        : Optional.empty(),
                text(root.path("triggeringLogic"), "triggersOn"), properties, rules, playbooks, text(root, "version"), doc);
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

    private BuiltInAlertRule builtInRule(YamlDocument doc) {
        JsonNode root = doc.root();
        return new BuiltInAlertRule(text(root, "id"), text(root, "displayName"), text(root, "description"),
                BuiltInAlertRule.restKind(text(root, "kind")).orElse(text(root, "kind")), bool(root.get("enabled")),
                text(root, "alertRuleTemplateName"), text(root, "productFilter"), strings(root.get("severitiesFilter")),
                strings(root.get("displayNamesFilter")), strings(root.get("displayNamesExcludeFilter")),
                text(root, "version"), doc);
    }

    private Workbook workbook(YamlDocument doc) {
        JsonNode root = doc.root();
        String display = doc.source().displayPath();
        String base = java.nio.file.Path.of(display).getFileName().toString().replaceFirst("(?i)\\.ya?ml$", "");
        String galleryFile = text(root, "serializedData").isEmpty() ? base + ".json" : text(root, "serializedData");
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode t = root.get("tags");
        if (t != null && t.isObject()) t.properties().forEach(e -> { if (e.getValue().isValueNode()) tags.put(e.getKey(), e.getValue().asString()); });
        String category = text(root, "category");
        return new Workbook(text(root, "id"), text(root, "displayName"), text(root, "description"),
                category.isEmpty() ? Workbook.DEFAULT_CATEGORY : category, text(root, "location"), text(root, "sourceId"),
                galleryFile, gallery(display, galleryFile), tags, text(root, "version"), doc);
    }

    /** The gallery JSON next to the YAML; lenient like the rest: the workbook check reports why it is unreadable. */
    private static Workbook.Gallery gallery(String yamlPath, String galleryFile) {
        try {
            java.nio.file.Path parent = java.nio.file.Path.of(yamlPath).toAbsolutePath().getParent();
            java.nio.file.Path file = parent.resolve(galleryFile).normalize();
            if (!java.nio.file.Files.isRegularFile(file)) return new Workbook.Gallery.Unreadable("no file " + file);
            return new Workbook.Gallery.Read(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            return new Workbook.Gallery.Unreadable("cannot read " + galleryFile + ": " + e.getMessage());
        }
    }

    private CustomDetection customDetection(YamlDocument doc) {
        JsonNode root = doc.root();
        JsonNode template = root.path("detectionAction").path("alertTemplate");
        List<CustomDetection.ImpactedAsset> assets = new ArrayList<>();
        for (JsonNode a : template.path("impactedAssets")) {
            assets.add(new CustomDetection.ImpactedAsset(text(a, "@odata.type"), text(a, "identifier")));
        }
        JsonNode actions = root.path("detectionAction").get("responseActions");
        JsonNode enabled = root.get("isEnabled");
        return new CustomDetection(text(root, "id"), text(root, "displayName"),
                enabled != null && enabled.isBoolean() ? Optional.of(enabled.asBoolean()) : Optional.empty(),
                query(doc, "/queryCondition/queryText"), text(root.path("schedule"), "period"),
                new CustomDetection.AlertTemplate(text(template, "title"), text(template, "description"),
                        text(template, "severity"), text(template, "category"), strings(template.get("mitreTechniques")),
                        assets, text(template, "recommendedActions")),
                actions instanceof tools.jackson.databind.node.ArrayNode a ? a.deepCopy()
                        : tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode(),
                text(root, "version"), doc);
    }

    private static Query query(YamlDocument doc) {
        return query(doc, "/query");
    }

    private static Query query(YamlDocument doc, String pointer) {
        JsonNode q = doc.root().at(pointer);
        if (q == null || !q.isString()) return Query.of("");
        String text = q.asString();
        NodeInfo info = doc.info(pointer);
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

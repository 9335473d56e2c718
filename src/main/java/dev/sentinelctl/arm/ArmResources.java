package dev.sentinelctl.arm;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.AnalyticRule.AlertDetailsOverride;
import dev.sentinelctl.content.AnalyticRule.DynamicProperty;
import dev.sentinelctl.content.AnalyticRule.GroupingConfiguration;
import dev.sentinelctl.content.AnalyticRule.IncidentConfiguration;
import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.BuiltInAlertRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentItem.EntityMapping;
import dev.sentinelctl.content.ContentItem.FieldMapping;
import dev.sentinelctl.content.HuntingQuery;
import dev.sentinelctl.content.Parser;
import dev.sentinelctl.content.RuleDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The YAML → ARM mapping of content items, shared by {@code build} (templates) and the deploy commands (REST
 * bodies). Analytic rules become {@code alertRules} of kind Scheduled or NRT, hunting queries become saved
 * searches in the "Hunting Queries" category, and each item can have a Sentinel metadata resource recording
 * where it came from. {@link ArmToYaml} is the inverse. Stateless and thread-safe.
 */
public final class ArmResources {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Duration DEFAULT_SUPPRESSION = Duration.ofHours(5);
    public static final String HUNTING_CATEGORY = "Hunting Queries";

    private final ArmApiVersion apiVersion;

    public ArmResources(ArmApiVersion apiVersion) {
        this.apiVersion = apiVersion;
    }

    public ArmApiVersion apiVersion() {
        return apiVersion;
    }

    /** The alert rule, saved search or automation rule for an item (references by id only: no other content). */
    /** Whether {@link #resourceFor} maps the item (workbooks deploy through plan/apply only, not as templates). */
    public static boolean hasTemplateMapping(ContentItem item) {
        return item instanceof AnalyticRule || item instanceof HuntingQuery || item instanceof BuiltInAlertRule
                || item instanceof Parser || item instanceof AutomationRule || item instanceof dev.sentinelctl.content.Watchlist;
    }

    /** The alert rule, saved search or automation rule for an item (references by id only: no other content). */
    /**
     * False for content that is no ARM resource: a Defender XDR custom detection lives in Microsoft Graph and is
     * deployed by {@code apply}, never by a template.
     */
    public static boolean isArmContent(ContentItem item) {
        return !(item instanceof dev.sentinelctl.content.CustomDetection);
    }

    /** The alert rule or saved search for an item. */
    public ArmResource resourceFor(ContentItem item) {
        return resourceFor(item, ContentIndex.EMPTY);
    }

    /** As {@link #resourceFor(ContentItem)}, with the content an automation rule's file references resolve in. */
    public ArmResource resourceFor(ContentItem item, ContentIndex content) {
        if (item instanceof AnalyticRule rule) return alertRule(rule);
        if (item instanceof HuntingQuery query) return savedSearch(query);
        if (item instanceof Parser parser) return function(parser);
        if (item instanceof AutomationRule rule) {
            return AutomationRuleMapping.resource(rule, content, ReferenceIds.TEMPLATE, ArmApiVersion.AUTOMATION_RULES);
        }
        if (item instanceof dev.sentinelctl.content.Watchlist w) return watchlist(w);
        if (item instanceof BuiltInAlertRule rule) return BuiltInAlertRules.resource(rule, apiVersion);
        throw new IllegalArgumentException("no ARM mapping for " + item.getClass().getSimpleName());
    }

    /**
     * The Sentinel metadata resource that ties the deployed resource to its source repository. Its name,
     * {@code <kind lower-case>-<id>}, is the one Microsoft's Repositories deployment gives its own metadata,
     * so both describe the same record instead of two.
     */
    public ArmResource metadataFor(ContentItem item, String sourceName) {
        // Only the parent's type and name matter here (an automation rule's references need not resolve).
        ArmResource parent = item instanceof AutomationRule
                ? new ArmResource(ArmResource.AUTOMATION_RULE_TYPE, ArmApiVersion.AUTOMATION_RULES, Optional.empty(),
                        item.id(), item.id(), JSON.objectNode())
                : resourceFor(item);
        String kind = item instanceof AnalyticRule || item instanceof BuiltInAlertRule ? "AnalyticsRule" : item instanceof AutomationRule ? "AutomationRule"
                : item instanceof Parser ? "Parser" : item instanceof dev.sentinelctl.content.Watchlist ? "Watchlist"
                : "HuntingQuery";
        return metadataFor(item, sourceName, kind, parent.resourceIdExpression());
    }

    /** As {@link #metadataFor(ContentItem, String)} for any kind: its metadata {@code kind} and its parent's id. */
    public ArmResource metadataFor(ContentItem item, String sourceName, String kind, String parentId) {
        ObjectNode p = JSON.objectNode();
        p.put("contentId", item.id());
        p.put("parentId", parentId);
        p.put("kind", kind);
        if (!item.version().isEmpty()) p.put("version", item.version());
        ObjectNode source = p.putObject("source");
        source.put("kind", "SourceRepository");
        source.put("name", sourceName);
        return new ArmResource(ArmResource.METADATA_TYPE, ArmApiVersion.METADATA, Optional.empty(),
                kind.toLowerCase(Locale.ROOT) + "-" + item.id(), item.id(), p);
    }

    public ArmResource alertRule(AnalyticRule rule) {
        JsonNode yaml = rule.document().root();
        boolean nrt = rule.ruleKind() == AnalyticRule.RuleKind.NRT;
        ObjectNode p = JSON.objectNode();
        p.put("displayName", rule.name());
        putIfNotEmpty(p, "description", rule.description());
        p.put("severity", rule.severity());
        p.put("enabled", rule.enabled().orElse(true));
        p.put("query", rule.query().text());
        if (!nrt) {
            rule.queryFrequency().ifPresent(d -> p.put("queryFrequency", RuleDuration.isoForm(d.value())));
            rule.queryPeriod().ifPresent(d -> p.put("queryPeriod", RuleDuration.isoForm(d.value())));
            if (!rule.triggerOperator().isEmpty()) p.put("triggerOperator", TriggerOperators.toArm(rule.triggerOperator()));
            rule.triggerThreshold().ifPresent(t -> p.put("triggerThreshold", t));
        }
        p.put("suppressionDuration", RuleDuration.isoForm(rule.suppressionDuration().map(RuleDuration::value)
                .orElse(DEFAULT_SUPPRESSION)));
        p.put("suppressionEnabled", rule.suppressionEnabled().orElse(false));
        putStrings(p, "tactics", rule.tactics());
        putTechniques(p, rule.relevantTechniques());
        p.put("alertRuleTemplateName", textOr(yaml, "alertRuleTemplateName", rule.id()));
        String templateVersion = textOr(yaml, "templateVersion", rule.version());
        putIfNotEmpty(p, "templateVersion", templateVersion);
        rule.incidentConfiguration().ifPresent(ic -> p.set("incidentConfiguration", incidentConfiguration(ic)));
        rule.eventGroupingAggregation().ifPresent(kind -> p.putObject("eventGroupingSettings").put("aggregationKind", kind));
        rule.alertDetailsOverride().ifPresent(o -> {
            ObjectNode node = alertDetailsOverride(o);
            if (!node.isEmpty()) p.set("alertDetailsOverride", node);
        });
        if (!rule.customDetails().isEmpty()) {
            ObjectNode details = p.putObject("customDetails");
            rule.customDetails().forEach(details::put);
        }
        if (!rule.entityMappings().isEmpty()) p.set("entityMappings", entityMappings(rule.entityMappings()));
        JsonNode sentinelEntities = yaml.get("sentinelEntitiesMappings");
        if (sentinelEntities != null && sentinelEntities.isArray() && !sentinelEntities.isEmpty()) {
            p.set("sentinelEntitiesMappings", sentinelEntities.deepCopy());
        }
        return new ArmResource(ArmResource.ALERT_RULE_TYPE, apiVersion.value(), Optional.of(nrt ? "NRT" : "Scheduled"),
                rule.id(), rule.id(), p);
    }

    /**
     * A hunting query as Log Analytics saved search. Tags follow the convention of the Sentinel portal and
     * Microsoft's converters: {@code description}, comma-joined {@code tactics} and {@code techniques}, and
     * {@code subTechniques} when the query names any.
     */
    public ArmResource savedSearch(HuntingQuery query) {
        ObjectNode p = JSON.objectNode();
        p.put("category", HUNTING_CATEGORY);
        p.put("displayName", query.name());
        p.put("query", query.query().text());
        p.put("version", 2);
        ArrayNode tags = p.putArray("tags");
        if (!query.description().isEmpty()) tag(tags, "description", query.description());
        if (!query.tactics().isEmpty()) tag(tags, "tactics", String.join(",", query.tactics()));
        Techniques t = Techniques.split(query.relevantTechniques());
        if (!t.parents().isEmpty()) tag(tags, "techniques", String.join(",", t.parents()));
        if (!t.subTechniques().isEmpty()) tag(tags, "subTechniques", String.join(",", t.subTechniques()));
        return new ArmResource(ArmResource.SAVED_SEARCH_TYPE, ArmApiVersion.SAVED_SEARCHES, Optional.empty(),
                query.id(), query.id(), p);
    }

    /**
     * A parser as a saved function: Microsoft's converter's mapping (ASIM/dev/ASimYaml2ARM/KqlFuncYaml2Arm.py) —
     * functionAlias, functionParameters as {@code name:type=default} — under the item's id.
     */
    public ArmResource function(Parser parser) {
        ObjectNode p = JSON.objectNode();
        p.put("category", parser.category());
        p.put("displayName", parser.name());
        p.put("query", parser.query().text());
        p.put("functionAlias", parser.functionAlias());
        if (!parser.parameters().isEmpty()) p.put("functionParameters", parser.functionParameters());
        p.put("version", 2);
        return new ArmResource(ArmResource.SAVED_SEARCH_TYPE, ArmApiVersion.SAVED_SEARCHES, Optional.empty(),
                parser.id(), parser.id(), p);
    }

    /**
     * A watchlist as the 2025-09-01 REST body: its fields and the CSV inline ({@code rawContent}, {@code text/csv},
     * no lines before the header), named by its alias. The CSV is read here; the checks already confirmed it exists.
     */
    public ArmResource watchlist(dev.sentinelctl.content.Watchlist w) {
        ObjectNode p = JSON.objectNode();
        p.put("displayName", w.displayName());
        putIfNotEmpty(p, "description", w.description());
        p.put("provider", w.provider());
        p.put("source", w.csv().getFileName().toString());
        p.put("sourceType", "Local");
        p.put("itemsSearchKey", w.itemsSearchKey());
        if (!w.labels().isEmpty()) {
            var labels = p.putArray("labels");
            w.labels().forEach(labels::add);
        }
        try {
            p.put("rawContent", java.nio.file.Files.readString(w.csv(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + w.csv() + ": " + e.getMessage(), e);
        }
        p.put("contentType", "text/csv");
        p.put("numberOfLinesToSkip", 0);
        return new ArmResource(ArmResource.WATCHLIST_TYPE, "2025-09-01", Optional.empty(), w.alias(), w.alias(), p);
    }

    private void putTechniques(ObjectNode p, List<String> relevant) {
        Techniques t = Techniques.split(relevant);
        putStrings(p, "techniques", t.parents());
        if (apiVersion.carriesSubTechniques()) putStrings(p, "subTechniques", t.subTechniques());
    }

    /** Relevant techniques split the way the ARM API wants them: {@code T1234} and {@code T1234.001} apart. */
    record Techniques(List<String> parents, List<String> subTechniques) {
        static Techniques split(List<String> relevant) {
            Set<String> parents = new LinkedHashSet<>();
            Set<String> subs = new LinkedHashSet<>();
            for (String t : relevant) {
                String id = t.trim();
                int dot = id.indexOf('.');
                parents.add(dot < 0 ? id : id.substring(0, dot));
                if (dot >= 0) subs.add(id);
            }
            return new Techniques(new ArrayList<>(parents), new ArrayList<>(subs));
        }
    }

    private static ObjectNode incidentConfiguration(IncidentConfiguration ic) {
        ObjectNode node = JSON.objectNode();
        node.put("createIncident", ic.createIncident());
        ic.groupingConfiguration().ifPresent(g -> node.set("groupingConfiguration", grouping(g)));
        return node;
    }

    private static ObjectNode grouping(GroupingConfiguration g) {
        ObjectNode node = JSON.objectNode();
        node.put("enabled", g.enabled());
        node.put("reopenClosedIncident", g.reopenClosedIncident());
        g.lookbackDuration().ifPresent(d -> node.put("lookbackDuration", RuleDuration.isoForm(d.value())));
        putIfNotEmpty(node, "matchingMethod", g.matchingMethod());
        putStrings(node, "groupByEntities", g.groupByEntities());
        putStrings(node, "groupByAlertDetails", g.groupByAlertDetails());
        putStrings(node, "groupByCustomDetails", g.groupByCustomDetails());
        return node;
    }

    private static ObjectNode alertDetailsOverride(AlertDetailsOverride o) {
        ObjectNode node = JSON.objectNode();
        putIfNotEmpty(node, "alertDisplayNameFormat", o.alertDisplayNameFormat());
        putIfNotEmpty(node, "alertDescriptionFormat", o.alertDescriptionFormat());
        putIfNotEmpty(node, "alertTacticsColumnName", o.alertTacticsColumnName());
        putIfNotEmpty(node, "alertSeverityColumnName", o.alertSeverityColumnName());
        if (!o.alertDynamicProperties().isEmpty()) {
            ArrayNode props = node.putArray("alertDynamicProperties");
            for (DynamicProperty d : o.alertDynamicProperties()) {
                ObjectNode p = props.addObject();
                p.put("alertProperty", d.alertProperty());
                p.put("value", d.value());
            }
        }
        return node;
    }

    static ArrayNode entityMappings(List<EntityMapping> mappings) {
        ArrayNode out = JSON.arrayNode();
        for (EntityMapping m : mappings) {
            ObjectNode node = out.addObject();
            node.put("entityType", m.entityType());
            ArrayNode fields = node.putArray("fieldMappings");
            for (FieldMapping f : m.fieldMappings()) {
                ObjectNode fm = fields.addObject();
                fm.put("identifier", f.identifier());
                fm.put("columnName", f.columnName());
            }
        }
        return out;
    }

    private static void tag(ArrayNode tags, String name, String value) {
        ObjectNode t = tags.addObject();
        t.put("name", name);
        t.put("value", value);
    }

    private static void putStrings(ObjectNode node, String field, List<String> values) {
        if (values.isEmpty()) return;
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    private static void putIfNotEmpty(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) node.put(field, value);
    }

    private static String textOr(JsonNode yaml, String field, String fallback) {
        JsonNode v = yaml.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : fallback;
    }
}

package dev.sentinelctl.arm;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.YamlLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * YAML → ARM template text → import → YAML text → YAML tree, compared with the original tree in
 * {@link ContentNormalizer}'s normal form. Exercises exactly what {@code build} and {@code import} do,
 * through their serialised forms. With {@code sidecar} off it measures what ARM alone carries.
 */
public final class RoundTrip {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The YAML fields an alert rule resource has a property for; the rest can only travel in the sidecar. */
    public static final java.util.Set<String> RULE_FIELDS_IN_ARM = java.util.Set.of("id", "name", "description", "severity",
            "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold", "tactics", "relevantTechniques", "query",
            "entityMappings", "sentinelEntitiesMappings", "customDetails", "alertDetailsOverride", "eventGroupingSettings",
            "incidentConfiguration", "suppressionEnabled", "suppressionDuration", "enabled", "alertRuleTemplateName",
            "templateVersion", "version", "kind");
    /** The YAML fields a hunting saved search has a property or conventional tag for. */
    public static final java.util.Set<String> HUNTING_FIELDS_IN_ARM = java.util.Set.of("id", "name", "description", "tactics",
            "relevantTechniques", "query");

    /** Empty {@code differingFields} and no {@code error}: the item came back the same. */
    public record Result(List<String> differingFields, String error, boolean rule) {
        public Result(List<String> differingFields, String error) {
            this(differingFields, error, true);
        }

        public boolean same() {
            return differingFields.isEmpty() && error.isEmpty();
        }

        /** The differing fields that ARM has a property for: what the mapping itself changed. */
        public List<String> differingArmFields() {
            java.util.Set<String> carried = rule ? RULE_FIELDS_IN_ARM : HUNTING_FIELDS_IN_ARM;
            return differingFields.stream().filter(carried::contains).toList();
        }

        public String reason() {
            return !error.isEmpty() ? error : "fields differ after the round trip: " + String.join(", ", differingFields);
        }
    }

    private final ArmTemplate templates;
    private final ContentIndex content;
    private final ArmImporter importer = new ArmImporter();

    public RoundTrip(ArmResources resources, boolean sidecar) {
        this(resources, sidecar, ContentIndex.EMPTY);
    }

    /** @param content where an automation rule's file references resolve (they come back as the rules' ids) */
    public RoundTrip(ArmResources resources, boolean sidecar, ContentIndex content) {
        this.templates = new ArmTemplate(resources, new ArmTemplate.Options(false, sidecar, "roundtrip"));
        this.content = content;
    }

    private void sameReferences(ObjectNode yaml, String from) {
        if (!(yaml.get("analyticRules") instanceof ArrayNode refs)) return;
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i).asString("");
            refs.set(i, ArmResources.JSON.stringNode(content.find(from, ref, dev.sentinelctl.content.ContentKind.ANALYTIC_RULE)
                    .map(ContentItem::id).orElse(ref).toLowerCase(java.util.Locale.ROOT)));
        }
    }

    public Result check(ContentItem item, String relativePath) {
        ObjectNode template = templates.build(List.of(new ArmTemplate.Entry(item, relativePath)), content);
        JsonNode parsed = MAPPER.readTree(ArmTemplate.toJson(template));
        ArmImporter.Result imported = importer.importDocument(parsed, relativePath);
        if (imported.items().size() != 1) {
            return new Result(List.of(), "import found " + imported.items().size() + " items; " + imported.problems());
        }
        String text;
        try {
            text = YamlWriter.writeChecked(imported.items().get(0).yaml());
        } catch (IllegalStateException e) {
            return new Result(List.of(), e.getMessage());
        }
        YamlLoader.Result loaded = new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8), relativePath);
        if (loaded.document().isEmpty()) return new Result(List.of(), "written YAML does not load: " + loaded.diagnostics());
        boolean rule = item instanceof AnalyticRule;
        ObjectNode a = ContentNormalizer.normalise(item.document().root(), rule);

        ObjectNode b = ContentNormalizer.normalise(loaded.document().get().root(), rule);
        if (item instanceof AutomationRule) {
            // ARM holds rule ids: a reference written as a file is the same reference as the id of the rule it names.
            String from = item.document().source().displayPath();
            sameReferences(a, from);
            sameReferences(b, from);
        }
        TreeSet<String> fields = new TreeSet<>();
        for (var e : a.properties()) if (!e.getValue().equals(b.get(e.getKey()))) fields.add(e.getKey());
        for (var e : b.properties()) if (!a.has(e.getKey())) fields.add(e.getKey());
        return new Result(new ArrayList<>(fields), "", rule);
    }
}

package dev.sentinelctl.arm;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.AutomationRule;
import dev.sentinelctl.content.ContentIndex;
import dev.sentinelctl.content.ContentItem;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps the resources of one or more content items into a {@code 2019-04-01/deploymentTemplate.json#}
 * template with a {@code workspace} parameter, the shape Microsoft's Repositories deployment passes
 * {@code -workspace} to. Strings that ARM would read as expressions ({@code [ … ]}) are escaped.
 */
public final class ArmTemplate {
    public static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    // "name": value and arrays one element a line, as ARM templates are usually written and diffed.
    private static final tools.jackson.core.util.DefaultPrettyPrinter PRETTY = new tools.jackson.core.util.DefaultPrettyPrinter(
            tools.jackson.core.util.Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(tools.jackson.core.util.Separators.Spacing.AFTER))
            .withArrayIndenter(tools.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(tools.jackson.core.util.DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    private static final JsonMapper MAPPER = JsonMapper.builder().defaultPrettyPrinter(PRETTY)
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();

    /** One item and the path of its YAML file (relative, forward slashes), recorded for import. */
    public record Entry(ContentItem item, String sourceFile) {}

    /**
     * @param metadata   add a Sentinel metadata resource per item. Off for Repositories: its script deploys
     *                   a file only if every resource type is one of the selected content types, and
     *                   metadata is not one of them (it writes its own metadata after deploying).
     * @param sidecar    keep the YAML fields ARM cannot carry in the template's metadata section
     * @param sourceName the metadata's {@code source.name}
     */
    public record Options(boolean metadata, boolean sidecar, String sourceName) {}

    private final ArmResources resources;
    private final ArmToYaml inverse = new ArmToYaml();
    private final Options options;

    public ArmTemplate(ArmResources resources, Options options) {
        this.resources = resources;
        this.options = options;
    }

    public ObjectNode build(List<Entry> entries) {
        return build(entries, ContentIndex.of(entries.stream().map(Entry::item).toList()));
    }

    /** @param content where references between items resolve (all content built, not only this template's) */
    public ObjectNode build(List<Entry> entries, ContentIndex content) {
        ObjectNode t = ArmResources.JSON.objectNode();
        t.put("$schema", SCHEMA);
        t.put("contentVersion", "1.0.0.0");
        ObjectNode meta = t.putObject("metadata");
        ObjectNode generator = meta.putObject("_generator");
        generator.put("name", "sentinelctl");
        String version = ArmTemplate.class.getPackage().getImplementationVersion();
        generator.put("version", version == null ? "dev" : version);
        ObjectNode items = options.sidecar() ? meta.putObject(Sidecar.SECTION).putObject("items") : null;
        ObjectNode workspace = t.putObject("parameters").putObject("workspace");
        workspace.put("type", "string");
        workspace.putObject("metadata").put("description", "Name of the Log Analytics workspace Microsoft Sentinel runs in");
        ArrayNode out = t.putArray("resources");
        for (Entry e : entries) {
            ArmResource r = resources.resourceFor(e.item(), content);
            out.add(templateResource(r, Optional.empty()));
            if (options.metadata()) {
                ArmResource m = resources.metadataFor(e.item(), options.sourceName());
                out.add(templateResource(m, Optional.of(r.resourceIdExpression())));
            }
            if (items != null) items.set(e.item().id(), escape(sidecar(e, r).toJson()));
        }
        return t;
    }

    /** The sidecar of one item: what import needs besides the resource to give back the same YAML. */
    public Sidecar sidecar(Entry e, ArmResource r) {
        boolean rule = e.item() instanceof AnalyticRule;
        Optional<String> version = rule || !options.metadata() || e.item().version().isEmpty()
                ? Optional.empty() : Optional.of(e.item().version());
        ObjectNode back = e.item() instanceof AutomationRule ? AutomationRuleMapping.toContent(r.name(), r.properties())
                : inverse.toYaml(new ArmToYaml.ArmItem(r.type(), r.kind(), r.name(), r.properties(), version));
        return Sidecar.compute(e.sourceFile(), e.item().document().root(), back, e.item() instanceof AnalyticRule);
    }

    static ObjectNode templateResource(ArmResource r, Optional<String> dependsOn) {
        ObjectNode n = ArmResources.JSON.objectNode();
        n.put("type", r.type());
        n.put("apiVersion", r.apiVersion());
        n.put("name", r.templateName());
        r.kind().ifPresent(k -> n.put("kind", k));
        dependsOn.ifPresent(d -> n.putArray("dependsOn").add(d));
        ObjectNode props = (ObjectNode) escape(r.properties());
        if (r.type().equals(ArmResource.METADATA_TYPE)) props.put("parentId", r.properties().get("parentId").asString());
        if (r.type().equals(ArmResource.AUTOMATION_RULE_TYPE)) AutomationRuleMapping.keepReferenceExpressions(r.properties(), props);
        // As in Microsoft's own packages: "*" lets a redeploy overwrite the saved search instead of conflicting.
        if (r.isSavedSearch()) props.put("eTag", "*");
        n.set("properties", props);
        return n;
    }

    /**
     * ARM evaluates a string that starts with {@code [} and ends with {@code ]}; a leading {@code [[} makes it
     * a literal. Queries and descriptions can look like that, so they are escaped.
     */
    static JsonNode escape(JsonNode node) {
        if (node.isString()) {
            String s = node.asString();
            return s.startsWith("[") && s.endsWith("]") ? ArmResources.JSON.stringNode("[" + s) : node;
        }
        if (node.isArray()) {
            ArrayNode out = ArmResources.JSON.arrayNode();
            for (JsonNode n : node) out.add(escape(n));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = ArmResources.JSON.objectNode();
            for (var e : node.properties()) out.set(e.getKey(), escape(e.getValue()));
            return out;
        }
        return node;
    }

    public static String toJson(JsonNode template) {
        return MAPPER.writeValueAsString(template) + "\n";
    }
}

package dev.sentinelctl.arm;

import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An alert rule (or hunting saved search) kept as its ARM properties — PascalCase as the AzSentinel and
 * Az.SecurityInsights PowerShell modules export it (including Az.SecurityInsights' flattened names such as
 * {@code AlertDetailOverrideAlertDisplayNameFormat} and singular {@code Tactic}), or camelCase as the REST body, bare
 * or as a whole resource, one rule, a list, or AzSentinel's {@code {"Scheduled": [...]}} groups — brought to the
 * REST body's camelCase and handed to {@link ArmToYaml}. Fields it cannot map are kept in the YAML under their own
 * name and reported; read-only resource fields (etag, lastModifiedUtc …) are reported and left out.
 */
public final class PropertiesDialect {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Top-level names (lower case, singular or plural) → the REST body's name. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("displayname", "displayName"), Map.entry("description", "description"), Map.entry("severity", "severity"),
            Map.entry("enabled", "enabled"), Map.entry("query", "query"), Map.entry("queryfrequency", "queryFrequency"),
            Map.entry("queryperiod", "queryPeriod"), Map.entry("triggeroperator", "triggerOperator"),
            Map.entry("triggerthreshold", "triggerThreshold"), Map.entry("suppressionduration", "suppressionDuration"),
            Map.entry("suppressionenabled", "suppressionEnabled"), Map.entry("tactics", "tactics"), Map.entry("tactic", "tactics"),
            Map.entry("techniques", "techniques"), Map.entry("technique", "techniques"), Map.entry("subtechniques", "subTechniques"),
            Map.entry("subtechnique", "subTechniques"), Map.entry("entitymappings", "entityMappings"),
            Map.entry("entitymapping", "entityMappings"), Map.entry("customdetails", "customDetails"),
            Map.entry("customdetail", "customDetails"), Map.entry("alertdetailsoverride", "alertDetailsOverride"),
            Map.entry("alertdetailoverride", "alertDetailsOverride"), Map.entry("eventgroupingsettings", "eventGroupingSettings"),
            Map.entry("eventgroupingsetting", "eventGroupingSettings"), Map.entry("incidentconfiguration", "incidentConfiguration"),
            Map.entry("alertruletemplatename", "alertRuleTemplateName"), Map.entry("templateversion", "templateVersion"),
            Map.entry("requireddataconnectors", "requiredDataConnectors"), Map.entry("status", "status"),
            Map.entry("sentinelentitiesmappings", "sentinelEntitiesMappings"), Map.entry("category", "category"),
            Map.entry("tags", "tags"), Map.entry("version", "version"));
    /** Az.SecurityInsights flattens nested settings into prefixed names; prefix (lower case) → path of the object. */
    private static final Map<String, List<String>> FLATTENED = Map.of(
            "alertdetailoverride", List.of("alertDetailsOverride"), "alertdetailsoverride", List.of("alertDetailsOverride"),
            "eventgroupingsetting", List.of("eventGroupingSettings"), "eventgroupingsettings", List.of("eventGroupingSettings"),
            "incidentconfiguration", List.of("incidentConfiguration"),
            "groupingconfiguration", List.of("incidentConfiguration", "groupingConfiguration"));
    /** Fields of the resource, not of the content: reported and left out. */
    private static final Set<String> READ_ONLY = Set.of("etag", "type", "lastmodifiedutc", "systemdata", "workspacename",
            "resourcegroupname", "subscriptionid", "lastmodified", "createdtimeutc");
    private static final Set<String> IDENTITY = Set.of("id", "name", "kind", "ruleid", "alertruleid");
    private static final Set<String> LISTS = Set.of("tactics", "techniques", "subTechniques", "entityMappings",
            "requiredDataConnectors", "sentinelEntitiesMappings", "tags");
    /** Values that are maps of the user's own names, whose keys must not be re-cased. */
    private static final Set<String> FREE_KEYS = Set.of("customDetails");

    /** One converted item, what was kept unmapped and what was noted. */
    public record Converted(ContentKind kind, ObjectNode yaml, List<String> notes, List<String> unmapped) {}

    private PropertiesDialect() {}

    /** Every rule in the file (one, a list, or AzSentinel's kind groups). */
    public static List<Converted> convert(JsonNode root) {
        List<Converted> out = new ArrayList<>();
        Optional<JsonNode> groups = root.isObject() ? Dialect.kindGroups(root) : Optional.empty();
        if (groups.isPresent()) {
            for (var e : root.properties()) {
                for (int i = 0; i < e.getValue().size(); i++) out.add(one(e.getValue().get(i), Optional.of(e.getKey()), "$." + e.getKey() + "[" + i + "]"));
            }
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) out.add(one(root.get(i), Optional.empty(), "$[" + i + "]"));
        } else {
            out.add(one(root, Optional.empty(), "$"));
        }
        return out;
    }

    private static Converted one(JsonNode rule, Optional<String> groupKind, String at) {
        List<String> notes = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        ObjectNode props = ArmResources.JSON.objectNode();
        ObjectNode kept = ArmResources.JSON.objectNode();
        Optional<String> kind = groupKind.filter(k -> !k.equals("analytics"));
        Optional<String> id = Optional.empty();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (var e : rule.properties()) fields.add(e);
        JsonNode inner = ArmExpressions.getIgnoreCase(rule, "properties");
        if (inner != null && inner.isObject()) {
            for (var e : inner.properties()) fields.add(e);
        }
        for (var e : fields) {
            String key = e.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            JsonNode value = e.getValue();
            if (lower.equals("properties") && value.isObject()) continue;
            if (IDENTITY.contains(lower)) {
                if (lower.equals("kind") && value.isString()) kind = Optional.of(value.asString());
                else if (value.isString()) id = id.or(() -> guidIn(value.asString()));
                continue;
            }
            if (READ_ONLY.contains(lower)) {
                notes.add(at + "." + key + ": read-only field of the deployed resource; not content, left out");
                continue;
            }
            String target = FIELDS.get(lower);
            if (target != null) {
                JsonNode mapped = FREE_KEYS.contains(target) ? value.deepCopy() : camel(value);
                // PowerShell's ConvertTo-Json writes a one-element list as the element itself
                if (LISTS.contains(target) && !mapped.isArray() && !mapped.isNull()) mapped = ArmResources.JSON.arrayNode().add(mapped);
                props.set(target, mapped);
                continue;
            }
            Optional<String> flat = flattened(lower);
            if (flat.isPresent()) {
                List<String> path = FLATTENED.get(flat.get());
                ObjectNode parent = props;
                for (String p : path) parent = parent.has(p) && parent.get(p).isObject() ? (ObjectNode) parent.get(p) : parent.putObject(p);
                String rest = key.substring(flat.get().length());
                parent.set(Character.toLowerCase(rest.charAt(0)) + rest.substring(1), camel(value));
                continue;
            }
            kept.set(key, value.deepCopy());
            unmapped.add(at + "." + key);
        }
        JsonNode templateName = props.get("alertRuleTemplateName");
        if (id.isEmpty() && templateName != null && templateName.isString()) id = guidIn(templateName.asString());
        String guid = id.orElseGet(() -> {
            notes.add(at + ": no GUID in name, id or alertRuleTemplateName; wrote a fresh id (keep it from now on)");
            return UUID.randomUUID().toString();
        });
        JsonNode category = props.get("category");
        boolean hunting = category != null && category.isString() && category.asString().trim().equalsIgnoreCase("Hunting Queries");
        if (!hunting && kind.isEmpty()) {
            kind = Optional.of(props.has("queryFrequency") ? "Scheduled" : "NRT");
            notes.add(at + ": no kind given; " + kind.get() + " assumed (" + (props.has("queryFrequency") ? "it has" : "it has no")
                    + " queryFrequency)");
        }
        if (hunting && props.has("version") && props.get("version").isNumber()) {
            notes.add(at + ".version: the saved search's schema version (" + props.get("version").asInt() + "), not the content's; left out");
        }
        ArmToYaml.ArmItem item = new ArmToYaml.ArmItem(hunting ? "Microsoft.OperationalInsights/workspaces/savedSearches"
                : "Microsoft.OperationalInsights/workspaces/providers/alertRules", kind, guid, props, Optional.empty());
        ObjectNode yaml = new ArmToYaml().toYaml(item);
        if (!hunting && !kind.get().equalsIgnoreCase("Scheduled") && !kind.get().equalsIgnoreCase("NRT")) {
            notes.add(at + ": kind " + kind.get() + " is not a rule sentinelctl writes as YAML (Scheduled, NRT); written as "
                    + yaml.path("kind").asString());
        }
        kept.properties().forEach(e -> yaml.set(e.getKey(), e.getValue()));
        return new Converted(hunting ? ContentKind.HUNTING_QUERY : ContentKind.ANALYTIC_RULE, yaml, notes, unmapped);
    }

    private static Optional<String> flattened(String lower) {
        // longest prefix first: "alertdetailsoverride…" before "alertdetailoverride…"
        return FLATTENED.keySet().stream().filter(p -> lower.startsWith(p) && lower.length() > p.length())
                .max((a, b) -> Integer.compare(a.length(), b.length()));
    }

    private static Optional<String> guidIn(String text) {
        String last = text.substring(text.lastIndexOf('/') + 1);
        return GUID.matcher(last).matches() ? Optional.of(last) : Optional.empty();
    }

    /** PascalCase keys to camelCase, deeply (entity mappings, incident configuration …). */
    private static JsonNode camel(JsonNode v) {
        if (v.isObject()) {
            ObjectNode o = ArmResources.JSON.objectNode();
            for (var e : v.properties()) {
                String k = e.getKey();
                String c = k.isEmpty() ? k : Character.toLowerCase(k.charAt(0)) + k.substring(1);
                o.set(c, camel(e.getValue()));
            }
            return o;
        }
        if (v.isArray()) {
            ArrayNode a = ArmResources.JSON.arrayNode();
            v.forEach(x -> a.add(camel(x)));
            return a;
        }
        return v.deepCopy();
    }
}

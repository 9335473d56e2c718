package dev.sentinelctl.content;

import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The shapes Sentinel content is kept in besides the Azure-Sentinel YAML that sentinelctl checks, recognised from a
 * file's fields so that {@code check} says what a file is and how to convert it instead of reporting every field.
 */
public enum Dialect {
    ARM_PROPERTIES_PASCAL("an alert rule's ARM properties in PascalCase (as the AzSentinel and Az.SecurityInsights "
            + "PowerShell modules export them)", true),
    ARM_PROPERTIES_CAMEL("an alert rule's ARM properties in camelCase (the REST API's body)", true),
    ARM_TEMPLATE("an ARM template with analytic rules or hunting queries (portal export, Repositories, Content Hub package)", true),
    SIGMA("a Sigma rule (a different detection language)", false),
    PARSER("a parser in Azure-Sentinel's parser YAML (ParserQuery or FunctionQuery)", false);

    private static final Set<String> PASCAL_MARKERS = Set.of("DisplayName", "QueryFrequency", "QueryPeriod", "TriggerOperator",
            "TriggerThreshold", "Tactics", "Tactic", "EntityMappings", "EntityMapping", "AlertRuleTemplateName",
            "SuppressionDuration", "Techniques", "Technique");
    private static final Set<String> KIND_GROUPS = Set.of("Scheduled", "NRT", "Fusion", "MLBehaviorAnalytics",
            "MicrosoftSecurityIncidentCreation", "analytics");
    private static final Set<String> CAMEL_MARKERS = Set.of("displayName", "alertRuleTemplateName", "techniques", "subTechniques",
            "suppressionEnabled");

    private final String description;
    private final boolean importable;

    Dialect(String description, boolean importable) {
        this.description = description;
        this.importable = importable;
    }

    public String description() {
        return description;
    }

    /** Whether {@code sentinelctl import} converts it to Azure-Sentinel YAML. */
    public boolean importable() {
        return importable;
    }

    /** How to get from this dialect to content sentinelctl checks and deploys. */
    public String conversionHint(String file) {
        return switch (this) {
            case SIGMA -> "Convert it to KQL with a Sigma backend for Microsoft Sentinel (pySigma's Kusto backend, for "
                    + "example), then write the query as Azure-Sentinel YAML (`sentinelctl new analytic-rule NAME`).";
            case PARSER -> "Queries that call its alias already bind against it; to check and deploy the parser itself, convert it "
                    + "with `sentinelctl import \"" + file + "\" --out DIR` (sentinelctl's parser YAML, see docs/parsers.md).";
            default -> "Convert it with `sentinelctl import \"" + file + "\" --out DIR`: every field is mapped to the "
                    + "Azure-Sentinel YAML, fields that cannot be are kept and reported.";
        };
    }

    /** The dialect of a parsed file, if it is not (meant to be) Azure-Sentinel YAML. */
    public static Optional<Dialect> detect(JsonNode root) {
        if (root == null) return Optional.empty();
        // a list of rules, as `Get-AzSentinelAlertRule | ConvertTo-Json` writes it
        if (root.isArray()) return root.isEmpty() ? Optional.empty() : detect(root.get(0)).filter(d -> d != ARM_TEMPLATE);
        if (!root.isObject()) return Optional.empty();
        Optional<JsonNode> bundled = kindGroups(root);
        if (bundled.isPresent()) return detect(bundled.get());
        if (root.has("logsource") && root.has("detection")) return Optional.of(SIGMA);
        if (root.has("ParserQuery") || root.has("FunctionQuery")) return Optional.of(PARSER);
        JsonNode resources = root.get("resources");
        if (resources != null && resources.isArray() && (root.has("$schema") || root.has("contentVersion"))) {
            return hasContentResource(resources) ? Optional.of(ARM_TEMPLATE) : Optional.empty();
        }
        JsonNode properties = root.get("properties");
        if (properties != null && properties.isObject() && (properties.has("displayName") || properties.has("query")) && !root.has("query")) {
            return Optional.of(ARM_PROPERTIES_CAMEL); // a whole REST resource: {id, name, kind, properties: {…}}
        }
        // one PascalCase key in an Azure-Sentinel file is a typo ("did you mean"), not another dialect
        if (root.has("DisplayName") || (!root.has("name") && root.has("Query")
                && PASCAL_MARKERS.stream().anyMatch(root::has))) {
            return Optional.of(ARM_PROPERTIES_PASCAL);
        }
        if (!root.has("name") && root.has("query")) {
            for (String marker : CAMEL_MARKERS) {
                if (root.has(marker)) return Optional.of(ARM_PROPERTIES_CAMEL);
            }
        }
        return Optional.empty();
    }

    /** AzSentinel's rule files group the rules by kind: {@code {"Scheduled": [{…}], "Fusion": [{…}]}}; the first list. */
    public static Optional<JsonNode> kindGroups(JsonNode root) {
        if (root.isEmpty()) return Optional.empty();
        JsonNode first = null;
        for (var e : root.properties()) {
            if (!KIND_GROUPS.contains(e.getKey()) || !e.getValue().isArray()) return Optional.empty();
            if (first == null && !e.getValue().isEmpty()) first = e.getValue();
        }
        return Optional.ofNullable(first);
    }

    /** Alert rules, rule templates, saved searches or Content Hub templates anywhere in the resources. */
    private static boolean hasContentResource(JsonNode node) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isString()) {
                String t = type.asString().toLowerCase(Locale.ROOT);
                if (t.endsWith("/alertrules") || t.endsWith("/alertruletemplates") || t.endsWith("/savedsearches")
                        || t.endsWith("/contenttemplates")) {
                    return true;
                }
            }
        }
        for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
            JsonNode child = it.next();
            if (child.isContainer() && hasContentResource(child)) return true;
        }
        return false;
    }
}

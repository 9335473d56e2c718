package dev.sentinelctl.arm;

import dev.sentinelctl.content.BuiltInAlertRule;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alert rules without a query (incident creation, Fusion, threat intelligence, ML behavior analytics) both ways:
 * content → REST {@code properties}, and REST or ARM properties → content YAML (export and import). The fields are the
 * REST API's own, so each direction is a copy of the fields the kind has; nothing else is sent or kept.
 */
public final class BuiltInAlertRules {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The fields incident creation rules carry, in the order the YAML shows them. */
    public static final List<String> INCIDENT_FIELDS = List.of("displayName", "description", "enabled",
            "alertRuleTemplateName", "productFilter", "severitiesFilter", "displayNamesFilter", "displayNamesExcludeFilter");
    /** The fields a built-in rule (Fusion, threat intelligence, ML behavior analytics) is managed by. */
    public static final List<String> TEMPLATE_FIELDS = List.of("alertRuleTemplateName", "enabled");

    private BuiltInAlertRules() {
    }

    public static List<String> fields(String kind) {
        return kind.equals(BuiltInAlertRule.INCIDENT_CREATION) ? INCIDENT_FIELDS : TEMPLATE_FIELDS;
    }

    /** The alert rule resource an item deploys as: named by its content id, {@code kind} as written. */
    public static ArmResource resource(BuiltInAlertRule rule, ArmApiVersion apiVersion) {
        ObjectNode p = JSON.objectNode();
        if (rule.incidentCreation()) {
            p.put("displayName", rule.name());
            if (!rule.description().isEmpty()) p.put("description", rule.description());
            p.put("enabled", rule.enabled().orElse(true));
            if (!rule.alertRuleTemplateName().isEmpty()) p.put("alertRuleTemplateName", rule.alertRuleTemplateName());
            p.put("productFilter", rule.productFilter());
            strings(p, "severitiesFilter", rule.severitiesFilter());
            strings(p, "displayNamesFilter", rule.displayNamesFilter());
            strings(p, "displayNamesExcludeFilter", rule.displayNamesExcludeFilter());
        } else {
            p.put("alertRuleTemplateName", rule.alertRuleTemplateName());
            p.put("enabled", rule.enabled().orElse(true));
        }
        return new ArmResource(ArmResource.ALERT_RULE_TYPE, apiVersion.value(), Optional.of(rule.ruleKind()), rule.id(),
                rule.id(), p);
    }

    /**
     * Content YAML for a listed or exported rule of one of {@link BuiltInAlertRule#KINDS}: {@code id}, {@code kind},
     * the kind's fields that are set, {@code version} when metadata records one.
     */
    public static ObjectNode toYaml(String kind, String id, JsonNode properties, Optional<String> version) {
        ObjectNode y = JSON.objectNode();
        y.put("id", id);
        y.put("kind", kind);
        for (String f : fields(kind)) {
            JsonNode v = properties.get(f);
            if (v == null || v.isNull() || (v.isContainer() && v.isEmpty()) || (v.isString() && v.asString().isEmpty())) {
                continue;
            }
            y.set(f, v.deepCopy());
        }
        // The built-ins take their display name from the template; keeping it makes the file readable.
        if (!kind.equals(BuiltInAlertRule.INCIDENT_CREATION) && properties.path("displayName").isString()) {
            ObjectNode ordered = JSON.objectNode();
            ordered.put("id", id);
            ordered.put("kind", kind);
            ordered.put("displayName", properties.path("displayName").asString());
            y.properties().forEach(e -> ordered.set(e.getKey(), e.getValue()));
            y = ordered;
        }
        if (version.isPresent()) y.put("version", version.get());
        return y;
    }

    private static void strings(ObjectNode p, String field, List<String> values) {
        if (values.isEmpty()) return;
        ArrayNode a = p.putArray(field);
        values.forEach(a::add);
    }
}

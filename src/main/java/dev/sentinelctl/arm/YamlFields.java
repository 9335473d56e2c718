package dev.sentinelctl.arm;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Field order of Azure-Sentinel content files, so imported (and formatted) YAML reads like the files people know. */
public final class YamlFields {
    public static final List<String> ORDER = List.of("id", "name", "description", "description-detailed", "severity", "status",
            "requiredDataConnectors", "queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold", "tactics",
            "relevantTechniques", "tags", "query", "entityMappings", "sentinelEntitiesMappings", "customDetails",
            "alertDetailsOverride", "eventGroupingSettings", "incidentConfiguration", "suppressionEnabled",
            "suppressionDuration", "enabled", "alertRuleTemplateName", "templateVersion", "exclusions", "version", "kind",
            "metadata");

    private YamlFields() {}

    /** The same fields in Azure-Sentinel order; fields not in the list keep their order, after the known ones. */
    static ObjectNode ordered(JsonNode tree) {
        ObjectNode out = ArmResources.JSON.objectNode();
        for (String f : ORDER) {
            JsonNode v = tree.get(f);
            if (v != null) out.set(f, v);
        }
        for (var e : tree.properties()) {
            if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue());
        }
        return out;
    }
}

package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a workspace has: one list call per resource type (alert rules, saved searches, metadata), keyed by lower-case
 * name, as ARM names are case-insensitive.
 */
public record ActualState(Map<String, ObjectNode> alertRules, Map<String, ObjectNode> savedSearches,
        Map<String, ObjectNode> metadata) {

    public static ActualState read(ArmRest arm, WorkspaceConfig ws) {
        return new ActualState(byName(arm, ws, ResourceType.ALERT_RULE), byName(arm, ws, ResourceType.SAVED_SEARCH),
                byName(arm, ws, ResourceType.METADATA));
    }

    public Map<String, ObjectNode> of(ResourceType type) {
        if (type == ResourceType.ALERT_RULE) return alertRules;
        if (type == ResourceType.SAVED_SEARCH) return savedSearches;
        return metadata;
    }

    private static Map<String, ObjectNode> byName(ArmRest arm, WorkspaceConfig ws, ResourceType type) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ObjectNode r : arm.list(type.collectionId(ws.resourceId()), type.apiVersion())) {
            String name = r.path("name").asString("");
            // ARM returns saved searches' names as "<workspace>|<id>" in some versions; the id is the last part.
            int bar = name.lastIndexOf('|');
            if (bar >= 0) name = name.substring(bar + 1);
            if (!name.isEmpty()) out.put(name.toLowerCase(Locale.ROOT), r);
        }
        return out;
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.ResourceKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a workspace has: one list call per registered resource kind (each content kind, and the ownership marker),
 * keyed by lower-case name, as ARM names are case-insensitive.
 */
public record ActualState(KindTable kinds, Map<ResourceKind, Map<String, ObjectNode>> items) {

    public ActualState {
        items = Map.copyOf(items);
    }

    public static ActualState read(ArmRest arm, WorkspaceConfig ws) {
        return read(arm, ws, KindTable.builtIn());
    }

    public static ActualState read(ArmRest arm, WorkspaceConfig ws, KindTable kinds) {
        return read(arm, ws, kinds, k -> true);
    }

    /** Lists only the kinds {@code read} accepts; the others read as empty. */
    public static ActualState read(ArmRest arm, WorkspaceConfig ws, KindTable kinds,
            java.util.function.Predicate<ResourceKind> read) {
        Map<ResourceKind, Map<String, ObjectNode>> items = new LinkedHashMap<>();
        for (ResourceKind kind : kinds.resourceKinds()) if (read.test(kind)) items.put(kind, byName(arm, ws, kinds, kind));
        return new ActualState(kinds, items);
    }

    /**
     * Which kinds a plan lists: every ARM kind, and a kind outside ARM (a Graph collection, which needs its own
     * permission) only when the workspace's content has items of it, so a repository without custom detections
     * never needs Graph access.
     */
    public static java.util.function.Predicate<ResourceKind> forContent(java.util.Collection<? extends ResourceKind> present) {
        return k -> !(k.scope() instanceof dev.sentinelctl.deploy.kinds.Scope.Graph) || present.contains(k);
    }

    /** The listed resources of a kind by lower-case name; empty for a kind that was not listed. */
    public Map<String, ObjectNode> of(ResourceKind kind) {
        return items.getOrDefault(kind, Map.of());
    }

    /** The ownership markers (Sentinel metadata) by lower-case name. */
    public Map<String, ObjectNode> metadata() {
        return of(kinds.marker());
    }

    private static Map<String, ObjectNode> byName(ArmRest arm, WorkspaceConfig ws, KindTable kinds, ResourceKind kind) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ObjectNode r : arm.at(kind.scope()).list(kind.scope().collectionId(ws), kinds.apiVersion(kind))) {
            String name = kind instanceof DeployableKind c ? c.nameInList(r) : r.path("name").asString("");
            if (!name.isEmpty()) out.put(name.toLowerCase(Locale.ROOT), r);
        }
        return out;
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
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
        return read(arm, ws, kinds, 1);
    }

    /**
     * @param parallelism how many detail reads ({@link DeployableKind#withDetail}, e.g. one items list per watchlist)
     *                    run side by side; the list calls themselves stay one after another
     */
    public static ActualState read(ArmRest arm, WorkspaceConfig ws, KindTable kinds, int parallelism) {
        return read(arm, ws, kinds, parallelism, k -> true);
    }

    /** Lists only the kinds {@code read} accepts; the others read as empty. */
    public static ActualState read(ArmRest arm, WorkspaceConfig ws, KindTable kinds,
            java.util.function.Predicate<ResourceKind> read) {
        return read(arm, ws, kinds, 1, read);
    }

    /** As {@link #read(ArmRest, WorkspaceConfig, KindTable, int)}, listing only the kinds {@code read} accepts. */
    public static ActualState read(ArmRest arm, WorkspaceConfig ws, KindTable kinds, int parallelism,
            java.util.function.Predicate<ResourceKind> read) {
        Map<ResourceKind, Map<String, ObjectNode>> items = new LinkedHashMap<>();
        // Kinds that share a collection (hunting queries and parsers: saved searches) share its one list call.
        Map<String, List<ObjectNode>> listed = new java.util.HashMap<>();
        for (ResourceKind kind : kinds.resourceKinds()) {
            if (!read.test(kind)) continue;
            // Graph-scoped kinds (custom detections) go through the Graph client beside the ARM one.
            ArmRest client = arm.at(kind.scope());
            String collection = kind.scope().collectionId(ws);
            String version = kinds.apiVersion(kind);
            // A kind's list may need query parameters (workbooks: category); they are part of the shared call's key.
            String query = kind.listQuery();
            List<ObjectNode> all = listed.computeIfAbsent(collection.toLowerCase(Locale.ROOT) + "?" + version + "&" + query,
                    k -> client.list(collection, version, query));
            Map<String, ObjectNode> byName = byName(all, kind);
            if (kind instanceof DeployableKind c && c.readsDetail()) withDetail(client, ws, c, version, byName, parallelism);
            items.put(kind, byName);
        }
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

    private static Map<String, ObjectNode> byName(List<ObjectNode> listed, ResourceKind kind) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ObjectNode r : listed) {
            if (kind instanceof DeployableKind c && !c.claims(r)) continue;
            String name = kind instanceof DeployableKind c ? c.nameInList(r) : r.path("name").asString("");
            if (!name.isEmpty()) out.put(name.toLowerCase(Locale.ROOT), r);
        }
        return out;
    }

    private static void withDetail(ArmRest arm, WorkspaceConfig ws, DeployableKind kind, String version,
            Map<String, ObjectNode> byName, int parallelism) {
        if (parallelism <= 1 || byName.size() <= 1) {
            byName.replaceAll((name, r) -> kind.withDetail(arm, kind.scope().resourceId(ws, kind.nameInList(r)), version, r));
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(parallelism, byName.size()), r -> {
                    Thread t = new Thread(r, "read-detail");
                    t.setDaemon(true);
                    return t;
                });
        try {
            Map<String, java.util.concurrent.Future<ObjectNode>> futures = new LinkedHashMap<>();
            byName.forEach((name, r) -> futures.put(name, pool.submit(() ->
                    kind.withDetail(arm, kind.scope().resourceId(ws, kind.nameInList(r)), version, r))));
            for (var e : futures.entrySet()) {
                try {
                    byName.put(e.getKey(), e.getValue().get());
                } catch (java.util.concurrent.ExecutionException x) {
                    throw x.getCause() instanceof RuntimeException re ? re : new IllegalStateException(x.getCause());
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    throw new DeployException("interrupted while reading the workspace");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

package dev.sentinelctl.deploy.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's resources, one sorted collection per (workspace, type). Sorting by lower-cased name gives a stable
 * order for paging: a skip token is the last name served, so deletes between pages never skip an item.
 * Not thread-safe: {@link ArmOperations} serialises access.
 */
final class ResourceStore {
    /** A stored resource: its address and the exact body GET answers. Bodies are never mutated once stored. */
    record Stored(ArmPath path, ObjectNode body) {
        String etag() {
            return body.path("etag").asString(null);
        }
    }

    record Page(List<Stored> items, String lastKey, boolean more) {
    }

    private final Map<String, NavigableMap<String, Stored>> collections = new HashMap<>();
    private final Map<String, WorkspaceRef> workspaces = new LinkedHashMap<>();

    Stored get(ArmPath path) {
        NavigableMap<String, Stored> c = collections.get(collectionKey(path));
        return c == null ? null : c.get(nameKey(path.name()));
    }

    /** Whether the workspace has a resource of the type ({@code alertRules}) and name. */
    boolean has(WorkspaceRef ws, String typeName, String name) {
        NavigableMap<String, Stored> c = collections.get(ws.key() + "|" + typeName);
        return c != null && c.containsKey(nameKey(name));
    }

    void put(Stored stored) {
        ArmPath path = stored.path();
        workspaces.putIfAbsent(path.workspace().key(), path.workspace());
        collections.computeIfAbsent(collectionKey(path), k -> new TreeMap<>()).put(nameKey(path.name()), stored);
    }

    Stored remove(ArmPath path) {
        NavigableMap<String, Stored> c = collections.get(collectionKey(path));
        return c == null ? null : c.remove(nameKey(path.name()));
    }

    /** Up to {@code limit} items after {@code afterKey} (exclusive; null = from the start). */
    Page list(ArmPath collection, String afterKey, int limit) {
        NavigableMap<String, Stored> c = collections.getOrDefault(collectionKey(collection), new TreeMap<>());
        NavigableMap<String, Stored> tail = afterKey == null ? c : c.tailMap(afterKey, false);
        List<Stored> items = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, Stored> e : tail.entrySet()) {
            if (items.size() == limit) {
                return new Page(items, last, true);
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        return new Page(items, last, false);
    }

    List<Stored> all() {
        List<Stored> out = new ArrayList<>();
        collections.values().forEach(c -> out.addAll(c.values()));
        return out;
    }

    void addWorkspace(WorkspaceRef ws) {
        workspaces.putIfAbsent(ws.key(), ws);
    }

    boolean hasWorkspace(WorkspaceRef ws) {
        return workspaces.containsKey(ws.key());
    }

    List<WorkspaceRef> workspaces() {
        return List.copyOf(workspaces.values());
    }

    int size() {
        return collections.values().stream().mapToInt(Map::size).sum();
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String collectionKey(ArmPath path) {
        String parent = path.parent() == null ? "" : "|" + path.parent().kind().typeName() + "/" + nameKey(path.parent().name());
        return path.workspace().key() + parent + "|" + path.kind().typeName();
    }

    /** Removes a parent's child collection (a deleted watchlist takes its items with it). */
    void removeChildren(ArmPath parent, SandboxResourceType childKind) {
        collections.remove(collectionKey(new ArmPath(parent.workspace(), childKind, null, parent)));
    }
}

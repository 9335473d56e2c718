package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.KindTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order apply writes a workspace's items in: a topological sort of the desired items over their {@link Edge}s,
 * as waves (every item of a wave depends only on earlier waves, so a wave's items run side by side). A dependency
 * that is neither desired nor in the workspace, and a cycle, are errors that name both ends.
 */
public final class DependencyOrder {
    private DependencyOrder() {
    }

    /** The key an edge and an item share: kind id and lower-case name. */
    public static String key(String kindId, String name) {
        return kindId + "|" + name.toLowerCase(Locale.ROOT);
    }

    public static String key(DesiredItem d) {
        return key(d.type().id(), d.id());
    }

    /**
     * Checks that every dependency of {@code desired} is desired or already in the workspace, and that they form no
     * cycle.
     *
     * @throws DeployException naming the item, its file and what it needs (missing), or two items that need each
     *                         other (cycle)
     */
    public static void check(String workspace, List<DesiredItem> desired, ActualState actual) {
        Map<String, DesiredItem> byKey = new HashMap<>();
        for (DesiredItem d : desired) byKey.put(key(d), d);
        for (DesiredItem d : desired) {
            for (Edge e : d.dependsOn()) {
                if (byKey.containsKey(key(e.kindId(), e.name()))) continue;
                Optional<DeployableKind> kind = actual.kinds().byId(e.kindId());
                if (kind.isPresent() && actual.of(kind.get()).containsKey(ActualState.key(e.name()))) continue;
                String what = kind.map(DeployableKind::label).orElse(e.kindId());
                throw new DeployException("workspace '" + workspace + "': " + describe(d) + " needs " + what + " " + e.name() + " (" + e.why()
                        + "), which is neither in the content nor in the workspace; add it to the content or deploy it first");
            }
        }
        try {
            waves(desired, DependencyOrder::key, DependencyOrder::dependencyKeys, DependencyOrder::describe);
        } catch (DeployException e) {
            throw new DeployException("workspace '" + workspace + "': " + e.getMessage());
        }
    }

    /**
     * Checks that prune deletes nothing a desired item still needs: a kept rule that calls {@code _GetWatchlist('x')}
     * while x's folder left the repository would otherwise lose its watchlist (the workspace still has it, so
     * {@link #check} is satisfied).
     *
     * @throws DeployException naming the item, its file, what it needs and that prune would delete it
     */
    public static void checkNotDeleted(String workspace, List<DesiredItem> desired, List<Change> deletes) {
        Map<String, Change> gone = new HashMap<>();
        for (Change c : deletes) if (c.writeResource()) gone.put(key(c.type().id(), c.id()), c);
        if (gone.isEmpty()) return;
        for (DesiredItem d : desired) {
            for (Edge e : d.dependsOn()) {
                Change c = gone.get(key(e.kindId(), e.name()));
                if (c == null) continue;
                throw new DeployException("workspace '" + workspace + "': " + describe(d) + " needs " + c.type().label()
                        + " " + e.name() + " (" + e.why() + "), which --prune would delete (its content left the "
                        + "repository); add it back to the content, or stop using it first");
            }
        }
    }

    public static List<String> dependencyKeys(DesiredItem d) {
        return d.dependsOn().stream().map(e -> key(e.kindId(), e.name())).toList();
    }

    private static String describe(DesiredItem d) {
        return d.type().label() + " " + d.id() + " (" + d.file() + ")";
    }

    /**
     * Kahn's algorithm by levels. Dependencies on keys that are not nodes are satisfied elsewhere (in the workspace)
     * and do not order anything.
     *
     * @param describe how a node is named in a cycle's message
     * @throws DeployException when nodes depend on each other in a cycle, naming two nodes of it
     */
    public static <T> List<List<T>> waves(List<T> nodes, Function<T, String> key, Function<T, List<String>> dependsOn,
            Function<T, String> describe) {
        Map<String, T> byKey = new LinkedHashMap<>();
        for (T n : nodes) byKey.put(key.apply(n), n);
        Map<String, List<String>> inside = new HashMap<>();
        for (T n : nodes) {
            inside.put(key.apply(n), dependsOn.apply(n).stream().filter(byKey::containsKey).distinct().toList());
        }
        List<List<T>> out = new ArrayList<>();
        Map<String, Boolean> placed = new HashMap<>();
        while (placed.size() < nodes.size()) {
            List<T> wave = new ArrayList<>();
            for (T n : nodes) {
                String k = key.apply(n);
                if (placed.containsKey(k)) continue;
                if (inside.get(k).stream().allMatch(placed::containsKey)) wave.add(n);
            }
            if (wave.isEmpty()) throw cycle(nodes, key, inside, placed, byKey, describe);
            for (T n : wave) placed.put(key.apply(n), true);
            out.add(wave);
        }
        return out;
    }

    /**
     * The order prune deletes in: kind by kind in the reverse of the table's order (what stands on others is
     * registered later), and within a kind in reverse dependency order of the deployed resources
     * ({@link Change#deployedNeeds}: a union parser before the source parsers it calls). Deleting what depends on a
     * resource before the resource means no deployed query is left calling something that is gone.
     */
    public static List<List<Change>> deleteWaves(List<Change> deletes, KindTable kinds) {
        List<DeployableKind> reverse = new ArrayList<>(kinds.contentKinds());
        java.util.Collections.reverse(reverse);
        List<List<Change>> out = new ArrayList<>();
        for (DeployableKind k : reverse) {
            List<Change> ofKind = deletes.stream().filter(c -> c.type() == k).toList();
            if (!ofKind.isEmpty()) out.addAll(reverseWaves(ofKind));
        }
        List<Change> others = deletes.stream().filter(c -> !reverse.contains(c.type())).toList();
        if (!others.isEmpty()) out.add(others);
        return out;
    }

    private static List<List<Change>> reverseWaves(List<Change> deletes) {
        List<List<Change>> waves;
        try {
            waves = new ArrayList<>(waves(deletes, c -> key(c.type().id(), c.id()),
                    c -> c.deployedNeeds().stream().map(e -> key(e.kindId(), e.name())).toList(),
                    c -> c.type().label() + " " + c.id()));
        } catch (DeployException cycle) {
            // Deployed functions that call each other in a circle: no order helps, delete them side by side.
            return List.of(deletes);
        }
        java.util.Collections.reverse(waves);
        return waves;
    }

    /** Follows unplaced dependencies from an unplaced node until one repeats: that node and the one before it. */
    private static <T> DeployException cycle(List<T> nodes, Function<T, String> key, Map<String, List<String>> inside,
            Map<String, Boolean> placed, Map<String, T> byKey, Function<T, String> describe) {
        String at = nodes.stream().map(key).filter(k -> !placed.containsKey(k)).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        while (!path.contains(at)) {
            path.add(at);
            at = inside.get(at).stream().filter(d -> !placed.containsKey(d)).findFirst().orElseThrow();
        }
        String last = path.get(path.size() - 1);
        String a = describe.apply(byKey.get(last));
        String b = describe.apply(byKey.get(at));
        return new DeployException("dependency cycle: " + a + " needs " + b + ", which needs " + a
                + (path.size() - path.indexOf(at) > 2 ? " through " + (path.size() - path.indexOf(at) - 2) + " more" : "")
                + "; one of them must not depend on the other");
    }
}

package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.Ownership;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes plans. Changes run concurrently, at most {@code parallelism} at a time per subscription (ARM throttles
 * per principal and subscription); the SDK pipeline under {@link ArmRest} retries 429 (honouring Retry-After), 5xx
 * and dropped connections with exponential backoff and jitter. A failed item is reported and the others go on.
 *
 * <p>Order inside one item makes a half-finished rollout converge on the next run: a create writes the ownership
 * metadata first (an owned marker without its rule plans as "create" again; a rule without its marker would plan as
 * a conflict), a delete removes the resource first and the metadata last.
 *
 * <p>Verification: after a workspace's changes, its resources are listed again (one call per type, not one GET
 * per item) and every applied item is compared with what the repository wants, through the same normalisation as
 * the plan. An item that does not read back as intended is a failure.
 */
public final class Applier {
    /** Progress callbacks; called from worker threads. */
    public interface Listener {
        void progress(WorkspacePlan plan, int done, int failed, int total);
    }

    public record ItemResult(Change change, boolean ok, String error) {
    }

    public record WorkspaceResult(WorkspacePlan plan, List<ItemResult> items, String error, Duration elapsed) {
        public long ok(Change.Action action) {
            return items.stream().filter(i -> i.ok() && i.change().action() == action).count();
        }

        public List<ItemResult> failures() {
            return items.stream().filter(i -> !i.ok()).toList();
        }

        public boolean failed() {
            return error != null || items.stream().anyMatch(i -> !i.ok());
        }
    }

    private final Function<WorkspaceConfig, ArmRest> arm;
    private final String source;
    private final int parallelism;
    private final Listener listener;
    private final KindTable kinds;
    /** Server-assigned kinds: content id → the service's id, per workspace and kind, read once per apply. */
    private final Map<String, Map<String, String>> serverIds = new java.util.concurrent.ConcurrentHashMap<>();

    public Applier(Function<WorkspaceConfig, ArmRest> arm, String source, int parallelism, Listener listener) {
        this(arm, source, parallelism, listener, KindTable.builtIn());
    }

    /** @param kinds the registered kinds: api-versions, and the order deletes run in (reverse registration) */
    public Applier(Function<WorkspaceConfig, ArmRest> arm, String source, int parallelism, Listener listener,
            KindTable kinds) {
        this.kinds = kinds;
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        this.arm = arm;
        this.source = source;
        this.parallelism = parallelism;
        this.listener = listener;
    }

    public List<WorkspaceResult> apply(List<WorkspacePlan> plans) {
        serverIds.clear();
        Map<String, ExecutorService> pools = new LinkedHashMap<>();
        try {
            List<CompletableFuture<List<ItemResult>>> futures = new ArrayList<>();
            List<Long> started = new ArrayList<>();
            for (WorkspacePlan plan : plans) {
                ExecutorService pool = pools.computeIfAbsent(plan.workspace().subscription().toLowerCase(java.util.Locale.ROOT),
                        s -> Executors.newFixedThreadPool(parallelism, daemon("apply-" + s.substring(0, Math.min(8, s.length())))));
                List<Change> writes = plan.changes().stream().filter(Change::isWrite).toList();
                AtomicInteger done = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                listener.progress(plan, 0, 0, writes.size());
                ArmRest rest = arm.apply(plan.workspace());
                // Wave by wave (a wave's items side by side): an item is written after what it depends on, and not at
                // all when that failed; deletes come last, dependents' kinds first.
                CompletableFuture<List<ItemResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
                for (List<Change> wave : waves(writes, kinds)) {
                    chain = chain.thenCompose(sofar -> {
                        Map<String, String> failedKeys = new HashMap<>();
                        for (ItemResult r : sofar) {
                            if (!r.ok() && r.change().desired() != null) {
                                failedKeys.put(DependencyOrder.key(r.change().desired()),
                                        r.change().type().label() + " " + r.change().id());
                            }
                        }
                        List<CompletableFuture<ItemResult>> fs = new ArrayList<>();
                        for (Change c : wave) {
                            String blocked = c.desired() == null ? null : DependencyOrder.dependencyKeys(c.desired()).stream()
                                    .filter(failedKeys::containsKey).map(failedKeys::get).findFirst().orElse(null);
                            fs.add(blocked != null
                                    ? CompletableFuture.completedFuture(counted(plan, new ItemResult(c, false,
                                            "not applied: it needs " + blocked + ", which failed"), done, failed, writes.size()))
                                    : CompletableFuture.supplyAsync(() -> counted(plan, execute(rest, plan.workspace(), c),
                                            done, failed, writes.size()), pool));
                        }
                        return CompletableFuture.allOf(fs.toArray(CompletableFuture[]::new)).thenApply(v -> {
                            for (CompletableFuture<ItemResult> f : fs) sofar.add(f.join());
                            return sofar;
                        });
                    });
                }
                // Results in the plan's order, whatever order the waves ran in.
                Map<Change, Integer> position = new java.util.IdentityHashMap<>();
                for (Change c : writes) position.put(c, position.size());
                futures.add(chain.thenApply(rs -> {
                    List<ItemResult> ordered = new ArrayList<>(rs);
                    ordered.sort(java.util.Comparator.comparingInt(r -> position.get(r.change())));
                    return ordered;
                }));
                started.add(System.nanoTime());
            }
            List<WorkspaceResult> out = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                WorkspacePlan plan = plans.get(i);
                List<ItemResult> results = new ArrayList<>(futures.get(i).join());
                for (Change c : plan.changes()) {
                    // A preflight skip is a decision, not a failure: the rollout report lists it as skipped.
                    if (!c.isWrite() && c.action() != Change.Action.SKIP) {
                        results.add(new ItemResult(c, false, "not applied: " + c.note()));
                    }
                }
                String error = null;
                if (results.stream().anyMatch(r -> r.ok())) {
                    try {
                        results = verify(arm.apply(plan.workspace()), plan.workspace(), results);
                    } catch (ArmCallException e) {
                        error = "could not read the workspace back to verify: " + e.describe();
                    }
                }
                out.add(new WorkspaceResult(plan, results, error, Duration.ofNanos(System.nanoTime() - started.get(i))));
            }
            return out;
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
        }
    }

    private ItemResult counted(WorkspacePlan plan, ItemResult r, AtomicInteger done, AtomicInteger failed, int total) {
        if (!r.ok()) failed.incrementAndGet();
        listener.progress(plan, done.incrementAndGet(), failed.get(), total);
        return r;
    }

    /**
     * Creates and updates in dependency order ({@link DependencyOrder}), then deletes kind by kind in reverse
     * registration order (the table registers kinds in the order they stand on each other, so dependents go first),
     * and within a kind in reverse order of what the deployed resources call ({@link DependencyOrder#deleteWaves}).
     */
    static List<List<Change>> waves(List<Change> writes, KindTable kinds) {
        List<Change> puts = writes.stream().filter(c -> c.action() != Change.Action.DELETE).toList();
        List<List<Change>> out = new ArrayList<>(DependencyOrder.waves(puts, c -> DependencyOrder.key(c.desired()),
                c -> DependencyOrder.dependencyKeys(c.desired()), c -> c.type().label() + " " + c.id()));
        out.addAll(DependencyOrder.deleteWaves(writes.stream().filter(c -> c.action() == Change.Action.DELETE).toList(),
                kinds));
        return out;
    }

    private ItemResult execute(ArmRest rest, WorkspaceConfig ws, Change c) {
        if (c.type().ownership() instanceof Ownership.ServerAssigned owned) {
            return executeServerAssigned(rest.at(c.type().scope()), ws, c, owned);
        }
        try {
            String metaId = kinds.marker().scope().resourceId(ws, c.metadataName());
            String metaVersion = kinds.apiVersion(kinds.marker());
            if (c.action() == Change.Action.DELETE) {
                if (c.writeResource()) {
                    String id = c.type().scope().resourceId(ws, c.id());
                    var leftBehind = c.type().leftBehind(rest, id, kinds.apiVersion(c.type()));
                    rest.delete(id, kinds.apiVersion(c.type()));
                    for (var r : leftBehind) rest.delete(r.resourceId(), r.apiVersion());
                }
                if (c.writeMetadata()) rest.delete(metaId, metaVersion);
                return new ItemResult(c, true, null);
            }
            DesiredItem d = c.desired();
            ObjectNode meta = JsonNodeFactory.instance.objectNode();
            meta.set("properties", d.metadata().properties().deepCopy());
            if (c.writeMetadata()) {
                try {
                    rest.put(metaId, metaVersion, meta);
                } catch (ArmCallException e) {
                    // Should a service refuse a marker whose parent does not exist yet (400/404), fall back to
                    // resource first, marker second: the item still lands, only the half-done window differs.
                    if (c.action() != Change.Action.CREATE || (e.status() != 400 && e.status() != 404)) throw e;
                    writeResource(rest, ws, c, d);
                    rest.put(metaId, metaVersion, meta);
                    return new ItemResult(c, true, null);
                }
            }
            if (c.writeResource()) writeResource(rest, ws, c, d);
            return new ItemResult(c, true, null);
        } catch (ArmCallException e) {
            return new ItemResult(c, false, e.describe());
        } catch (RuntimeException e) {
            return new ItemResult(c, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The write path of a service that assigns ids (Graph): a create POSTs to the collection and learns the id from the
     * answer; an update PATCHes, a delete DELETEs the id the collection lists for the content id. The content id →
     * server id map is read once per workspace and kind in this apply (the plan may be older than the apply, and a
     * create retried after a lost answer must find its first attempt instead of creating a second object).
     */
    private ItemResult executeServerAssigned(ArmRest rest, WorkspaceConfig ws, Change c, Ownership.ServerAssigned owned) {
        try {
            String collection = c.type().scope().collectionId(ws);
            String version = kinds.apiVersion(c.type());
            Map<String, String> ids = serverIds.computeIfAbsent(ws.name() + "|" + c.type().id(), k -> {
                Map<String, String> found = new java.util.concurrent.ConcurrentHashMap<>();
                for (ObjectNode listed : rest.list(collection, version)) {
                    // Any source's marker, or none (a portal-made detection by the id export gives it): the plan already
                    // decided what may be written (another's or an unmarked one only with --adopt).
                    found.put(ActualState.key(c.type().nameInList(listed)), owned.serverId(listed));
                }
                return found;
            });
            String id = ids.get(ActualState.key(c.id()));
            if (c.action() == Change.Action.DELETE) {
                if (id != null) rest.delete(collection + "/" + id, version);
                return new ItemResult(c, true, null);
            }
            ObjectNode body = c.desired().resource().properties().deepCopy();
            if (id == null) {
                ObjectNode created = rest.post(collection, version, body);
                String newId = owned.serverId(created);
                if (newId.isEmpty()) {
                    throw new ArmCallException(201, "BadResponse", "POST " + collection + " answered without an id", null);
                }
                ids.put(ActualState.key(c.id()), newId);
            } else {
                rest.patch(collection + "/" + id, version, body);
            }
            return new ItemResult(c, true, null);
        } catch (ArmCallException e) {
            return new ItemResult(c, false, e.describe());
        } catch (RuntimeException e) {
            return new ItemResult(c, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void writeResource(ArmRest rest, WorkspaceConfig ws, Change c, DesiredItem d) {
        String id = d.type().scope().resourceId(ws, d.id());
        ObjectNode body = d.body();
        // Updates carry the etag the plan saw, so an edit made after the plan is not silently overwritten; the kind
        // adds what its service needs on a create (Log Analytics: "*" to overwrite).
        d.type().prepareWrite(body, c.etag());
        try {
            d.type().write(rest, id, d.resource().apiVersion(), body, c.action() == Change.Action.CREATE);
        } catch (ArmCallException e) {
            if (e.status() != 409 && e.status() != 412) throw e;
            // The etag no longer matches. If what is there now is what we want (our own earlier attempt landed
            // before its answer was lost), that is success; anything else changed after the plan.
            ObjectNode now = rest.get(id, d.resource().apiVersion())
                    .map(r -> d.type().withDetail(rest, id, d.resource().apiVersion(), r)).orElse(null);
            if (now == null || !FieldDiff.between(Planner.normalised(d.type(), now), d.normalised()).isEmpty()) {
                throw new ArmCallException(e.status(), e.code(), "changed outside sentinelctl after the plan was made "
                        + "(etag mismatch); run plan again to see the change", e);
            }
        }
    }

    private List<ItemResult> verify(ArmRest rest, WorkspaceConfig ws, List<ItemResult> results) {
        ActualState after = ActualState.read(rest, ws, kinds, parallelism,
                ActualState.forContent(results.stream().map(r -> r.change().type()).toList()));
        List<ItemResult> out = new ArrayList<>();
        for (ItemResult r : results) {
            if (!r.ok()) {
                out.add(r);
                continue;
            }
            Change c = r.change();
            String problem = null;
            ObjectNode now = after.of(c.type()).get(ActualState.key(c.id()));
            ObjectNode meta = after.metadata().get(ActualState.key(c.metadataName()));
            if (c.action() == Change.Action.DELETE) {
                if (c.writeResource() && now != null) problem = "read back: the " + c.type().label() + " still exists";
                else if (meta != null) problem = "read back: its metadata still exists";
            } else {
                DesiredItem d = c.desired();
                if (now == null) {
                    problem = "read back: the " + c.type().label() + " is not in the workspace";
                } else {
                    List<FieldDiff> diffs = FieldDiff.between(Planner.normalised(c.type(), now), d.normalised());
                    if (!diffs.isEmpty()) {
                        problem = "read back differs in " + String.join(", ", diffs.stream().map(FieldDiff::path).toList());
                    } else if (!source.equalsIgnoreCase(String.valueOf(c.type().ownership().owner(after, c.type(), ws,
                            c.id())))) {
                        problem = "read back: the ownership metadata is missing";
                    }
                }
            }
            out.add(problem == null ? r : new ItemResult(c, false, problem));
        }
        return out;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.PreflightAction;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.Ownership;
import dev.sentinelctl.deploy.preflight.PreflightResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Desired vs actual for one workspace. Ownership decides what may be touched: a resource is ours when a Sentinel
 * metadata resource says {@code source.kind = SourceRepository}, {@code source.name = <our source>} and its
 * {@code parentId} is that resource. Ours and different → update (that difference is drift); not ours → conflict
 * (unless {@code adopt}); ours and gone from the repository → delete with {@code prune}, else listed as orphan.
 * A hand-made resource is never updated or deleted.
 */
public final class Planner {
    /** @param prune  delete owned resources whose content left the repository
     *  @param adopt  take over existing resources that nobody (or another source) owns */
    public record Options(boolean prune, boolean adopt) {
    }

    private final String source;
    private final Options options;
    private final KindTable kinds;

    public Planner(String source, Options options) {
        this(source, options, KindTable.builtIn());
    }

    /** @param kinds the registered kinds: which metadata kinds are ours to prune, in what order items are applied */
    public Planner(String source, Options options, KindTable kinds) {
        this.source = source;
        this.options = options;
        this.kinds = kinds;
    }

    public WorkspacePlan plan(WorkspaceConfig ws, List<DesiredItem> desired, ActualState actual) {
        return plan(ws, desired, actual, Map.of());
    }

    /**
     * @param preflight verdicts by lower-case content id: a skipped rule plans as {@code skip} (and an existing one is
     *                  left alone: it stays wanted, so it is never an orphan and never pruned), a rule to deploy
     *                  disabled is compared disabled (so holding it disabled is no change on the next plan)
     */
    public WorkspacePlan plan(WorkspaceConfig ws, List<DesiredItem> desired, ActualState actual,
            Map<String, PreflightResult> preflight) {
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        Set<String> wanted = new HashSet<>();
        for (DesiredItem d : desired) {
            wanted.add(ActualState.key(d.metadata().name()));
            ObjectNode existing = actual.of(d.type()).get(ActualState.key(d.id()));
            ObjectNode meta = actual.metadata().get(ActualState.key(d.metadata().name()));
            String owner = d.type().ownership().owner(actual, d.type(), ws, d.id());
            boolean ours = owner != null && source.equalsIgnoreCase(owner);
            PreflightResult pf = preflight.get(ActualState.key(d.id()));
            if (pf != null && !pf.passed()) {
                if (pf.action() == PreflightAction.SKIP || pf.action() == PreflightAction.FAIL) {
                    changes.add(new Change(pf.action() == PreflightAction.SKIP ? Change.Action.SKIP : Change.Action.FAIL,
                            d.type(), d.id(), d.displayName(), d, List.of(), null, false, false, ours,
                            pf.note(existing != null, false), d.metadata().name()));
                    continue;
                }
                if (pf.action() == PreflightAction.DISABLE) d = d.disabled();
            }
            String preflightNote = join(pf == null ? "" : pf.note(existing != null, true), String.join("; ", d.notes()));
            // A marker inside the body (a tag) is compared with the body; only a separate marker has diffs of its own.
            List<FieldDiff> metaDiffs = d.type().ownership().separateMarker()
                    ? metadataDiffs(meta, d.metadata().properties()) : List.of();
            if (existing == null && owner != null && !ours && !options.adopt()) {
                // Another source's marker for a resource that is gone: creating would overwrite its metadata.
                changes.add(new Change(Change.Action.CONFLICT, d.type(), d.id(), d.displayName(), d, List.of(), null,
                        false, false, false, "its metadata belongs to source '" + owner + "', not '" + source
                        + "'; use --adopt to take it over", d.metadata().name()));
                continue;
            }
            if (existing == null) {
                changes.add(new Change(Change.Action.CREATE, d.type(), d.id(), d.displayName(), d, List.of(), null, true,
                        !metaDiffs.isEmpty(), ours, join(ours ? "deleted outside sentinelctl since the last apply" : "",
                        preflightNote), d.metadata().name()));
                continue;
            }
            List<FieldDiff> diffs = FieldDiff.between(normalised(d.type(), existing), d.normalised());
            if (!ours && !options.adopt()) {
                String why = owner == null ? "exists but was not deployed by sentinelctl (no metadata with source '"
                        + source + "'); use --adopt to take it over"
                        : "is owned by source '" + owner + "', not '" + source + "'; use --adopt to take it over";
                changes.add(new Change(Change.Action.CONFLICT, d.type(), d.id(), d.displayName(), d, diffs,
                        etag(existing), false, false, false, why, d.metadata().name()));
                continue;
            }
            if (diffs.isEmpty() && metaDiffs.isEmpty()) {
                unchanged++;
                continue;
            }
            List<FieldDiff> all = new ArrayList<>(diffs);
            for (FieldDiff m : metaDiffs) all.add(new FieldDiff("metadata." + m.path(), m.before(), m.after()));
            changes.add(new Change(Change.Action.UPDATE, d.type(), d.id(), d.displayName(), d, all, etag(existing),
                    !diffs.isEmpty(), !metaDiffs.isEmpty(), ours, join(ours ? "" : "adopt: record ownership", preflightNote),
                    d.metadata().name()));
        }
        List<String> orphans = new ArrayList<>();
        List<Map.Entry<DeployableKind, Ownership.Claim>> claims = new ArrayList<>();
        for (DeployableKind k : kinds.contentKinds()) {
            for (Ownership.Claim c : k.ownership().claimedBy(source, actual, k, ws)) claims.add(Map.entry(k, c));
        }
        claims.sort(java.util.Comparator.comparingInt(e -> e.getValue().position()));
        DeployedEdges deployed = options.prune() && !claims.isEmpty() ? DeployedEdges.of(actual, kinds) : null;
        for (var e : claims) {
            DeployableKind type = e.getKey();
            Ownership.Claim claim = e.getValue();
            if (wanted.contains(ActualState.key(claim.markerName()))) continue;
            String name = claim.name();
            ObjectNode existing = claim.existing();
            JsonNode listedProps = existing == null ? null : type.propertiesOf(existing);
            String display = listedProps == null ? name : listedProps.path("displayName").asString(name);
            if (!options.prune()) {
                orphans.add(type.label() + " " + name + (existing == null ? " (metadata only)" : ""));
                continue;
            }
            changes.add(new Change(Change.Action.DELETE, type, name, display, null, List.of(), null, existing != null,
                    type.ownership().separateMarker(), true, existing == null ? "its content left the repository (only the metadata is left)"
                            : "its content left the repository", claim.markerName(), deployed.of(type, existing)));
        }
        DependencyOrder.checkNotDeleted(ws.name(), desired,
                changes.stream().filter(c -> c.action() == Change.Action.DELETE).toList());
        // A rule preflight holds back is not written, so what it needs does not have to exist.
        DependencyOrder.check(ws.name(), desired.stream().filter(d -> {
            PreflightResult pf = preflight.get(ActualState.key(d.id()));
            return pf == null || pf.passed() || pf.action() == PreflightAction.DISABLE;
        }).toList(), actual);
        return new WorkspacePlan(ws, inApplyOrder(changes, desired, kinds), unchanged, orphans, List.copyOf(preflight.values()));
    }

    /**
     * Creates and updates in the waves apply writes them in (what an item needs is listed before it), content order
     * within a wave; deletes after them, in the order apply deletes them ({@link DependencyOrder#deleteWaves}).
     */
    private static List<Change> inApplyOrder(List<Change> changes, List<DesiredItem> desired, KindTable kinds) {
        Map<String, Integer> wave = new java.util.HashMap<>();
        List<List<DesiredItem>> waves = DependencyOrder.waves(desired, DependencyOrder::key, DependencyOrder::dependencyKeys,
                DesiredItem::id);
        for (int i = 0; i < waves.size(); i++) {
            for (DesiredItem d : waves.get(i)) wave.put(DependencyOrder.key(d), i);
        }
        List<Change> out = new ArrayList<>(changes.stream().filter(c -> c.action() != Change.Action.DELETE).toList());
        out.sort(java.util.Comparator.comparingInt(c -> c.desired() == null ? Integer.MAX_VALUE
                : wave.getOrDefault(DependencyOrder.key(c.desired()), 0)));
        DependencyOrder.deleteWaves(changes.stream().filter(c -> c.action() == Change.Action.DELETE).toList(), kinds)
                .forEach(out::addAll);
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    static ObjectNode normalised(DeployableKind type, ObjectNode actual) {
        // A kind whose list answer is its properties itself (a Graph object, propertiesOf) is reshaped as a resource
        // body, so every kind compares through normaliseListed (by default normaliseResource, which workbooks extend
        // to their tags; playbooks read their deployment's tags).
        JsonNode props = type.propertiesOf(actual);
        if (props == actual.get("properties")) return type.normaliseListed(actual);
        ObjectNode body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (actual.has("kind")) body.set("kind", actual.get("kind"));
        body.set("properties", props);
        return type.normaliseListed(body);
    }

    /** Ownership fields that differ (none when the metadata is as we would write it). */
    static List<FieldDiff> metadataDiffs(ObjectNode actual, ObjectNode desired) {
        ObjectNode want = pick(desired);
        if (actual == null) return FieldDiff.between(JsonNodeFactory.instance.objectNode(), want);
        ObjectNode have = pick(actual.path("properties"));
        // ARM may change the case of a resource id; ownership compares ids case-insensitively.
        if (have.path("parentId").asString("").equalsIgnoreCase(want.path("parentId").asString(""))) {
            have.put("parentId", want.path("parentId").asString());
        }
        return FieldDiff.between(have, want);
    }

    private static ObjectNode pick(JsonNode p) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String f : List.of("contentId", "parentId", "kind", "version")) {
            if (p.has(f) && !p.get(f).isNull()) out.set(f, p.get(f).deepCopy());
        }
        JsonNode s = p.path("source");
        if (s.isObject()) {
            ObjectNode src = out.putObject("source");
            if (s.has("kind")) src.set("kind", s.get("kind").deepCopy());
            if (s.has("name")) src.set("name", s.get("name").deepCopy());
        }
        return out;
    }

    private static String etag(ObjectNode existing) {
        JsonNode e = existing.get("etag");
        return e != null && e.isString() ? e.asString() : null;
    }
}

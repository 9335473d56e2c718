package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.preflight.PreflightResult;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plans for people (Terraform-like text) and for programs (JSON). Shows resource ids, names and field values only —
 * nothing from the environment, so no credential can appear.
 */
public final class PlanReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PlanReport() {
    }

    public static void text(List<WorkspacePlan> plans, PrintWriter out, boolean driftWording) {
        text(plans, out, driftWording, false);
    }

    /** @param verbose also list, per rule, what preflight could not check (functions, parsers, unknown names) */
    public static void text(List<WorkspacePlan> plans, PrintWriter out, boolean driftWording, boolean verbose) {
        long create = 0, update = 0, delete = 0, conflict = 0, unchanged = 0, skipped = 0, failed = 0;
        for (WorkspacePlan p : plans) {
            out.println("Workspace " + p.workspace().name() + " (" + p.workspace().subscription() + "/"
                    + p.workspace().resourceGroup() + "/" + p.workspace().workspace() + ")");
            for (Change c : p.changes()) change(c, out, driftWording);
            for (PreflightResult r : p.heldUnchanged()) {
                out.println("  = unchanged alert rule " + r.id() + " \"" + r.displayName() + "\"  (" + r.note(true, false) + ")");
            }
            if (verbose) {
                for (PreflightResult r : p.preflight()) {
                    if (r.unchecked().isEmpty()) continue;
                    out.println("  ? preflight did not check, for alert rule " + r.id() + " \"" + r.displayName() + "\": "
                            + String.join(", ", r.unchecked()));
                }
            }
            out.println("  " + summary(p.count(Change.Action.CREATE), p.count(Change.Action.UPDATE),
                    p.count(Change.Action.DELETE), p.count(Change.Action.CONFLICT), p.unchanged())
                    + preflightSummary(p.count(Change.Action.SKIP), p.count(Change.Action.FAIL)));
            if (!p.orphans().isEmpty()) {
                out.println("  " + p.orphans().size() + " owned resource" + (p.orphans().size() == 1 ? "" : "s")
                        + " whose content left the repository, kept (apply --prune deletes them): "
                        + String.join(", ", p.orphans().subList(0, Math.min(5, p.orphans().size())))
                        + (p.orphans().size() > 5 ? ", …" : ""));
            }
            out.println();
            create += p.count(Change.Action.CREATE);
            update += p.count(Change.Action.UPDATE);
            delete += p.count(Change.Action.DELETE);
            conflict += p.count(Change.Action.CONFLICT);
            unchanged += p.unchanged();
            skipped += p.count(Change.Action.SKIP);
            failed += p.count(Change.Action.FAIL);
        }
        out.println("Plan: " + summary(create, update, delete, conflict, unchanged) + preflightSummary(skipped, failed) + " in " + plans.size()
                + " workspace" + (plans.size() == 1 ? "" : "s") + ".");
        out.flush();
    }

    static void change(Change c, PrintWriter out, boolean driftWording) {
        String word = c.action().word();
        if (driftWording && c.action() == Change.Action.UPDATE) word = "drifted";
        if (driftWording && c.action() == Change.Action.CREATE) word = "missing";
        out.println("  " + c.action().symbol() + " " + word + " " + c.type().label() + " " + c.id() + " \""
                + c.displayName() + "\"" + (c.note().isEmpty() ? "" : "  (" + c.note() + ")"));
        for (FieldDiff d : c.diffs()) {
            if (d.multiLine() && d.before() != null && d.after() != null) {
                out.println("      " + d.path() + ":");
                for (String line : LineDiff.unified(d.before().asString(), d.after().asString())) {
                    out.println("        " + line);
                }
            } else {
                out.println("      " + d.path() + ": " + FieldDiff.show(d.before()) + " → " + FieldDiff.show(d.after()));
            }
        }
    }

    /** One drifted resource: "~ drifted …" and its field differences (workspace → repository). */
    public static void driftChange(Change c, PrintWriter out) {
        change(c, out, true);
    }

    public static String summary(long create, long update, long delete, long conflict, long unchanged) {
        return create + " to create, " + update + " to update, " + delete + " to delete, " + conflict + " conflict"
                + (conflict == 1 ? "" : "s") + ", " + unchanged + " unchanged";
    }

    /** ", 2 skipped by preflight, 1 failed preflight" — empty when preflight held nothing back. */
    public static String preflightSummary(long skipped, long failed) {
        return (skipped == 0 ? "" : ", " + skipped + " skipped by preflight")
                + (failed == 0 ? "" : ", " + failed + " failed preflight");
    }

    public static ObjectNode json(List<WorkspacePlan> plans) {
        ObjectNode root = JSON.objectNode();
        ArrayNode list = root.putArray("workspaces");
        long[] totals = new long[7];
        for (WorkspacePlan p : plans) {
            ObjectNode w = list.addObject();
            w.put("name", p.workspace().name());
            w.put("subscription", p.workspace().subscription());
            w.put("resourceGroup", p.workspace().resourceGroup());
            w.put("workspace", p.workspace().workspace());
            ArrayNode changes = w.putArray("changes");
            for (Change c : p.changes()) {
                ObjectNode o = change(c);
                p.preflightOf(c.id()).filter(r -> !r.passed()).ifPresent(r -> o.put("preflight", r.action().word()));
                changes.add(o);
            }
            w.put("unchanged", p.unchanged());
            ArrayNode orphans = w.putArray("orphans");
            p.orphans().forEach(orphans::add);
            ArrayNode preflight = w.putArray("preflight");
            for (PreflightResult r : p.preflight()) preflight.add(preflight(r));
            totals[0] += p.count(Change.Action.CREATE);
            totals[1] += p.count(Change.Action.UPDATE);
            totals[2] += p.count(Change.Action.DELETE);
            totals[3] += p.count(Change.Action.CONFLICT);
            totals[4] += p.unchanged();
            totals[5] += p.count(Change.Action.SKIP);
            totals[6] += p.count(Change.Action.FAIL);
        }
        ObjectNode s = root.putObject("summary");
        s.put("create", totals[0]);
        s.put("update", totals[1]);
        s.put("delete", totals[2]);
        s.put("conflict", totals[3]);
        s.put("unchanged", totals[4]);
        s.put("skip", totals[5]);
        s.put("fail", totals[6]);
        return root;
    }

    /**
     * {@code {id, name, passed, decision, reason, missingTables, missingWatchlists, silentTables, unchecked,
     * missingResources}}.
     */
    static ObjectNode preflight(PreflightResult r) {
        ObjectNode o = JSON.objectNode();
        o.put("id", r.id());
        o.put("name", r.displayName());
        o.put("passed", r.passed());
        o.put("decision", r.action().word());
        if (!r.reason().isEmpty()) o.put("reason", r.reason());
        r.missingTables().forEach(o.withArray("missingTables")::add);
        r.missingWatchlists().forEach(o.withArray("missingWatchlists")::add);
        r.silentTables().forEach(o.withArray("silentTables")::add);
        r.unchecked().forEach(o.withArray("unchecked")::add);
        r.missingResources().forEach(o.withArray("missingResources")::add);
        return o;
    }

    public static ObjectNode change(Change c) {
        ObjectNode o = JSON.objectNode();
        o.put("action", c.action().word());
        o.put("type", c.type().id());
        o.put("id", c.id());
        o.put("name", c.displayName());
        if (c.desired() != null) o.put("file", c.desired().file());
        if (!c.note().isEmpty()) o.put("note", c.note());
        o.put("ownedBefore", c.ownedBefore());
        // What apply would write or remove, fingerprinted: a saved plan is refused when these no longer match.
        if (c.isWrite()) o.put("digest", ChangeDigest.of(c));
        ArrayNode diffs = o.putArray("diffs");
        for (FieldDiff d : c.diffs()) {
            ObjectNode x = diffs.addObject();
            x.put("path", d.path());
            x.set("before", d.before() == null ? JSON.nullNode() : d.before());
            x.set("after", d.after() == null ? JSON.nullNode() : d.after());
        }
        return o;
    }
}

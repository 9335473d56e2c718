package dev.sentinelctl.deploy;

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
        long create = 0, update = 0, delete = 0, conflict = 0, unchanged = 0;
        for (WorkspacePlan p : plans) {
            out.println("Workspace " + p.workspace().name() + " (" + p.workspace().subscription() + "/"
                    + p.workspace().resourceGroup() + "/" + p.workspace().workspace() + ")");
            for (Change c : p.changes()) change(c, out, driftWording);
            out.println("  " + summary(p.count(Change.Action.CREATE), p.count(Change.Action.UPDATE),
                    p.count(Change.Action.DELETE), p.count(Change.Action.CONFLICT), p.unchanged()));
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
        }
        out.println("Plan: " + summary(create, update, delete, conflict, unchanged) + " in " + plans.size()
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

    public static ObjectNode json(List<WorkspacePlan> plans) {
        ObjectNode root = JSON.objectNode();
        ArrayNode list = root.putArray("workspaces");
        long[] totals = new long[5];
        for (WorkspacePlan p : plans) {
            ObjectNode w = list.addObject();
            w.put("name", p.workspace().name());
            w.put("subscription", p.workspace().subscription());
            w.put("resourceGroup", p.workspace().resourceGroup());
            w.put("workspace", p.workspace().workspace());
            ArrayNode changes = w.putArray("changes");
            for (Change c : p.changes()) changes.add(change(c));
            w.put("unchanged", p.unchanged());
            ArrayNode orphans = w.putArray("orphans");
            p.orphans().forEach(orphans::add);
            totals[0] += p.count(Change.Action.CREATE);
            totals[1] += p.count(Change.Action.UPDATE);
            totals[2] += p.count(Change.Action.DELETE);
            totals[3] += p.count(Change.Action.CONFLICT);
            totals[4] += p.unchanged();
        }
        ObjectNode s = root.putObject("summary");
        s.put("create", totals[0]);
        s.put("update", totals[1]);
        s.put("delete", totals[2]);
        s.put("conflict", totals[3]);
        s.put("unchanged", totals[4]);
        return root;
    }

    public static ObjectNode change(Change c) {
        ObjectNode o = JSON.objectNode();
        o.put("action", c.action().word());
        o.put("type", c.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        o.put("id", c.id());
        o.put("name", c.displayName());
        if (c.desired() != null) o.put("file", c.desired().file());
        if (!c.note().isEmpty()) o.put("note", c.note());
        o.put("ownedBefore", c.ownedBefore());
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

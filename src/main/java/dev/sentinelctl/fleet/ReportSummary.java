package dev.sentinelctl.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human view of a rollout report: one line per ring with totals, then every failure with its reason, then every
 * item skipped (by preflight) with its reason.
 */
public final class ReportSummary {

    private ReportSummary() {
    }

    public static String table(RolloutReport report) {
        Map<String, long[]> rings = new LinkedHashMap<>();
        List<WorkspaceResult> sorted = new ArrayList<>(report.workspaces());
        sorted.sort(java.util.Comparator.comparingInt(WorkspaceResult::ringIndex));
        for (WorkspaceResult w : sorted) {
            long[] t = rings.computeIfAbsent(w.ring(), k -> new long[10]);
            t[0]++;
            t[w.status() == WorkspaceResult.Status.SUCCEEDED ? 1 : w.status() == WorkspaceResult.Status.FAILED ? 2 : 3]++;
            t[4] += w.created().size();
            t[5] += w.updated().size();
            t[6] += w.deleted().size();
            t[7] += w.skipped().size();
            t[8] += w.durationMs();
            t[9] = Math.max(t[9], w.durationMs());
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ring", "workspaces", "succeeded", "failed", "not run", "created", "updated", "deleted", "skipped", "time", "slowest"});
        long[] total = new long[10];
        rings.forEach((ring, t) -> {
            rows.add(row(ring, t));
            for (int i = 0; i < 9; i++) total[i] += t[i];
            total[9] = Math.max(total[9], t[9]);
        });
        rows.add(row("total", total));
        StringBuilder out = new StringBuilder();
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) line.append("  ");
                line.append(i == 0 ? String.format("%-" + widths[i] + "s", r[i]) : String.format("%" + widths[i] + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (n == 0 || n == rows.size() - 2) out.append("-".repeat(line.length())).append('\n');
        }
        List<String> failures = new ArrayList<>();
        for (WorkspaceResult w : sorted) {
            if (w.status() == WorkspaceResult.Status.SUCCEEDED) continue;
            String what = w.status() == WorkspaceResult.Status.FAILED ? "failed" : "not run";
            failures.add("  " + w.resourceId() + " [" + w.ring() + "]: " + what + w.reason().map(r -> ": " + r).orElse(""));
            for (WorkspaceResult.ItemFailure f : w.failed()) failures.add("    " + f.id() + ": " + f.reason());
        }
        if (!failures.isEmpty()) out.append("\nNot succeeded:\n").append(String.join("\n", failures)).append('\n');
        List<String> skips = new ArrayList<>();
        for (WorkspaceResult w : sorted) {
            for (WorkspaceResult.ItemSkip k : w.skipped()) {
                skips.add("  " + w.resourceId() + " [" + w.ring() + "]: " + k.id() + (k.reason().isEmpty() ? "" : ": " + k.reason()));
            }
        }
        if (!skips.isEmpty()) out.append("\nSkipped:\n").append(String.join("\n", skips)).append('\n');
        return out.toString();
    }

    private static String[] row(String ring, long[] t) {
        return new String[] {ring, String.valueOf(t[0]), String.valueOf(t[1]), String.valueOf(t[2]), String.valueOf(t[3]),
                String.valueOf(t[4]), String.valueOf(t[5]), String.valueOf(t[6]), String.valueOf(t[7]), duration(t[8]), duration(t[9])};
    }

    static String duration(long ms) {
        if (ms < 1000) return ms + "ms";
        long s = ms / 1000;
        return s < 60 ? String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0) : s < 3600 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s"
                : (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
}

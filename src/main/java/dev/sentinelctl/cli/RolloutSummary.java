package dev.sentinelctl.cli;

import dev.sentinelctl.fleet.FleetRollout;
import dev.sentinelctl.fleet.WorkspaceResult;
import java.io.PrintWriter;

/** The text summary of {@code apply --fleet}. */
final class RolloutSummary {
    private RolloutSummary() {
    }

    private static String name(WorkspaceResult w) {
        return w.resourceId().substring(w.resourceId().lastIndexOf('/') + 1);
    }

    /** One line per workspace in rollout order, the rules preflight skipped with why, then why the rollout stopped. */
    static void print(PrintWriter out, FleetRollout.Outcome o) {
        out.println();
        out.printf("%-10s %-28s %-10s %8s %8s %8s %8s %7s  %s%n", "ring", "workspace", "status", "created", "updated",
                "deleted", "skipped", "failed", "reason");
        for (WorkspaceResult w : o.report().workspaces()) {
            String reason = w.reason().orElse(w.failed().isEmpty() ? "" : w.failed().get(0).id() + ": " + w.failed().get(0).reason());
            out.printf("%-10s %-28s %-10s %8d %8d %8d %8d %7d  %s%n", w.ring(), name(w), w.status().json(), w.created().size(),
                    w.updated().size(), w.deleted().size(), w.skipped().size(), w.failed().size(), reason);
        }
        for (WorkspaceResult w : o.report().workspaces()) {
            for (WorkspaceResult.ItemSkip k : w.skipped()) out.println("skipped: " + name(w) + ": " + k.id() + ": " + k.reason());
        }
        out.println(o.stopped().map(s -> "Rollout stopped: " + s + ". Fix, then rerun with --resume REPORT.")
                .orElse(o.failed() ? "Rollout finished with failures." : "Rollout complete."));
        out.flush();
    }
}

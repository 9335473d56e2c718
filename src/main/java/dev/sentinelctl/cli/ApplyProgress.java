package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.Applier;
import dev.sentinelctl.deploy.WorkspacePlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of apply on a terminal: one line per workspace, rewritten in place (ANSI cursor movement) as items
 * finish. Off the terminal (CI logs, pipes) one line per workspace when it is done, with no control characters.
 */
final class ApplyProgress implements Applier.Listener {
    private final PrintWriter err;
    private final boolean tty;
    private final List<String> order = new ArrayList<>();
    private long lastDraw;

    ApplyProgress(PrintWriter err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    @Override
    public synchronized void progress(WorkspacePlan plan, int done, int failed, int total) {
        String name = plan.workspace().name();
        if (!tty) {
            if (done == total && total > 0) {
                err.println("  " + name + ": " + done + "/" + total + " changes done" + (failed == 0 ? "" : ", " + failed + " failed"));
                err.flush();
            }
            return;
        }
        int index = order.indexOf(name);
        String line = String.format("  %-24s %d/%d done%s", name, done, total, failed == 0 ? "" : ", " + failed + " failed");
        if (index < 0) {
            order.add(name);
            err.println(line);
            err.flush();
            return;
        }
        long now = System.nanoTime();
        if (done != total && now - lastDraw < 50_000_000L) return; // at most 20 redraws a second
        lastDraw = now;
        int up = order.size() - index;
        err.print("\u001b[" + up + "A\r\u001b[2K" + line + "\u001b[" + up + "B\r");
        err.flush();
    }
}

package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.report.Diagnostic;
import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers the deploy commands share. */
final class DeployCommands {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DeployCommands() {
    }

    static void checkFormat(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserException("--format must be text or json, not '" + format + "'");
        }
    }

    /** Reports the workspaces that could not be read; true when there were any (the command then exits 1). */
    static boolean reportUnreadable(DeployRun run, PrintWriter err) {
        for (String w : run.warnings()) err.println("warning: " + w);
        for (String u : run.unreadable()) err.println("error: " + u + " (skipped; the other workspaces were planned)");
        err.flush();
        return !run.unreadable().isEmpty();
    }

    /** Says where the ownership name came from when the config does not set it. */
    static void noteSource(DeployRun run, PrintWriter err) {
        if (!run.sourceDerived()) return;
        String where = run.isFleet() ? "the fleet file sets no 'fleet.source'" : "the config sets no 'source'";
        err.println("note: " + where + "; ownership is recorded as '" + run.source() + "' (from the git remote"
                + " or folder name). Set 'source:' so a renamed folder or remote does not turn owned rules into conflicts.");
        err.flush();
    }

    /** Prints content errors the way validate does, briefly. */
    static void printContentErrors(ContentErrors e, PrintWriter err) {
        err.println("sentinelctl: the content has errors; nothing was planned or deployed:");
        for (Diagnostic d : e.diagnostics().subList(0, Math.min(20, e.diagnostics().size()))) {
            err.println("  " + d.file() + ":" + d.line() + ":" + d.column() + ": " + d.ruleId() + " " + d.message());
        }
        if (e.diagnostics().size() > 20) err.println("  … and " + (e.diagnostics().size() - 20) + " more (run check)");
        err.flush();
    }
}

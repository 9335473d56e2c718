package dev.sentinelctl.cli;

import dev.sentinelctl.fleet.ReportMerger;
import dev.sentinelctl.fleet.ReportSummary;
import dev.sentinelctl.fleet.RolloutReportJson;
import dev.sentinelctl.fleet.WorkspaceResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sentinelctl report merge A.json B.json -o merged.json}: one report from the shards' reports, a summary table
 * on standard output, and exit 1 when the merged report is incomplete or says a workspace failed.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge rollout reports of parallel shards (or of a run and its --resume) into one, and print a summary.",
                "A report written by --resume supersedes the report it resumed from (recognised by run id or digest): "
                        + "give both, and the retried workspaces count as the resumed run says.",
                "Exit 0: merged, every workspace succeeded. 1: a workspace failed or was not run, two independent reports "
                        + "disagree about a workspace, or a shard is missing. 2: a report cannot be read."},
        footer = {"", "Examples:", "  sentinelctl report merge reports/shard-*.json -o rollout.json",
                "  sentinelctl report merge canary.json broad-1.json broad-2.json -o rollout.json",
                "  sentinelctl report merge r1.json r2.json    # r2.json written by apply --resume r1.json"})
public final class ReportMergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "REPORT", arity = "1..*", description = "Rollout report JSON files.")
    List<Path> reports;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the merged report here (default: only the summary).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ReportMerger.Input> inputs = new ArrayList<>();
        for (Path p : reports) {
            try {
                inputs.add(ReportMerger.Input.of(RolloutReportJson.load(p)));
            } catch (RolloutReportJson.ReportException e) {
                throw new UserException(e.getMessage());
            }
        }
        ReportMerger.Result result = new ReportMerger().merge(inputs);
        if (output != null) {
            try {
                if (output.toAbsolutePath().getParent() != null) Files.createDirectories(output.toAbsolutePath().getParent());
                Files.writeString(output, RolloutReportJson.write(result.merged()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserException("cannot write " + output + ": " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReportSummary.table(result.merged()));
        if (!result.problems().isEmpty()) {
            out.println();
            out.println("Merge problems:");
            for (ReportMerger.Problem p : result.problems()) {
                out.println("  " + (p.serious() ? "error" : "note") + ": " + p.message());
            }
        }
        boolean failed = result.merged().workspaces().stream().anyMatch(w -> w.status() != WorkspaceResult.Status.SUCCEEDED);
        out.println();
        out.println(failed ? "Rollout not complete: a workspace failed or was not run (see above)."
                : result.hasSeriousProblems() ? "Rollout reports do not add up (see the merge errors above)."
                : "Rollout succeeded: every workspace succeeded.");
        out.flush();
        return failed || result.hasSeriousProblems() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}

package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.Applier;
import dev.sentinelctl.deploy.Change;
import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.PlanReport;
import dev.sentinelctl.deploy.Planner;
import dev.sentinelctl.deploy.SavedPlan;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.fleet.FleetRollout;
import dev.sentinelctl.fleet.FleetSelection;
import dev.sentinelctl.fleet.SavedFleetPlan;
import dev.sentinelctl.fleet.Resume;
import dev.sentinelctl.fleet.RolloutReport;
import dev.sentinelctl.fleet.RolloutReportJson;
import dev.sentinelctl.fleet.Shard;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code sentinelctl apply}: plan, then make each workspace match the content, verify, and report per workspace. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Plan, then create and update rules and hunting queries (recording ownership as Sentinel",
            "metadata), delete owned ones whose content left the repository (--prune, capped by --max-deletes),",
            "and read every workspace back to verify. Failed items are reported; the others go on; a rerun converges."},
        footer = {"", "Exit codes: 0 every change applied and verified, 1 some failed, conflicts, or over --max-deletes,",
            "2 usage/environment error.", "", "Examples:", "  sentinelctl apply --config sentinelctl.yaml",
            "  sentinelctl apply --workspace prod --prune --max-deletes 25 --parallelism 8",
            "  sentinelctl apply --plan reviewed.plan"})
public final class ApplyCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Content files or folders (default: the config's paths).")
    List<Path> paths;

    @Mixin
    DeployOptions deploy;

    @Mixin
    PreflightOptions preflight;

    @Option(names = "--prune", description = "Delete owned resources whose content left the repository.")
    boolean prune;

    @Option(names = "--max-deletes", defaultValue = "10", paramLabel = "N",
            description = "Refuse to apply when the plan deletes more than N resources in total (default: ${DEFAULT-VALUE}).")
    int maxDeletes;

    @Option(names = "--adopt", description = "Take over existing resources with the same id that sentinelctl does not own.")
    boolean adopt;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Apply a plan saved with `plan --out FILE`: plan again (with its --prune/--adopt, paths and "
                    + "workspaces; a fleet plan: its fleet, ring and shard) and refuse unless the changes are exactly the "
                    + "saved ones. A fleet plan rolls out ring by ring; a workspace whose changes differ fails at its turn.")
    Path savedPlan;

    @Option(names = "--report", paramLabel = "FILE",
            description = "With --fleet: write the rollout report (JSON, for `report merge` and --resume) to FILE.")
    Path report;

    @Option(names = "--workspaces-in-flight", defaultValue = "1", paramLabel = "N",
            description = "With --fleet: deploy up to N workspaces of a ring at once, each in its own subscription "
                    + "(default: ${DEFAULT-VALUE}, the policy is asked before every workspace).")
    int workspacesInFlight;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "With --fleet: a previous run's --report; workspaces it shows as succeeded are not deployed again.")
    Path resume;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeployCommands.checkFormat(format);
        if (deploy.parallelism < 1 || deploy.parallelism > 64) {
            throw new UserException("--parallelism must be 1 to 64, not " + deploy.parallelism);
        }
        if (maxDeletes < 0) throw new UserException("--max-deletes must be 0 or more");
        if (workspacesInFlight < 1 || workspacesInFlight > 64) throw new UserException("--workspaces-in-flight must be 1 to 64");
        SavedPlan.Loaded saved = null;
        SavedFleetPlan.Selected savedFleet = null;
        Planner.Options planOptions = new Planner.Options(prune, adopt);
        if (savedPlan != null) {
            try {
                saved = SavedPlan.read(savedPlan);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            if ((prune && !saved.options().prune()) || (adopt && !saved.options().adopt())) {
                throw new UserException("--prune/--adopt differ from the saved plan's; plan again with them");
            }
            planOptions = saved.options();
            if (preflight.given() && !preflight.flags().args().equals(saved.preflightArgs())) {
                throw new UserException("--check-data/--no-preflight differ from the saved plan's (" + (saved.preflightArgs().isEmpty()
                        ? "none" : String.join(" ", saved.preflightArgs())) + "); plan again with them");
            }
            preflight.adopt(saved.preflightArgs());
            if (saved.fleet().isPresent()) {
                savedFleet = SavedFleetPlan.select(saved, deploy.fleetRequest(), savedPlan);
            } else if (deploy.fleet != null) {
                throw new UserException(savedPlan + " was saved without --fleet; plan again with --fleet " + deploy.fleet);
            } else if (deploy.workspaces.isEmpty()) {
                deploy.workspaces.addAll(saved.workspaces());
            }
            if ((paths == null || paths.isEmpty()) && !saved.paths().isEmpty()) {
                paths = saved.paths().stream().map(Path::of).toList();
            }
        }
        boolean fleet = deploy.fleet != null || savedFleet != null;
        if (!fleet && (report != null || resume != null)) throw new UserException("--report and --resume need --fleet FILE");
        Optional<RolloutReportJson.Loaded> previous = Optional.empty();
        if (resume != null) {
            try {
                previous = Optional.of(RolloutReportJson.load(resume));
            } catch (RolloutReportJson.ReportException e) {
                throw new UserException(e.getMessage());
            }
        }
        DeployOptions.Session session = deploy.open(preflight, env, savedFleet == null ? null : savedFleet.request());
        DeployRun run = session.run();
        session.printNotes(err);
        DeployCommands.noteSource(run, err);
        if (savedFleet != null) {
            List<String> changed = savedFleet.scope().differences(SavedFleetPlan.scope(run, session.fleet().orElseThrow()));
            if (!changed.isEmpty()) return refuseStale(changed, err);
        }
        List<WorkspacePlan> plans;
        try {
            plans = run.plan(paths, planOptions);
        } catch (ContentErrors e) {
            DeployCommands.printContentErrors(e, err);
            return ExitCodes.FINDINGS;
        }
        if (savedFleet != null) {
            Set<String> done = previous.map(p -> Resume.done(p.report())).orElse(Set.of());
            SavedFleetPlan.Reviewed reviewed = SavedFleetPlan.reviewedOnly(saved, savedFleet.scope(), run, plans, done, savedPlan);
            reviewed.errors().forEach(err::println);
            err.flush();
            plans = reviewed.plans();
        } else if (saved != null) {
            List<String> drift = SavedPlan.differences(saved.plan(), plans);
            if (!drift.isEmpty()) return refuseStale(drift, err);
        }
        boolean json = format.equals("json");
        if (!json) PlanReport.text(plans, out, false, preflight.verbose);
        long deletes = plans.stream().mapToLong(p -> p.count(Change.Action.DELETE)).sum();
        if (deletes > maxDeletes) {
            err.println("sentinelctl: refusing to apply: the plan deletes " + deletes + " resources, more than --max-deletes "
                    + maxDeletes + ". Check the plan (was content moved or a path mistyped?), then raise --max-deletes.");
            err.flush();
            if (json) printJson(out, plans, List.of(), "refused: " + deletes + " deletes > --max-deletes " + maxDeletes);
            return ExitCodes.FINDINGS;
        }
        boolean conflicts = plans.stream().anyMatch(p -> p.count(Change.Action.CONFLICT) > 0);
        boolean preflightFailed = plans.stream().anyMatch(p -> p.count(Change.Action.FAIL) > 0);
        if (session.fleet().isPresent()) return rollout(run, session.fleet().get(), plans, previous, out, err);
        if (plans.stream().noneMatch(WorkspacePlan::hasChanges)) {
            long skipped = plans.stream().mapToLong(p -> p.count(Change.Action.SKIP)).sum();
            if (json) printJson(out, plans, List.of(), null);
            else if (conflicts) out.println("Nothing to apply; the conflicts above need --adopt (or another id).");
            else if (preflightFailed) out.println("Nothing to apply; the rules above failed preflight.");
            else out.println("No changes. The workspaces match the content" + (skipped == 0 ? "."
                    : " (" + skipped + " rule" + (skipped == 1 ? "" : "s") + " skipped by preflight, see above)."));
            out.flush();
            return DeployCommands.reportUnreadable(run, err) || conflicts || preflightFailed ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
        Applier applier = run.applier(new ApplyProgress(err, System.console() != null));
        List<Applier.WorkspaceResult> results = applier.apply(plans);
        if (json) printJson(out, plans, results, null);
        else printSummary(out, results);
        boolean failed = results.stream().anyMatch(Applier.WorkspaceResult::failed);
        boolean unreadable = DeployCommands.reportUnreadable(run, err);
        return failed || conflicts || preflightFailed || unreadable ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private int refuseStale(List<String> differences, PrintWriter err) {
        err.println("sentinelctl: refusing to apply " + savedPlan + ": the workspaces or the content changed "
                + "since it was saved. Plan again and review.");
        differences.stream().limit(20).forEach(d -> err.println("  " + d));
        if (differences.size() > 20) err.println("  … and " + (differences.size() - 20) + " more");
        err.flush();
        return ExitCodes.FINDINGS;
    }

    /** --fleet: ring by ring under the rollout policy; every workspace ends up in the report, not-run ones too. */
    private int rollout(DeployRun run, FleetSelection selection, List<WorkspacePlan> plans, Optional<RolloutReportJson.Loaded> previous,
            PrintWriter out, PrintWriter err) {
        Applier applier = run.applier(new ApplyProgress(err, System.console() != null));
        Optional<Shard> shard = Optional.ofNullable(selection.request().shard())
                .map(Shard::parse);
        FleetRollout.Outcome o = new FleetRollout(run, selection, applier, workspacesInFlight).roll(plans, previous, shard);
        DeployCommands.reportUnreadable(run, err);
        if (report != null) {
            try {
                Files.writeString(report, RolloutReportJson.write(o.report()));
            } catch (java.io.IOException e) {
                err.println("sentinelctl: cannot write " + report + ": " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        if (format.equals("json")) {
            out.println(RolloutReportJson.write(o.report()));
            out.flush();
        } else {
            RolloutSummary.print(out, o);
        }
        return o.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    static void printSummary(PrintWriter out, List<Applier.WorkspaceResult> results) {
        out.println();
        out.printf("%-24s %8s %8s %8s %10s %8s %7s %10s %8s%n", "workspace", "created", "updated", "deleted", "unchanged",
                "skipped", "failed", "conflicts", "time");
        for (Applier.WorkspaceResult r : results) {
            long conflicts = r.plan().count(Change.Action.CONFLICT);
            out.printf("%-24s %8d %8d %8d %10d %8d %7d %10d %7.1fs%n", r.plan().workspace().name(),
                    r.ok(Change.Action.CREATE), r.ok(Change.Action.UPDATE), r.ok(Change.Action.DELETE),
                    r.plan().unchanged(), r.plan().count(Change.Action.SKIP), r.failures().size() - conflicts, conflicts,
                    r.elapsed().toMillis() / 1000.0);
        }
        for (Applier.WorkspaceResult r : results) {
            if (r.error() != null) out.println("error: " + r.plan().workspace().name() + ": " + r.error());
            for (Change c : r.plan().changes()) {
                if (c.action() == Change.Action.SKIP) {
                    out.println("skipped: " + r.plan().workspace().name() + ": " + c.type().label() + " " + c.id() + " \""
                            + c.displayName() + "\": " + c.note());
                }
            }
            for (Applier.ItemResult f : r.failures()) {
                out.println((f.change().action() == Change.Action.CONFLICT ? "conflict: " : "failed: ")
                        + r.plan().workspace().name() + ": " + f.change().action().word() + " "
                        + f.change().type().label() + " " + f.change().id() + " \"" + f.change().displayName() + "\": "
                        + f.error());
            }
        }
        boolean failed = results.stream().anyMatch(Applier.WorkspaceResult::failed);
        out.println(failed ? "Apply finished with failures; the other changes were applied and verified. Rerun to converge."
                : "Apply complete; every change was read back and verified.");
        out.flush();
    }

    private static void printJson(PrintWriter out, List<WorkspacePlan> plans, List<Applier.WorkspaceResult> results,
            String refused) {
        ObjectNode root = PlanReport.json(plans);
        if (refused != null) root.put("refused", refused);
        ArrayNode list = root.putArray("results");
        for (Applier.WorkspaceResult r : results) {
            ObjectNode w = list.addObject();
            w.put("workspace", r.plan().workspace().name());
            w.put("created", r.ok(Change.Action.CREATE));
            w.put("updated", r.ok(Change.Action.UPDATE));
            w.put("deleted", r.ok(Change.Action.DELETE));
            w.put("unchanged", r.plan().unchanged());
            w.put("skipped", r.plan().count(Change.Action.SKIP));
            w.put("millis", r.elapsed().toMillis());
            if (r.error() != null) w.put("error", r.error());
            ArrayNode failures = w.putArray("failures");
            for (Applier.ItemResult f : r.failures()) {
                ObjectNode x = PlanReport.change(f.change());
                x.put("error", f.error());
                failures.add(x);
            }
        }
        out.println(DeployCommands.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.flush();
    }

}

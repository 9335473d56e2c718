package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.Change;
import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.PlanReport;
import dev.sentinelctl.deploy.Planner;
import dev.sentinelctl.deploy.SavedPlan;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.fleet.SavedFleetPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code sentinelctl plan}: what apply would change in each workspace, field by field, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Compare the content with what each workspace of the config has and print what apply would do:",
            "+ create, ~ update (field by field), - delete (owned only, with --prune), ! conflict (exists, not ours)."},
        footer = {"", "Exit codes: 0 success, 1 conflicts or content errors, 2 usage/environment error.",
            "With --detailed-exitcode (Terraform's): 0 no changes, 1 error or conflict, 2 changes to apply.",
            "", "Examples:", "  sentinelctl plan --config sentinelctl.yaml",
            "  sentinelctl plan --workspace prod --prune --format json > plan.json",
            "  sentinelctl plan --prune --out reviewed.plan   then   sentinelctl apply --plan reviewed.plan",
            "  sentinelctl plan --fleet fleet.yaml --ring broad --out broad.plan   then   sentinelctl apply --plan broad.plan",
            "  sentinelctl plan --arm-endpoint https://127.0.0.1:8443 --arm-trust .sandbox/sandbox-cert.pem"})
public final class PlanCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Content files or folders (default: the config's paths).")
    List<Path> paths;

    @Mixin
    DeployOptions deploy;

    @Mixin
    PreflightOptions preflight;

    @Option(names = "--prune", description = "Plan to delete owned resources whose content left the repository.")
    boolean prune;

    @Option(names = "--adopt", description = "Take over existing resources with the same id that sentinelctl does not own.")
    boolean adopt;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when there is nothing to change, 2 when there are changes, 1 on error.")
    boolean detailedExitcode;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also save the plan for review; `apply --plan FILE` applies it only if nothing changed since.")
    Path saveTo;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<WorkspacePlan> plans;
        DeployOptions.Session session;
        try {
            DeployCommands.checkFormat(format);
            session = deploy.open(preflight, env);
            session.printNotes(err);
            DeployCommands.noteSource(session.run(), err);
            plans = session.run().plan(paths, new Planner.Options(prune, adopt));
        } catch (ContentErrors e) {
            DeployCommands.printContentErrors(e, err);
            return ExitCodes.FINDINGS;
        } catch (UserException | DeployException e) {
            if (!detailedExitcode) throw e;
            err.println("sentinelctl: " + e.getMessage());
            err.flush();
            return 1;
        }
        DeployRun run = session.run();
        if (saveTo != null) {
            try {
                // A fleet plan carries its scope (workspaces, rings, credential references) so apply can roll out
                // exactly what was reviewed; no secret is in it, the fleet file holds none.
                Optional<ObjectNode> scope = session.fleet().map(f -> SavedFleetPlan.scope(run, f).toJson());
                SavedPlan.write(saveTo, plans, new Planner.Options(prune, adopt), paths, preflight.flags().args(), scope);
            } catch (java.io.IOException e) {
                err.println("sentinelctl: cannot write " + saveTo + ": " + e.getMessage());
                err.flush();
                return detailedExitcode ? 1 : ExitCodes.USAGE;
            }
        }
        if (format.equals("json")) {
            out.println(DeployCommands.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(PlanReport.json(plans)));
            out.flush();
        } else {
            PlanReport.text(plans, out, false, preflight.verbose);
        }
        // A rule preflight is set to fail fails apply; the plan says so the same way it does for conflicts.
        boolean conflicts = plans.stream().anyMatch(p -> p.count(Change.Action.CONFLICT) + p.count(Change.Action.FAIL) > 0);
        if (DeployCommands.reportUnreadable(run, err) || conflicts) return 1;
        if (detailedExitcode) return plans.stream().anyMatch(WorkspacePlan::hasChanges) ? 2 : 0;
        return ExitCodes.OK;
    }
}

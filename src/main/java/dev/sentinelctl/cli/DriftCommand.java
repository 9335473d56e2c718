package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.Change;
import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.PlanReport;
import dev.sentinelctl.deploy.Planner;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sentinelctl drift}: resources sentinelctl owns that differ from the content (edited or disabled in the
 * portal) or that were deleted by hand. Content not yet deployed is not drift; it is only counted.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Report owned rules and hunting queries changed or deleted outside sentinelctl since the last",
            "apply, with the field differences (workspace value → repository value)."},
        footer = {"", "Exit codes (Terraform's detailed convention, so a scheduled job can alert on 2):",
            "0 no drift, 2 drift found, 1 error (including a bad config, or a fleet workspace that could not be read;",
            "the others are still checked and listed).",
            "", "Examples:", "  sentinelctl drift --config sentinelctl.yaml --format json",
            "  sentinelctl drift --fleet fleet.yaml --ring canary"})
public final class DriftCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Content files or folders (default: the config's paths).")
    List<Path> paths;

    @Mixin
    DeployOptions deploy;

    /** The same preflight as apply, so a rule apply holds disabled is not reported as drift. */
    @Mixin
    PreflightOptions preflight;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

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
            plans = session.run().plan(paths, new Planner.Options(false, false));
        } catch (ContentErrors e) {
            DeployCommands.printContentErrors(e, err);
            return 1;
        } catch (UserException | DeployException e) {
            err.println("sentinelctl: " + e.getMessage());
            err.flush();
            return 1;
        }
        DeployRun run = session.run();
        Map<WorkspaceConfig, WorkspacePlan> planOf = new HashMap<>();
        for (WorkspacePlan p : plans) planOf.put(p.workspace(), p);
        boolean json = format.equals("json");
        long drifted = 0;
        ObjectNode root = DeployCommands.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("workspaces");
        // Every selected workspace in config (fleet: rollout) order, the unreadable ones too: a fleet check must show
        // which customers were not looked at, next to the ones that drifted.
        for (WorkspaceConfig ws : run.workspaces()) {
            WorkspacePlan p = planOf.get(ws);
            String ring = session.fleet().flatMap(f -> f.target(ws)).map(t -> " (ring " + t.ring() + ")").orElse("");
            if (p == null) {
                String reason = run.notPlanned(ws).orElse("not checked");
                if (json) {
                    ObjectNode w = workspace(list, ws, session);
                    w.putArray("drift");
                    w.put("error", reason);
                } else {
                    out.println("Workspace " + ws.name() + ring + ": not checked: " + reason);
                }
                continue;
            }
            List<Change> drift = p.changes().stream().filter(DriftCommand::isDrift).toList();
            long pending = p.changes().stream().filter(c -> c.action() == Change.Action.CREATE && !c.ownedBefore()).count();
            drifted += drift.size();
            if (json) {
                ObjectNode w = workspace(list, ws, session);
                ArrayNode items = w.putArray("drift");
                for (Change c : drift) {
                    ObjectNode x = PlanReport.change(c);
                    x.put("action", c.action() == Change.Action.CREATE ? "deleted" : "changed");
                    items.add(x);
                }
                w.put("notDeployed", pending);
                continue;
            }
            out.println("Workspace " + ws.name() + ring + ": " + (drift.isEmpty() ? "no drift" : drift.size()
                    + " drifted") + (pending == 0 ? "" : " (" + pending + " item" + (pending == 1 ? "" : "s")
                    + " not deployed yet: run plan)"));
            for (Change c : drift) {
                if (c.action() == Change.Action.CREATE) {
                    out.println("  - deleted " + c.type().label() + " " + c.id() + " \"" + c.displayName()
                            + "\"  (owned, deleted outside sentinelctl)");
                } else {
                    PlanReport.driftChange(c, out);
                }
            }
        }
        long notChecked = run.workspaces().size() - plans.size();
        if (json) {
            root.put("drifted", drifted);
            root.put("notChecked", notChecked);
            out.println(DeployCommands.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.println((drifted == 0 ? "No drift" : "Drift: " + drifted + " owned resource" + (drifted == 1 ? "" : "s")
                    + " differ from the content; apply restores them")
                    + (notChecked == 0 ? "." : "; " + notChecked + " workspace" + (notChecked == 1 ? "" : "s")
                    + " could not be checked."));
        }
        out.flush();
        if (DeployCommands.reportUnreadable(run, err)) return 1;
        return drifted > 0 ? 2 : 0;
    }

    private static ObjectNode workspace(ArrayNode list, WorkspaceConfig ws, DeployOptions.Session session) {
        ObjectNode w = list.addObject();
        w.put("name", ws.name());
        w.put("resourceId", ws.resourceId());
        session.fleet().flatMap(f -> f.target(ws)).ifPresent(t -> w.put("ring", t.ring()));
        return w;
    }

    /** Owned and different (edited in the portal) or owned and gone (deleted by hand). */
    static boolean isDrift(Change c) {
        if (!c.ownedBefore()) return false;
        if (c.action() == Change.Action.CREATE) return true;
        return c.action() == Change.Action.UPDATE && c.writeResource();
    }
}

package dev.sentinelctl.cli;

import dev.sentinelctl.arm.ArmToYaml;
import dev.sentinelctl.arm.YamlWriter;
import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.WorkspaceExport;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sentinelctl export}: a workspace's analytic rules (Scheduled, NRT) and hunting queries as content YAML, by
 * the same inverse mapping as {@code import} ({@link ArmToYaml}, {@link YamlWriter}). Other rule kinds (Fusion, ML,
 * Microsoft security incident creation, threat intelligence) have no content format and are listed as skipped.
 * With {@code --fleet}, every selected workspace goes to its own folder: a per-customer snapshot, read with the
 * credential the fleet deploys with.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a workspace's analytic rules and hunting queries to YAML files that pass check:",
            "OUT/Analytic Rules/<Name>.yaml and OUT/Hunting Queries/<Name>.yaml. With --fleet, each selected",
            "workspace to OUT/<workspace>/ (a snapshot per customer; queries as deployed, exclusions included)."},
        footer = {"", "Exit codes: 0 written, 1 (--fleet) some workspaces could not be read (the others were written),",
            "2 usage/environment error.", "", "Examples:",
            "  sentinelctl export --config sentinelctl.yaml --workspace prod --out content-prod",
            "  sentinelctl export --fleet fleet.yaml --ring canary --out snapshot"})
public final class ExportCommand extends EnvironmentCommand implements Callable<Integer> {
    @Mixin
    DeployOptions deploy;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the YAML files to.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (deploy.fleet == null && deploy.workspaces.size() != 1) {
            throw new UserException("export needs exactly one --workspace NAME (or --fleet FILE: one folder per workspace)");
        }
        DeployOptions.Session session = deploy.open(PreflightOptions.none(), env);
        session.printNotes(err);
        DeployRun run = session.run();
        if (deploy.fleet == null) {
            WorkspaceConfig ws = run.workspaces().get(0);
            try {
                print(stdout, ws, out, new WorkspaceExport(run.arm(ws), ws, run.kinds()).writeTo(out));
            } catch (ArmCallException e) {
                throw new UserException("workspace '" + ws.name() + "': cannot read its resources: " + e.describe());
            }
            return ExitCodes.OK;
        }
        // A fleet's workspaces are exported one after the other; one that cannot be read is reported and the rest go on.
        Set<String> folders = new HashSet<>();
        int unreadable = 0;
        for (WorkspaceConfig ws : run.workspaces()) {
            Path folder = out.resolve(folder(ws, folders));
            try {
                print(stdout, ws, folder, new WorkspaceExport(run.arm(ws), ws, run.kinds()).writeTo(folder));
            } catch (ArmCallException e) {
                err.println("error: workspace '" + ws.name() + "': cannot read its resources: " + e.describe()
                        + " (skipped; the other workspaces were exported)");
                unreadable++;
            }
        }
        if (run.workspaces().isEmpty()) stdout.println("No workspaces selected; nothing exported.");
        stdout.flush();
        err.flush();
        return unreadable > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** The workspace's name; the same name in two resource groups gets its subscription and group in front. */
    private static String folder(WorkspaceConfig ws, Set<String> taken) {
        String name = ws.workspace();
        if (taken.add(name.toLowerCase(Locale.ROOT))) return name;
        String qualified = ws.subscription() + "-" + ws.resourceGroup() + "-" + ws.workspace();
        taken.add(qualified.toLowerCase(Locale.ROOT));
        return qualified;
    }

    private static void print(PrintWriter stdout, WorkspaceConfig ws, Path folder, WorkspaceExport.Result r) {
        for (String s : r.skipped()) stdout.println("skipped " + s + " (no content format for this kind)");
        stdout.println("Exported " + r.rules() + " analytic rule" + (r.rules() == 1 ? "" : "s") + " and " + r.huntingQueries()
                + " hunting quer" + (r.huntingQueries() == 1 ? "y" : "ies") + r.othersText() + " from " + ws.name() + " to " + folder
                + (r.skipped().isEmpty() ? "" : "; skipped " + r.skipped().size()));
        stdout.flush();
    }
}

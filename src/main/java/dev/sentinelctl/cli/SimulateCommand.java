package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.ContentErrors;
import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.simulate.AlertSimulation;
import dev.sentinelctl.simulate.SimulationJson;
import dev.sentinelctl.simulate.SimulationReport;
import dev.sentinelctl.simulate.SimulationText;
import dev.sentinelctl.testing.FixtureValues;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sentinelctl simulate}: how many alerts each scheduled rule would have raised per day, per workspace. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Re-run each scheduled rule, as deployed to each workspace (overrides, exclusions), over the workspace's "
                + "data of the last N days at its frequency and period; report the alerts it would have raised per day.",
        footer = {"", "Exit codes: 0 simulated, 1 a workspace or rule could not be simulated, 2 usage/environment error.",
                "", "Examples:", "  sentinelctl simulate --deploy-config sentinelctl-deploy.yaml --days 7",
                "  sentinelctl simulate content/Detections --fleet fleet.yaml --ring canary --days 14 --format json",
                "", "See docs/testing.md (Simulating alert volume)."})
public final class SimulateCommand extends EnvironmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Content files or folders (default: the config's paths).")
    List<Path> paths;

    @Mixin
    DeployOptions deploy;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N", description = "How many days back to simulate (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--now", paramLabel = "DATETIME", description = "End of the simulated range (default: the current time).")
    String now;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeployCommands.checkFormat(format);
        if (days < 1) throw new UserException("--days must be 1 or more");
        Instant end = Instant.now();
        if (now != null) {
            try {
                end = new FixtureValues(Instant.now()).datetime(now);
            } catch (FixtureValues.BadValue e) {
                throw new UserException("--now: " + e.getMessage());
            }
        }
        SimulationReport report;
        try {
            DeployOptions.Session session = deploy.open(PreflightOptions.none(), env);
            session.printNotes(err);
            report = new AlertSimulation().run(session.run(), new AlertSimulation.Request(paths == null ? List.of() : paths, days, end));
        } catch (ContentErrors e) {
            DeployCommands.printContentErrors(e, err);
            return 1;
        } catch (DeployException e) {
            err.println("sentinelctl: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (format.equals("json")) {
            out.print(SimulationJson.write(report));
            out.flush();
        } else {
            SimulationText.write(report, out);
        }
        return report.hasProblems() ? 1 : 0;
    }
}

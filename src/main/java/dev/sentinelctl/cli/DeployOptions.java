package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.DeployTargets;
import dev.sentinelctl.fleet.FleetRequest;
import dev.sentinelctl.fleet.FleetSelection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by plan, apply, drift and export: the config, which workspaces, where ARM is, how to retry. */
final class DeployOptions {
    @Option(names = "--deploy-config", paramLabel = "FILE", description = "Deployment config: workspaces, credentials, "
            + "overrides (default: sentinelctl-deploy.yaml; sentinelctl.yaml, its old name, is read with a note).")
    Path deployConfig;

    /** The option's old name, shared with the project settings' until the two files were told apart. */
    @Option(names = "--config", paramLabel = "FILE", hidden = true)
    Path legacyConfig;

    /** Which deployment config file a run reads, and the notes choosing it gave (an old option or file name). */
    record ConfigChoice(Path file, List<String> notes) {}

    ConfigChoice configChoice() {
        return configChoice(Path.of(""));
    }

    /** @param dir where the default file names are looked up (the working directory) */
    ConfigChoice configChoice(Path dir) {
        if (deployConfig != null) return new ConfigChoice(deployConfig, List.of());
        if (legacyConfig != null) {
            return new ConfigChoice(legacyConfig, List.of("note: --config is now --deploy-config for plan, apply, drift and "
                    + "export (project settings take --settings); --config still works"));
        }
        Path current = dir.resolve(dev.sentinelctl.deploy.config.DeployConfigLoader.FILE_NAME);
        Path legacy = dir.resolve(dev.sentinelctl.deploy.config.DeployConfigLoader.LEGACY_FILE_NAME);
        if (!java.nio.file.Files.exists(current) && java.nio.file.Files.isRegularFile(legacy)) {
            return new ConfigChoice(legacy, List.of("note: reading the deployment config from " + legacy + ", its old name; "
                    + "rename it to " + current + " (git mv " + legacy + " " + current + ") so it is not mistaken for the "
                    + "project settings (.sentinelctl.yaml)"));
        }
        return new ConfigChoice(current, List.of());
    }

    @Option(names = "--fleet", paramLabel = "FILE",
            description = "Deploy to the workspaces of this fleet file (MSSP fleets) instead of --deploy-config's; content from "
                    + "PATH or the 'content' folder next to it.")
    Path fleet;

    @Option(names = "--ring", paramLabel = "NAME", description = "With --fleet: only this ring's workspaces.")
    String ring;

    @Option(names = "--shard", paramLabel = "I/N", description = "With --fleet: only shard I of N (1-based) of the workspaces.")
    String shard;

    @Option(names = "--workspace", paramLabel = "NAME",
            description = "Only this workspace of the config (repeatable; default: all).")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--credential", paramLabel = "NAME",
            description = "Use this credential for every workspace instead of the config's: environment, "
                    + "workload-identity, github-oidc, azure-cli, managed-identity.")
    String credential;

    @Option(names = "--arm-endpoint", paramLabel = "URL",
            description = "ARM base URL (default: public Azure). For the local sandbox: the URL it prints.")
    URI armEndpoint;

    @Option(names = "--arm-trust", paramLabel = "FILE",
            description = "Extra certificate (PEM/DER) to trust, e.g. the sandbox's sandbox-cert.pem.")
    Path armTrust;

    @Option(names = "--authority-host", paramLabel = "URL",
            description = "Entra ID authority for tokens (default: AZURE_AUTHORITY_HOST, else public cloud; "
                    + "with --arm-endpoint and no authority host, the ARM endpoint, as the sandbox serves tokens).")
    URI authorityHost;

    @Option(names = "--graph-endpoint", paramLabel = "URL",
            description = "Microsoft Graph base URL for custom detections (default: public Graph; with "
                    + "--arm-endpoint, that URL, as the sandbox serves Graph's stand-in too).")
    URI graphEndpoint;

    @Option(names = "--parallelism", defaultValue = "4", paramLabel = "N",
            description = "Requests in flight per subscription, reading and writing (default: ${DEFAULT-VALUE}; "
                    + "ARM throttles per principal and subscription).")
    int parallelism;

    @Option(names = "--retries", defaultValue = "5", paramLabel = "N",
            description = "Retries of a throttled (429), failing (5xx) or dropped request (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-delay-ms", defaultValue = "2000", paramLabel = "MS",
            description = "First backoff delay; doubles per retry with jitter, capped by --retry-max-delay-ms; "
                    + "a Retry-After from ARM wins (default: ${DEFAULT-VALUE}).")
    long retryDelayMs;

    @Option(names = "--retry-max-delay-ms", defaultValue = "60000", paramLabel = "MS",
            description = "Longest backoff delay (default: ${DEFAULT-VALUE}).")
    long retryMaxDelayMs;

    /** A deploy run and, with --fleet, the fleet selection it deploys to. */
    /** @param notes how the deployment config was found (an old option or file name), for standard error */
    record Session(DeployRun run, Optional<FleetSelection> fleet, List<String> notes) {
        void printNotes(java.io.PrintWriter err) {
            notes.forEach(err::println);
            err.flush();
        }
    }

    FleetRequest fleetRequest() {
        return new FleetRequest(fleet, ring, shard, workspaces);
    }

    DeployRun.Options runOptions() {
        return new DeployRun.Options(credential, armEndpoint, armTrust, authorityHost, parallelism, retries, retryDelayMs,
                retryMaxDelayMs, graphEndpoint);
    }

    /** The run these options ask for: --fleet's selection (or {@code saved}'s, for a saved fleet plan) or the config's. */
    Session open(PreflightOptions preflight, Map<String, String> env, FleetRequest saved) {
        var flags = preflight.flags();
        FleetSelection selection = null;
        DeployTargets targets;
        List<String> notes = List.of();
        if (saved != null || fleet != null) {
            selection = FleetSelection.load(saved != null ? saved : fleetRequest());
            targets = selection.targets();
        } else {
            if (ring != null || shard != null) throw new UserException("--ring and --shard need --fleet FILE");
            ConfigChoice choice = configChoice();
            notes = choice.notes();
            targets = DeployTargets.fromConfig(choice.file(), workspaces);
        }
        return new Session(new DeployRun(targets, runOptions(), flags, env), Optional.ofNullable(selection), notes);
    }

    Session open(PreflightOptions preflight, Map<String, String> env) {
        return open(preflight, env, null);
    }
}

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
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "sentinelctl.yaml",
            description = "Deployment config (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--fleet", paramLabel = "FILE",
            description = "Deploy to the workspaces of this fleet file (MSSP fleets) instead of --config's; content from "
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
    record Session(DeployRun run, Optional<FleetSelection> fleet) {
    }

    FleetRequest fleetRequest() {
        return new FleetRequest(fleet, ring, shard, workspaces);
    }

    DeployRun.Options runOptions() {
        return new DeployRun.Options(credential, armEndpoint, armTrust, authorityHost, parallelism, retries, retryDelayMs,
                retryMaxDelayMs);
    }

    /** The run these options ask for: --fleet's selection (or {@code saved}'s, for a saved fleet plan) or the config's. */
    Session open(PreflightOptions preflight, Map<String, String> env, FleetRequest saved) {
        var flags = preflight.flags();
        FleetSelection selection = null;
        DeployTargets targets;
        if (saved != null || fleet != null) {
            selection = FleetSelection.load(saved != null ? saved : fleetRequest());
            targets = selection.targets();
        } else {
            if (ring != null || shard != null) throw new UserException("--ring and --shard need --fleet FILE");
            targets = DeployTargets.fromConfig(config, workspaces);
        }
        return new Session(new DeployRun(targets, runOptions(), flags, env), Optional.ofNullable(selection));
    }

    Session open(PreflightOptions preflight, Map<String, String> env) {
        return open(preflight, env, null);
    }
}

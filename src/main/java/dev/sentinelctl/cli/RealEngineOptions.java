package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.testing.realengine.AdxEngine;
import dev.sentinelctl.testing.realengine.EngineSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code test}'s choice of engine: sentinelctl's own, a Log Analytics workspace, or Azure Data Explorer. */
final class RealEngineOptions {
    enum Engine { inprocess, workspace, adx }

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "inprocess",
            description = "Where the tests run: inprocess (default), workspace (Log Analytics, with --deploy-config and "
                    + "--workspace) or adx (Azure Data Explorer or the Kusto emulator, with --cluster and --database).")
    Engine engine;

    @Option(names = "--compare", description = "With --engine workspace|adx: also run every test on sentinelctl's engine and "
            + "report each test where the two disagree (exit 1).")
    boolean compare;

    @Option(names = "--deploy-config", paramLabel = "FILE", description = "--engine workspace: the deployment config naming the workspace.")
    Path deployConfig;

    @Option(names = "--workspace", paramLabel = "NAME", description = "--engine workspace: the config's workspace to query.")
    String workspace;

    @Option(names = "--credential", paramLabel = "NAME", description = "Credential instead of the config's (workspace) or for "
            + "an https cluster (adx; default azure-cli): environment, workload-identity, github-oidc, azure-cli, managed-identity.")
    String credential;

    @Option(names = "--arm-endpoint", paramLabel = "URL", description = "--engine workspace: ARM base URL (default public Azure; the sandbox's URL).")
    URI armEndpoint;

    @Option(names = "--arm-trust", paramLabel = "FILE", description = "Extra certificate to trust (the sandbox's sandbox-cert.pem).")
    Path armTrust;

    @Option(names = "--authority-host", paramLabel = "URL", description = "Entra ID authority for tokens.")
    URI authorityHost;

    @Option(names = "--retries", defaultValue = "5", paramLabel = "N", description = "Retries of a throttled or failing request (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--retry-delay-ms", defaultValue = "2000", paramLabel = "MS", description = "First backoff delay (default: ${DEFAULT-VALUE}).")
    long retryDelayMs;

    @Option(names = "--retry-max-delay-ms", defaultValue = "60000", paramLabel = "MS", description = "Longest backoff delay (default: ${DEFAULT-VALUE}).")
    long retryMaxDelayMs;

    @Option(names = "--cluster", paramLabel = "URL", description = "--engine adx: the cluster (https://NAME.REGION.kusto.windows.net) "
            + "or the emulator (http://localhost:8080, no authentication).")
    URI cluster;

    @Option(names = "--database", paramLabel = "NAME", description = "--engine adx: the database (the emulator's: NetDefaultDB).")
    String database;

    EngineSpec spec(Map<String, String> env) {
        if (compare && engine == Engine.inprocess) throw new UserException("--compare needs --engine workspace or --engine adx");
        switch (engine) {
            case inprocess:
                if (deployConfig != null || workspace != null || cluster != null || database != null) {
                    throw new UserException("--deploy-config, --workspace, --cluster and --database need --engine workspace or adx");
                }
                return new EngineSpec.InProcess();
            case workspace:
                if (deployConfig == null || workspace == null) {
                    throw new UserException("--engine workspace needs --deploy-config FILE and --workspace NAME");
                }
                if (!java.nio.file.Files.isRegularFile(deployConfig)) throw new UserException("deployment config not found: " + deployConfig);
                return new EngineSpec.Workspace(deployConfig, workspace, new DeployRun.Options(credential, armEndpoint, armTrust,
                        authorityHost, 4, retries, retryDelayMs, retryMaxDelayMs), env, compare);
            default:
                if (cluster == null || database == null) throw new UserException("--engine adx needs --cluster URL and --database NAME");
                if (!"http".equals(cluster.getScheme()) && !"https".equals(cluster.getScheme())) {
                    throw new UserException("--cluster must be an http(s) URL, not '" + cluster + "'");
                }
                RetrySettings retry;
                try {
                    retry = new RetrySettings(retries, Duration.ofMillis(retryDelayMs), Duration.ofMillis(retryMaxDelayMs));
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage());
                }
                AdxEngine.Auth auth;
                if ("http".equals(cluster.getScheme())) {
                    auth = AdxEngine.Auth.none(retry); // the emulator: plain HTTP, no authentication
                } else {
                    try {
                        auth = new AdxEngine.Auth(CredentialKind.parse(credential == null ? "azure-cli" : credential), env, retry);
                    } catch (IllegalArgumentException e) {
                        throw new UserException("--credential: " + e.getMessage());
                    }
                }
                return new EngineSpec.Adx(cluster, database, auth, compare);
        }
    }
}

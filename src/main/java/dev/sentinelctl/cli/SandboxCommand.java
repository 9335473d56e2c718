package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.sandbox.ArmLimits;
import dev.sentinelctl.deploy.sandbox.ArmSandbox;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.WorkspaceRef;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentinelctl sandbox}: a local ARM endpoint to rehearse plan/apply against, until Ctrl-C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {
            "Run a local HTTPS stand-in for Azure Resource Manager on 127.0.0.1 that serves Sentinel alert rules,",
            "Sentinel metadata and watchlists, Log Analytics saved searches (hunting queries), tables and the one",
            "query deploy preflight sends, plus a fake Entra ID token endpoint, so plan/apply can be rehearsed with",
            "the real Azure SDK. Runs until Ctrl-C."},
        footer = {"", "Example:",
            "  sentinelctl sandbox --data .sandbox --page-size 50 --latency-ms 20 --throttle-rate 0.05 --seed 7",
            "Then follow the printed instructions to point plan/apply at it."})
public final class SandboxCommand implements Callable<Integer> {
    /** Placeholder credentials for the fake token endpoint; the sandbox accepts any values. */
    static final String TENANT = "sandbox-tenant";
    static final String CLIENT = "sandbox-client";

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep state in DIR/sandbox-state.json across runs; the trust file is written there too.")
    Path data;

    @Option(names = "--page-size", defaultValue = "100", description = "Items per page of list calls (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay added to every ARM request.")
    long latencyMs;

    @Option(names = "--throttle-rate", defaultValue = "0", description = "Chance (0-1) of a 429 with Retry-After.")
    double throttleRate;

    @Option(names = "--retry-after", defaultValue = "1", description = "Retry-After seconds of injected 429s (default: ${DEFAULT-VALUE}).")
    int retryAfter;

    @Option(names = "--fail-rate", defaultValue = "0", description = "Chance (0-1) of a 5xx answer.")
    double failRate;

    @Option(names = "--fail-status", defaultValue = "503", description = "Status of injected failures (default: ${DEFAULT-VALUE}).")
    int failStatus;

    @Option(names = "--drop-rate", defaultValue = "0", description = "Chance (0-1) the connection is closed without an answer.")
    double dropRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fault random generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--workspace", paramLabel = "SUB/RG/WS",
            description = "Only these workspaces exist (repeatable); others answer 404. Default: any workspace exists.")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--arm-limits",
            description = "Enforce ARM's per-subscription token buckets (writes 200, +10/s; reads 250, +25/s; "
                    + "deletes 200, +10/s) with 429 + Retry-After. Remaining counts are always in the headers.")
    boolean armLimits;

    @Option(names = "--tables", paramLabel = "FILE",
            description = "JSON setups of workspaces' Log Analytics tables, as POST /_sandbox/tables takes them: "
                    + "{\"workspace\":\"SUB/RG/WS\",\"only\":true,\"tables\":{\"SigninLogs\":\"live\",\"Syslog\":\"P10D\"}} or a "
                    + "list; \"data\":{\"SecurityEvent\":[{…row…}]} gives tables rows that queries (simulate) read. "
                    + "Default: every workspace has the catalog's tables, all receiving data.")
    Path tables;

    @Option(names = "--quiet", description = "Do not print a line per request.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SandboxOptions options;
        try {
            options = options(out);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("sandbox: " + e.getMessage());
            return 2;
        }
        ArmSandbox sandbox;
        try {
            sandbox = ArmSandbox.start(options);
        } catch (IOException | IllegalStateException e) {
            spec.commandLine().getErr().println("sandbox: " + e.getMessage());
            return 1;
        }
        printInstructions(sandbox, options, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sandbox.close();
                out.println(options.dataDir() == null ? "Sandbox stopped." : "Sandbox stopped; state saved to "
                        + sandbox.stateFile());
            } catch (IOException e) {
                spec.commandLine().getErr().println("sandbox: " + e.getMessage());
            } finally {
                out.flush();
                stopped.countDown();
            }
        }, "sandbox-shutdown"));
        stopped.await();
        return 0;
    }

    public SandboxOptions options(PrintWriter out) {
        FaultOptions faults = new FaultOptions(throttleRate, retryAfter, failRate, failStatus, latencyMs, dropRate, seed);
        List<WorkspaceRef> declared = workspaces.stream().map(WorkspaceRef::parse).toList();
        SandboxOptions options = new SandboxOptions(port, data, pageSize, faults, declared,
                armLimits ? ArmLimits.REPORT_ONLY.enforced() : ArmLimits.REPORT_ONLY, null, tables);
        return quiet ? options : options.withRequestLog(r -> {
            out.println(r.line());
            out.flush();
        });
    }

    /** What to run next; prints placeholders for the fake credential only, never a real secret. */
    public static void printInstructions(ArmSandbox sandbox, SandboxOptions options, PrintWriter out) {
        String url = sandbox.baseUrl().toString();
        String trust = sandbox.trustFile().toAbsolutePath().toString();
        FaultOptions f = options.faults();
        out.println("Sentinel ARM sandbox listening on " + url);
        out.println("  trust file : " + trust);
        out.println("  state      : " + (sandbox.stateFile() == null ? "in memory (use --data DIR to keep it)"
                : sandbox.stateFile().toAbsolutePath()));
        out.println("  workspaces : " + (options.workspaces().isEmpty() ? "any (created on first use)"
                : options.workspaces()));
        out.println("  paging     : " + options.pageSize() + " items per page");
        out.println("  tables     : " + (options.tablesFile() == null ? "the catalog's, receiving data (POST /_sandbox/tables changes them)"
                : "as " + options.tablesFile() + " sets up, the catalog's elsewhere"));
        out.println("  faults     : latency " + f.latencyMs() + " ms, throttle " + f.throttleRate() + " (Retry-After "
                + f.retryAfterSeconds() + " s), fail " + f.failRate() + " (" + f.failStatus() + "), drop "
                + f.dropRate() + ", seed " + f.seed());
        out.println("  ARM limits : " + (options.limits().enforce() ? "enforced" : "reported only")
                + " (writes " + options.limits().writeCapacity() + " +" + options.limits().writesPerSecond() + "/s)");
        out.println();
        out.println("Point sentinelctl at it (the sandbox is also the token authority; any client secret works):");
        out.println("  export AZURE_TENANT_ID=" + TENANT + " AZURE_CLIENT_ID=" + CLIENT
                + " AZURE_CLIENT_SECRET=any-value AZURE_AUTHORITY_HOST=" + url);
        out.println("  sentinelctl plan  --arm-endpoint " + url + " --arm-trust " + trust + " --credential environment ...");
        out.println("  sentinelctl apply --arm-endpoint " + url + " --arm-trust " + trust + " --credential environment ...");
        out.println("Counters: curl --cacert " + trust + " " + url + "/_sandbox/stats");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}

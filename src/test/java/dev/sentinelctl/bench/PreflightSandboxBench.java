package dev.sentinelctl.bench;

import dev.sentinelctl.cli.Main;
import dev.sentinelctl.deploy.sandbox.ArmSandbox;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * What preflight adds to {@code plan --fleet} of W workspaces × R rules against the sandbox with a fixed latency per
 * request: the same plan without preflight ({@code --no-preflight}), with the default table check, and with
 * {@code --check-data}; wall time (best of 3 after a warm-up) and requests by kind. Each workspace's tables list
 * holds the catalog's ~1,400 tables, as a real workspace's holds hundreds.
 *
 * <pre>java -cp … dev.sentinelctl.bench.PreflightSandboxBench [workspaces=30] [rules=100] [latencyMs=20] [parallelism=4]</pre>
 */
public final class PreflightSandboxBench {
    private PreflightSandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int workspaces = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 20;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path dir = Files.createTempDirectory("sentinelctl-preflight-bench");
        ApplySandboxBench.writeContent(dir, rules);
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, FleetSandboxBench.fleet(workspaces, 1));
        SandboxOptions options = SandboxOptions.defaults().withFaults(FaultOptions.NONE.withLatencyMs(latency));
        try (ArmSandbox sandbox = ArmSandbox.start(options)) {
            Map<String, String> env = Map.of("AZURE_CLIENT_ID", "bench", "AZURE_CLIENT_SECRET", "bench-secret");
            String[] base = {"plan", "--fleet", fleet.toString(), "--arm-endpoint", sandbox.baseUrl().toString(),
                    "--arm-trust", sandbox.trustFile().toString(), "--parallelism", String.valueOf(parallelism)};
            System.out.printf(Locale.ROOT, "plan --fleet: %d workspaces × %d rules, one subscription, %d ms latency per request, "
                    + "parallelism %d%n", workspaces, rules, latency, parallelism);
            run(env, concat(base, "--no-preflight")); // warm-up: class loading, JIT, the catalog
            double none = measure(sandbox, env, concat(base, "--no-preflight"), "--no-preflight");
            double tables = measure(sandbox, env, base, "default (tables)");
            double data = measure(sandbox, env, concat(base, "--check-data"), "--check-data");
            System.out.printf(Locale.ROOT, "preflight adds %.0f ms per workspace (tables), %.0f ms (tables + data) of wall time; "
                    + "the latency-bound ideal is 1 (2) extra request(s) × %d ms ÷ %d in flight = %.0f (%.0f) ms%n",
                    (tables - none) * 1000 / workspaces, (data - none) * 1000 / workspaces, latency, parallelism,
                    (double) latency / parallelism, 2.0 * latency / parallelism);
        }
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    /** Best of three: the shared machine's noise only ever adds time. */
    private static double measure(ArmSandbox sandbox, Map<String, String> env, String[] cmd, String label) {
        double best = Double.MAX_VALUE;
        SandboxStats.Snapshot stats = null;
        for (int i = 0; i < 3; i++) {
            sandbox.stats().reset();
            long t0 = System.nanoTime();
            int exit = run(env, cmd);
            if (exit != 0) throw new IllegalStateException(label + " exited " + exit);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            stats = sandbox.stats().snapshot();
        }
        System.out.printf(Locale.ROOT, "  %-18s %6.2f s  LIST tables %d, POST query %d, other requests %d%n", label, best,
                stats.operations().getOrDefault("LIST tables", 0L), stats.operations().getOrDefault("POST query", 0L),
                stats.total() - stats.operations().getOrDefault("LIST tables", 0L) - stats.operations().getOrDefault("POST query", 0L));
        return best;
    }

    private static int run(Map<String, String> env, String[] cmd) {
        CommandLine cl = Main.commandLine(env);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(cmd);
    }
}

package dev.sentinelctl.bench;

import dev.sentinelctl.cli.Main;
import dev.sentinelctl.deploy.sandbox.ArmLimits;
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
 * {@code apply --fleet} of W workspaces × R rules (3 rings, workspaces spread over S subscriptions) to the sandbox
 * with a fixed latency per request, then a no-op rerun. Prints the wall time against two ideals: latency-bound
 * (writes × latency ÷ parallelism + reads × latency) and, with ARM limits, write-bucket-bound (ARM refills
 * 10 writes/s after a burst of 200, per principal and subscription, so the slowest subscription needs
 * (its writes − 200) ÷ 10 s however the client schedules). One workspace per subscription is deployed at a time
 * ({@code --workspaces-in-flight S}), so the latency-bound ideal is per subscription.
 *
 * <pre>java -cp … dev.sentinelctl.bench.FleetSandboxBench [workspaces=100] [rules=200] [latencyMs=50] [parallelism=4] [subscriptions=1] [arm-limits]</pre>
 */
public final class FleetSandboxBench {
    private FleetSandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int workspaces = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 50;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int subscriptions = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean limits = args.length > 5 && args[5].equals("arm-limits");
        Path dir = Files.createTempDirectory("sentinelctl-fleet-bench");
        ApplySandboxBench.writeContent(dir, rules);
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, fleet(workspaces, subscriptions));
        SandboxOptions options = SandboxOptions.defaults().withFaults(FaultOptions.NONE.withLatencyMs(latency));
        if (limits) options = options.withLimits(ArmLimits.REPORT_ONLY.enforced());
        try (ArmSandbox sandbox = ArmSandbox.start(options)) {
            Map<String, String> env = Map.of("AZURE_CLIENT_ID", "bench", "AZURE_CLIENT_SECRET", "bench-secret");
            String[] cmd = {"apply", "--fleet", fleet.toString(), "--arm-endpoint", sandbox.baseUrl().toString(),
                    "--arm-trust", sandbox.trustFile().toString(), "--parallelism", String.valueOf(parallelism),
                    "--max-deletes", "0", "--workspaces-in-flight", String.valueOf(Math.min(64, subscriptions))};
            System.out.printf(Locale.ROOT, "apply --fleet: %d workspaces × %d rules in 3 rings over %d subscription(s), %d ms "
                    + "latency per request, parallelism %d%s%n", workspaces, rules, subscriptions, latency, parallelism,
                    limits ? ", ARM write budget enforced (200 burst, 10/s)" : "");
            long t0 = System.nanoTime();
            int exit = run(env, cmd);
            double wall = (System.nanoTime() - t0) / 1e9;
            SandboxStats.Snapshot first = sandbox.stats().snapshot();
            long throttled = first.statuses().getOrDefault("429", 0L);
            // Throttled attempts are counted as requests too; the budget is spent by the ones that went through.
            long writes = sum(first, "PUT ") + sum(first, "DELETE ") - throttled;
            long reads = sum(first, "LIST ") + sum(first, "GET ");
            double latencyIdeal = (writes * latency / 1000.0 / parallelism + reads * latency / 1000.0) / subscriptions;
            long perSubscription = (writes + subscriptions - 1) / subscriptions;
            double bucketIdeal = Math.max(0, perSubscription - 200) / 10.0;
            double ideal = limits ? Math.max(latencyIdeal, bucketIdeal) : latencyIdeal;
            System.out.printf(Locale.ROOT, "  exit %d, wall %.1f s; %d writes, %d reads, %d throttled (429)%n", exit, wall,
                    writes, reads, throttled);
            System.out.printf(Locale.ROOT, "  ideal: latency-bound %.1f s%s; wall/ideal = %.2f%n", latencyIdeal,
                    limits ? String.format(Locale.ROOT, ", write-bucket-bound %.1f s (%d writes per subscription)", bucketIdeal,
                            perSubscription) : "", wall / ideal);
            sandbox.stats().reset();
            long t1 = System.nanoTime();
            int again = run(env, cmd);
            SandboxStats.Snapshot second = sandbox.stats().snapshot();
            System.out.printf(Locale.ROOT, "no-op rerun: exit %d, wall %.1f s, %d writes, %d reads%n", again,
                    (System.nanoTime() - t1) / 1e9, sum(second, "PUT ") + sum(second, "DELETE "),
                    sum(second, "LIST ") + sum(second, "GET "));
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String fleet(int workspaces, int subscriptions) {
        StringBuilder y = new StringBuilder("fleet:\n  defaults:\n    credential: app\n    resourceGroup: rg-bench\n"
                + "  credentials:\n    app: {type: environment}\n  groups:\n");
        for (int s = 0; s < subscriptions; s++) {
            y.append(String.format(Locale.ROOT, "    c%d:\n      tenant: %08d-0000-0000-0000-000000000000\n"
                    + "      subscription: %08d-1111-2222-3333-444444444444\n", s, s + 1, s + 1));
        }
        y.append("  rings:\n");
        String[] rings = {"canary", "early", "broad"};
        for (int r = 0; r < 3; r++) {
            y.append("    - name: ").append(rings[r]).append("\n      workspaces:\n");
            for (int i = 0; i < workspaces; i++) {
                if (i * 3 / workspaces == r) y.append("        - {name: law-").append(i).append(", group: c")
                        .append(i % subscriptions).append("}\n");
            }
        }
        return y.toString();
    }

    private static int run(Map<String, String> env, String[] cmd) {
        CommandLine cl = Main.commandLine(env);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int exit = cl.execute(cmd);
        String text = out.toString();
        int stop = text.lastIndexOf("\nRollout ");
        System.out.print(stop < 0 ? text.substring(Math.max(0, text.length() - 400)) : text.substring(stop + 1));
        return exit;
    }

    private static long sum(SandboxStats.Snapshot s, String prefix) {
        return s.operations().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)
                && !e.getKey().endsWith(" token") && !e.getKey().endsWith(" sandbox")).mapToLong(Map.Entry::getValue).sum();
    }

}

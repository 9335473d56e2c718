package dev.sentinelctl.bench;

import dev.sentinelctl.cli.Main;
import dev.sentinelctl.deploy.sandbox.ArmLimits;
import dev.sentinelctl.deploy.sandbox.ArmSandbox;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import dev.sentinelctl.fleet.RolloutReport;
import dev.sentinelctl.fleet.RolloutReportJson;
import dev.sentinelctl.fleet.WorkspaceResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code apply --fleet} of W workspaces × R rules (3 rings, workspaces spread over S subscriptions) to the sandbox
 * with a fixed latency per request, then a no-op rerun. Prints the wall time against the ideal schedule
 * ({@link RolloutIdeal}: rings in order, one workspace per subscription at a time, up to {@code in-flight}
 * subscriptions side by side, with {@code arm-limits} ARM's write bucket of 200 refilled at 10/s per principal and
 * subscription), and the time each ring took from the rollout report.
 *
 * <pre>java -cp … dev.sentinelctl.bench.FleetSandboxBench [workspaces=100] [rules=200] [latencyMs=50] [parallelism=4]
 *     [subscriptions=1] [arm-limits] [in-flight=N (default: subscriptions, at most 64)]</pre>
 */
public final class FleetSandboxBench {
    private static final String[] RINGS = {"canary", "early", "broad"};

    private FleetSandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int workspaces = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long latency = args.length > 2 ? Long.parseLong(args[2]) : 50;
        int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int subscriptions = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        boolean limits = false;
        int inFlight = Math.min(64, subscriptions);
        for (int i = 5; i < args.length; i++) {
            if (args[i].equals("arm-limits")) limits = true;
            else if (args[i].startsWith("in-flight=")) inFlight = Integer.parseInt(args[i].substring("in-flight=".length()));
            else throw new IllegalArgumentException("unknown argument " + args[i] + "; expected arm-limits or in-flight=N");
        }
        Path dir = Files.createTempDirectory("sentinelctl-fleet-bench");
        ApplySandboxBench.writeContent(dir, rules);
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, fleet(workspaces, subscriptions));
        Path report = dir.resolve("report.json");
        SandboxOptions options = SandboxOptions.defaults().withFaults(FaultOptions.NONE.withLatencyMs(latency));
        if (limits) options = options.withLimits(ArmLimits.REPORT_ONLY.enforced());
        try (ArmSandbox sandbox = ArmSandbox.start(options)) {
            Map<String, String> env = Map.of("AZURE_CLIENT_ID", "bench", "AZURE_CLIENT_SECRET", "bench-secret");
            String[] cmd = {"apply", "--fleet", fleet.toString(), "--arm-endpoint", sandbox.baseUrl().toString(),
                    "--arm-trust", sandbox.trustFile().toString(), "--parallelism", String.valueOf(parallelism),
                    "--max-deletes", "0", "--workspaces-in-flight", String.valueOf(inFlight), "--report", report.toString()};
            System.out.printf(Locale.ROOT, "apply --fleet: %d workspaces × %d rules in 3 rings over %d subscription(s), %d ms "
                    + "latency per request, parallelism %d, %d workspaces in flight%s%n", workspaces, rules, subscriptions,
                    latency, parallelism, inFlight, limits ? ", ARM write budget enforced (200 burst, 10/s)" : "");
            long t0 = System.nanoTime();
            long startedMillis = System.currentTimeMillis();
            int exit = run(env, cmd);
            double wall = (System.nanoTime() - t0) / 1e9;
            SandboxStats.Snapshot first = sandbox.stats().snapshot();
            long throttled = first.statuses().getOrDefault("429", 0L);
            // Throttled attempts are counted as requests too; the budget is spent by the ones that went through.
            long writes = sum(first, "PUT ") + sum(first, "DELETE ") - throttled;
            long reads = sum(first, "LIST ") + sum(first, "GET ");
            long planReads = 3;
            long verifyReads = Math.max(0, reads / workspaces - planReads);
            List<Integer> ringOf = new ArrayList<>();
            List<Integer> subscriptionOf = new ArrayList<>();
            for (int i = 0; i < workspaces; i++) {
                ringOf.add(i * RINGS.length / workspaces);
                subscriptionOf.add(i % subscriptions);
            }
            RolloutIdeal schedule = new RolloutIdeal(ringOf, subscriptionOf, inFlight, parallelism, latency / 1000.0, limits, 200, 10);
            double ideal = schedule.seconds(writes / workspaces, planReads, verifyReads);
            long perSubscription = (writes + subscriptions - 1) / subscriptions;
            System.out.printf(Locale.ROOT, "  exit %d, wall %.1f s; %d writes, %d reads, %d throttled (429)%n", exit, wall,
                    writes, reads, throttled);
            System.out.printf(Locale.ROOT, "  ideal schedule (rings in order%s): %.1f s; wall/ideal = %.2f%n",
                    limits ? ", write bucket per subscription" : "", ideal, wall / ideal);
            if (limits) {
                System.out.printf(Locale.ROOT, "  bucket floor without ring gates: (%d writes per subscription - 200) / 10/s = %.1f s%n",
                        perSubscription, Math.max(0, perSubscription - 200) / 10.0);
            }
            RolloutReport rollout = RolloutReportJson.read(report);
            rollout.startedAt().ifPresent(at -> System.out.printf(Locale.ROOT,
                    "  before the rollout (JVM, load and check content, plan every workspace): %.1f s%n",
                    (Instant.parse(at).toEpochMilli() - startedMillis) / 1000.0));
            printRings(rollout);
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

    /** Per ring: from its first workspace's start to its last one's end, and the slowest workspace. */
    private static void printRings(RolloutReport report) {
        List<WorkspaceResult> all = report.workspaces();
        for (int r = 0; r < RINGS.length; r++) {
            int ring = r;
            List<WorkspaceResult> in = all.stream().filter(w -> w.ringIndex() == ring && w.startedAt().isPresent()).toList();
            if (in.isEmpty()) continue;
            long start = in.stream().mapToLong(w -> Instant.parse(w.startedAt().get()).toEpochMilli()).min().orElse(0);
            long end = in.stream().mapToLong(w -> Instant.parse(w.startedAt().get()).toEpochMilli() + w.durationMs()).max().orElse(0);
            long slowest = in.stream().mapToLong(WorkspaceResult::durationMs).max().orElse(0);
            System.out.printf(Locale.ROOT, "  ring %-6s %3d workspaces: %.1f s (slowest workspace %.1f s)%n", RINGS[r], in.size(),
                    (end - start) / 1000.0, slowest / 1000.0);
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
        for (int r = 0; r < RINGS.length; r++) {
            y.append("    - name: ").append(RINGS[r]).append("\n      workspaces:\n");
            for (int i = 0; i < workspaces; i++) {
                if (i * RINGS.length / workspaces == r) y.append("        - {name: law-").append(i).append(", group: c")
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

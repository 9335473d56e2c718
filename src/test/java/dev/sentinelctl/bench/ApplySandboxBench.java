package dev.sentinelctl.bench;

import dev.sentinelctl.cli.Main;
import dev.sentinelctl.deploy.sandbox.ArmSandbox;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;

/**
 * {@code apply} of N generated rules to the sandbox with a fixed latency per request, then a no-op rerun. Prints
 * the wall time against the ideal schedule (requests × latency ÷ parallelism) and the rerun's request counts.
 *
 * <pre>java -cp … dev.sentinelctl.bench.ApplySandboxBench [rules=500] [latencyMs=50] [parallelism=4] [arm-limits]</pre>
 * With {@code arm-limits} the sandbox enforces ARM's write budget (200, +10/s) with 429 + Retry-After.
 */
public final class ApplySandboxBench {
    private ApplySandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int rules = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 50;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        boolean limits = args.length > 3 && args[3].equals("arm-limits");
        Path dir = Files.createTempDirectory("sentinelctl-apply-bench");
        writeContent(dir, rules);
        SandboxOptions options = SandboxOptions.defaults().withFaults(FaultOptions.NONE.withLatencyMs(latency));
        if (limits) options = options.withLimits(dev.sentinelctl.deploy.sandbox.ArmLimits.REPORT_ONLY.enforced());
        try (ArmSandbox sandbox = ArmSandbox.start(options)) {
            Files.writeString(dir.resolve("sentinelctl.yaml"), """
                    source: bench/sentinel-content
                    workspaces:
                      bench:
                        tenant: sandbox-tenant
                        subscription: 11111111-2222-3333-4444-555555555555
                        resourceGroup: rg-bench
                        workspace: ws-bench
                        credential: environment
                        content: {paths: [content]}
                    """);
            Map<String, String> env = Map.of("AZURE_CLIENT_ID", "bench", "AZURE_CLIENT_SECRET", "bench-secret");
            String[] cmd = {"apply", "--deploy-config", dir.resolve("sentinelctl.yaml").toString(), "--arm-endpoint",
                    sandbox.baseUrl().toString(), "--arm-trust", sandbox.trustFile().toString(), "--parallelism",
                    String.valueOf(parallelism)};

            System.out.printf("apply of %d rules, %d ms latency per request, parallelism %d per subscription%s%n",
                    rules, latency, parallelism, limits ? ", ARM write budget enforced" : "");
            String[] plan = cmd.clone();
            plan[0] = "plan";
            long tp = System.nanoTime();
            CommandLine pl = Main.commandLine(env);
            pl.setOut(new PrintWriter(new StringWriter()));
            pl.setErr(new PrintWriter(new StringWriter()));
            pl.execute(java.util.Arrays.copyOf(plan, plan.length - 2));
            System.out.printf("  plan alone (load and validate %d files, 3 lists): %.2f s%n", rules,
                    (System.nanoTime() - tp) / 1e9);
            sandbox.stats().reset();
            long t0 = System.nanoTime();
            int exit = run(env, cmd);
            double wall = (System.nanoTime() - t0) / 1e9;
            SandboxStats.Snapshot first = sandbox.stats().snapshot();
            long writes = sum(first, "PUT ") + sum(first, "DELETE ");
            long reads = sum(first, "LIST ") + sum(first, "GET ");
            double idealWrites = writes * latency / 1000.0 / parallelism;
            double idealAll = idealWrites + reads * latency / 1000.0;
            System.out.printf("  exit %d, wall %.2f s%n", exit, wall);
            System.out.printf("  requests: %d writes (%s), %d reads (lists, sequential)%n", writes,
                    ops(first, "PUT "), reads);
            System.out.printf("  ideal: writes %.2f s (%d × %d ms ÷ %d) + reads %.2f s = %.2f s; wall/ideal = %.2f%n",
                    idealWrites, writes, latency, parallelism, reads * latency / 1000.0, idealAll, wall / idealAll);

            sandbox.stats().reset();
            long t1 = System.nanoTime();
            int again = run(env, cmd);
            double wall2 = (System.nanoTime() - t1) / 1e9;
            SandboxStats.Snapshot second = sandbox.stats().snapshot();
            System.out.printf("no-op rerun: exit %d, wall %.2f s, %d ARM requests: %s%n", again, wall2,
                    second.total() - second.operations().getOrDefault("POST token", 0L), second.operations());
        } finally {
            deleteTree(dir);
        }
    }

    private static int run(Map<String, String> env, String[] cmd) {
        CommandLine cl = Main.commandLine(env);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute(cmd);
        String text = out.toString();
        int table = text.indexOf("\nworkspace ");
        System.out.print(table < 0 ? tail(text) : text.substring(table + 1));
        return exit;
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) sb.append(lines[i]).append('\n');
        return sb.toString();
    }

    private static long sum(SandboxStats.Snapshot s, String prefix) {
        return s.operations().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)
                && !e.getKey().endsWith(" token") && !e.getKey().endsWith(" sandbox")).mapToLong(Map.Entry::getValue).sum();
    }

    private static String ops(SandboxStats.Snapshot s, String prefix) {
        StringBuilder sb = new StringBuilder();
        s.operations().forEach((k, v) -> {
            if (k.startsWith(prefix)) sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
        });
        return sb.toString();
    }

    /** The generated rules both sandbox benches deploy (deterministic ids, so reruns update in place). */
    static void writeContent(Path dir, int rules) throws IOException {
        for (int n = 1; n <= rules; n++) {
            Path file = dir.resolve("content/Detections/SecurityEvent/Rule" + n + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    id: %s
                    name: Bench rule %d
                    description: |
                      Generated rule %d.
                    severity: Medium
                    requiredDataConnectors:
                      - connectorId: SecurityEvents
                        dataTypes:
                          - SecurityEvent
                    queryFrequency: 1h
                    queryPeriod: 1h
                    triggerOperator: gt
                    triggerThreshold: 0
                    tactics:
                      - Persistence
                    relevantTechniques:
                      - T1098
                    query: |
                      SecurityEvent
                      | where EventID == %d
                      | project TimeGenerated, Computer, Account
                    version: 1.0.0
                    kind: Scheduled
                    """.formatted(UUID.nameUUIDFromBytes(("bench-" + n).getBytes()), n, n, 4000 + n));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

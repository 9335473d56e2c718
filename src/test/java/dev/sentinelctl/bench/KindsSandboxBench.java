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
 * plan + apply of watchlists, parsers and rules to the sandbox with a fixed latency per request, compared with the
 * ideal schedule, then the write count of a one-row watchlist change.
 *
 * <p>Content: W watchlists of R rows; P parsers, of which P/5 are union parsers each calling 4 source parsers and
 * reading watchlist 1; N rules, each calling one union parser, every tenth also reading a watchlist; A automation
 * rules, each naming 10 of the rules by content id. So the dependency waves are: (watchlists + source parsers) →
 * union parsers → rules → automation rules.
 *
 * <p>Ideal schedule: {@code Σ over waves w of max(R_w ÷ p, c_w) × L + S × L}, where R_w is the number of write
 * requests of wave w (rules and parsers: metadata PUT + resource PUT; a watchlist: metadata PUT + PUT + its
 * operation polls; automation rules: their writes as counted), c_w the longest chain of requests one item of the wave makes one after another, p the
 * parallelism, L the latency, and S the read requests: list pages one after another, watchlist item pages p at a time
 * ({@code S = lists + items ÷ p}). Poll waits (the retry delay) and local work are not in the ideal.
 *
 * <pre>java -cp … dev.sentinelctl.bench.KindsSandboxBench [watchlists=20] [rows=1000] [parsers=50] [rules=500] [latencyMs=50] [parallelism=4] [automationRules=50]</pre>
 */
public final class KindsSandboxBench {
    private KindsSandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int watchlists = arg(args, 0, 20);
        int rows = arg(args, 1, 1000);
        int parsers = arg(args, 2, 50);
        int rules = arg(args, 3, 500);
        long latency = arg(args, 4, 50);
        int parallelism = arg(args, 5, 4);
        int automation = arg(args, 6, 50);
        int unions = Math.max(1, parsers / 5);
        int sources = parsers - unions;
        if (sources < 4 || watchlists < 1) throw new IllegalArgumentException("need at least 5 parsers and 1 watchlist");
        Path dir = Files.createTempDirectory("sentinelctl-kinds-bench");
        try {
            writeContent(dir, watchlists, rows, sources, unions, rules, automation);
            SandboxOptions options = SandboxOptions.defaults().withFaults(FaultOptions.NONE.withLatencyMs(latency));
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
                String[] apply = {"apply", "--deploy-config", dir.resolve("sentinelctl.yaml").toString(), "--arm-endpoint",
                        sandbox.baseUrl().toString(), "--arm-trust", sandbox.trustFile().toString(), "--parallelism",
                        String.valueOf(parallelism), "--retry-delay-ms", String.valueOf(latency)};
                System.out.printf("%d watchlists × %d rows, %d parsers (%d source, %d union), %d rules, %d automation rules; "
                        + "%d ms latency, parallelism %d%n", watchlists, rows, parsers, sources, unions, rules, automation,
                        latency, parallelism);

                String[] plan = apply.clone();
                plan[0] = "plan";
                long tp = System.nanoTime();
                int planExit = run(env, java.util.Arrays.copyOf(plan, plan.length - 4), false);
                System.out.printf("  plan (empty workspace): exit %d, %.2f s%n", planExit, (System.nanoTime() - tp) / 1e9);

                sandbox.stats().reset();
                long t0 = System.nanoTime();
                int exit = run(env, apply, true);
                double wall = (System.nanoTime() - t0) / 1e9;
                SandboxStats.Snapshot s = sandbox.stats().snapshot();
                long polls = s.operations().getOrDefault("GET operations", 0L);
                long reads = sum(s, "LIST ") + sum(s, "GET ") - polls;
                long itemReads = s.operations().getOrDefault("LIST watchlistItems", 0L);
                long writes = sum(s, "PUT ") + sum(s, "DELETE ");
                // Waves: 1 = watchlists (metadata PUT, PUT, polls) + source parsers (2 each); 2 = unions; 3 = rules;
                // 4 = automation rules.
                double l = latency / 1000.0;
                // An automation rule writes its resource and its Sentinel metadata (the metadata PUTs beyond the others').
                long autoWrites = s.operations().getOrDefault("PUT automationRules", 0L)
                        + s.operations().getOrDefault("PUT metadata", 0L) - (watchlists + sources + unions + rules);
                long autoChain = automation == 0 ? 0 : Math.max(1, Math.round((double) autoWrites / automation));
                long wave1 = watchlists * 2L + polls + sources * 2L;
                long chain1 = 2 + Math.max(1, polls / Math.max(1, watchlists));
                double ideal = Math.max((double) wave1 / parallelism, chain1) * l
                        + Math.max(unions * 2.0 / parallelism, 2) * l
                        + Math.max(rules * 2.0 / parallelism, 2) * l
                        + (automation == 0 ? 0 : Math.max((double) autoWrites / parallelism, autoChain) * l)
                        + (reads - itemReads) * l + (double) itemReads / parallelism * l;
                System.out.printf("  apply: exit %d, wall %.2f s; %d writes (%s), %d operation polls, %d reads%n", exit, wall,
                        writes, ops(s, "PUT "), polls, reads);
                System.out.printf("  ideal = (max(%d/%d, %d) + max(%d/%d, 2) + max(%d/%d, 2) + max(%d/%d, %d)) × %d ms + (%d list "
                        + "reads + %d item pages/%d) × %d ms = %.2f s; wall/ideal = %.2f%n", wave1, parallelism, chain1, unions * 2,
                        parallelism, rules * 2, parallelism, autoWrites, parallelism, autoChain, latency, reads - itemReads,
                        itemReads, parallelism, latency, ideal, wall / ideal);

                sandbox.stats().reset();
                long t1 = System.nanoTime();
                int again = run(env, apply, false);
                SandboxStats.Snapshot r = sandbox.stats().snapshot();
                System.out.printf("  no-op rerun: exit %d, %.2f s, writes %d, reads %d%n", again, (System.nanoTime() - t1) / 1e9,
                        sum(r, "PUT ") + sum(r, "DELETE "), sum(r, "LIST ") + sum(r, "GET "));

                Path csv = dir.resolve("content/Watchlists/Bench1/data.csv");
                Files.writeString(csv, Files.readString(csv).replace("host1.bench.example,reason 1",
                        "host1.bench.example,changed reason"));
                sandbox.stats().reset();
                long t2 = System.nanoTime();
                int one = run(env, apply, false);
                SandboxStats.Snapshot o = sandbox.stats().snapshot();
                System.out.printf("  one-row watchlist change: exit %d, %.2f s, writes: %d (%s%s)%n", one,
                        (System.nanoTime() - t2) / 1e9, sum(o, "PUT ") + sum(o, "DELETE "), ops(o, "PUT "),
                        ops(o, "DELETE ").isEmpty() ? "" : ", " + ops(o, "DELETE "));
                if (exit != 0 || again != 0 || one != 0) throw new IllegalStateException("an apply failed");
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static int run(Map<String, String> env, String[] cmd, boolean print) {
        CommandLine cl = Main.commandLine(env);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute(cmd);
        if (exit != 0 || print) {
            String text = out.toString();
            int table = text.indexOf("\nworkspace ");
            System.out.print(exit != 0 || table < 0 ? text.substring(Math.max(0, text.length() - 2000)) : text.substring(table + 1));
        }
        return exit;
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

    static void writeContent(Path dir, int watchlists, int rows, int sources, int unions, int rules, int automation)
            throws IOException {
        for (int w = 1; w <= watchlists; w++) {
            Path folder = dir.resolve("content/Watchlists/Bench" + w);
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("watchlist.yaml"), """
                    alias: Bench%d
                    displayName: Bench watchlist %d
                    description: Generated watchlist %d.
                    provider: Custom
                    itemsSearchKey: Host
                    """.formatted(w, w, w));
            StringBuilder csv = new StringBuilder("Host,Reason,Owner\n");
            for (int r = 1; r <= rows; r++) csv.append("host").append(r).append(".bench.example,reason ").append(r)
                    .append(",team").append(r % 7).append('\n');
            Files.writeString(folder.resolve("data.csv"), csv.toString());
        }
        for (int p = 1; p <= sources; p++) {
            parser(dir, "vimBench" + p, "DnsEvents\n| where Computer has 'site" + p + "'\n| project TimeGenerated, Computer, Name");
        }
        for (int u = 1; u <= unions; u++) {
            StringBuilder q = new StringBuilder("let hosts = _GetWatchlist('Bench1') | project SearchKey;\nunion isfuzzy=true ");
            for (int k = 0; k < 4; k++) q.append(k == 0 ? "" : ", ").append("vimBench").append(1 + (u * 4 + k) % sources);
            q.append("\n| where Computer !in (hosts)");
            parser(dir, "imBench" + u, q.toString());
        }
        for (int n = 1; n <= rules; n++) {
            String query = (n % 10 == 0 ? "let listed = _GetWatchlist('Bench" + (1 + n % watchlists) + "') | project SearchKey;\n" : "")
                    + "imBench" + (1 + n % unions) + "\n| where Name has 'evil" + n + "'"
                    + (n % 10 == 0 ? "\n| where Computer in (listed)" : "") + "\n| project TimeGenerated, Computer, Name";
            Path file = dir.resolve("content/Detections/Dns/Rule" + n + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    id: %s
                    name: Bench rule %d
                    description: |
                      Generated rule %d.
                    severity: Medium
                    requiredDataConnectors:
                      - connectorId: DNS
                        dataTypes:
                          - DnsEvents
                    queryFrequency: 1h
                    queryPeriod: 1h
                    triggerOperator: gt
                    triggerThreshold: 0
                    tactics:
                      - CommandAndControl
                    relevantTechniques:
                      - T1071
                    query: |
                    %s
                    version: 1.0.0
                    kind: Scheduled
                    """.formatted(ruleId(n), n, n, query.indent(2).stripTrailing()));
        }
        for (int a = 1; a <= automation; a++) {
            StringBuilder refs = new StringBuilder();
            for (int k = 0; k < 10; k++) refs.append("  - ").append(ruleId(1 + (a * 10 + k) % rules)).append('\n');
            Path file = dir.resolve("content/Automation Rules/Auto" + a + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, """
                    id: %s
                    displayName: Bench automation rule %d
                    order: %d
                    analyticRules:
                    %striggeringLogic:
                      isEnabled: true
                      triggersOn: Incidents
                      triggersWhen: Created
                    actions:
                      - order: 1
                        actionType: ModifyProperties
                        actionConfiguration:
                          labels:
                            - labelName: bench-%d
                    version: 1.0.0
                    """.formatted(UUID.nameUUIDFromBytes(("kinds-bench-automation-" + a).getBytes()), a, a, refs, a));
        }
    }

    private static UUID ruleId(int n) {
        return UUID.nameUUIDFromBytes(("kinds-bench-" + n).getBytes());
    }

    private static void parser(Path dir, String alias, String query) throws IOException {
        Path file = dir.resolve("content/Parsers/" + alias + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                id: %s
                name: %s
                functionAlias: %s
                category: ASIM
                version: 1.0.0
                query: |
                %s
                """.formatted(UUID.nameUUIDFromBytes(("kinds-bench-parser-" + alias).getBytes()), alias, alias,
                query.indent(2).stripTrailing()));
    }
}

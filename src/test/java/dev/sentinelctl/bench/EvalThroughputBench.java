package dev.sentinelctl.bench;

import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Engine throughput: the seed query and five shapes from the corpus (where/extend, summarize by bin, join,
 * mv-expand, parse) over generated tables of N rows (default 1,000,000). One thread, warm; prints input rows
 * per CPU-second of the benchmark thread (the steady figure on a shared machine), wall time, result rows, and
 * the peak heap of the run (all heap pools' peak usage, which includes the input tables).
 *
 * <pre>java -Xmx1g -cp ... dev.sentinelctl.bench.EvalThroughputBench [rows=1000000] [passes=5]</pre>
 */
public final class EvalThroughputBench {

    private static final Instant NOW = Instant.parse("2024-03-31T00:00:00Z");

    private EvalThroughputBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("seed (mailflow by directionality)", """
                EmailEvents
                | where Timestamp > ago(30d)
                | extend domain = substring(RecipientEmailAddress, indexof(RecipientEmailAddress, "@")+1)
                | summarize total=count() by EmailDirection, domain, bin(Timestamp, 1d)
                | order by Timestamp asc""");
        shapes.put("where/extend", """
                SigninLogs
                | where ResultType == "50126" and AppDisplayName has "portal"
                | extend Domain = tostring(split(UserPrincipalName, "@")[1]), Hour = hourofday(TimeGenerated)
                | project TimeGenerated, UserPrincipalName, Domain, Hour, IPAddress""");
        shapes.put("summarize by bin", """
                SigninLogs
                | summarize Attempts = count(), Failures = countif(ResultType != "0"), IPs = dcount(IPAddress)
                    by UserPrincipalName, bin(TimeGenerated, 1h)
                | where Failures > 2""");
        shapes.put("join", """
                let failures = SigninLogs | where ResultType != "0" | summarize Failures = count() by UserPrincipalName;
                let successes = SigninLogs | where ResultType == "0" | summarize LastSuccess = max(TimeGenerated) by UserPrincipalName;
                failures | join kind=inner successes on UserPrincipalName | where Failures > 10""");
        shapes.put("mv-expand", """
                EmailEvents
                | mv-expand Recipient = Recipients to typeof(string)
                | summarize Mails = count() by Recipient""");
        shapes.put("parse", """
                Syslog
                | parse SyslogMessage with * "user=" User " src=" SrcIp " port=" Port:long *
                | where Port > 1024
                | summarize count() by User""");
        KqlEngine engine = new KqlEngine(Catalog.builtIn());
        EvalContext ctx = EvalContext.at(NOW);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%-36s %14s %14s %9s %9s %8s %10s %10s%n", "shape", "rows/CPU-s", "rows/s wall", "CPU ms", "wall ms", "result",
                "table MB", "peak MB");
        String only = System.getProperty("shape", "");
        for (Map.Entry<String, String> s : shapes.entrySet()) {
            if (!only.isEmpty() && !s.getKey().startsWith(only)) continue;
            // one input table at a time, so the peak heap is that of one N-row table and its query
            Map<String, Table> tables = null;
            System.gc();
            String q = s.getValue();
            if (q.contains("EmailEvents")) tables = Map.of("EmailEvents", emailEvents(rows));
            else if (q.contains("SigninLogs")) tables = Map.of("SigninLogs", signins(rows));
            else tables = Map.of("Syslog", syslog(rows));
            long tableMb = usedMb();
            resetPeaks();
            run(engine, s.getValue(), tables, ctx); // warm-up
            double[] cpu = new double[passes];
            double[] wall = new double[passes];
            int resultRows = 0;
            for (int i = 0; i < passes; i++) {
                long w0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                resultRows = run(engine, s.getValue(), tables, ctx).rowCount();
                cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                wall[i] = (System.nanoTime() - w0) / 1e6;
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            double medCpu = cpu[passes / 2];
            System.out.printf("%-36s %,14.0f %,14.0f %9.0f %9.0f %8d %10d %10d%n", s.getKey(), rows / (medCpu / 1000),
                    rows / (wall[passes / 2] / 1000), medCpu, wall[passes / 2], resultRows, tableMb, peakMb());
            tables = null;
        }
    }

    private static Table run(KqlEngine engine, String q, Map<String, Table> tables, EvalContext ctx) {
        EvalResult r = engine.run(q, tables, ctx);
        if (r instanceof EvalResult.Failed f) throw new IllegalStateException(f.code() + ": " + f.message());
        return ((EvalResult.Ok) r).table();
    }

    private static Table emailEvents(int n) {
        SplittableRandom rnd = new SplittableRandom(42);
        String[] dirs = {"Inbound", "Outbound", "Intra-org"};
        Table.Builder b = Table.builder("EmailEvents", List.of(new Column("Timestamp", ScalarType.DATETIME),
                new Column("RecipientEmailAddress", ScalarType.STRING), new Column("EmailDirection", ScalarType.STRING),
                new Column("Recipients", ScalarType.DYNAMIC)));
        JsonNodeFactory f = JsonNodeFactory.instance;
        for (int i = 0; i < n; i++) {
            ArrayNode rec = f.arrayNode();
            for (int k = 0; k < 3; k++) rec.add("user" + rnd.nextInt(5000) + "@contoso.com");
            b.add(NOW.minusSeconds(rnd.nextLong(60L * 86400)), "user" + rnd.nextInt(20000) + "@domain" + rnd.nextInt(200) + ".com",
                    dirs[rnd.nextInt(3)], rec);
        }
        return b.build();
    }

    private static Table signins(int n) {
        SplittableRandom rnd = new SplittableRandom(7);
        String[] results = {"0", "0", "0", "50126", "50053", "50074"};
        String[] apps = {"Azure portal", "Office 365", "Microsoft Teams", "Azure CLI"};
        Table.Builder b = Table.builder("SigninLogs", List.of(new Column("TimeGenerated", ScalarType.DATETIME),
                new Column("UserPrincipalName", ScalarType.STRING), new Column("ResultType", ScalarType.STRING),
                new Column("AppDisplayName", ScalarType.STRING), new Column("IPAddress", ScalarType.STRING)));
        for (int i = 0; i < n; i++) {
            b.add(NOW.minusSeconds(rnd.nextLong(7L * 86400)), "user" + rnd.nextInt(20000) + "@contoso.com",
                    results[rnd.nextInt(results.length)], apps[rnd.nextInt(apps.length)],
                    "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256));
        }
        return b.build();
    }

    private static Table syslog(int n) {
        SplittableRandom rnd = new SplittableRandom(3);
        Table.Builder b = Table.builder("Syslog", List.of(new Column("TimeGenerated", ScalarType.DATETIME),
                new Column("SyslogMessage", ScalarType.STRING)));
        for (int i = 0; i < n; i++) {
            b.add(NOW.minusSeconds(rnd.nextLong(86400)), "sshd[" + rnd.nextInt(99999) + "]: Failed password user=u" + rnd.nextInt(3000)
                    + " src=192.168." + rnd.nextInt(256) + "." + rnd.nextInt(256) + " port=" + rnd.nextInt(65536) + " ssh2");
        }
        return b.build();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    private static long peakMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum / (1024 * 1024);
    }

    private static long usedMb() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }
}

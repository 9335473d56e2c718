package dev.sentinelctl.bench;

import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Parse throughput on a JSON Lines corpus ({@code {"id","query"}}), one thread, warm: a few untimed passes so
 * the JIT settles, then timed passes; prints queries/s per pass and the median. Not a unit test on purpose:
 * timings on a shared machine are not pass/fail material.
 *
 * <pre>java -cp ... dev.sentinelctl.bench.KqlParseBench corpus.jsonl [warmupPasses] [timedPasses]</pre>
 */
public final class KqlParseBench {

    private KqlParseBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: KqlParseBench corpus.jsonl [warmupPasses=5] [timedPasses=10]");
            System.exit(2);
        }
        List<String> queries = BenchQueries.load(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long chars = queries.stream().mapToLong(String::length).sum();
        System.out.printf("corpus: %d queries, %.1f MB of KQL%n", queries.size(), chars / 1e6);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < warmup; i++) sink += pass(queries);
        double[] wall = new double[timed];
        double[] cpu = new double[timed];
        for (int i = 0; i < timed; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += pass(queries);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            wall[i] = queries.size() / secs;
            cpu[i] = queries.size() / cpuSecs;
            System.out.printf("pass %2d: %,8.0f queries/s wall (%.0f ms), %,8.0f queries/s of CPU time%n", i + 1,
                    wall[i], secs * 1000, cpu[i]);
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double best = wall[timed - 1];
        System.out.printf("parse throughput (1 thread, warm, %d passes): median %,.0f queries/s wall, best %,.0f "
                + "queries/s wall (%,.1f MB/s), median %,.0f queries/s of thread CPU time%n", timed, wall[timed / 2],
                best, best * chars / queries.size() / 1e6, cpu[timed / 2]);
        System.out.println("(wall-clock numbers drop when other jobs share the cores; the CPU-time rate does not)");
        if (sink == 42) System.out.println(); // keeps the work observable to the JIT
    }

    /** Parses every query, including table extraction (what kql analyze does per query). */
    private static long pass(List<String> queries) {
        long n = 0;
        for (String q : queries) {
            ParsedQuery p = KqlParser.parse(q);
            n += p.diagnostics().size() + p.tokens().size() + p.referencedTables().size();
        }
        return n;
    }

}

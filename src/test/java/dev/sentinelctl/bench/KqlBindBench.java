package dev.sentinelctl.bench;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parse + bind throughput on a JSON Lines corpus ({@code {"id","query"}}), one thread, warm, against the
 * built-in catalog: untimed passes for the JIT, then timed passes; prints queries/s per pass, the median, and
 * the bind-only share. Not a unit test on purpose: timings on a shared machine are not pass/fail material.
 *
 * <pre>java -cp ... dev.sentinelctl.bench.KqlBindBench corpus.jsonl [warmupPasses=5] [timedPasses=10]</pre>
 */
public final class KqlBindBench {

    private KqlBindBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: KqlBindBench corpus.jsonl [warmupPasses=5] [timedPasses=10]");
            System.exit(2);
        }
        List<String> queries = BenchQueries.load(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Binder binder = new Binder(Catalog.builtIn());
        System.out.printf("corpus: %d queries%n", queries.size());
        long sink = 0;
        for (int i = 0; i < warmup; i++) sink += pass(queries, binder);
        // CPU time of this thread as well as wall time: on a shared machine the wall clock mostly measures
        // the neighbours, while queries per CPU-second is what one free core would give
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] rates = new double[timed];
        double[] cpuRates = new double[timed];
        for (int i = 0; i < timed; i++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            sink += pass(queries, binder);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            rates[i] = queries.size() / secs;
            cpuRates[i] = queries.size() / cpu;
            System.out.printf("pass %2d: %,.0f queries/s wall (%.1f ms), %,.0f queries per CPU-second%n", i + 1, rates[i],
                    secs * 1000, cpuRates[i]);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        double median = rates[timed / 2];
        // bind only, on pre-parsed trees, to show where the time goes
        List<ParsedQuery> parsed = new ArrayList<>(queries.size());
        for (String q : queries) parsed.add(KqlParser.parse(q));
        double[] bindRates = new double[timed];
        for (int i = 0; i < timed; i++) {
            long t0 = System.nanoTime();
            for (ParsedQuery p : parsed) sink += binder.bind(p).diagnostics().size();
            bindRates[i] = parsed.size() / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(bindRates);
        System.out.printf("parse+bind throughput (1 thread, warm, median of %d passes): %,.0f queries/s wall clock, "
                + "%,.0f queries per CPU-second%n", timed, median, cpuRates[timed / 2]);
        System.out.printf("bind only (pre-parsed trees, median): %,.0f queries/s%n", bindRates[timed / 2]);
        if (sink == 42) System.out.println(); // keeps the work observable to the JIT
    }

    private static long pass(List<String> queries, Binder binder) {
        long n = 0;
        for (String q : queries) {
            BoundQuery b = binder.bind(KqlParser.parse(q));
            n += b.diagnostics().size() + b.resultColumns().size() + b.tables().size();
        }
        return n;
    }

}

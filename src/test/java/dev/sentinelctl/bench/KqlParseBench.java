package dev.sentinelctl.bench;

import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<String> queries = load(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long chars = queries.stream().mapToLong(String::length).sum();
        System.out.printf("corpus: %d queries, %.1f MB of KQL%n", queries.size(), chars / 1e6);

        long sink = 0;
        for (int i = 0; i < warmup; i++) sink += pass(queries);
        double[] rates = new double[timed];
        for (int i = 0; i < timed; i++) {
            long t0 = System.nanoTime();
            sink += pass(queries);
            double secs = (System.nanoTime() - t0) / 1e9;
            rates[i] = queries.size() / secs;
            System.out.printf("pass %2d: %,.0f queries/s (%.1f ms)%n", i + 1, rates[i], secs * 1000);
        }
        java.util.Arrays.sort(rates);
        double median = rates[timed / 2];
        System.out.printf("parse throughput (1 thread, warm, median of %d passes): %,.0f queries/s, %,.1f MB/s%n",
                timed, median, median * chars / queries.size() / 1e6);
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

    private static List<String> load(Path file) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = mapper.readTree(line);
            JsonNode q = n.has("query") ? n.get("query") : n.get("text");
            if (q != null && q.isString()) out.add(q.asString());
        }
        return out;
    }
}

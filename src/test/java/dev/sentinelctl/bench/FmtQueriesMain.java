package dev.sentinelctl.bench;

import dev.sentinelctl.fmt.FmtOptions;
import dev.sentinelctl.fmt.KqlFormatter;
import dev.sentinelctl.kql.syntax.QueryEquivalence;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Formats every query of a JSON Lines corpus and checks what `fmt` promises: each formats (or is left as
 * written for a syntax error), re-lexes to the same tokens, and a second format changes nothing. Prints the
 * counts; exits 1 when a promise is broken. With {@code --sample N FILE} it also writes N evenly spaced queries
 * with our formatting as JSON Lines {@code {"id","query","ours"}} for the comparison with Kusto.Language.
 * Usage: FmtQueriesMain CORPUS.jsonl [--show INDEX] [--sample N FILE]
 */
public final class FmtQueriesMain {
    public static void main(String[] args) throws Exception {
        List<String> queries = BenchQueries.load(Path.of(args[0]));
        int show = -1;
        int sample = 0;
        java.nio.file.Path sampleFile = null;
        for (int a = 1; a < args.length; a++) {
            if (args[a].equals("--show")) show = Integer.parseInt(args[++a]);
            else if (args[a].equals("--sample")) {
                sample = Integer.parseInt(args[++a]);
                sampleFile = Path.of(args[++a]);
            }
        }
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        StringBuilder sampled = new StringBuilder();
        int step = sample > 0 ? Math.max(1, queries.size() / sample) : 0;
        KqlFormatter formatter = new KqlFormatter(FmtOptions.DEFAULT);
        Map<KqlFormatter.Status, Integer> statuses = new EnumMap<>(KqlFormatter.Status.class);
        int changed = 0;
        int notIdempotent = 0;
        int tokenMismatch = 0;
        int longLines = 0;
        long start = System.nanoTime();
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            KqlFormatter.Result r = formatter.format(q);
            statuses.merge(r.status(), 1, Integer::sum);
            if (i == show) System.out.println(r.text());
            if (r.status() != KqlFormatter.Status.FORMATTED) {
                if (r.status() == KqlFormatter.Status.INTERNAL_ERROR) System.err.println("query " + i + ": " + r.detail());
                continue;
            }
            if (!r.text().equals(q)) changed++;
            if (step > 0 && i % step == 0 && i / step < sample) {
                var row = json.createObjectNode().put("id", i).put("query", q).put("ours", r.text());
                sampled.append(json.writeValueAsString(row)).append('\n');
            }
            if (!QueryEquivalence.sameProgram(q, r.text())) tokenMismatch++;
            KqlFormatter.Result again = formatter.format(r.text());
            if (!again.text().equals(r.text())) {
                notIdempotent++;
                if (notIdempotent <= 3) System.err.println("query " + i + " not idempotent:\n" + r.text() + "\n----\n" + again.text() + "\n====");
            }
            for (String line : r.text().split("\n")) if (line.length() > 120) longLines++;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (sampleFile != null) java.nio.file.Files.writeString(sampleFile, sampled);
        System.out.printf("fmt queries: %d queries, %d formatted (%d changed), %d left as written for a syntax error, "
                        + "%d internal errors (token/comment check), %d token mismatches after re-parse, %d not idempotent; "
                        + "%d output lines over 120 columns; %.0f ms for format + check + second format%n",
                queries.size(), statuses.getOrDefault(KqlFormatter.Status.FORMATTED, 0), changed,
                statuses.getOrDefault(KqlFormatter.Status.SYNTAX_ERROR, 0),
                statuses.getOrDefault(KqlFormatter.Status.INTERNAL_ERROR, 0), tokenMismatch, notIdempotent, longLines, ms);
        boolean broken = statuses.getOrDefault(KqlFormatter.Status.INTERNAL_ERROR, 0) > 0 || tokenMismatch > 0 || notIdempotent > 0;
        System.exit(broken ? 1 : 0);
    }
}

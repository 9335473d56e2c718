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
 * counts; exits 1 when a promise is broken. Usage: FmtQueriesMain CORPUS.jsonl [--show N]
 */
public final class FmtQueriesMain {
    public static void main(String[] args) throws Exception {
        List<String> queries = BenchQueries.load(Path.of(args[0]));
        int show = args.length > 2 && args[1].equals("--show") ? Integer.parseInt(args[2]) : -1;
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
            if (!QueryEquivalence.sameProgram(q, r.text())) tokenMismatch++;
            KqlFormatter.Result again = formatter.format(r.text());
            if (!again.text().equals(r.text())) {
                notIdempotent++;
                if (notIdempotent <= 3) System.err.println("query " + i + " not idempotent:\n" + r.text() + "\n----\n" + again.text() + "\n====");
            }
            for (String line : r.text().split("\n")) if (line.length() > 120) longLines++;
        }
        double ms = (System.nanoTime() - start) / 1e6;
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

package dev.sentinelctl.bench;

import dev.sentinelctl.fmt.FileOutcome;
import dev.sentinelctl.fmt.FmtOptions;
import dev.sentinelctl.fmt.FmtRun;
import dev.sentinelctl.fmt.YamlFormatter;
import dev.sentinelctl.report.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * `fmt --check` over a content folder without writing, then a second format of every changed file: prints how
 * many files change, are skipped or fail and why, and whether formatting is idempotent. Every changed file has
 * passed fmt's own check (loads to the same data, same query program, same comments). Exits 1 on an internal
 * error or a file whose second format changes it again. Usage: FmtCorpusMain DIR
 */
public final class FmtCorpusMain {
    public static void main(String[] args) {
        long start = System.nanoTime();
        FmtRun.Report report = new FmtRun(FmtOptions.DEFAULT).run(List.of(Path.of(args[0])), FmtRun.Mode.CHECK);
        double ms = (System.nanoTime() - start) / 1e6;
        YamlFormatter again = new YamlFormatter(FmtOptions.DEFAULT);
        int notIdempotent = 0;
        for (FileOutcome f : report.files()) {
            if (f.kind() != FileOutcome.Kind.CHANGED) continue;
            FileOutcome second = again.format(f.path(), f.formatted().getBytes(StandardCharsets.UTF_8));
            if (second.kind() != FileOutcome.Kind.UNCHANGED) {
                notIdempotent++;
                if (notIdempotent <= 5) System.err.println("not idempotent: " + f.path() + " (" + second.kind() + " " + second.messages() + ")");
            }
        }
        Map<String, Integer> reasons = new TreeMap<>();
        for (Diagnostic d : report.messages()) {
            reasons.merge(d.ruleId() + ": " + d.message().replaceAll("\\(.*", "").replaceAll("line \\d+", "line N"), 1, Integer::sum);
            if (d.ruleId().equals("INTERNAL")) System.err.println(d.file() + ": " + d.message());
        }
        System.out.printf("fmt corpus: %d YAML files: %d would change (each checked: loads to the same data, same query tokens and "
                        + "comments), %d already formatted, %d skipped (no query: parsers, stubs), %d not formatted, %d internal errors; "
                        + "second format changes %d; %.0f ms in-process%n",
                report.files().size(), report.count(FileOutcome.Kind.CHANGED), report.count(FileOutcome.Kind.UNCHANGED),
                report.count(FileOutcome.Kind.SKIPPED), report.count(FileOutcome.Kind.FAILED),
                report.count(FileOutcome.Kind.INTERNAL_ERROR), notIdempotent, ms);
        reasons.forEach((k, v) -> System.out.printf("  %5d  %s%n", v, k));
        System.exit(report.count(FileOutcome.Kind.INTERNAL_ERROR) > 0 || notIdempotent > 0 ? 1 : 0);
    }
}

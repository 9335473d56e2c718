package dev.sentinelctl.check;

import dev.sentinelctl.content.SourceText;
import dev.sentinelctl.fmt.FileOutcome;
import dev.sentinelctl.fmt.FmtOptions;
import dev.sentinelctl.fmt.YamlFormatter;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code FMT-unformatted}: the file is not in {@code sentinelctl fmt}'s layout. Off by default (turn it on with
 * {@code rules: {FMT-unformatted: warning}}): formatting is a team's choice, and {@code fmt --check} is the
 * usual gate; this puts it in the same report as the other findings.
 */
public final class FormatCheck implements ItemCheck {
    public static final String ID = "FMT-unformatted";
    public static final RuleInfo RULE = new RuleInfo(ID, "Unformatted", Severity.WARNING,
            "The file is not laid out as `sentinelctl fmt` writes it (off by default).",
            "One layout ends formatting noise in reviews: key order, quoting, the query's line breaks and spacing.",
            "Run `sentinelctl fmt PATH` (it changes layout only; values and the query's tokens stay the same).");

    private final YamlFormatter formatter;

    public FormatCheck(FmtOptions options) {
        this.formatter = new YamlFormatter(options);
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        SourceText source = context.item().document().source();
        FileOutcome o = formatter.format(source.displayPath(), source.text().getBytes(StandardCharsets.UTF_8));
        if (o.kind() != FileOutcome.Kind.CHANGED) return List.of();
        int line = firstDifferentLine(source.text(), o.formatted());
        return List.of(new Diagnostic(ID, RULE.defaultSeverity(), source.displayPath(), line, 1, line, 1,
                "not formatted: from line " + line + " on, `sentinelctl fmt` would lay the file out differently",
                "Run `sentinelctl fmt " + source.displayPath() + "` (or `fmt --diff` to see the change)."));
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\r?\n", -1);
        String[] y = b.split("\r?\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) return i + 1;
        }
        return Math.min(x.length, y.length);
    }
}

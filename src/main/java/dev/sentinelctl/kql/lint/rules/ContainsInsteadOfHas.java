package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.report.Severity;

/** {@code contains "word"} where the term index behind {@code has} would answer the same question faster. */
public final class ContainsInsteadOfHas implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-contains-vs-has", "ContainsInsteadOfHas", Severity.WARNING,
            "`contains` with a whole word, where `has` would use the term index.",
            "`contains` scans every value for a substring; `has` looks up whole terms in the index and is many times "
                    + "faster on large tables. For a value made only of letters and digits (3 or more), `has` finds the same "
                    + "rows unless the word is part of a longer word.",
            "SecurityEvent | where CommandLine contains \"mimikatz\"",
            "SecurityEvent | where CommandLine has \"mimikatz\"", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (Expr.Binary b : context.nodes(Expr.Binary.class)) {
            String replacement = switch (b.op()) {
                case CONTAINS -> "has";
                case NOT_CONTAINS -> "!has";
                case CONTAINS_CS, CONTAINSCS -> "has_cs";
                case NOT_CONTAINS_CS, NOTCONTAINSCS -> "!has_cs";
                default -> null;
            };
            if (replacement == null) continue;
            QueryTools.stringValue(b.right()).filter(v -> v.matches("[A-Za-z0-9]{3,}")).ifPresent(v -> context.report(b,
                    "`" + b.op().text() + " \"" + v + "\"` scans every value; `" + replacement + "` uses the term index",
                    "Use `" + replacement + " \"" + v + "\"` unless you need to match inside longer words."));
        }
    }
}

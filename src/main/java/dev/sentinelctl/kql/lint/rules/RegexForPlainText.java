package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.report.Severity;

/** {@code matches regex "abc"} with no regex syntax at all: a string operator says the same, faster. */
public final class RegexForPlainText implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-regex-plain-text", "RegexForPlainText", Severity.INFO,
            "`matches regex` with a pattern that has no regex syntax.",
            "The regex engine runs on every row; a pattern without metacharacters is a plain substring test, which "
                    + "`contains` (or `has` for whole words) does faster and more readably.",
            "DeviceProcessEvents | where ProcessCommandLine matches regex \"bypass\"",
            "DeviceProcessEvents | where ProcessCommandLine contains \"bypass\"", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (Expr.Binary b : context.nodes(Expr.Binary.class)) {
            if (b.op() != BinaryOp.MATCHES_REGEX) continue;
            QueryTools.stringValue(b.right()).filter(p -> !p.isEmpty() && p.chars().noneMatch(c -> "\\^$.|?*+()[]{}".indexOf(c) >= 0))
                    .ifPresent(p -> context.report(b, "the pattern \"" + p + "\" has no regex syntax",
                            "Use `contains_cs \"" + p + "\"` (case-sensitive, like the regex) or `has` for a whole word."));
        }
    }
}

package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;

/** {@code summarize ... by TimeGenerated}: one group per distinct timestamp, which aggregates nothing. */
public final class SummarizeByRawTime implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-summarize-raw-time", "SummarizeByRawTime", Severity.WARNING,
            "`summarize … by TimeGenerated` without `bin()`.",
            "Timestamps are nearly unique, so grouping by the raw column makes one group per event: the counts are all "
                    + "1 and thresholds never trigger. Group by `bin(TimeGenerated, 1h)` or similar.",
            "SigninLogs | summarize count() by UserPrincipalName, TimeGenerated",
            "SigninLogs | summarize count() by UserPrincipalName, bin(TimeGenerated, 1h)", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        // A time column the query itself reassigned (extend TimeGenerated = bin(...)) is already coarse.
        java.util.Set<String> reassigned = new java.util.HashSet<>();
        for (Expr.Named named : context.nodes(Expr.Named.class)) reassigned.add(context.text(named.target()));
        for (QueryOperator.Summarize s : context.nodes(QueryOperator.Summarize.class)) {
            if (s.by() == null) continue;
            for (Expr key : s.by().expressions().items()) {
                Expr value = key instanceof Expr.Named named ? named.value() : key;
                if (value instanceof Expr.NameRef ref && QueryTools.TIME_COLUMNS.contains(ref.simpleName())
                        && !reassigned.contains(ref.simpleName())
                        && !ref.simpleName().equals("FirstSeen") && !ref.simpleName().equals("LastSeen")) {
                    context.report(key, "grouping by raw " + ref.simpleName() + " makes one group per event",
                            "Group by `bin(" + ref.simpleName() + ", 1h)` (or the interval you mean).");
                }
            }
        }
    }
}

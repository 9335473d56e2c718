package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;

/** {@code mv-expand} without {@code limit}: one oversized array multiplies the row count. */
public final class MvExpandWithoutLimit implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-mv-expand-limit", "MvExpandWithoutLimit", Severity.INFO,
            "`mv-expand` without `limit`.",
            "Each row becomes one row per array element; an attacker-controlled or unexpectedly large array can blow "
                    + "the query past Sentinel's limits and make the rule fail. Kusto caps it at 128 by default only per row.",
            "AuditLogs | mv-expand TargetResources",
            "AuditLogs | mv-expand TargetResources limit 50", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (QueryOperator.MvExpand m : context.nodes(QueryOperator.MvExpand.class)) {
            if (m.limit() == null) {
                context.report(m.keyword(), "mv-expand without limit can multiply rows without bound",
                        "Add `limit N` with the most elements a row should produce.");
            }
        }
    }
}

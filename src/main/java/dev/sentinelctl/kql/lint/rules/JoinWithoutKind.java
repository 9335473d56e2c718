package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;

/** {@code join} without {@code kind=}: Kusto's default, innerunique, silently drops duplicate left keys. */
public final class JoinWithoutKind implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-join-kind", "JoinWithoutKind", Severity.WARNING,
            "`join` without `kind=`.",
            "Kusto's default join is `innerunique`: it keeps one row per key from the left side before joining, which "
                    + "silently loses events and surprises people who expect SQL's inner join. Say which kind you mean.",
            "SigninLogs | join (AuditLogs) on CorrelationId",
            "SigninLogs | join kind=inner (AuditLogs) on CorrelationId", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (QueryOperator.Join join : context.nodes(QueryOperator.Join.class)) {
            boolean hasKind = join.parameters().stream().map(Clause.OperatorParam::name)
                    .anyMatch(t -> t != null && t.text().equalsIgnoreCase("kind"));
            if (!hasKind) {
                context.report(join.keyword(), "join without kind= is an innerunique join: duplicate left keys are dropped",
                        "Write `join kind=inner` (or the kind you mean: leftouter, leftanti, innerunique…).");
            }
        }
    }
}

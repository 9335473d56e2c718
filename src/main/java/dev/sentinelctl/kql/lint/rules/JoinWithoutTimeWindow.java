package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.report.Severity;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A join whose right side reads a table with no time filter: the whole retention is joined. */
public final class JoinWithoutTimeWindow implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-join-time-window", "JoinWithoutTimeWindow", Severity.WARNING,
            "The right side of a join reads a table without a time filter.",
            "In a scheduled rule Sentinel bounds only the query period of the outer table scan as it plans it; a "
                    + "subquery without its own `where TimeGenerated > ago(…)` can read the table's whole retention, which "
                    + "is slow, costly and joins stale rows.",
            "SigninLogs | where TimeGenerated > ago(1h) | join kind=inner (AuditLogs) on CorrelationId",
            "SigninLogs | where TimeGenerated > ago(1h) | join kind=inner (AuditLogs | where TimeGenerated > ago(1h)) on CorrelationId",
            "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        Map<String, Expr> lets = new HashMap<>();
        for (Statement.Let let : context.nodes(Statement.Let.class)) lets.put(let.name().simpleName(), let.value());
        for (QueryOperator.Join join : context.nodes(QueryOperator.Join.class)) check(context, join, join.right(), lets);
        for (QueryOperator.Lookup lookup : context.nodes(QueryOperator.Lookup.class)) check(context, lookup, lookup.right(), lets);
    }

    private static void check(LintContext context, QueryOperator op, Expr right, Map<String, Expr> lets) {
        unboundedTable(right, lets, 0).ifPresent(table -> context.report(op.keyword(), "the " + op.keyword().text()
                        + "'s right side reads " + table + " without a time filter",
                "Add `| where TimeGenerated > ago(…)` to the right side so it reads the same window as the left."));
    }

    /**
     * The table a tabular expression reads without any time filter, following let names; empty when it is
     * filtered somewhere along the way or when it cannot tell (functions, datatables, unions), to stay quiet
     * rather than guess.
     */
    private static Optional<String> unboundedTable(Expr e, Map<String, Expr> lets, int depth) {
        if (depth > 16 || QueryTools.hasTimeFilter(e)) return Optional.empty();
        Expr head = QueryTools.pipeline(e).head();
        if (!(head instanceof Expr.NameRef ref)) return Optional.empty();
        String name = ref.simpleName();
        if (lets.containsKey(name)) return unboundedTable(lets.get(name), lets, depth + 1);
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || name.contains("Watchlist")) return Optional.empty();
        return Optional.of(name);
    }
}

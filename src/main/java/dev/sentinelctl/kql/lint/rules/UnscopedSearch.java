package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;

/** {@code search} without {@code in (...)}, or {@code union *}: every table in the workspace is scanned. */
public final class UnscopedSearch implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-unscoped-search", "UnscopedSearch", Severity.WARNING,
            "`search` without `in (tables)`, or `union *`, scans every table in the workspace.",
            "The cost grows with every table the workspace ever gets, results change when new tables arrive, and the "
                    + "query's data connectors cannot be known. Name the tables.",
            "search \"10.1.2.3\"", "search in (CommonSecurityLog, DnsEvents) \"10.1.2.3\"", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (QueryOperator.Search s : context.nodes(QueryOperator.Search.class)) {
            boolean piped = context.nodes(Expr.Pipe.class).stream().anyMatch(p -> p.operator() == s);
            if (s.in() == null && !piped) {
                context.report(s.keyword(), "`search` without `in (…)` scans every table in the workspace",
                        "Add `in (Table1, Table2)` naming the tables to search.");
            }
        }
        for (QueryOperator.Union u : context.nodes(QueryOperator.Union.class)) {
            for (Expr t : u.tables().items()) {
                if ((t instanceof Expr.NameRef ref && ref.name() instanceof Name.Wildcard w && w.simpleName().equals("*"))
                        || t instanceof Expr.Star) {
                    context.report(t, "`union *` reads every table in the workspace", "List the tables to union.");
                }
            }
        }
    }
}

package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;
import java.util.List;

/** {@code take} in a detection without a sort: which rows alert changes from run to run. */
public final class TakeWithoutSort implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-take-without-sort", "TakeWithoutSort", Severity.WARNING,
            "`take`/`limit` in an analytic rule without a preceding `sort`.",
            "`take` returns arbitrary rows: the same data can alert on different rows, or not at all, from one run to "
                    + "the next. In a detection, sort first (or use `top`) so results are reproducible.",
            "SigninLogs | where ResultType != \"0\" | take 10",
            "SigninLogs | where ResultType != \"0\" | top 10 by TimeGenerated desc", "analytic rules");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        if (!context.facts().isDetection()) return;
        for (Expr.Pipe pipe : QueryTools.outermostPipes(context)) {
            List<QueryOperator> ops = QueryTools.pipeline(pipe).operators();
            boolean sorted = false;
            for (QueryOperator op : ops) {
                if (op instanceof QueryOperator.Sort || op instanceof QueryOperator.Top) sorted = true;
                if (op instanceof QueryOperator.Summarize) sorted = false;
                if (op instanceof QueryOperator.Take take && !sorted) {
                    context.report(take.keyword(), "`" + take.keyword().text() + "` without a sort returns arbitrary rows",
                            "Sort first (`| sort by TimeGenerated desc | take N`) or use `top N by …`.");
                }
            }
        }
    }
}

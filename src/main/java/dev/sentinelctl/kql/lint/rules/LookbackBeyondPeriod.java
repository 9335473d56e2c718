package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryFacts;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.report.Severity;
import java.time.Duration;

/** {@code ago(14d)} in a rule whose queryPeriod is 1d: Sentinel never gives the query the older data. */
public final class LookbackBeyondPeriod implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-lookback-beyond-period", "LookbackBeyondPeriod", Severity.WARNING,
            "`ago()` reaches further back than the rule's queryPeriod.",
            "A scheduled rule only sees queryPeriod of data; a longer `ago()` suggests a baseline the rule never gets, "
                    + "so comparisons against \"the last 14 days\" silently use one day.",
            "// queryPeriod: 1d\nSigninLogs | where TimeGenerated > ago(14d)",
            "// queryPeriod: 1d\nSigninLogs | where TimeGenerated > ago(1d)", "analytic rules");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        if (context.facts().kind() != QueryFacts.Kind.SCHEDULED_RULE || context.facts().queryPeriod().isEmpty()) return;
        Duration period = context.facts().queryPeriod().get();
        for (Expr.FunctionCall call : context.nodes(Expr.FunctionCall.class)) {
            if (!call.functionName().equals("ago") || call.arguments().items().size() != 1) continue;
            QueryTools.timespan(call.arguments().items().get(0)).filter(d -> d.compareTo(period) > 0).ifPresent(d ->
                    context.report(call, "ago(" + context.text(call.arguments().items().get(0)) + ") looks back further than the rule's queryPeriod ("
                                    + human(period) + "); the rule never receives the older data",
                            "Raise queryPeriod to at least " + human(d) + ", or shorten the lookback."));
        }
    }

    static String human(Duration d) {
        long m = d.toMinutes();
        if (m % 1440 == 0) return (m / 1440) + "d";
        if (m % 60 == 0) return (m / 60) + "h";
        return m + "m";
    }
}

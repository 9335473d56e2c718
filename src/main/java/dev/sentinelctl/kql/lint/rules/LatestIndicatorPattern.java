package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;

/**
 * Threat-intelligence indicators are updated by appending rows; without taking the latest row per indicator,
 * a rule matches revoked or expired indicators. Microsoft's content CI requires this pattern.
 */
public final class LatestIndicatorPattern implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-ti-latest-indicator", "LatestIndicatorPattern", Severity.WARNING,
            "`ThreatIntelligenceIndicator` read without the latest-indicator pattern.",
            "Each indicator update appends a row. Without `summarize arg_max(TimeGenerated, *) by IndicatorId` and "
                    + "`where ExpirationDateTime > now() and Active == true`, a rule alerts on indicators that were revoked "
                    + "or expired. Microsoft's content CI rejects queries without it.",
            "ThreatIntelligenceIndicator | where isnotempty(NetworkIP)",
            "ThreatIntelligenceIndicator\n| where TimeGenerated >= ago(14d)\n| summarize LatestIndicatorTime = arg_max(TimeGenerated, *) by IndicatorId\n"
                    + "| where ExpirationDateTime > now() and Active == true", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        Expr.NameRef table = null;
        for (Expr.NameRef ref : context.nodes(Expr.NameRef.class)) {
            if (ref.simpleName().equals("ThreatIntelligenceIndicator")) {
                table = ref;
                break;
            }
        }
        if (table == null) return;
        boolean latest = false;
        for (QueryOperator.Summarize s : context.nodes(QueryOperator.Summarize.class)) {
            String text = context.text(s).replaceAll("\\s+", "");
            if (text.contains("arg_max(TimeGenerated,*)") && text.endsWith("byIndicatorId")) latest = true;
        }
        String query = context.parsed().text().replaceAll("\\s+", " ");
        boolean active = query.contains("ExpirationDateTime > now()") && query.contains("Active == true");
        if (!latest || !active) {
            context.report(table, "ThreatIntelligenceIndicator is read without taking each indicator's latest, active row",
                    "Add `| summarize LatestIndicatorTime = arg_max(TimeGenerated, *) by IndicatorId | where ExpirationDateTime > now() and Active == true`.");
        }
    }
}

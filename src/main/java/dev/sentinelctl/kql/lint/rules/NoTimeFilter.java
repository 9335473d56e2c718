package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryFacts;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.report.Severity;

/** A hunting query that scans a table with no time filter of its own. */
public final class NoTimeFilter implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-no-time-filter", "NoTimeFilter", Severity.WARNING,
            "A hunting query scans a table without a time filter.",
            "Nothing bounds a hunting query but the caller: run from the API, a notebook, a workbook or Log Analytics, "
                    + "it reads the table's whole retention. A scheduled rule is bounded by its queryPeriod, a hunting "
                    + "query only by its own `where TimeGenerated > ago(…)`.",
            "DeviceProcessEvents | where FileName =~ \"certutil.exe\"",
            "DeviceProcessEvents | where TimeGenerated > ago(7d) | where FileName =~ \"certutil.exe\"", "hunting queries");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        if (context.facts().kind() != QueryFacts.Kind.HUNTING_QUERY) return;
        if (QueryTools.hasTimeFilter(context.nodes())) return;
        for (String table : context.parsed().referencedTables()) {
            if (context.catalog().table(table).isEmpty()) continue; // parser functions (imProcess) take their own time arguments
            for (Expr.NameRef ref : context.nodes(Expr.NameRef.class)) {
                if (ref.simpleName().equals(table)) {
                    context.report(ref, table + " is read without a time filter",
                            "Add `| where TimeGenerated > ago(7d)` (or the window you hunt in) right after the table.");
                    return;
                }
            }
        }
    }
}

package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.report.Severity;
import java.util.Set;

/** {@code parse_json(x.y)}: a member of a dynamic value is already dynamic. */
public final class ParseJsonOnDynamic implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-parse-json-dynamic", "ParseJsonOnDynamic", Severity.INFO,
            "`parse_json()` on a value that is already dynamic.",
            "`parse_json` returns a dynamic argument unchanged: on a member of a dynamic column it does nothing, and "
                    + "when that member holds JSON text the author's intent (parse it) silently does not happen. Use the "
                    + "member directly, or `parse_json(tostring(x.y))` to parse embedded JSON.",
            "AuditLogs | extend NewValue = parse_json(TargetResources[0].modifiedProperties[0].newValue).displayName",
            "AuditLogs | extend NewValue = parse_json(tostring(TargetResources[0].modifiedProperties[0].newValue)).displayName", "all");

    private static final Set<String> PARSERS = Set.of("parse_json", "todynamic", "toobject");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (Expr.FunctionCall call : context.nodes(Expr.FunctionCall.class)) {
            if (!PARSERS.contains(call.functionName()) || call.arguments().items().size() != 1) continue;
            Expr arg = call.arguments().items().get(0);
            boolean dynamic = arg instanceof Expr.MemberAccess || arg instanceof Expr.ElementAccess
                    || (arg instanceof Expr.FunctionCall inner && (PARSERS.contains(inner.functionName())
                    || inner.functionName().equals("pack") || inner.functionName().equals("bag_pack")));
            if (dynamic) {
                context.report(call, "`" + call.functionName() + "(" + context.text(arg) + ")` returns its dynamic argument unchanged; nothing is parsed",
                        "Write `" + call.functionName() + "(tostring(" + context.text(arg) + "))` if the value holds JSON text, or drop the call.");
            }
        }
    }
}

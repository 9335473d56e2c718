package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.report.Severity;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Calls to functions Kusto marks obsolete, with their replacement. */
public final class DeprecatedFunction implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-deprecated-function", "DeprecatedFunction", Severity.WARNING,
            "A function Kusto marks as deprecated.",
            "Deprecated functions keep working until they do not; their replacements are faster or correct edge "
                    + "cases (e.g. `parse_json` for `todynamic`'s older twin, `make_set` for `makeset`).",
            "SigninLogs | summarize makeset(IPAddress) by UserPrincipalName",
            "SigninLogs | summarize make_set(IPAddress) by UserPrincipalName", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        Set<String> declared = new HashSet<>();
        for (Statement.Let let : context.nodes(Statement.Let.class)) declared.add(let.name().simpleName());
        for (Expr.FunctionCall call : context.nodes(Expr.FunctionCall.class)) {
            String name = call.functionName();
            if (declared.contains(name)) continue;
            replacementOf(context, name).ifPresent(r -> context.report(call.name(), "`" + name + "()` is deprecated",
                    "Use `" + r + "()` instead."));
        }
    }

    private static Optional<String> replacementOf(LintContext context, String name) {
        for (FunctionKind kind : new FunctionKind[] {FunctionKind.SCALAR, FunctionKind.AGGREGATE, FunctionKind.PLUGIN}) {
            Optional<FunctionSymbol> f = context.catalog().function(kind, name);
            if (f.isPresent()) {
                Optional<String> r = f.get().obsoleteReplacement();
                if (r.isPresent()) return r;
            }
        }
        return Optional.empty();
    }
}

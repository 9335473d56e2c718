package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;

import java.util.List;

/** Checks and parameter reading that several operator rules share, with Kusto's codes and our hints. */
final class OperatorChecks {

    private OperatorChecks() {
    }

    static void checkInteger(Diagnostics diags, Value v, Expr at) {
        if (at == null || !(v.type() instanceof ScalarType s) || v.isTabular()) return;
        if (!s.isInteger() && s != ScalarType.DYNAMIC) {
            diags.error("KS134", at, "The expression value must be an integer.", "Write a whole number, e.g. take 10.");
        }
    }

    static void checkNotDynamic(Diagnostics diags, Value v, Expr at, String operator) {
        if (at != null && !v.isTabular() && v.type() == ScalarType.DYNAMIC) {
            diags.error("KS116", at, "The value of type 'dynamic' is not allowed in this context.",
                    operator + " cannot order by a dynamic value; convert it with tostring(), toint() or todatetime().");
        }
    }

    /** where needs exactly a bool: Kusto rejects a string, a number and even a dynamic value here (KS141). */
    static void checkBool(Diagnostics diags, Value p, Expr at) {
        if (at == null || p.isTabular() || !(p.type() instanceof ScalarType s) || s == ScalarType.BOOL) return;
        diags.error("KS141", at, "The expression must have the type bool.",
                "where needs a condition: compare the value (x == \"...\", isnotempty(x), tobool(x)).");
    }

    /** Kusto's KS005 for a kind= value the operator does not know (kind=leftouterx). */
    static void checkKind(Diagnostics diags, List<Clause.OperatorParam> params, List<String> allowed, String fix) {
        for (Clause.OperatorParam p : params) {
            if (!p.parameterName().equals("kind") || !(p.value() instanceof Expr.NameRef n)) continue;
            if (n.name().firstToken() == null || n.name().firstToken().missing()) continue;
            if (!allowed.contains(n.simpleName())) {
                diags.error("KS005", n, "Expected one of: " + String.join(", ", allowed),
                        fix);
            }
        }
    }

    /** The text of parameter {@code name} (a string literal's value), or null when it is not given. */
    static String param(List<Clause.OperatorParam> params, String name) {
        for (Clause.OperatorParam p : params) {
            if (p.parameterName().equals(name) && p.value() != null) {
                Expr v = p.value();
                if (v instanceof Expr.Literal l) return l.kind() == LiteralKind.STRING ? l.value() : l.text();
                return v.text();
            }
        }
        return null;
    }
}

package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.QueryTools;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.report.Severity;

/** {@code tolower(x) == "a"} computes a new string per row; {@code =~} compares without it and can use the index. */
public final class CaseFoldedComparison implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-tolower-compare", "CaseFoldedComparison", Severity.WARNING,
            "`tolower(x) == \"…\"` instead of a case-insensitive operator.",
            "Folding the column's case builds a new string for every row and hides the column from the index; "
                    + "`=~`, `in~` and `has` already compare without case.",
            "SigninLogs | where tolower(UserPrincipalName) == \"admin@contoso.com\"",
            "SigninLogs | where UserPrincipalName =~ \"admin@contoso.com\"", "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        for (Expr.Binary b : context.nodes(Expr.Binary.class)) {
            String op = switch (b.op()) {
                case EQUAL -> "=~";
                case NOT_EQUAL, NOT_EQUAL_ALT -> "!~";
                case HAS_CS -> "has";
                case CONTAINS_CS -> "contains";
                case STARTSWITH_CS -> "startswith";
                case ENDSWITH_CS -> "endswith";
                default -> null;
            };
            if (op != null && isCaseFold(b.left()) && QueryTools.isStringLiteral(b.right())) {
                context.report(b, "`" + context.text(b.left()) + " " + b.op().text() + " …` folds every value's case",
                        "Compare the column directly with `" + op + "`.");
            }
        }
        for (Expr.InList in : context.nodes(Expr.InList.class)) {
            if (isCaseFold(in.left()) && (in.op().text().equals("in") || in.op().text().equals("!in"))) {
                context.report(in, "`" + context.text(in.left()) + " " + in.op().text() + " (…)` folds every value's case",
                        "Use `" + in.op().text() + "~` on the column itself.");
            }
        }
    }

    private static boolean isCaseFold(Expr e) {
        return e instanceof Expr.FunctionCall call && (call.functionName().equals("tolower") || call.functionName().equals("toupper"))
                && call.arguments().items().size() == 1;
    }
}

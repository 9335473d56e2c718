package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ResultNameKind;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;

import java.util.List;

/**
 * The column name Kusto gives an unnamed expression: a column keeps its name, {@code d.a} and {@code d['a']}
 * on dynamic give {@code d_a}, a call follows its function's result-name rule ({@code sum(X)} → {@code sum_X},
 * {@code tostring(X)} → {@code X}, {@code count()} → {@code count_}), anything else has no name (the caller
 * then uses {@code Column1}, {@code print_0} ...). Needs the types bound so far for the dynamic-path rule.
 */
final class ColumnNames {

    private final TreeBinder tb;

    ColumnNames(TreeBinder tb) {
        this.tb = tb;
    }

    /** Kusto's GetExpressionResultName; {@code defaultName} when the expression has no natural name. */
    String of(Expr e, String defaultName) {
        if (e instanceof Expr.Paren p) return of(p.inner(), defaultName);
        if (e instanceof Expr.NameRef n) return n.name() instanceof Name.Wildcard ? defaultName : n.simpleName();
        if (e instanceof Expr.Named n) {
            return n.target() instanceof Name nm ? nm.simpleName() : defaultName;
        }
        if (e instanceof Expr.ElementAccess ea) {
            if (ea.target() == null) return bracketName(ea.index(), defaultName);
            if (isDynamicOrUnknown(ea.target())) {
                String left = of(ea.target(), null);
                String right = bracketName(ea.index(), null);
                return left != null && !left.isBlank() ? left + "_" + right : right;
            }
            return bracketName(ea.index(), defaultName);
        }
        if (e instanceof Expr.MemberAccess m) {
            if (isDynamicOrUnknown(m.target())) {
                String left = of(m.target(), null);
                String right = of(m.member(), null);
                return left != null && !left.isBlank() ? left + "_" + right : right;
            }
            return of(m.member(), defaultName);
        }
        if (e instanceof Expr.FunctionCall f) return ofCall(f, defaultName, null);
        return defaultName;
    }

    private String bracketName(Expr index, String defaultName) {
        if (index instanceof Expr.Literal l) {
            switch (l.kind()) {
                case STRING:
                    return l.value();
                case LONG:
                case INT:
                    return l.text();
                default:
                    return defaultName;
            }
        }
        return defaultName;
    }

    private boolean isDynamicOrUnknown(Expr e) {
        KqlType t = tb.types.get(e);
        return t == null || t == ScalarType.DYNAMIC || t.isUnknown();
    }

    /** Kusto's GetFunctionResultName. */
    String ofCall(Expr.FunctionCall f, String defaultName, RowSchema row) {
        FunctionSymbol fs = tb.calls.get(f);
        ResultNameKind kind = fs == null ? ResultNameKind.NONE : fs.resultNameKind();
        String prefix = fs == null || fs.resultNamePrefix().isEmpty() ? null : fs.resultNamePrefix();
        List<Expr> args = f.arguments().items();
        if (kind == ResultNameKind.NAME_AND_FIRST_ARGUMENT) {
            prefix = fs.name();
            kind = ResultNameKind.PREFIX_AND_FIRST_ARGUMENT;
        }
        switch (kind) {
            case PREFIX_AND_FIRST_ARGUMENT:
                if (!args.isEmpty()) {
                    String name = of(args.get(0), defaultName);
                    return prefix != null ? prefix + "_" + (name == null ? "" : name) : name;
                }
                return prefix != null ? prefix + "_" : null;
            case FIRST_ARGUMENT_VALUE_IF_COLUMN:
                if (!args.isEmpty() && tb.constants.get(args.get(0)) instanceof String v) {
                    if (row != null && row.find(v) != null) return v;
                }
                return defaultName;
            case FIRST_ARGUMENT:
                return args.isEmpty() ? null : of(args.get(0), defaultName);
            case PREFIX_ONLY:
                return prefix != null ? prefix : defaultName;
            case ONLY_ARGUMENT:
                return args.size() == 1 ? of(args.get(0), defaultName) : defaultName;
            default:
                return defaultName;
        }
    }
}

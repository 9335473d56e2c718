package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.ResultNameKind;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.List;
import java.util.Optional;

/**
 * The name Kusto gives an unnamed expression's column (its GetExpressionResultName, as the binder's ColumnNames
 * follows it): a column keeps its name, {@code d.a} gives {@code d_a}, a call follows its catalog result-name
 * rule ({@code tostring(X)} → {@code X}); null when there is none (callers then use {@code Column1}).
 */
final class ResultNames {

    private final Catalog catalog;

    ResultNames(Catalog catalog) {
        this.catalog = catalog;
    }

    String of(Expr e) {
        String d = Tables.derivedName(e);
        if (d != null) return d;
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (!(x instanceof Expr.FunctionCall f)) return null;
        Optional<FunctionSymbol> fs = catalog.scalarFunction(f.functionName());
        if (fs.isEmpty()) fs = catalog.aggregate(f.functionName());
        if (fs.isEmpty()) return null;
        ResultNameKind kind = fs.get().resultNameKind();
        List<Expr> args = f.arguments().items();
        String prefix = fs.get().resultNamePrefix().isEmpty() ? null : fs.get().resultNamePrefix();
        switch (kind) {
            case FIRST_ARGUMENT:
                return args.isEmpty() ? null : of(args.get(0));
            case ONLY_ARGUMENT:
                return args.size() == 1 ? of(args.get(0)) : null;
            case NAME_AND_FIRST_ARGUMENT:
            case PREFIX_AND_FIRST_ARGUMENT: {
                String p = kind == ResultNameKind.NAME_AND_FIRST_ARGUMENT ? fs.get().name() : prefix;
                String n = args.isEmpty() ? null : of(args.get(0));
                return p == null ? n : p + "_" + (n == null ? "" : n);
            }
            default:
                return null;
        }
    }
}

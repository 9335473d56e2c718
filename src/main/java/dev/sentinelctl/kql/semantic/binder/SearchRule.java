package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** search: {@code $table}, then the searched tables' (or the input's) columns unified by name and type. */
final class SearchRule implements OperatorRule<QueryOperator.Search> {

    private static final List<String> SEARCH_KINDS = List.of("default", "case_insensitive", "case_sensitive");

    @Override
    public Class<QueryOperator.Search> syntax() {
        return QueryOperator.Search.class;
    }

    @Override
    public boolean startsQuery() {
        return true;
    }

    @Override
    public RowSchema bind(QueryOperator.Search s, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        List<RowSchema> sources = new ArrayList<>();
        if (s.in() != null) {
            for (Expr e : s.in().tables().items()) {
                Expr x = e;
                while (x instanceof Expr.Paren p) x = p.inner();
                if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                    sources.add(UnionRule.wildcardTables(tb, w.simpleName()));
                } else {
                    Value v = tb.bind(e, c.tabular(), true);
                    sources.add(v.isTabular() ? v.rows() : RowSchema.open());
                }
            }
        } else if (in != null) {
            sources.add(in);
        }
        RowSchema scope;
        if (sources.isEmpty()) scope = RowSchema.open();
        else {
            boolean open = false;
            for (RowSchema r : sources) open |= r.isOpen();
            scope = new RowSchema(ColumnSets.unifyByNameAndType(sources), sources.size() == 1 ? sources.get(0).hidden() : Map.of(), open);
        }
        checkSearchParameters(tb, s.parameters());
        if (s.predicate() != null) bindSearchPredicate(tb, s.predicate(), c.withRow(scope.withOpen(true)));
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("$table", ScalarType.STRING));
        cols.addAll(scope.columns());
        return new RowSchema(cols, scope.hidden(), scope.isOpen());
    }

    /** search takes only kind= (and hints); the parser is lenient so that this can say what is wrong. */
    private static void checkSearchParameters(TreeBinder tb, List<Clause.OperatorParam> params) {
        for (Clause.OperatorParam p : params) {
            String name = p.parameterName();
            if (name.startsWith("hint.")) continue;
            if (!name.equals("kind")) {
                tb.diags.error("KS179", p.name(), "The name '" + name + "' is not a recognized parameter for this operator.",
                        "search takes only kind=case_sensitive|case_insensitive; use union withsource=... for a source column.");
            } else if (!(p.value() instanceof Expr.NameRef n && SEARCH_KINDS.contains(n.simpleName()))) {
                tb.diags.error("KS005", p.value(), "Expected one of: " + String.join(", ", SEARCH_KINDS),
                        "Write kind=case_sensitive or kind=case_insensitive.");
            }
        }
    }

    /**
     * A search predicate: terms ({@code "err"}, {@code "a*"}) combined with and/or are matches against every column,
     * not strings to be combined; {@code *} stands for all columns ({@code * has "x"}). The rest binds as usual.
     */
    private static void bindSearchPredicate(TreeBinder tb, Expr e, TreeBinder.Ctx c) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.Star || (x instanceof Expr.Literal l && l.kind() == LiteralKind.STRING)) return;
        if (x instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
            bindSearchPredicate(tb, b.left(), c);
            bindSearchPredicate(tb, b.right(), c);
            return;
        }
        if (x instanceof Expr.Binary b && b.left() instanceof Expr.Star) {
            tb.bind(b.right(), c);
            return;
        }
        OperatorChecks.checkBool(tb.diags, tb.bind(x, c), x);
    }
}

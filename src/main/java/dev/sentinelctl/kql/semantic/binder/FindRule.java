package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * find: the source column ({@code withsource=}, else {@code source_}), then the projected columns; without
 * {@code project} the rest (Kusto's {@code pack_} bag of the matching columns) stays open.
 */
final class FindRule implements OperatorRule<QueryOperator.Find> {

    @Override
    public Class<QueryOperator.Find> syntax() {
        return QueryOperator.Find.class;
    }

    @Override
    public boolean startsQuery() {
        return true;
    }

    @Override
    public RowSchema bind(QueryOperator.Find f, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        String source = OperatorChecks.param(f.parameters(), "withsource");
        List<RowSchema> sources = new ArrayList<>();
        if (f.in() != null) {
            for (Expr e : f.in().tables().items()) {
                Expr x = e;
                while (x instanceof Expr.Paren p) x = p.inner();
                if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) sources.add(UnionRule.wildcardTables(tb, w.simpleName()));
                else {
                    Value v = tb.bind(e, c.tabular(), true);
                    sources.add(v.isTabular() ? v.rows() : RowSchema.open());
                }
            }
        }
        boolean anyOpen = f.in() == null || sources.isEmpty();
        for (RowSchema r : sources) anyOpen |= r.isOpen();
        RowSchema all = new RowSchema(ColumnSets.unifyByNameAndType(sources), Map.of(), anyOpen);
        if (f.predicate() != null) tb.bind(f.predicate(), c.withRow(all));
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(source != null ? source : "source_", ScalarType.STRING));
        if (f.columns() != null && !f.columns().isEmpty()) {
            for (Expr e : f.columns().items()) {
                Value v = tb.bind(e, c.withRow(all));
                String n = ob.names.of(e, null);
                if (n != null) cols.add(new Column(n, TreeBinder.scalarOf(v)));
            }
            return RowSchema.of(cols);
        }
        return new RowSchema(cols, Map.of(), true);
    }
}

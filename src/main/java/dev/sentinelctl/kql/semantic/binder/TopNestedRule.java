package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;

/** top-nested: per level, the value column and its aggregate ({@code aggregated_<value>} unless named). */
final class TopNestedRule implements OperatorRule<QueryOperator.TopNested> {

    @Override
    public Class<QueryOperator.TopNested> syntax() {
        return QueryOperator.TopNested.class;
    }

    @Override
    public RowSchema bind(QueryOperator.TopNested tn, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        ProjectionBuilder.UniqueNames unique = new ProjectionBuilder.UniqueNames();
        List<Column> out = new ArrayList<>();
        for (Clause.TopNestedLevel level : tn.levels().items()) {
            if (level.count() != null) tb.bind(level.count(), c);
            Value of = tb.bind(level.expression(), c);
            if (level.othersValue() != null) tb.bind(level.othersValue(), c);
            String ofName = unique.getOrAdd(ob.names.of(level.expression(), "Column1"), null);
            out.add(new Column(ofName, TreeBinder.scalarOf(of)));
            Value agg = level.aggregate() == null ? Value.UNKNOWN : tb.bind(level.aggregate(), c.aggregate(true));
            String declared = level.aggregate() instanceof Expr.Named n && n.target() instanceof Name nm ? nm.simpleName() : null;
            String byName = unique.getOrAdd(declared != null ? declared : "aggregated_" + ofName, null);
            out.add(new Column(byName, agg.tuple() != null && !agg.tuple().isEmpty() ? agg.tuple().get(0).type() : TreeBinder.scalarOf(agg)));
        }
        return RowSchema.of(out);
    }
}

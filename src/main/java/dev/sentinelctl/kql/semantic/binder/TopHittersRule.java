package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

/** top-hitters: the value column and {@code approximate_count_<value>} (or {@code approximate_sum_<by>}). */
final class TopHittersRule implements OperatorRule<QueryOperator.TopHitters> {

    @Override
    public Class<QueryOperator.TopHitters> syntax() {
        return QueryOperator.TopHitters.class;
    }

    @Override
    public RowSchema bind(QueryOperator.TopHitters th, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        tb.bind(th.count(), c);
        ProjectionBuilder b = new ProjectionBuilder();
        ob.projection.projectOne(th.expression(), b, TreeBinder.Style.DEFAULT, false, null, null, c);
        String ofName = ob.names.of(th.expression(), "");
        if (th.by() != null && !th.by().expressions().isEmpty()) {
            Expr by = th.by().expressions().get(0);
            Value v = tb.bind(by, c);
            b.add(new Column("approximate_sum_" + ob.names.of(by, ""), TreeBinder.scalarOf(v)), null, false, false);
        } else {
            b.add(new Column("approximate_count_" + ofName, ScalarType.LONG), null, false, false);
        }
        return RowSchema.of(b.columns());
    }
}

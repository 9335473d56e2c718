package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.Map;

/** make-series: the group-by columns, then each aggregate and the axis as dynamic arrays. */
final class MakeSeriesRule implements OperatorRule<QueryOperator.MakeSeries> {

    @Override
    public Class<QueryOperator.MakeSeries> syntax() {
        return QueryOperator.MakeSeries.class;
    }

    @Override
    public RowSchema bind(QueryOperator.MakeSeries ms, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        Projection projection = ob.projection;
        ProjectionBuilder b = new ProjectionBuilder();
        if (ms.by() != null) {
            for (Expr e : ms.by().expressions().items()) projection.projectOne(e, b, TreeBinder.Style.DEFAULT, false, null, null, c);
        }
        for (Clause.SeriesAggregate agg : ms.aggregates().items()) {
            projection.projectOne(agg.expression(), b, TreeBinder.Style.SUMMARIZE, false, ScalarType.DYNAMIC, null, c.aggregate(true));
            if (agg.defaultValue() != null) tb.bind(agg.defaultValue(), c);
        }
        if (ms.axis() != null) projection.projectOne(ms.axis(), b, TreeBinder.Style.DEFAULT, false, ScalarType.DYNAMIC, null, c);
        Clause.SeriesRange r = ms.range();
        if (r != null) {
            for (Expr x : new Expr[]{r.fromValue(), r.toValue(), r.stepValue(), r.inRange()}) if (x != null) tb.bind(x, c);
        }
        return new RowSchema(b.columns(), Map.of(), in.isOpen());
    }
}

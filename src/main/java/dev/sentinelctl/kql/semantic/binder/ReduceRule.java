package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.List;

/** reduce: Kusto's three fixed columns, Pattern, Count and Representative. */
final class ReduceRule implements OperatorRule<QueryOperator.Reduce> {

    @Override
    public Class<QueryOperator.Reduce> syntax() {
        return QueryOperator.Reduce.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Reduce r, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        ob.tb.bind(r.expression(), c);
        return RowSchema.of(List.of(new Column("Pattern", ScalarType.STRING), new Column("Count", ScalarType.LONG),
                new Column("Representative", ScalarType.STRING)));
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/** consume: reads its input and returns nothing, so no column follows it. */
final class ConsumeRule implements OperatorRule<QueryOperator.Consume> {

    @Override
    public Class<QueryOperator.Consume> syntax() {
        return QueryOperator.Consume.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Consume op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        return RowSchema.EMPTY;
    }
}

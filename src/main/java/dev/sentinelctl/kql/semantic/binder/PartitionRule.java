package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/** partition: the subquery's output over the input's rows (its hidden columns dropped). */
final class PartitionRule implements OperatorRule<QueryOperator.Partition> {

    @Override
    public Class<QueryOperator.Partition> syntax() {
        return QueryOperator.Partition.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Partition p, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        Value v = ob.tb.bind(p.subquery(), c.withImplicitInput(in), true);
        return v.isTabular() ? v.rows().withoutHidden() : RowSchema.open();
    }
}

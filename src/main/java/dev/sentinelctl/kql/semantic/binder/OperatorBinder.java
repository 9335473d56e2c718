package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/**
 * Binds one pipeline's operators: looks each one's rule up in {@link OperatorRules} and holds what the rules
 * share while they bind (the tree binder, column naming, projection, render checks). One per pipeline.
 */
final class OperatorBinder {

    final TreeBinder tb;
    final ColumnNames names;
    final Projection projection;
    final RenderBinder renders;

    OperatorBinder(TreeBinder tb) {
        this.tb = tb;
        this.names = new ColumnNames(tb);
        this.projection = new Projection(tb, names);
        this.renders = new RenderBinder(tb);
    }

    /** An operator at a query head; operators that need input get {@code implicitInput} (contextual subquery). */
    RowSchema bindHead(QueryOperator op, RowSchema implicitInput, TreeBinder.Ctx c) {
        boolean noInput = OperatorRules.of(op).startsQuery();
        return bind(op, noInput || implicitInput != null ? implicitInput : RowSchema.open(), c);
    }

    RowSchema bind(QueryOperator op, RowSchema in, TreeBinder.Ctx outer) {
        return bindWith(OperatorRules.of(op), op, in, outer.withRow(in));
    }

    @SuppressWarnings("unchecked")
    private <T extends QueryOperator> RowSchema bindWith(OperatorRule<T> rule, QueryOperator op, RowSchema in, TreeBinder.Ctx c) {
        return rule.bind((T) op, in, this, c);
    }
}

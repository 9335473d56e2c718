package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

/** invoke: the tabular result of a function called with the rows so far as its first argument. */
final class InvokeRule implements OperatorRule<QueryOperator.Invoke> {

    @Override
    public Class<QueryOperator.Invoke> syntax() {
        return QueryOperator.Invoke.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Invoke inv, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        if (inv.function() instanceof Expr.FunctionCall f) {
            Value v = tb.bindCall(f, c.withRow(null), in);
            tb.types.put(f, v.type());
            return v.isTabular() ? v.rows() : RowSchema.open();
        }
        tb.bind(inv.function(), c);
        return RowSchema.open();
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/** where: a bool predicate over the input, whose rows pass on unchanged. */
final class WhereRule implements OperatorRule<QueryOperator.Where> {

    @Override
    public Class<QueryOperator.Where> syntax() {
        return QueryOperator.Where.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Where w, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        Value p = ob.tb.bind(w.predicate(), c);
        OperatorChecks.checkBool(ob.tb.diags, p, w.predicate());
        return in;
    }
}

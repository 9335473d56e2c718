package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

/**
 * fork and facet: several results from one input. Their subqueries are bound over the input (so their
 * mistakes are reported), but which result a later operator sees is not modelled: the output is open.
 */
final class BranchRules {

    private BranchRules() {
    }

    static final class Fork implements OperatorRule<QueryOperator.Fork> {
        @Override
        public Class<QueryOperator.Fork> syntax() {
            return QueryOperator.Fork.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Fork f, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            for (Expr b : f.branches()) ob.tb.bind(b, c.withImplicitInput(in), true);
            return RowSchema.open();
        }
    }

    static final class Facet implements OperatorRule<QueryOperator.Facet> {
        @Override
        public Class<QueryOperator.Facet> syntax() {
            return QueryOperator.Facet.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Facet f, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            if (f.subquery() != null) ob.tb.bind(f.subquery(), c.withImplicitInput(in), true);
            return RowSchema.open();
        }
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/**
 * One tabular operator's schema rule, after Kusto.Language's binder: the input row schema to the output row
 * schema, binding the operator's expressions on the way. The binder's mirror of the engine's
 * {@code TabularOperator}; every rule is registered in {@link OperatorRules}, one per parser record.
 */
interface OperatorRule<T extends QueryOperator> {

    Class<T> syntax();

    /**
     * @param in the rows piped in; null only for a rule that {@link #startsQuery() starts a query} and has none
     * @param c  the binding context with {@code in} as its row
     */
    RowSchema bind(T op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c);

    /**
     * True for an operator that can start a query without input (union, print, range, search, find, evaluate):
     * at a query head it then gets no rows rather than an open schema.
     */
    default boolean startsQuery() {
        return false;
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.QueryOperator;

/** One tabular operator's evaluation: input table (null when the operator starts the query) to output table. */
interface TabularOperator<T extends QueryOperator> {

    Class<T> syntax();

    Table apply(T op, Table input, Evaluator evaluator, Scope scope);
}

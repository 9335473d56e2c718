package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

/**
 * A time restriction found in a {@code where}: a datetime column compared with a bound
 * ({@code TimeGenerated > ago(1d)}, {@code Timestamp between (start .. end)}), for rules such as "every table
 * read needs a time filter" or "lookback longer than the rule's query period".
 *
 * @param where      the operator holding the predicate
 * @param column     the datetime column's name
 * @param comparison the comparison or between expression
 * @param bound      the other side ({@code ago(1d)}), or the low end of a between
 */
public record TimeFilter(QueryOperator.Where where, String column, Expr comparison, Expr bound) {
}

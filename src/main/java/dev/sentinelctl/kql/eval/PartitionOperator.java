package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code partition by Column (subquery)} (partition-operator.md): the subquery runs on the rows of each distinct
 * value of the column and the results are concatenated. The subquery must be a chain of operators over the
 * partition ({@code (top 1 by x)}); the {@code { ... }} form with a named source is refused.
 */
final class PartitionOperator implements TabularOperator<QueryOperator.Partition> {

    @Override
    public Class<QueryOperator.Partition> syntax() {
        return QueryOperator.Partition.class;
    }

    @Override
    public Table apply(QueryOperator.Partition op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        if (!startsWithOperator(op.subquery())) {
            throw EvalException.unsupported("partition whose subquery does not start with an operator", op.subquery());
        }
        Ev key = new ExprCompiler(evaluator, in, scope).compile(op.column());
        Map<Object, JoinOperator.IntList> parts = new LinkedHashMap<>();
        Object nullKey = new Object();
        for (int r = 0; r < in.rowCount(); r++) {
            Object v = key.eval(r);
            Object k = v == null ? nullKey : Comparisons.normalise(key.type(), v);
            parts.computeIfAbsent(k, x -> new JoinOperator.IntList()).add(r);
        }
        List<Table> outs = new ArrayList<>();
        List<Column> schema = null;
        for (JoinOperator.IntList rows : parts.values()) {
            Table out = MvApplyOperator.subquery(op.subquery(), in.gather(rows.a, rows.n), evaluator, scope);
            if (schema == null) schema = out.columns();
            else if (!schema.equals(out.columns())) {
                throw EvalException.unsupported("partition whose subquery gives different schemas per partition", op.subquery());
            }
            outs.add(out);
        }
        if (schema == null) return MvApplyOperator.subquery(op.subquery(), in, evaluator, scope);
        return Tables.concat(in.name(), schema, outs);
    }

    private static boolean startsWithOperator(Expr e) {
        Expr x = e;
        while (true) {
            if (x instanceof Expr.Paren p) x = p.inner();
            else if (x instanceof Expr.Pipe p) x = p.source();
            else return x instanceof QueryOperator;
        }
    }
}

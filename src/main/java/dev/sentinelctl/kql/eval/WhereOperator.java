package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.QueryOperator;

/** {@code where}/{@code filter}: keeps rows whose predicate is true; null counts as false (null-values.md). */
final class WhereOperator implements TabularOperator<QueryOperator.Where> {

    @Override
    public Class<QueryOperator.Where> syntax() {
        return QueryOperator.Where.class;
    }

    @Override
    public Table apply(QueryOperator.Where op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        Ev p = ExprCompiler.bool(new ExprCompiler(evaluator, in, scope).compile(op.predicate()), op.predicate());
        int n = in.rowCount();
        int[] keep = new int[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (p.eval(r) == Boolean.TRUE) keep[k++] = r;
        }
        return k == n ? in : in.gather(keep, k);
    }
}

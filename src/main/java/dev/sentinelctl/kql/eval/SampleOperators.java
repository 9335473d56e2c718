package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code sample N} and {@code sample-distinct N of expr} (sample-operator.md, sample-distinct-operator.md): N rows,
 * or N distinct values, drawn at random. The docs promise no particular rows, so any draw is a right answer; tests
 * check sizes and membership, never which rows came out.
 */
final class SampleOperators {

    private SampleOperators() {
    }

    /** Up to {@code k} of {@code 0..n-1} at random, in ascending order (input order is kept). */
    static int[] pick(int n, int k) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int m = Math.min(n, k);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(idx, m);
        java.util.Arrays.sort(out);
        return out;
    }

    static final class Sample implements TabularOperator<QueryOperator.Sample> {
        @Override
        public Class<QueryOperator.Sample> syntax() {
            return QueryOperator.Sample.class;
        }

        @Override
        public Table apply(QueryOperator.Sample op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            long k = RowOperators.count(op.count(), evaluator, scope);
            int[] idx = pick(in.rowCount(), (int) Math.min(k, Integer.MAX_VALUE));
            return in.gather(idx, idx.length);
        }
    }

    static final class SampleDistinct implements TabularOperator<QueryOperator.SampleDistinct> {
        @Override
        public Class<QueryOperator.SampleDistinct> syntax() {
            return QueryOperator.SampleDistinct.class;
        }

        @Override
        public Table apply(QueryOperator.SampleDistinct op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            long k = RowOperators.count(op.count(), evaluator, scope);
            Ev v = new ExprCompiler(evaluator, in, scope).compile(op.expression());
            String name = evaluator.names.of(op.expression());
            if (name == null) name = "Column1";
            Set<Object> seen = new HashSet<>();
            List<Object> values = new ArrayList<>();
            for (int r = 0; r < in.rowCount(); r++) {
                Object x = v.eval(r);
                if (seen.add(x == null ? List.of() : Comparisons.normalise(v.type(), x))) values.add(x);
            }
            int[] idx = pick(values.size(), (int) Math.min(k, Integer.MAX_VALUE));
            Vec.Builder b = Vec.builder(v.type(), idx.length);
            for (int i : idx) b.add(values.get(i));
            return Table.of(in.name(), List.of(new Column(name, v.type())), List.of(b.build()), idx.length);
        }
    }
}

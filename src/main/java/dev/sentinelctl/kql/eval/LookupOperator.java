package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.List;
import java.util.Map;

/**
 * {@code lookup}: {@code leftouter} by default (or {@code inner}); the right side's key columns are dropped
 * (lookup-operator.md). Each left row takes every matching right row.
 */
final class LookupOperator implements TabularOperator<QueryOperator.Lookup> {

    @Override
    public Class<QueryOperator.Lookup> syntax() {
        return QueryOperator.Lookup.class;
    }

    @Override
    public Table apply(QueryOperator.Lookup op, Table input, Evaluator evaluator, Scope scope) {
        Table left = Operators.requireInput(input, op);
        String kind = JoinOperator.param(op.parameters(), "kind", "leftouter", evaluator, scope);
        if (!kind.equals("leftouter") && !kind.equals("inner")) throw EvalException.bind("lookup kind is leftouter or inner, not " + kind, op);
        Table right = evaluator.table(op.right(), scope);
        JoinKeys keys = new JoinKeys(op.on(), left, right, evaluator, scope, op);
        Map<Object, List<Integer>> index = keys.index(right.rowCount(), keys.right);
        JoinOperator.IntList li = new JoinOperator.IntList(), ri = new JoinOperator.IntList();
        for (int r = 0; r < left.rowCount(); r++) {
            Object key = JoinKeys.key(keys.left, r);
            List<Integer> m = key == null ? null : index.get(key);
            if (m == null) {
                if (kind.equals("leftouter")) {
                    li.add(r);
                    ri.add(-1);
                }
                continue;
            }
            for (int x : m) {
                li.add(r);
                ri.add(x);
            }
        }
        return JoinOperator.combine(left.gather(li.a, li.n), right.gather(ri.a, ri.n), keys.sameNameColumns);
    }
}

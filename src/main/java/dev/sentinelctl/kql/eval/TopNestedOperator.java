package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code top-nested N1 of A by agg1, top-nested N2 of B by agg2 ...} (top-nested-operator.md): the top N1 values of
 * A by agg1, within each the top N2 values of B by agg2, and so on; one output row per leaf with its ancestors'
 * values and aggregates. Columns: each level's value (named as its expression) and its aggregate
 * ({@code aggregated_A}, or the aggregate's own name). {@code with others = V} adds a row for the rest. Ties are
 * broken by first appearance.
 */
final class TopNestedOperator implements TabularOperator<QueryOperator.TopNested> {

    @Override
    public Class<QueryOperator.TopNested> syntax() {
        return QueryOperator.TopNested.class;
    }

    private record Level(Long count, Ev value, String name, Aggregates.Agg agg, String aggName, boolean asc, Object others, boolean hasOthers) {
    }

    @Override
    public Table apply(QueryOperator.TopNested op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        ExprCompiler constants = new ExprCompiler(evaluator, null, scope);
        List<Level> levels = new ArrayList<>();
        int auto = 1;
        for (Clause.TopNestedLevel l : op.levels().items()) {
            Long n = l.count() == null ? null : RowOperators.count(l.count(), evaluator, scope);
            Ev value = cx.compile(l.expression());
            String name = evaluator.names.of(l.expression());
            if (name == null) name = "Column" + auto++;
            Expr aggExpr = l.aggregate() instanceof Expr.Named nm ? nm.value() : l.aggregate();
            if (!(aggExpr instanceof Expr.FunctionCall call) || !Aggregates.isAggregate(call.functionName())) {
                throw EvalException.unsupported("top-nested with an aggregate expression that is not one aggregate call", l.aggregate());
            }
            Aggregates.Agg agg = Aggregates.compile(call, cx);
            if (agg.outputs().size() != 1) throw EvalException.unsupported("top-nested with a multi-column aggregate", call);
            String aggName = l.aggregate() instanceof Expr.Named nm2 ? Tables.derivedName(nm2) : "aggregated_" + name;
            boolean asc = l.direction() != null && l.direction().text().equals("asc");
            Object others = null;
            boolean hasOthers = l.othersValue() != null;
            if (hasOthers) {
                Ev o = constants.compile(l.othersValue());
                others = Convert.to(value.type(), o.type(), o.eval(0));
            }
            levels.add(new Level(n, value, name, agg, aggName, asc, others, hasOthers));
        }
        List<Object[]> out = new ArrayList<>();
        int[] all = new int[in.rowCount()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        descend(levels, 0, all, all.length, new Object[levels.size() * 2], out);
        List<Column> cols = new ArrayList<>();
        List<Vec> vecs = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            ScalarType at = l.agg().outputs().get(0).type();
            for (int part = 0; part < 2; part++) {
                ScalarType t = part == 0 ? l.value().type() : at;
                Vec.Builder b = Vec.builder(t, out.size());
                for (Object[] row : out) b.add(row[i * 2 + part]);
                String name = Tables.unique(part == 0 ? l.name() : l.aggName(), taken);
                taken.add(name);
                cols.add(new Column(name, t));
                vecs.add(b.build());
            }
        }
        return Table.of(in.name(), cols, vecs, out.size());
    }

    private static void descend(List<Level> levels, int depth, int[] rows, int n, Object[] prefix, List<Object[]> out) {
        if (depth == levels.size()) {
            out.add(prefix.clone());
            return;
        }
        Level l = levels.get(depth);
        Map<Object, JoinOperator.IntList> groups = new LinkedHashMap<>();
        Map<Object, Object> firstValue = new LinkedHashMap<>();
        Object nullKey = new Object();
        for (int i = 0; i < n; i++) {
            Object v = l.value().eval(rows[i]);
            Object k = v == null ? nullKey : Comparisons.normalise(l.value().type(), v);
            groups.computeIfAbsent(k, x -> new JoinOperator.IntList()).add(rows[i]);
            firstValue.putIfAbsent(k, v);
        }
        List<Object> keys = new ArrayList<>(groups.keySet());
        Map<Object, Object> aggs = new LinkedHashMap<>();
        ScalarType at = l.agg().outputs().get(0).type();
        for (Object k : keys) aggs.put(k, aggregate(l.agg(), groups.get(k)));
        keys.sort((a, b) -> {
            Object x = aggs.get(a), y = aggs.get(b);
            if (x == null || y == null) return x == y ? 0 : x == null ? 1 : -1;
            int c = Compare.compare(at, x, y);
            return l.asc() ? c : -c;
        });
        int keep = l.count() == null ? keys.size() : (int) Math.min(keys.size(), l.count());
        for (int i = 0; i < keep; i++) {
            Object k = keys.get(i);
            JoinOperator.IntList g = groups.get(k);
            prefix[depth * 2] = firstValue.get(k);
            prefix[depth * 2 + 1] = aggs.get(k);
            descend(levels, depth + 1, g.a, g.n, prefix, out);
        }
        if (l.hasOthers() && keep < keys.size()) {
            JoinOperator.IntList rest = new JoinOperator.IntList();
            for (int i = keep; i < keys.size(); i++) {
                JoinOperator.IntList g = groups.get(keys.get(i));
                for (int j = 0; j < g.n; j++) rest.add(g.a[j]);
            }
            prefix[depth * 2] = l.others();
            prefix[depth * 2 + 1] = aggregate(l.agg(), rest);
            descend(levels, depth + 1, rest.a, rest.n, prefix, out);
        }
    }

    private static Object aggregate(Aggregates.Agg agg, JoinOperator.IntList rows) {
        Aggregates.Acc acc = agg.newAcc();
        for (int j = 0; j < rows.n; j++) acc.add(rows.a[j]);
        return acc.result()[0];
    }
}

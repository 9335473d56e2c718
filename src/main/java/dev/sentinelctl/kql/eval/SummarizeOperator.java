package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * {@code summarize aggs by keys}: hash grouping; keys first, then aggregates. Without {@code by} an empty input
 * still gives one row of aggregate defaults; with {@code by} it gives none (summarize-operator.md).
 */
final class SummarizeOperator implements TabularOperator<QueryOperator.Summarize> {

    @Override
    public Class<QueryOperator.Summarize> syntax() {
        return QueryOperator.Summarize.class;
    }

    @Override
    public Table apply(QueryOperator.Summarize op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        List<Expr> keys = op.by() == null ? List.of() : op.by().expressions().items();
        List<Ev> keyEvs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int auto = 1;
        for (Expr k : keys) {
            keyEvs.add(cx.compile(k));
            String name = evaluator.names.of(k);
            if (name == null) name = "Column" + auto++;
            names.add(Tables.unique(name, names));
        }
        cx = new ExprCompiler(evaluator, in, scope, new java.util.HashSet<>(names));
        List<Aggregates.Agg> aggs = new ArrayList<>();
        List<String> aggNames = new ArrayList<>();
        List<Computed> computed = new ArrayList<>();
        int autoName = 1;
        for (Expr a : op.aggregates().items()) {
            Expr value = a instanceof Expr.Named n ? n.value() : a;
            if (!(value instanceof Expr.FunctionCall call) || !Aggregates.isAggregate(call.functionName())) {
                // an expression over aggregates (x = max(T) - min(T)): aggregates become hidden columns, then the
                // expression is evaluated per group over them
                List<Expr.FunctionCall> calls = new ArrayList<>();
                collectAggregates(value, calls, scope);
                if (calls.isEmpty()) {
                    if (value instanceof Expr.FunctionCall call2 && !Functions.isScalar(call2.functionName())) {
                        throw EvalException.unsupported("aggregate function '" + call2.functionName() + "'", call2);
                    }
                    throw EvalException.bind("summarize expression without an aggregate ('" + ExprCompiler.text(a) + "')", a);
                }
                String name = a instanceof Expr.Named n2 && n2.target() instanceof dev.sentinelctl.kql.syntax.Name nm2 ? nm2.simpleName() : null;
                // unnamed: Kusto's result-name rules see through scalar wrappers (round(avg(x), 2) is avg_x)
                if (name == null) name = evaluator.names.of(value);
                if (name == null) name = "Column" + autoName++;
                List<Integer> hidden = new ArrayList<>();
                for (Expr.FunctionCall c : calls) {
                    Aggregates.Agg agg = Aggregates.compile(c, cx);
                    if (agg.outputs().size() != 1) throw EvalException.unsupported("a multi-column aggregate inside an expression", c);
                    hidden.add(aggNames.size());
                    aggs.add(agg);
                    aggNames.add("\u0000hidden" + aggNames.size());
                }
                computed.add(new Computed(name, value, calls, hidden));
                continue;
            }
            Aggregates.Agg agg = Aggregates.compile(call, cx);
            aggs.add(agg);
            List<Aggregates.Out> outs = agg.outputs();
            if (a instanceof Expr.Named n) {
                if (n.target() instanceof dev.sentinelctl.kql.syntax.Name nm) {
                    if (outs.size() == 1) aggNames.add(nm.simpleName());
                    else {
                        // arg_max(...) named: the first column takes the name
                        aggNames.add(nm.simpleName());
                        for (int i = 1; i < outs.size(); i++) aggNames.add(outs.get(i).name());
                    }
                } else if (n.target() instanceof dev.sentinelctl.kql.syntax.NameTarget.Tuple tuple) {
                    for (int i = 0; i < outs.size(); i++) {
                        aggNames.add(i < tuple.names().size() ? tuple.names().get(i).simpleName() : outs.get(i).name());
                    }
                }
            } else {
                for (Aggregates.Out o : outs) aggNames.add(o.name());
            }
        }
        int n = in.rowCount();
        int k = keyEvs.size();
        Grouping grouping = Grouping.of(keyEvs, n);
        int groups = grouping.groups();
        List<Vec[]> results = new ArrayList<>();
        for (Aggregates.Agg agg : aggs) results.add(agg.aggregate(grouping.group(), n, groups));
        // output
        List<Column> cols = new ArrayList<>();
        List<Vec> vecs = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            String name = Tables.unique(names.get(i), taken);
            taken.add(name);
            cols.add(new Column(name, keyEvs.get(i).type()));
            vecs.add(grouping.keys()[i]);
        }
        int nameIdx = 0;
        for (int a = 0; a < aggs.size(); a++) {
            List<Aggregates.Out> outs = aggs.get(a).outputs();
            for (int i = 0; i < outs.size(); i++) {
                String name = Tables.unique(aggNames.get(nameIdx++), taken);
                taken.add(name);
                cols.add(new Column(name, outs.get(i).type()));
                vecs.add(results.get(a)[i]);
            }
        }
        Table out = Table.of(in.name(), cols, vecs, groups);
        return computed.isEmpty() ? out : finish(out, computed, k, evaluator, scope);
    }

    /** An expression over aggregates: its name, expression, the aggregate calls in it and their hidden output positions. */
    private record Computed(String name, Expr expression, List<Expr.FunctionCall> calls, List<Integer> hidden) {
    }

    private static void collectAggregates(dev.sentinelctl.kql.syntax.SyntaxElement e, List<Expr.FunctionCall> out, Scope scope) {
        if (e instanceof Expr.FunctionCall c && Aggregates.isAggregate(c.functionName()) && !(scope.get(c.functionName()) instanceof Scope.FunctionValue)) {
            out.add(c);
            return;
        }
        if (e instanceof dev.sentinelctl.kql.syntax.SyntaxNode n) {
            for (dev.sentinelctl.kql.syntax.SyntaxElement child : n.children()) collectAggregates(child, out, scope);
        }
    }

    /** Replaces each computed item's hidden aggregate columns by the item's value, at the first hidden position. */
    private static Table finish(Table out, List<Computed> computed, int keyCount, Evaluator evaluator, Scope scope) {
        java.util.Map<Integer, Computed> at = new HashMap<>();
        java.util.Set<Integer> hiddenCols = new java.util.HashSet<>();
        for (Computed c : computed) {
            at.put(keyCount + c.hidden().get(0), c);
            for (int h : c.hidden()) hiddenCols.add(keyCount + h);
        }
        List<Column> cols = new ArrayList<>();
        List<Vec> vecs = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < out.columns().size(); i++) {
            Computed c = at.get(i);
            if (c != null) {
                java.util.IdentityHashMap<Expr, Ev> pre = new java.util.IdentityHashMap<>();
                for (int j = 0; j < c.calls().size(); j++) pre.put(c.calls().get(j), Ev.column(out.vec(keyCount + c.hidden().get(j))));
                Ev v = new ExprCompiler(evaluator, out, scope, java.util.Set.of(), pre).compile(c.expression());
                String name = Tables.unique(c.name(), taken);
                taken.add(name);
                cols.add(new Column(name, v.type()));
                vecs.add(Tables.materialize(v, out.rowCount()));
            } else if (!hiddenCols.contains(i)) {
                taken.add(out.columns().get(i).name());
                cols.add(out.columns().get(i));
                vecs.add(out.vec(i));
            }
        }
        return Table.of(out.name(), cols, vecs, out.rowCount());
    }

}

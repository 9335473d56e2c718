package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code make-series aggs on Axis from A to B step S by keys} (make-series-operator.md): per group, one array
 * per aggregate with a value per bin {@code [A, B)} (the default, 0 unless given, where a bin has no rows), then
 * the axis array. Output: keys, aggregates, axis.
 */
final class MakeSeriesOperator implements TabularOperator<QueryOperator.MakeSeries> {

    @Override
    public Class<QueryOperator.MakeSeries> syntax() {
        return QueryOperator.MakeSeries.class;
    }

    @Override
    public Table apply(QueryOperator.MakeSeries op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        ExprCompiler constants = new ExprCompiler(evaluator, null, scope);
        Ev axis = cx.compile(op.axis());
        String axisName = Tables.derivedName(op.axis());
        if (axisName == null) axisName = "Column1";
        Clause.SeriesRange range = op.range();
        Expr fromE = range.fromValue(), toE = range.toValue(), stepE = range.stepValue();
        if (range.inRange() instanceof Expr.FunctionCall rc && rc.functionName().equals("range") && rc.arguments().size() == 3) {
            fromE = rc.arguments().get(0);
            toE = rc.arguments().get(1);
            stepE = rc.arguments().get(2);
        }
        if (stepE == null) throw EvalException.bind("make-series needs a step", op);
        ScalarType at = axis.type();
        boolean timeAxis = at == ScalarType.DATETIME || at == ScalarType.TIMESPAN;
        if (!timeAxis && !at.isNumeric()) throw EvalException.bind("make-series axis must be a datetime, timespan or number", op.axis());
        if (!timeAxis) throw EvalException.unsupported("make-series on a numeric axis", op.axis());
        long step = (Long) Convert.to(ScalarType.TIMESPAN, constants.compile(stepE).type(), constants.compile(stepE).eval(0));
        if (step <= 0) throw EvalException.runtime("make-series step must be positive", stepE);
        Long from = fromE == null ? null : (Long) Convert.to(at, constants.compile(fromE).type(), constants.compile(fromE).eval(0));
        Long to = toE == null ? null : (Long) Convert.to(at, constants.compile(toE).type(), constants.compile(toE).eval(0));
        if (from == null || to == null) {
            long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
            for (int r = 0; r < in.rowCount(); r++) {
                Object v = axis.eval(r);
                if (v == null) continue;
                min = Math.min(min, (Long) v);
                max = Math.max(max, (Long) v);
            }
            if (from == null) from = min == Long.MAX_VALUE ? 0L : Math.floorDiv(min, step) * step;
            if (to == null) to = max == Long.MIN_VALUE ? from : max + 1;
        }
        int bins = (int) Math.max(0, Math.min(1_000_000, (to - from + step - 1) / step));
        // keys
        List<Expr> keys = op.by() == null ? List.of() : op.by().expressions().items();
        List<Ev> keyEvs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Expr k : keys) {
            keyEvs.add(cx.compile(k));
            String n = evaluator.names.of(k);
            names.add(n == null ? "Column" + (names.size() + 1) : n);
        }
        // aggregates
        List<Aggregates.Agg> aggs = new ArrayList<>();
        List<String> aggNames = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (Clause.SeriesAggregate sa : op.aggregates().items()) {
            Expr e = sa.expression();
            Expr value = e instanceof Expr.Named n ? n.value() : e;
            if (!(value instanceof Expr.FunctionCall call) || !Aggregates.isAggregate(call.functionName())) {
                throw EvalException.unsupported("make-series expression that is not an aggregate call", e);
            }
            Aggregates.Agg agg = Aggregates.compile(call, cx);
            if (agg.outputs().size() != 1) throw EvalException.unsupported("make-series with a multi-column aggregate", e);
            aggs.add(agg);
            aggNames.add(e instanceof Expr.Named n ? Tables.derivedName(n) : agg.outputs().get(0).name());
            Object d = 0L;
            if (sa.defaultValue() != null) {
                Ev dv = constants.compile(sa.defaultValue());
                d = Values.toJson(dv.type(), dv.eval(0));
            }
            defaults.add(d);
        }
        // group rows
        Map<List<Object>, Integer> groups = new HashMap<>();
        List<Object[]> groupKeys = new ArrayList<>();
        List<Map<Integer, Aggregates.Acc[]>> cells = new ArrayList<>();
        for (int r = 0; r < in.rowCount(); r++) {
            Object a = axis.eval(r);
            if (a == null || (Long) a < from || (Long) a >= to) continue;
            int bin = (int) ((((Long) a) - from) / step);
            Object[] key = new Object[keyEvs.size()];
            for (int i = 0; i < key.length; i++) key[i] = keyEvs.get(i).eval(r);
            List<Object> nk = Arrays.asList(key);
            Integer g = groups.get(nk);
            if (g == null) {
                g = groupKeys.size();
                groups.put(nk, g);
                groupKeys.add(key);
                cells.add(new HashMap<>());
            }
            Aggregates.Acc[] accs = cells.get(g).get(bin);
            if (accs == null) {
                accs = new Aggregates.Acc[aggs.size()];
                for (int i = 0; i < accs.length; i++) accs[i] = aggs.get(i).newAcc();
                cells.get(g).put(bin, accs);
            }
            for (Aggregates.Acc acc : accs) acc.add(r);
        }
        if (keyEvs.isEmpty() && groupKeys.isEmpty() && in.rowCount() > 0) {
            groupKeys.add(new Object[0]);
            cells.add(new HashMap<>());
        }
        int n = groupKeys.size();
        List<Column> cols = new ArrayList<>();
        List<Vec> vecs = new ArrayList<>();
        for (int i = 0; i < keyEvs.size(); i++) {
            Vec.Builder b = Vec.builder(keyEvs.get(i).type(), n);
            for (Object[] k : groupKeys) b.add(k[i]);
            cols.add(new Column(names.get(i), keyEvs.get(i).type()));
            vecs.add(b.build());
        }
        for (int a = 0; a < aggs.size(); a++) {
            Vec.Builder b = Vec.builder(ScalarType.DYNAMIC, n);
            ScalarType t = aggs.get(a).outputs().get(0).type();
            for (int g = 0; g < n; g++) {
                ArrayNode arr = Values.array();
                for (int bin = 0; bin < bins; bin++) {
                    Aggregates.Acc[] accs = cells.get(g).get(bin);
                    if (accs == null) {
                        Object d = defaults.get(a);
                        arr.add(d instanceof tools.jackson.databind.JsonNode j ? j : Values.toJson(ScalarType.LONG, d));
                    } else {
                        arr.add(Values.toJson(t, accs[a].result()[0]));
                    }
                }
                b.add(arr);
            }
            cols.add(new Column(aggNames.get(a), ScalarType.DYNAMIC));
            vecs.add(b.build());
        }
        Vec.Builder ax = Vec.builder(ScalarType.DYNAMIC, n);
        for (int g = 0; g < n; g++) {
            ArrayNode arr = Values.array();
            for (int bin = 0; bin < bins; bin++) arr.add(Values.toJson(at, from + bin * step));
            ax.add(arr);
        }
        cols.add(new Column(axisName, ScalarType.DYNAMIC));
        vecs.add(ax.build());
        return Table.of(in.name(), cols, vecs, n);
    }
}

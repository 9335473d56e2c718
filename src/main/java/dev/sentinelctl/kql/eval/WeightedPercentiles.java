package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;

/**
 * {@code percentilew(x, w, p)}, {@code percentilesw(x, w, p1, ...)}, {@code percentilesw_array(x, w, ...)}
 * (percentilesw-aggregation-function.md): each value counts as if repeated w times, then the nearest rank — the
 * value at rank ceil(p/100 · Σw) — as for the unweighted percentiles (the page's latency buckets give 20, 20, 40 for
 * 50, 75, 99.9). Columns {@code percentile_x_p} ({@code percentile_x} for the array form, as the page shows). A null
 * or negative weight is refused: the page does not say how it counts.
 */
final class WeightedPercentiles {

    private WeightedPercentiles() {
    }

    static Aggregates.Agg compile(List<Expr> a, ExprCompiler cx, Expr.FunctionCall c, boolean asArray) {
        if (a.size() < 3) throw EvalException.bind(c.functionName() + " needs a value, a weight and a percentage", c);
        Ev e = cx.compile(a.get(0));
        Ev w = Comparisons.cast(cx.compile(a.get(1)), LONG);
        Aggregates.Percentages pct = Aggregates.Percentages.read(a, 2, cx, c);
        List<Double> ps = pct.values();
        List<String> labels = pct.labels();
        String d = cx.evaluator.names.of(a.get(0));
        String base = "percentile_" + (d == null ? "" : d);
        ScalarType t = e.type() == ScalarType.INT ? LONG : e.type();
        List<Aggregates.Out> outs = new ArrayList<>();
        if (asArray) outs.add(new Aggregates.Out(base, DYNAMIC));
        else for (String l : labels) outs.add(new Aggregates.Out(base + "_" + l, t));
        return new Aggregates.Agg() {
            public List<Aggregates.Out> outputs() {
                return outs;
            }

            public Aggregates.Acc newAcc() {
                return new Aggregates.Acc() {
                    final List<Object> values = new ArrayList<>();
                    final List<Long> weights = new ArrayList<>();

                    public void add(int r) {
                        Object v = e.eval(r);
                        if (v == null) return;
                        Object wt = w.eval(r);
                        if (wt == null || (Long) wt < 0) {
                            throw EvalException.unsupported(c.functionName() + " with a " + (wt == null ? "null" : "negative") + " weight", c);
                        }
                        values.add(v);
                        weights.add((Long) wt);
                    }

                    public Object[] result() {
                        Integer[] order = new Integer[values.size()];
                        for (int i = 0; i < order.length; i++) order[i] = i;
                        java.util.Arrays.sort(order, (x, y) -> Compare.compare(t, values.get(x), values.get(y)));
                        long total = 0;
                        for (long x : weights) total += x;
                        Object[] out = new Object[asArray ? 1 : ps.size()];
                        ArrayNode arr = Values.array();
                        for (int i = 0; i < ps.size(); i++) {
                            Object v = null;
                            if (total > 0) {
                                long rank = Math.max(1, (long) Math.ceil(ps.get(i) / 100.0 * total));
                                long seen = 0;
                                for (int k : order) {
                                    seen += weights.get(k);
                                    v = values.get(k);
                                    if (seen >= rank) break;
                                }
                            }
                            if (asArray) arr.add(Values.toJson(t, v));
                            else out[i] = v;
                        }
                        if (asArray) out[0] = arr;
                        return out;
                    }
                };
            }
        };
    }
}

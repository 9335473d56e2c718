package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;

/**
 * Aggregation functions of summarize. Nulls are ignored by every aggregate but count(); on an empty input
 * count/countif/dcount/sum give 0, make_* give [] and the others null (summarize-operator.md); a group whose
 * values are all null gives avg NaN. dcount is exact (Kusto's estimate is exact up to 1,000 distinct values at
 * the default accuracy; above that the engine's answer is the true count, which Kusto only approximates).
 */
final class Aggregates {

    private Aggregates() {
    }

    /** One output column of an aggregate. */
    record Out(String name, ScalarType type) {
    }

    /** A compiled aggregate: its output columns and a factory of per-group accumulators. */
    interface Agg {
        List<Out> outputs();

        Acc newAcc();

        /** One vector per output over all groups; {@code group[r]} is row r's group. Counting aggregates override it with arrays. */
        default Vec[] aggregate(int[] group, int rows, int groups) {
            Acc[] accs = new Acc[groups];
            for (int g = 0; g < groups; g++) accs[g] = newAcc();
            for (int r = 0; r < rows; r++) accs[group[r]].add(r);
            List<Out> outs = outputs();
            Vec.Builder[] bs = new Vec.Builder[outs.size()];
            for (int i = 0; i < bs.length; i++) bs[i] = Vec.builder(outs.get(i).type(), groups);
            for (int g = 0; g < groups; g++) {
                Object[] res = accs[g].result();
                for (int i = 0; i < bs.length; i++) bs[i].add(res[i]);
            }
            Vec[] out = new Vec[bs.length];
            for (int i = 0; i < bs.length; i++) out[i] = bs[i].build();
            return out;
        }
    }

    /** count() and countif(p) as one long per group. */
    private static Agg counting(String name, Ev predicate) {
        Agg perGroup = simple(name, LONG, () -> new Acc() {
            long n;

            public void add(int r) {
                if (predicate == null || predicate.eval(r) == Boolean.TRUE) n++;
            }

            public Object[] result() {
                return new Object[]{n};
            }
        });
        return new Agg() {
            public List<Out> outputs() {
                return perGroup.outputs();
            }

            public Acc newAcc() {
                return perGroup.newAcc();
            }

            public Vec[] aggregate(int[] group, int rows, int groups) {
                long[] counts = new long[Math.max(groups, 1)];
                for (int r = 0; r < rows; r++) {
                    if (predicate == null || predicate.eval(r) == Boolean.TRUE) counts[group[r]]++;
                }
                return new Vec[]{new Vec.Longs(LONG, counts, new java.util.BitSet(), groups)};
            }
        };
    }

    /**
     * dcount(e[, p]) exactly, as arrays over the groups: most groups see one value, so a group's set is made only
     * for its second distinct value.
     */
    private static Agg distinctCount(String name, Ev e, Ev predicate) {
        return new Agg() {
            public List<Out> outputs() {
                return List.of(new Out(name, LONG));
            }

            public Acc newAcc() {
                Object[] first = new Object[1];
                @SuppressWarnings("unchecked")
                Set<Object>[] seen = new Set[1];
                return new Acc() {
                    public void add(int r) {
                        Object norm = value(r);
                        if (norm != null) addDistinct(first, seen, 0, norm);
                    }

                    public Object[] result() {
                        return new Object[]{distinct(first, seen, 0)};
                    }
                };
            }

            /** The row's value as compared (normalised), or null when the row does not count. */
            private Object value(int r) {
                if (predicate != null && predicate.eval(r) != Boolean.TRUE) return null;
                Object v = e.eval(r);
                return v == null ? null : Comparisons.normalise(e.type(), v);
            }

            public Vec[] aggregate(int[] group, int rows, int groups) {
                Object[] first = new Object[Math.max(groups, 1)];
                @SuppressWarnings("unchecked")
                Set<Object>[] seen = new Set[Math.max(groups, 1)];
                for (int r = 0; r < rows; r++) {
                    Object norm = value(r);
                    if (norm != null) addDistinct(first, seen, group[r], norm);
                }
                long[] counts = new long[Math.max(groups, 1)];
                for (int g = 0; g < groups; g++) counts[g] = distinct(first, seen, g);
                return new Vec[]{new Vec.Longs(LONG, counts, new java.util.BitSet(), groups)};
            }
        };
    }

    private static void addDistinct(Object[] first, Set<Object>[] seen, int g, Object norm) {
        if (first[g] == null) {
            first[g] = norm;
        } else if (seen[g] == null) {
            if (!first[g].equals(norm)) {
                seen[g] = new HashSet<>();
                seen[g].add(first[g]);
                seen[g].add(norm);
            }
        } else {
            seen[g].add(norm);
        }
    }

    private static long distinct(Object[] first, Set<Object>[] seen, int g) {
        return seen[g] != null ? seen[g].size() : first[g] != null ? 1 : 0;
    }

    interface Acc {
        void add(int row);

        /** One value per output column. */
        Object[] result();
    }

    private interface Factory {
        Agg compile(List<Expr> args, ExprCompiler cx, Expr.FunctionCall call);
    }

    private static final Map<String, Factory> FACTORIES = build();

    static boolean isAggregate(String name) {
        return FACTORIES.containsKey(name);
    }

    static java.util.Set<String> names() {
        return FACTORIES.keySet();
    }

    static Agg compile(Expr.FunctionCall call, ExprCompiler cx) {
        Factory f = FACTORIES.get(call.functionName());
        if (f == null) throw EvalException.unsupported("aggregate function '" + call.functionName() + "'", call);
        return f.compile(call.arguments().items(), cx, call);
    }

    private static Map<String, Factory> build() {
        Map<String, Factory> m = new HashMap<>();
        m.put("count", (a, cx, c) -> {
            if (!a.isEmpty()) {
                // count(expr) counts rows, as summarize-operator.md's example shows (count(y) of [null, 5] is 2)
                String d = cx.evaluator.names.of(a.get(0));
                return counting("count_" + (d == null ? "" : d), null);
            }
            return counting("count_", null);
        });
        m.put("countif", (a, cx, c) -> counting("countif_", pred(a, 0, cx, c)));
        Factory dcount = (a, cx, c) -> {
            Ev e = arg(a, 0, cx, c);
            Ev p = c.functionName().endsWith("if") ? pred(a, 1, cx, c) : null;
            return distinctCount(named(c.functionName(), a, cx), e, p);
        };
        m.put("dcount", dcount);
        m.put("dcountif", dcount);
        m.put("count_distinct", dcount);
        m.put("count_distinctif", dcount);
        Factory sum = (a, cx, c) -> {
            Ev e = arg(a, 0, cx, c);
            Ev p = c.functionName().endsWith("if") ? pred(a, 1, cx, c) : null;
            ScalarType t = switch (e.type()) {
                case INT, LONG, BOOL -> LONG;
                case REAL, DYNAMIC -> REAL;
                case DECIMAL -> ScalarType.DECIMAL;
                case TIMESPAN -> ScalarType.TIMESPAN;
                default -> throw EvalException.bind(c.functionName() + " cannot sum " + e.type().kustoName(), c);
            };
            Ev x = Comparisons.cast(e, t == ScalarType.TIMESPAN ? e.type() : t);
            return simple(named(c.functionName(), a, cx), t, () -> new Acc() {
                long l;
                double d;
                java.math.BigDecimal dec = java.math.BigDecimal.ZERO;

                public void add(int r) {
                    if (p != null && p.eval(r) != Boolean.TRUE) return;
                    Object v = x.eval(r);
                    if (v == null) return;
                    if (t == REAL) d += (Double) v;
                    else if (t == ScalarType.DECIMAL) dec = dec.add((java.math.BigDecimal) v);
                    else l += (Long) v;
                }

                public Object[] result() {
                    return new Object[]{t == REAL ? (Object) d : t == ScalarType.DECIMAL ? dec : l};
                }
            });
        };
        m.put("sum", sum);
        m.put("sumif", sum);
        Factory avg = (a, cx, c) -> {
            Ev e = Comparisons.cast(arg(a, 0, cx, c), REAL);
            Ev p = c.functionName().endsWith("if") ? pred(a, 1, cx, c) : null;
            return simple(named(c.functionName(), a, cx), REAL, () -> new Acc() {
                double s;
                long n;
                boolean any;

                public void add(int r) {
                    if (p != null && p.eval(r) != Boolean.TRUE) return;
                    any = true;
                    Object v = e.eval(r);
                    if (v == null) return;
                    s += (Double) v;
                    n++;
                }

                public Object[] result() {
                    return new Object[]{n == 0 ? (any ? (Object) Double.NaN : null) : (Object) (s / n)};
                }
            });
        };
        m.put("avg", avg);
        m.put("avgif", avg);
        for (String name : List.of("min", "max", "minif", "maxif")) {
            boolean max = name.startsWith("max");
            m.put(name, (a, cx, c) -> {
                Ev e = arg(a, 0, cx, c);
                Ev p = name.endsWith("if") ? pred(a, 1, cx, c) : null;
                ScalarType t = e.type() == ScalarType.INT ? ScalarType.INT : e.type();
                return simple(named(name, a, cx), t, () -> new Acc() {
                    Object best;

                    public void add(int r) {
                        if (p != null && p.eval(r) != Boolean.TRUE) return;
                        Object v = e.eval(r);
                        if (v == null) return;
                        if (best == null || (max ? Compare.compare(t, v, best) > 0 : Compare.compare(t, v, best) < 0)) best = v;
                    }

                    public Object[] result() {
                        return new Object[]{best};
                    }
                });
            });
        }
        Factory takeAny = (a, cx, c) -> {
            boolean conditional = c.functionName().endsWith("if");
            List<Ev> evs = new ArrayList<>();
            List<Out> outs = new ArrayList<>();
            int n = conditional ? 1 : a.size();
            for (int i = 0; i < n; i++) {
                if (a.get(i) instanceof Expr.Star) {
                    for (int col = 0; col < cx.input.columns().size(); col++) {
                        if (cx.groupKeys.contains(cx.input.columns().get(col).name())) continue;
                        evs.add(Ev.column(cx.input.vec(col)));
                        outs.add(new Out(cx.input.columns().get(col).name(), cx.input.type(col)));
                    }
                    continue;
                }
                Ev e = cx.compile(a.get(i));
                evs.add(e);
                String d = cx.evaluator.names.of(a.get(i));
                outs.add(new Out(n == 1 ? (d == null ? "any_" : "any_" + d) : (d == null ? "any_" + i : d), e.type()));
            }
            Ev p = conditional ? pred(a, 1, cx, c) : null;
            return new Agg() {
                public List<Out> outputs() {
                    return outs;
                }

                public Acc newAcc() {
                    return new Acc() {
                        Object[] got;

                        public void add(int r) {
                            if (got != null) return;
                            if (p != null && p.eval(r) != Boolean.TRUE) return;
                            got = new Object[evs.size()];
                            for (int i = 0; i < got.length; i++) got[i] = evs.get(i).eval(r);
                        }

                        public Object[] result() {
                            return got == null ? new Object[evs.size()] : got;
                        }
                    };
                }
            };
        };
        m.put("take_any", takeAny);
        m.put("any", takeAny);
        m.put("take_anyif", takeAny);
        m.put("anyif", takeAny);
        for (String name : List.of("make_set", "makeset", "make_set_if", "make_list", "makelist", "make_list_if", "make_list_with_nulls")) {
            boolean set = name.contains("set");
            boolean conditional = name.endsWith("_if");
            boolean withNulls = name.endsWith("with_nulls");
            int defaultMax = name.startsWith("make") && !name.startsWith("make_") ? 128 : 1_048_576;
            m.put(name, (a, cx, c) -> {
                Ev e = arg(a, 0, cx, c);
                Ev p = conditional ? pred(a, 1, cx, c) : null;
                int maxIdx = conditional ? 2 : 1;
                long max = a.size() > maxIdx ? RowOperators.count(a.get(maxIdx), cx.evaluator, cx.scope) : defaultMax;
                String d = cx.evaluator.names.of(a.get(0));
                String out = (set ? "set_" : "list_") + (d == null ? "" : d);
                ScalarType t = e.type();
                return simple(out, DYNAMIC, () -> new Acc() {
                    final ArrayNode list = Values.array();
                    final Set<JsonNode> seen = set ? new LinkedHashSet<>() : null;

                    public void add(int r) {
                        if (p != null && p.eval(r) != Boolean.TRUE) return;
                        Object v = e.eval(r);
                        if (v == null && !withNulls) return;
                        JsonNode j = Values.toJson(t, v);
                        if (set) {
                            if (j.isArray()) {
                                for (JsonNode el : j) addOne(el);
                            } else {
                                addOne(j);
                            }
                        } else if (list.size() < max) {
                            list.add(j);
                        }
                    }

                    private void addOne(JsonNode j) {
                        if (seen.size() < max && !j.isNull() && seen.add(j)) list.add(j);
                    }

                    public Object[] result() {
                        return new Object[]{list};
                    }
                });
            });
        }
        for (String name : List.of("make_bag", "make_bag_if")) {
            m.put(name, (a, cx, c) -> {
                Ev e = arg(a, 0, cx, c);
                Ev p = name.endsWith("_if") ? pred(a, 1, cx, c) : null;
                String d = cx.evaluator.names.of(a.get(0));
                return simple("bag_" + (d == null ? "" : d), DYNAMIC, () -> new Acc() {
                    final ObjectNode bag = Values.object();

                    public void add(int r) {
                        if (p != null && p.eval(r) != Boolean.TRUE) return;
                        Object v = e.eval(r);
                        if (v instanceof JsonNode j && j.isObject()) {
                            for (Map.Entry<String, JsonNode> en : j.properties()) {
                                if (!bag.has(en.getKey())) bag.set(en.getKey(), en.getValue());
                            }
                        }
                    }

                    public Object[] result() {
                        return new Object[]{bag};
                    }
                });
            });
        }
        for (String name : List.of("arg_max", "arg_min", "argmax", "argmin")) {
            boolean max = name.contains("max");
            m.put(name, (a, cx, c) -> argBest(a, cx, c, max));
        }
        for (String name : List.of("stdev", "stdevp", "variance", "variancep", "stdevif", "varianceif")) {
            m.put(name, (a, cx, c) -> {
                Ev e = Comparisons.cast(arg(a, 0, cx, c), REAL);
                Ev p = name.endsWith("if") ? pred(a, 1, cx, c) : null;
                boolean population = name.endsWith("p");
                boolean sd = name.startsWith("stdev");
                return simple(named(name, a, cx), REAL, () -> new Acc() {
                    double s, s2;
                    long n;

                    public void add(int r) {
                        if (p != null && p.eval(r) != Boolean.TRUE) return;
                        Object v = e.eval(r);
                        if (v == null) return;
                        double x = (Double) v;
                        s += x;
                        s2 += x * x;
                        n++;
                    }

                    public Object[] result() {
                        if (n == 0 || (!population && n == 1)) return new Object[]{0.0};
                        double mean = s / n;
                        double var = (s2 - n * mean * mean) / (population ? n : n - 1);
                        if (var < 0) var = 0;
                        return new Object[]{sd ? Math.sqrt(var) : var};
                    }
                });
            });
        }
        for (String name : List.of("binary_all_and", "binary_all_or", "binary_all_xor")) {
            m.put(name, (a, cx, c) -> {
                Ev e = Comparisons.cast(arg(a, 0, cx, c), LONG);
                String d = cx.evaluator.names.of(a.get(0));
                return simple(name + "_" + (d == null ? "" : d), LONG, () -> new Acc() {
                    Long acc;

                    public void add(int r) {
                        Object v = e.eval(r);
                        if (v == null) return;
                        long x = (Long) v;
                        acc = acc == null ? x : name.endsWith("and") ? acc & x : name.endsWith("or") ? acc | x : acc ^ x;
                    }

                    public Object[] result() {
                        return new Object[]{acc};
                    }
                });
            });
        }
        for (String name : List.of("covariance", "covariancep", "covarianceif", "covariancepif")) {
            boolean population = name.startsWith("covariancep");
            boolean conditional = name.endsWith("if");
            m.put(name, (a, cx, c) -> {
                Ev x = Comparisons.cast(arg(a, 0, cx, c), REAL), y = Comparisons.cast(arg(a, 1, cx, c), REAL);
                Ev p = conditional ? pred(a, 2, cx, c) : null;
                String dx = cx.evaluator.names.of(a.get(0)), dy = cx.evaluator.names.of(a.get(1));
                return simple(name + "_" + (dx == null ? "" : dx) + "_" + (dy == null ? "" : dy), REAL, () -> new Acc() {
                    double sx, sy, sxy;
                    long n;

                    public void add(int r) {
                        if (p != null && p.eval(r) != Boolean.TRUE) return;
                        Object u = x.eval(r), v = y.eval(r);
                        if (u == null || v == null) return;
                        sx += (Double) u;
                        sy += (Double) v;
                        sxy += (Double) u * (Double) v;
                        n++;
                    }

                    public Object[] result() {
                        if (n == 0 || (!population && n == 1)) return new Object[]{0.0};
                        double cov = (sxy - sx * sy / n) / (population ? n : n - 1);
                        return new Object[]{cov};
                    }
                });
            });
        }
        m.put("percentile", (a, cx, c) -> percentiles(a, cx, c, false));
        m.put("percentiles", (a, cx, c) -> percentiles(a, cx, c, false));
        m.put("percentiles_array", (a, cx, c) -> percentiles(a, cx, c, true));
        m.put("percentilew", (a, cx, c) -> WeightedPercentiles.compile(a, cx, c, false));
        m.put("percentilesw", (a, cx, c) -> WeightedPercentiles.compile(a, cx, c, false));
        m.put("percentilesw_array", (a, cx, c) -> WeightedPercentiles.compile(a, cx, c, true));
        m.put("buildschema", BuildSchema::compile);
        return Map.copyOf(m);
    }

    private static Agg argBest(List<Expr> a, ExprCompiler cx, Expr.FunctionCall c, boolean max) {
        if (a.isEmpty()) throw EvalException.bind(c.functionName() + " needs an expression to maximise", c);
        Ev key = cx.compile(a.get(0));
        List<Ev> evs = new ArrayList<>();
        List<Out> outs = new ArrayList<>();
        String keyName = cx.evaluator.names.of(a.get(0));
        outs.add(new Out(keyName == null ? (max ? "max_" : "min_") : keyName, key.type()));
        evs.add(key);
        for (int i = 1; i < a.size(); i++) {
            Expr x = a.get(i);
            if (x instanceof Expr.Star) {
                for (int col = 0; col < cx.input.columns().size(); col++) {
                    String n = cx.input.columns().get(col).name();
                    if (n.equals(keyName) || cx.groupKeys.contains(n)) continue;
                    evs.add(Ev.column(cx.input.vec(col)));
                    outs.add(new Out(n, cx.input.type(col)));
                }
                continue;
            }
            Ev e = cx.compile(x);
            String n = cx.evaluator.names.of(x);
            evs.add(e);
            outs.add(new Out(n == null ? "Column" + i : n, e.type()));
        }
        ScalarType kt = key.type();
        return new Agg() {
            public List<Out> outputs() {
                return outs;
            }

            public Acc newAcc() {
                return new Acc() {
                    Object best;
                    int bestRow = -1;
                    int firstRow = -1;

                    public void add(int r) {
                        if (firstRow < 0) firstRow = r;
                        Object v = key.eval(r);
                        if (v == null) return;
                        if (best == null || (max ? Compare.compare(kt, v, best) > 0 : Compare.compare(kt, v, best) < 0)) {
                            best = v;
                            bestRow = r;
                        }
                    }

                    public Object[] result() {
                        Object[] out = new Object[evs.size()];
                        // a group whose keys are all null still returns a row (arg-max-aggregation-function.md)
                        int row = bestRow >= 0 ? bestRow : firstRow;
                        if (row < 0) return out;
                        for (int i = 0; i < out.length; i++) out[i] = evs.get(i).eval(row);
                        return out;
                    }
                };
            }
        };
    }

    /** The percentages of a percentile(s) call from argument {@code from} on, and their column-name labels (99.9 → 99_9). */
    record Percentages(List<Double> values, List<String> labels) {
        static Percentages read(List<Expr> a, int from, ExprCompiler cx, Expr.FunctionCall c) {
            List<Double> ps = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = from; i < a.size(); i++) {
                Ev p = cx.compile(a.get(i));
                if (!p.isConstant()) throw EvalException.bind("percentile must be a constant", a.get(i));
                Object v = p.eval(0);
                if (p.type() == DYNAMIC && v instanceof JsonNode j && j.isArray()) {
                    for (JsonNode el : j) {
                        ps.add(el.doubleValue());
                        labels.add(el.asString().replace('.', '_'));
                    }
                } else {
                    ps.add(Arith.d(Convert.to(REAL, p.type(), v)));
                    labels.add(ExprCompiler.text(a.get(i)).replace('.', '_'));
                }
            }
            if (ps.isEmpty()) throw EvalException.bind(c.functionName() + " needs a percentage", c);
            return new Percentages(ps, labels);
        }
    }

    private static Agg percentiles(List<Expr> a, ExprCompiler cx, Expr.FunctionCall c, boolean asArray) {
        Ev e = arg(a, 0, cx, c);
        Percentages pct = Percentages.read(a, 1, cx, c);
        List<Double> ps = pct.values();
        List<String> labels = pct.labels();
        String d = cx.evaluator.names.of(a.get(0));
        List<Out> outs = new ArrayList<>();
        ScalarType t = e.type() == ScalarType.INT ? LONG : e.type();
        if (asArray) outs.add(new Out("percentiles_" + (d == null ? "" : d), DYNAMIC));
        else for (String l : labels) outs.add(new Out("percentile_" + (d == null ? "" : d) + "_" + l, t));
        return new Agg() {
            public List<Out> outputs() {
                return outs;
            }

            public Acc newAcc() {
                return new Acc() {
                    final List<Object> values = new ArrayList<>();

                    public void add(int r) {
                        Object v = e.eval(r);
                        if (v != null) values.add(v);
                    }

                    public Object[] result() {
                        values.sort((x, y) -> Compare.compare(t, x, y));
                        Object[] out = new Object[asArray ? 1 : ps.size()];
                        ArrayNode arr = Values.array();
                        for (int i = 0; i < ps.size(); i++) {
                            Object v = null;
                            if (!values.isEmpty()) {
                                // nearest rank (percentiles-aggregation-function.md): Kusto estimates with T-Digest,
                                // whose answer for small sets is the nearest-rank value
                                int rank = (int) Math.ceil(ps.get(i) / 100.0 * values.size());
                                v = values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
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

    private static String named(String fn, List<Expr> a, ExprCompiler cx) {
        String base = fn;
        String d = a.isEmpty() ? null : cx.evaluator.names.of(a.get(0));
        return base + "_" + (d == null ? "" : d);
    }

    private static Ev arg(List<Expr> a, int i, ExprCompiler cx, Expr.FunctionCall c) {
        if (a.size() <= i) throw EvalException.bind(c.functionName() + " needs argument " + (i + 1), c);
        return cx.compile(a.get(i));
    }

    private static Ev pred(List<Expr> a, int i, ExprCompiler cx, Expr.FunctionCall c) {
        return ExprCompiler.bool(arg(a, i, cx, c), a.get(i));
    }

    private interface AccSupplier {
        Acc get();
    }

    private static Agg simple(String name, ScalarType type, AccSupplier s) {
        List<Out> outs = List.of(new Out(name, type));
        return new Agg() {
            public List<Out> outputs() {
                return outs;
            }

            public Acc newAcc() {
                return s.get();
            }
        };
    }
}

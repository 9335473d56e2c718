package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sliding-window plugins over a time (or number) axis, each per combination of its dimension columns:
 * rolling_percentile, sliding_window_counts and active_users_count (rolling-percentile-plugin.md,
 * sliding-window-counts-plugin.md, active-users-count-plugin.md). Counts are exact.
 */
final class WindowPlugins {

    private WindowPlugins() {
    }

    /**
     * rolling_percentile(Value, Percentile, Index, BinSize, BinsPerWindow [, dims...]): per bin of {@code bin(Index,
     * BinSize)} (from the first to the last bin of the input) and dimension values, the nearest-rank percentile of the
     * values in that bin and the BinsPerWindow - 1 bins before it; a window without values gives no row.
     */
    static Table rollingPercentile(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        if (args.size() < 5) throw EvalException.bind("rolling_percentile(Value, Percentile, Index, BinSize, BinsPerWindow [, dims...])", call);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        Ev value = cx.compile(args.get(0));
        if (!isOrdered(value.type())) throw EvalException.bind("rolling_percentile's value must be a number, datetime or timespan", args.get(0));
        double pct = number(constant(cx, args.get(1)), args.get(1));
        Ev index = cx.compile(args.get(2));
        long size = axisStep(index, constant(cx, args.get(3)), args.get(3));
        long window = (long) number(constant(cx, args.get(4)), args.get(4));
        if (window < 1) throw EvalException.bind("BinsPerWindow must be at least 1", args.get(4));
        List<Expr> dimExprs = args.subList(5, args.size());
        List<Ev> dims = compileAll(cx, dimExprs);

        Map<List<Object>, TreeMap<Long, List<Object>>> groups = new LinkedHashMap<>();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (int r = 0; r < in.rowCount(); r++) {
            Object ix = index.eval(r), v = value.eval(r);
            if (ix == null || v == null) continue;
            long b = Math.floorDiv((Long) ix, size) * size;
            first = Math.min(first, b);
            last = Math.max(last, b);
            groups.computeIfAbsent(key(dims, r), k -> new TreeMap<>()).computeIfAbsent(b, k -> new ArrayList<>()).add(v);
        }
        String name = "rolling_" + window + "_percentile_" + nameOf(args.get(0), "value") + "_" + percentileText(args.get(1), pct);
        Out out = new Out(index.type(), nameOf(args.get(2), "Index"), dimExprs, dims, name, value.type());
        for (Map.Entry<List<Object>, TreeMap<Long, List<Object>>> g : groups.entrySet()) {
            for (long b = first; b <= last; b += size) {
                List<Object> values = new ArrayList<>();
                for (List<Object> vs : g.getValue().subMap(b - (window - 1) * size, true, b, true).values()) values.addAll(vs);
                if (values.isEmpty()) continue;
                values.sort(WindowPlugins::compare);
                int rank = (int) Math.ceil(pct / 100.0 * values.size());
                out.add(b, g.getKey(), values.get(Math.max(0, Math.min(values.size(), rank) - 1)));
            }
        }
        return out.build();
    }

    /**
     * sliding_window_counts(Id, Time, Start, End, Lookback, Bin [, dims...]): for each bin from Start to End (step
     * Bin, aligned on Start), Count and dcount of the ids whose time's bin lies in the Lookback ending with that bin
     * (the bins t - Lookback + Bin ... t); bins with a count of 0 give no row.
     */
    static Table slidingWindowCounts(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        if (args.size() < 6) throw EvalException.bind("sliding_window_counts(Id, Time, Start, End, Lookback, Bin [, dims...])", call);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        Ev id = cx.compile(args.get(0));
        Ev time = cx.compile(args.get(1));
        long start = axisValue(time, cx.compile(args.get(2)), args.get(2));
        long end = axisValue(time, cx.compile(args.get(3)), args.get(3));
        long lookback = axisStep(time, constant(cx, args.get(4)), args.get(4));
        long bin = axisStep(time, constant(cx, args.get(5)), args.get(5));
        List<Expr> dimExprs = args.subList(6, args.size());
        List<Ev> dims = compileAll(cx, dimExprs);
        Map<List<Object>, TreeMap<Long, List<Object>>> groups = group(in, time, id, dims, start, bin);
        List<String> names = List.of("Count", "dcount");
        Out out = new Out(time.type(), nameOf(args.get(1), "Timestamp"), dimExprs, dims, names);
        for (Map.Entry<List<Object>, TreeMap<Long, List<Object>>> g : groups.entrySet()) {
            for (long t = start; t <= end; t += bin) {
                long count = 0;
                Set<Object> distinct = new HashSet<>();
                for (List<Object> ids : g.getValue().subMap(t - lookback + bin, true, t, true).values()) {
                    count += ids.size();
                    distinct.addAll(ids);
                }
                if (count > 0) out.add(t, g.getKey(), count, (long) distinct.size());
            }
        }
        return out.build();
    }

    /**
     * active_users_count(Id, Time, Start, End, Lookback, Period, ActivePeriods, Bin [, dims...]): an appearance at t
     * is active when the id appears in at least ActivePeriods distinct Periods (bin(time, Period)) within (t - Lookback,
     * t]; per Bin from Start (appearances between Start and End) the dcount of ids with an active appearance; bins
     * without one give no row (the docs' example).
     */
    static Table activeUsersCount(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        if (args.size() < 8) {
            throw EvalException.bind("active_users_count(Id, Time, Start, End, Lookback, Period, ActivePeriods, Bin [, dims...])", call);
        }
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        Ev id = cx.compile(args.get(0));
        Ev time = cx.compile(args.get(1));
        long start = axisValue(time, cx.compile(args.get(2)), args.get(2));
        long end = axisValue(time, cx.compile(args.get(3)), args.get(3));
        long lookback = axisStep(time, constant(cx, args.get(4)), args.get(4));
        long period = axisStep(time, constant(cx, args.get(5)), args.get(5));
        long active = (long) number(constant(cx, args.get(6)), args.get(6));
        long bin = axisStep(time, constant(cx, args.get(7)), args.get(7));
        List<Expr> dimExprs = args.subList(8, args.size());
        List<Ev> dims = compileAll(cx, dimExprs);

        // per dimensions and id: the appearance times, sorted
        Map<List<Object>, Map<Object, List<Long>>> seen = new LinkedHashMap<>();
        for (int r = 0; r < in.rowCount(); r++) {
            Object u = id.eval(r), t = time.eval(r);
            if (u == null || t == null) continue;
            seen.computeIfAbsent(key(dims, r), k -> new LinkedHashMap<>()).computeIfAbsent(u, k -> new ArrayList<>()).add((Long) t);
        }
        Out out = new Out(time.type(), nameOf(args.get(1), "Timestamp"), dimExprs, dims, List.of("dcount"));
        for (Map.Entry<List<Object>, Map<Object, List<Long>>> g : seen.entrySet()) {
            TreeMap<Long, Set<Object>> activeByBin = new TreeMap<>();
            for (Map.Entry<Object, List<Long>> user : g.getValue().entrySet()) {
                List<Long> times = user.getValue();
                times.sort(null);
                for (long t : times) {
                    if (t < start || t > end) continue;
                    Set<Long> periods = new HashSet<>();
                    for (long s : times) if (s > t - lookback && s <= t) periods.add(Math.floorDiv(s, period));
                    if (periods.size() >= active) {
                        long b = start + Math.floorDiv(t - start, bin) * bin;
                        activeByBin.computeIfAbsent(b, k -> new HashSet<>()).add(user.getKey());
                    }
                }
            }
            for (Map.Entry<Long, Set<Object>> e : activeByBin.entrySet()) out.add(e.getKey(), g.getKey(), (long) e.getValue().size());
        }
        return out.build();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static Map<List<Object>, TreeMap<Long, List<Object>>> group(Table in, Ev time, Ev id, List<Ev> dims, long origin, long bin) {
        Map<List<Object>, TreeMap<Long, List<Object>>> groups = new LinkedHashMap<>();
        for (int r = 0; r < in.rowCount(); r++) {
            Object t = time.eval(r), u = id.eval(r);
            if (t == null || u == null) continue;
            long b = origin + Math.floorDiv((Long) t - origin, bin) * bin;
            groups.computeIfAbsent(key(dims, r), k -> new TreeMap<>()).computeIfAbsent(b, k -> new ArrayList<>()).add(u);
        }
        return groups;
    }

    private static List<Object> key(List<Ev> dims, int r) {
        List<Object> k = new ArrayList<>(dims.size());
        for (Ev d : dims) k.add(d.eval(r));
        return k;
    }

    private static List<Ev> compileAll(ExprCompiler cx, List<Expr> exprs) {
        List<Ev> out = new ArrayList<>();
        for (Expr e : exprs) out.add(cx.compile(e));
        return out;
    }

    private static boolean isOrdered(ScalarType t) {
        return t == ScalarType.INT || t == ScalarType.LONG || t == ScalarType.REAL || t == ScalarType.DATETIME || t == ScalarType.TIMESPAN;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static Ev constant(ExprCompiler cx, Expr e) {
        Ev v = cx.compile(e);
        if (!v.isConstant()) throw EvalException.bind("this argument must be a constant", e);
        return v;
    }

    private static double number(Ev v, Expr where) {
        Object x = v.eval(0);
        if (!(x instanceof Number n)) throw EvalException.bind("a number is expected here", where);
        return n.doubleValue();
    }

    /** A window or bin size on the axis: a timespan for a datetime axis, a whole number for a numeric one. */
    private static long axisStep(Ev axis, Ev step, Expr where) {
        Object s = step.eval(0);
        boolean time = axis.type() == ScalarType.DATETIME || axis.type() == ScalarType.TIMESPAN;
        if (time && step.type() != ScalarType.TIMESPAN) {
            if (step.type() == ScalarType.STRING) throw EvalException.unsupported("calendar bins ('week', 'month', 'year')", where);
            throw EvalException.bind("a timespan is expected for a " + axis.type().kustoName() + " axis", where);
        }
        if (!time && axis.type() != ScalarType.LONG && axis.type() != ScalarType.INT) {
            throw EvalException.unsupported("a " + axis.type().kustoName() + " axis (datetime, timespan, int and long are supported)", where);
        }
        if (!(s instanceof Long l) || l <= 0) throw EvalException.bind("the step must be positive", where);
        return l;
    }

    private static long axisValue(Ev axis, Ev v, Expr where) {
        Object x = Convert.to(axis.type(), v.type(), v.eval(0));
        if (!(x instanceof Long l)) throw EvalException.bind("a " + axis.type().kustoName() + " is expected here", where);
        return l;
    }

    private static String nameOf(Expr e, String fallback) {
        String n = Tables.derivedName(e);
        return n == null ? fallback : n;
    }

    /** The percentile as written ({@code 50}, {@code 99.5}) for the result column's name. */
    private static String percentileText(Expr e, double pct) {
        if (pct == Math.rint(pct)) return Long.toString((long) pct);
        return Double.toString(pct).replace('.', '_');
    }

    /** Output rows: the axis value, the dimensions, then the computed columns. */
    private static final class Out {
        private final List<Column> columns = new ArrayList<>();
        private final List<Vec.Builder> builders = new ArrayList<>();

        Out(ScalarType axis, String axisName, List<Expr> dimExprs, List<Ev> dims, String valueName, ScalarType valueType) {
            this(axis, axisName, dimExprs, dims, List.of());
            add(valueName, valueType);
        }

        Out(ScalarType axis, String axisName, List<Expr> dimExprs, List<Ev> dims, List<String> longColumns) {
            add(axisName, axis);
            for (int i = 0; i < dims.size(); i++) add(nameOf(dimExprs.get(i), "dim" + (i + 1)), dims.get(i).type());
            for (String n : longColumns) add(n, ScalarType.LONG);
        }

        private void add(String name, ScalarType type) {
            List<String> taken = new ArrayList<>();
            for (Column c : columns) taken.add(c.name());
            columns.add(new Column(Tables.unique(name, taken), type));
            builders.add(Vec.builder(type, 16));
        }

        void add(long axis, List<Object> dims, Object... values) {
            int c = 0;
            builders.get(c++).add(axis);
            for (Object d : dims) builders.get(c++).add(d);
            for (Object v : values) builders.get(c++).add(v);
        }

        Table build() {
            List<Vec> vecs = new ArrayList<>();
            for (Vec.Builder b : builders) vecs.add(b.build());
            return Table.of("evaluate", columns, vecs, vecs.isEmpty() ? 0 : vecs.get(0).size());
        }
    }
}

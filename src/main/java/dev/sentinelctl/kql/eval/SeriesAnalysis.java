package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;

/**
 * Series analysis functions (series-*-function.md): fitting, statistics, outliers, decomposition and anomalies.
 * What the documentation defines is computed (math in {@link SeriesMath}); what it leaves open fails as
 * {@code EVAL-unsupported} naming the case: seasonality autodetection ({@code -1}) unless the caller pins a period
 * ({@link EvalContext#seasonality()}), missing values where Kusto does not say how they count, a zero percentile range.
 */
final class SeriesAnalysis {

    private SeriesAnalysis() {
    }

    static void registerTuples(Map<String, TupleFunctions.TupleFn> m) {
        m.put("series_fit_line", tuple(List.of("rsquare", "slope", "variance", "rvariance", "interception", "line_fit"), SeriesAnalysis::fitLine));
        m.put("series_stats", tuple(List.of("min", "min_idx", "max", "max_idx", "avg", "stdev", "variance"), SeriesAnalysis::stats));
        m.put("series_decompose", tuple(List.of("baseline", "seasonal", "trend", "residual"), SeriesAnalysis::decompose));
        m.put("series_decompose_anomalies", tuple(List.of("ad_flag", "ad_score", "baseline"), SeriesAnalysis::anomalies));
        // Kusto documents what these return, not how: the period scores are its own spectral method.
        for (String name : List.of("series_periods_detect", "series_periods_validate")) {
            m.put(name, tuple(List.of("periods", "scores"), (cx, args, call) -> {
                throw unsupported(name + " (its period-detection algorithm and score are not documented, so a result would be a guess)", call);
            }));
        }
    }

    static void registerScalars(Map<String, Functions.Fn> m) {
        for (String name : TupleFunctions.names()) m.put(name, TupleFunctions.asScalar(name));
        m.put("series_outliers", SeriesAnalysis::outliers);
        m.put("series_stats_dynamic", SeriesAnalysis::statsDynamic);
        m.put("series_fit_line_dynamic", SeriesAnalysis::fitLineDynamic);
        m.put("series_decompose_forecast", SeriesAnalysis::forecast);
        m.put("series_seasonal", SeriesAnalysis::seasonal);
        SeriesFill.register(m);
        SeriesFilters.register(m);
        SeriesVectors.register(m);
    }

    private interface TupleCompiler {
        TupleFunctions.Compiled compile(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call);
    }

    private static TupleFunctions.TupleFn tuple(List<String> suffixes, TupleCompiler c) {
        return new TupleFunctions.TupleFn() {
            @Override
            public List<String> suffixes() {
                return suffixes;
            }

            @Override
            public TupleFunctions.Compiled compile(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
                return c.compile(cx, args, call);
            }
        };
    }

    // --- series_fit_line ------------------------------------------------------------------------------------------

    private static TupleFunctions.Compiled fitLine(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 1, call);
        Ev s = cx.compile(args.get(0));
        return new TupleFunctions.Compiled(List.of(REAL, REAL, REAL, REAL, REAL, DYNAMIC), r -> {
            double[] x = series(s, r);
            if (x == null) return null;
            if (x.length == 0) return new Object[] {null, null, null, null, null, Values.array()};
            SeriesMath.LineFit f = line(x, call);
            return new Object[] {f.rsquare(), f.slope(), f.variance(), f.rvariance(), f.interception(), array(f.line())};
        });
    }

    private static Ev fitLineDynamic(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 1, call);
        Ev s = cx.compile(args.get(0));
        return Ev.of(DYNAMIC, r -> {
            double[] x = series(s, r);
            if (x == null || x.length == 0) return null;
            SeriesMath.LineFit f = line(x, call);
            ObjectNode o = Values.object();
            o.put("rsquare", f.rsquare());
            o.put("slope", f.slope());
            o.put("variance", f.variance());
            o.put("rvariance", f.rvariance());
            o.put("interception", f.interception());
            o.set("line_fit", array(f.line()));
            return o;
        });
    }

    private static SeriesMath.LineFit line(double[] x, Expr.FunctionCall call) {
        requireComplete(x, call);
        if (x.length < 2) throw unsupported(call.functionName() + " of a single point (no line is defined; Kusto does not document the result)", call);
        SeriesMath.LineFit f = SeriesMath.fitLine(x, x.length);
        if (Double.isNaN(f.rsquare())) {
            throw unsupported(call.functionName() + " of a constant series (r-square is 0/0; Kusto does not document the value it returns)", call);
        }
        return f;
    }

    // --- series_stats ---------------------------------------------------------------------------------------------

    private static TupleFunctions.Compiled stats(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 2, call);
        Ev s = cx.compile(args.get(0));
        Ev ignore = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), ScalarType.BOOL) : null;
        return new TupleFunctions.Compiled(List.of(REAL, LONG, REAL, LONG, REAL, REAL, REAL), r -> statsAt(s, ignore, r));
    }

    private static Ev statsDynamic(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 2, call);
        Ev s = cx.compile(args.get(0));
        Ev ignore = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), ScalarType.BOOL) : null;
        List<String> keys = List.of("min", "min_idx", "max", "max_idx", "avg", "stdev", "variance");
        return Ev.of(DYNAMIC, r -> {
            Object[] st = statsAt(s, ignore, r);
            if (st == null) return null;
            ObjectNode o = Values.object();
            for (int i = 0; i < keys.size(); i++) {
                if (st[i] == null) o.putNull(keys.get(i));
                else if (st[i] instanceof Long l) o.put(keys.get(i), l);
                else o.put(keys.get(i), (Double) st[i]);
            }
            return o;
        });
    }

    /**
     * series_stats: with a non-finite element (null, NaN, ±inf) every statistic is null unless ignore_nonfinite is
     * true, which leaves those elements out (positions still count in the original array).
     */
    private static Object[] statsAt(Ev s, Ev ignore, int r) {
        double[] x = series(s, r);
        if (x == null) return null;
        boolean skip = ignore != null && Boolean.TRUE.equals(ignore.eval(r));
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) idx.add(i);
            else if (!skip) return new Object[7];
        }
        if (idx.isEmpty()) return new Object[7];
        double[] v = new double[idx.size()];
        for (int i = 0; i < v.length; i++) v[i] = x[idx.get(i)];
        SeriesMath.Stats st = SeriesMath.stats(v);
        return new Object[] {st.min(), (long) idx.get(st.minIdx()), st.max(), (long) idx.get(st.maxIdx()), st.avg(), st.stdev(), st.variance()};
    }

    // --- series_outliers ------------------------------------------------------------------------------------------

    private static Ev outliers(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 5, call);
        Ev s = cx.compile(args.get(0));
        Ev kind = args.size() > 1 ? ExprCompiler.str(cx.compile(args.get(1))) : null;
        Ev ignoreVal = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), REAL) : null;
        Ev minP = args.size() > 3 ? Comparisons.cast(cx.compile(args.get(3)), REAL) : null;
        Ev maxP = args.size() > 4 ? Comparisons.cast(cx.compile(args.get(4)), REAL) : null;
        return Ev.of(DYNAMIC, r -> {
            double[] x = series(s, r);
            if (x == null) return null;
            Object igv = ignoreVal == null ? null : ignoreVal.eval(r);
            Double ig = igv == null ? null : ((Number) igv).doubleValue();
            if (ig != null) for (int i = 0; i < x.length; i++) if (x[i] == ig) x[i] = Double.NaN;
            String k = kind == null ? "ctukey" : (String) kind.eval(r);
            double lo = minP == null || minP.eval(r) == null ? 10 : ((Number) minP.eval(r)).doubleValue();
            double hi = maxP == null || maxP.eval(r) == null ? 90 : ((Number) maxP.eval(r)).doubleValue();
            return array(scores(x, method(k, call), lo, hi, call));
        });
    }

    private enum Method { TUKEY, CTUKEY }

    private static Method method(String k, Expr where) {
        if ("tukey".equals(k)) return Method.TUKEY;
        if ("ctukey".equals(k) || k == null || k.isEmpty()) return Method.CTUKEY;
        throw EvalException.bind("unknown outlier method '" + k + "' (tukey or ctukey)", where);
    }

    /**
     * Tukey scores: 25th–75th percentiles for tukey; 10th–90th (scaled onto the 25th–75th score) for ctukey. Other
     * ctukey percentiles need a scale Kusto does not publish; a zero range divides by zero in an undocumented way.
     */
    private static double[] scores(double[] x, Method m, double lowP, double highP, Expr.FunctionCall call) {
        double[] out = new double[x.length];
        double low = m == Method.TUKEY ? 25 : lowP, high = m == Method.TUKEY ? 75 : highP;
        if (m == Method.CTUKEY && (low != 10 || high != 90)) {
            if (low < 2 || high > 98 || low >= high) throw EvalException.bind("min/max percentile must be in [2, 98] with min < max", call);
            throw unsupported("ctukey percentiles other than 10 and 90 (Kusto scales the score by a factor it does not publish for them)", call);
        }
        double[] range = SeriesMath.range(x, low, high);
        if (range == null) return out;
        double factor = m == Method.TUKEY ? 1 : SeriesMath.CTUKEY_10_90_FACTOR;
        for (int i = 0; i < x.length; i++) {
            if (range[1] == range[0] && !Double.isNaN(x[i]) && x[i] != range[0]) {
                throw unsupported("an outlier score over a series whose " + (int) low + "th and " + (int) high + "th percentiles are equal ("
                        + Values.formatReal(range[0]) + "), so every other value divides by a zero range; Kusto does not document that score", call);
            }
            out[i] = SeriesMath.score(x[i], range[0], range[1], factor);
        }
        return out;
    }

    // --- series_decompose, series_decompose_anomalies -------------------------------------------------------------

    private static TupleFunctions.Compiled decompose(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 5, call);
        Ev s = cx.compile(args.get(0));
        Ev season = longArg(cx, args, 1), testPoints = longArg(cx, args, 3);
        Ev trend = args.size() > 2 ? ExprCompiler.str(cx.compile(args.get(2))) : null;
        OptionalInt pin = cx.evaluator.context.seasonality();
        Expr seasonWhere = args.size() > 1 ? args.get(1) : call;
        return new TupleFunctions.Compiled(List.of(DYNAMIC, DYNAMIC, DYNAMIC, DYNAMIC), r -> {
            double[] x = series(s, r);
            if (x == null) return null;
            if (x.length == 0) return new Object[] {Values.array(), Values.array(), Values.array(), Values.array()};
            SeriesMath.Decomposition d = decomposition(x, value(season, r, -1), trend == null ? "avg" : (String) trend.eval(r),
                    value(testPoints, r, 0), pin, call, seasonWhere);
            return new Object[] {array(d.baseline()), array(d.seasonal()), array(d.trend()), array(d.residual())};
        });
    }

    /** series_decompose_forecast(x, points, seasonality, trend): the baseline of a decomposition that learns all but the last points. */
    private static Ev forecast(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 2, 5, call);
        Ev s = cx.compile(args.get(0));
        Ev points = longArg(cx, args, 1), season = longArg(cx, args, 2);
        Ev trend = args.size() > 3 ? ExprCompiler.str(cx.compile(args.get(3))) : null;
        OptionalInt pin = cx.evaluator.context.seasonality();
        Expr seasonWhere = args.size() > 2 ? args.get(2) : call;
        return Ev.of(DYNAMIC, r -> {
            double[] x = series(s, r);
            if (x == null) return null;
            if (x.length == 0) return Values.array();
            SeriesMath.Decomposition d = decomposition(x, value(season, r, -1), trend == null ? "avg" : (String) trend.eval(r),
                    value(points, r, 0), pin, call, seasonWhere);
            return array(d.baseline());
        });
    }

    /** series_seasonal(x, period): the seasonal component alone (per-phase medians; zeros for period 0). */
    private static Ev seasonal(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 2, call);
        Ev s = cx.compile(args.get(0)), season = longArg(cx, args, 1);
        OptionalInt pin = cx.evaluator.context.seasonality();
        Expr seasonWhere = args.size() > 1 ? args.get(1) : call;
        return Ev.of(DYNAMIC, r -> {
            double[] x = series(s, r);
            if (x == null) return null;
            if (x.length == 0) return Values.array();
            return array(decomposition(x, value(season, r, -1), "none", 0, pin, call, seasonWhere).seasonal());
        });
    }

    private static TupleFunctions.Compiled anomalies(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 7, call);
        Ev s = cx.compile(args.get(0));
        Ev threshold = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), REAL) : null;
        Ev season = longArg(cx, args, 2), testPoints = longArg(cx, args, 4);
        Ev trend = args.size() > 3 ? ExprCompiler.str(cx.compile(args.get(3))) : null;
        Ev method = args.size() > 5 ? ExprCompiler.str(cx.compile(args.get(5))) : null;
        OptionalInt pin = cx.evaluator.context.seasonality();
        Expr seasonWhere = args.size() > 2 ? args.get(2) : call;
        return new TupleFunctions.Compiled(List.of(DYNAMIC, DYNAMIC, DYNAMIC), r -> {
            double[] x = series(s, r);
            if (x == null) return null;
            if (x.length == 0) return new Object[] {Values.array(), Values.array(), Values.array()};
            Object t = threshold == null ? null : threshold.eval(r);
            double k = t == null ? 1.5 : ((Number) t).doubleValue();
            Method m = method(method == null ? "ctukey" : (String) method.eval(r), call);
            SeriesMath.Decomposition d = decomposition(x, value(season, r, -1), trend == null ? "avg" : (String) trend.eval(r),
                    value(testPoints, r, 0), pin, call, seasonWhere);
            double[] score = scores(d.residual(), m, 10, 90, call);
            ArrayNode flags = Values.array();
            for (double sc : score) flags.add(sc > k ? 1 : sc < -k ? -1 : 0);
            return new Object[] {flags, array(score), array(d.baseline())};
        });
    }

    private static SeriesMath.Decomposition decomposition(double[] x, long seasonality, String trend, long testPoints, OptionalInt pin,
                                                          Expr.FunctionCall call, Expr seasonWhere) {
        String fn = call.functionName();
        if (seasonality < -1) throw EvalException.bind(fn + ": seasonality must be -1 (autodetect), 0 (none) or a period in bins, not " + seasonality, seasonWhere);
        if (seasonality == -1) {
            if (pin.isEmpty()) {
                throw new EvalException(EvalResult.UNSUPPORTED, fn + " with seasonality -1 (autodetect, the default) is not supported by the in-process "
                        + "engine: Kusto finds the period with series_periods_detect, whose algorithm is not documented, so the result would "
                        + "not be reproducible. Pass the period (0 = none, or a number of bins), or pin the detected period for the run: "
                        + "\"seasonality\": N in kql run input, seasonality: N in a detection test", EvalException.at(seasonWhere));
            }
            seasonality = pin.getAsInt();
        }
        SeriesMath.Trend tr = switch (trend == null ? "" : trend) {
            case "avg" -> SeriesMath.Trend.AVG;
            case "linefit" -> SeriesMath.Trend.LINEFIT;
            case "none" -> SeriesMath.Trend.NONE;
            default -> throw EvalException.bind(fn + ": trend must be 'avg', 'linefit' or 'none', not '" + trend + "'", call);
        };
        int n = x.length;
        if (testPoints < 0 || testPoints >= n) {
            throw EvalException.bind(fn + ": test points must be 0 or more and fewer than the series' " + n + " points, not " + testPoints, call);
        }
        int learn = (int) (n - testPoints);
        if (seasonality > learn) {
            throw unsupported(fn + " with a period of " + seasonality + " bins over " + learn + " learning points (a phase without points has no "
                    + "documented seasonal value)", call);
        }
        requireComplete(x, call);
        return SeriesMath.decompose(x, (int) seasonality, tr, (int) testPoints);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Ev longArg(ExprCompiler cx, List<Expr> args, int i) {
        return args.size() > i ? Comparisons.cast(cx.compile(args.get(i)), LONG) : null;
    }

    private static long value(Ev e, int r, long dflt) {
        Object v = e == null ? null : e.eval(r);
        return v == null ? dflt : ((Number) v).longValue();
    }

    /** The series as doubles (NaN for null and non-numeric elements), or null when the value is not an array. */
    static double[] series(Ev e, int r) {
        Object v = e.eval(r);
        if (v == null) return null;
        JsonNode j = e.type() == DYNAMIC ? (JsonNode) v : Values.toJson(e.type(), v);
        if (j == null || !j.isArray()) return null;
        double[] x = new double[j.size()];
        for (int i = 0; i < x.length; i++) {
            JsonNode el = j.get(i);
            x[i] = el != null && el.isNumber() ? el.doubleValue() : Double.NaN;
        }
        return x;
    }

    private static void requireComplete(double[] x, Expr.FunctionCall call) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw unsupported(call.functionName() + " over a series with a missing or non-finite value (element " + i + "); Kusto does not "
                        + "document how it counts (fill it first: series_fill_linear, or make-series default=0)", call);
            }
        }
    }

    static ArrayNode array(double[] v) {
        ArrayNode a = Values.array();
        for (double d : v) a.add(d);
        return a;
    }

    private static EvalException unsupported(String what, Expr where) {
        return new EvalException(EvalResult.UNSUPPORTED, what + " is not supported by the in-process engine", EvalException.at(where));
    }
}

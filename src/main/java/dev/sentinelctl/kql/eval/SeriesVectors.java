package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * series_dot_product, series_cosine_similarity, series_magnitude (their pages): the longer series is cut to the
 * shorter, a non-numeric element is ignored, an empty input gives null; a scalar argument of series_dot_product is
 * repeated to the other series' length.
 */
final class SeriesVectors {

    private SeriesVectors() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("series_dot_product", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev a = cx.compile(args.get(0)), b = cx.compile(args.get(1));
            return Ev.of(ScalarType.REAL, r -> {
                double[][] p = pair(a, b, r);
                if (p == null) return null;
                return dot(p[0], p[1]);
            });
        });
        m.put("series_cosine_similarity", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev a = cx.compile(args.get(0)), b = cx.compile(args.get(1));
            return Ev.of(ScalarType.REAL, r -> {
                double[][] p = pair(a, b, r);
                if (p == null) return null;
                for (int i = 0; i < p[0].length; i++) {
                    if (Double.isNaN(p[0][i]) || Double.isNaN(p[1][i])) {
                        throw unsupported("series_cosine_similarity with a non-numeric element (whether it drops out of both norms or one is "
                                + "not documented)", call);
                    }
                }
                double na = Math.sqrt(dot(p[0], p[0])), nb = Math.sqrt(dot(p[1], p[1]));
                if (na == 0 || nb == 0) throw unsupported("series_cosine_similarity of an all-zero series (0/0; the result is not documented)", call);
                return dot(p[0], p[1]) / (na * nb);
            });
        });
        m.put("series_magnitude", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            return Ev.of(ScalarType.REAL, r -> {
                double[] x = SeriesAnalysis.series(a, r);
                if (x == null || x.length == 0) return null;
                return Math.sqrt(dot(x, x));
            });
        });
    }

    /** Both as arrays of the shorter length (a number argument repeated), or null when either is empty or not a series. */
    private static double[][] pair(Ev a, Ev b, int r) {
        double[] x = SeriesAnalysis.series(a, r), y = SeriesAnalysis.series(b, r);
        if (x == null && y != null) x = scalar(a, r, y.length);
        if (y == null && x != null) y = scalar(b, r, x.length);
        if (x == null || y == null || x.length == 0 || y.length == 0) return null;
        int n = Math.min(x.length, y.length);
        return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
    }

    private static double[] scalar(Ev e, int r, int n) {
        Object v = e.eval(r);
        Double d = v instanceof Number num ? num.doubleValue() : v instanceof JsonNode j && j.isNumber() ? j.doubleValue() : null;
        if (d == null) return null;
        double[] out = new double[n];
        java.util.Arrays.fill(out, d);
        return out;
    }

    /** Sum of products over the pairs whose elements are both numbers. */
    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) s += x[i] * y[i];
        return s;
    }

    private static EvalException unsupported(String what, Expr where) {
        return new EvalException(EvalResult.UNSUPPORTED, what + " is not supported by the in-process engine", EvalException.at(where));
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;

/**
 * series_iir, series_fir (series-iir-function.md, series-fir-function.md) and series_pearson_correlation: the
 * filters' difference equations as documented, with samples before the start of the series taken as 0 (the standard
 * initial condition; the documented cumulative-sum and difference examples follow from it).
 */
final class SeriesFilters {

    private SeriesFilters() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("series_iir", SeriesFilters::iir);
        m.put("series_fir", SeriesFilters::fir);
        m.put("series_pearson_correlation", SeriesFilters::pearson);
    }

    private static EvalException unsupported(String what, Expr where) {
        return new EvalException(EvalResult.UNSUPPORTED, what + " is not supported by the in-process engine", EvalException.at(where));
    }

    /** y[i] = (b0·x[i] + b1·x[i−1] + … − a1·y[i−1] − a2·y[i−2] − …) / a0. */
    private static Ev iir(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 3, 3, call);
        Ev s = cx.compile(args.get(0)), num = cx.compile(args.get(1)), den = cx.compile(args.get(2));
        return Ev.of(DYNAMIC, r -> {
            double[] x = SeriesAnalysis.series(s, r), b = SeriesAnalysis.series(num, r), a = SeriesAnalysis.series(den, r);
            if (x == null || b == null || a == null) return null;
            if (a.length == 0 || a[0] == 0 || Double.isNaN(a[0])) throw EvalException.bind("series_iir: the first denominator must not be 0", call);
            requireNumbers(b, a, call);
            requireComplete(x, call);
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double acc = 0;
                for (int j = 0; j < b.length && j <= i; j++) acc += b[j] * x[i - j];
                for (int k = 1; k < a.length && k <= i; k++) acc -= a[k] * y[i - k];
                y[i] = acc / a[0];
            }
            return SeriesAnalysis.array(y);
        });
    }

    /**
     * y[i] = f0·x[i] + f1·x[i−1] + …, the coefficients divided by their sum when normalize is true (the default unless a
     * coefficient is negative; normalize with a negative coefficient gives null, as documented). center=true is refused:
     * the page does not define the window of an even-length filter nor the series' ends.
     */
    private static Ev fir(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 2, 4, call);
        Ev s = cx.compile(args.get(0)), filter = cx.compile(args.get(1));
        Ev normalize = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), ScalarType.BOOL) : null;
        Ev center = args.size() > 3 ? Comparisons.cast(cx.compile(args.get(3)), ScalarType.BOOL) : null;
        return Ev.of(DYNAMIC, r -> {
            double[] x = SeriesAnalysis.series(s, r), f = SeriesAnalysis.series(filter, r);
            if (x == null || f == null) return null;
            requireNumbers(f, f, call);
            if (center != null && Boolean.TRUE.equals(center.eval(r))) {
                throw unsupported("series_fir with center=true (the documentation does not define the window of an even-length filter or at the series' ends)", call);
            }
            boolean negative = false;
            double sum = 0;
            for (double c : f) {
                negative |= c < 0;
                sum += c;
            }
            Object nv = normalize == null ? null : normalize.eval(r);
            boolean norm = nv == null ? !negative : (Boolean) nv;
            if (norm && negative) return null;
            if (norm && sum == 0) throw unsupported("series_fir normalizing a filter whose coefficients sum to 0", call);
            requireComplete(x, call);
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double acc = 0;
                for (int j = 0; j < f.length && j <= i; j++) acc += f[j] * x[i - j];
                y[i] = norm ? acc / sum : acc;
            }
            return SeriesAnalysis.array(y);
        });
    }

    /** Pearson's r; null for a non-numeric element or arrays of different lengths, as documented. */
    private static Ev pearson(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 2, 2, call);
        Ev s1 = cx.compile(args.get(0)), s2 = cx.compile(args.get(1));
        return Ev.of(ScalarType.REAL, r -> {
            double[] x = SeriesAnalysis.series(s1, r), y = SeriesAnalysis.series(s2, r);
            if (x == null || y == null || x.length != y.length || x.length == 0) return null;
            double mx = 0, my = 0;
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i]) || Double.isNaN(y[i])) return null;
                mx += x[i];
                my += y[i];
            }
            mx /= x.length;
            my /= y.length;
            double sxy = 0, sxx = 0, syy = 0;
            for (int i = 0; i < x.length; i++) {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
            if (sxx == 0 || syy == 0) throw unsupported("series_pearson_correlation of a constant series (0/0; the documentation does not give the result)", call);
            return sxy / Math.sqrt(sxx * syy);
        });
    }

    private static void requireNumbers(double[] a, double[] b, Expr.FunctionCall call) {
        for (double d : a) if (Double.isNaN(d)) throw EvalException.bind(call.functionName() + ": the coefficients must be numbers", call);
        for (double d : b) if (Double.isNaN(d)) throw EvalException.bind(call.functionName() + ": the coefficients must be numbers", call);
    }

    private static void requireComplete(double[] x, Expr.FunctionCall call) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw unsupported(call.functionName() + " over a series with a missing or non-finite value (element " + i + "; the documentation "
                        + "does not say how it counts; fill it first: series_fill_linear, or make-series default=0)", call);
            }
        }
    }
}

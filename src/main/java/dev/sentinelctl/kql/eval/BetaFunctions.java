package dev.sentinelctl.kql.eval;

import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.REAL;

/**
 * {@code beta_pdf}, {@code beta_cdf}, {@code beta_inv} (beta-*-function.md): the standard beta distribution. Domain
 * rules from the pages: x outside [0, 1] gives NaN (pdf, cdf); p outside [0, 1] gives null (inv); alpha or beta
 * not in (0, 10000] gives NaN. The cdf is the regularized incomplete beta function, evaluated by its continued
 * fraction (Lentz's method); the inverse is found by bisection on the cdf to double precision.
 */
final class BetaFunctions {

    private BetaFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("beta_pdf", ternary(BetaFunctions::pdf));
        m.put("beta_cdf", ternary(BetaFunctions::cdf));
        m.put("beta_inv", ternary(BetaFunctions::inv));
    }

    interface F3 {
        Double apply(double x, double a, double b);
    }

    private static Functions.Fn ternary(F3 f) {
        return (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev x = Comparisons.cast(cx.compile(args.get(0)), REAL);
            Ev a = Comparisons.cast(cx.compile(args.get(1)), REAL);
            Ev b = Comparisons.cast(cx.compile(args.get(2)), REAL);
            return Ev.of(REAL, r -> {
                Object xv = x.eval(r), av = a.eval(r), bv = b.eval(r);
                if (xv == null || av == null || bv == null) return null;
                return f.apply((Double) xv, (Double) av, (Double) bv);
            });
        };
    }

    private static boolean badShape(double a, double b) {
        return !(a > 0 && a <= 10000 && b > 0 && b <= 10000);
    }

    static Double pdf(double x, double a, double b) {
        if (x < 0 || x > 1 || badShape(a, b) || Double.isNaN(x)) return Double.NaN;
        if (x == 0 || x == 1) {
            double edge = x == 0 ? a : b;
            if (edge < 1) return Double.POSITIVE_INFINITY;
            if (edge > 1) return 0d;
            return Math.exp(-logBeta(a, b));
        }
        return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
    }

    static Double cdf(double x, double a, double b) {
        if (x < 0 || x > 1 || badShape(a, b) || Double.isNaN(x)) return Double.NaN;
        return regularized(x, a, b);
    }

    static Double inv(double p, double a, double b) {
        if (Double.isNaN(p) || p < 0 || p > 1) return null;
        if (badShape(a, b)) return Double.NaN;
        double lo = 0, hi = 1;
        for (int i = 0; i < 200 && hi - lo > 0; i++) {
            double mid = (lo + hi) / 2;
            if (mid == lo || mid == hi) break;
            if (regularized(mid, a, b) < p) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** I_x(a, b), using the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where the continued fraction converges slowly. */
    static double regularized(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
        if (x < (a + 1) / (a + b + 2)) return front * continuedFraction(x, a, b) / a;
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    /** The incomplete beta continued fraction, by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300, eps = 1e-16;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10000; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + num / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            if (Math.abs(d) < tiny) d = tiny;
            c = 1 + num / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < eps) break;
        }
        return h;
    }

    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};

    /** ln Γ(z) for z > 0 by the Lanczos approximation (g = 7, nine coefficients). */
    static double logGamma(double z) {
        if (z < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * z))) - logGamma(1 - z);
        double x = LANCZOS[0];
        double zz = z - 1;
        for (int i = 1; i < LANCZOS.length; i++) x += LANCZOS[i] / (zz + i);
        double t = zz + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(x);
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;

/** Math functions. Nondeterministic ones (rand, new_guid) are refused: a test could not pin them. */
final class MathFunctions {

    private MathFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("abs", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            ScalarType t = a.type();
            return switch (t) {
                case INT, LONG, TIMESPAN -> Ev.of(t, r -> {
                    Object v = a.eval(r);
                    return v == null ? null : Math.abs((Long) v);
                });
                case DECIMAL -> Ev.of(t, r -> {
                    Object v = a.eval(r);
                    return v == null ? null : ((BigDecimal) v).abs();
                });
                default -> {
                    Ev d = Comparisons.cast(a, REAL);
                    yield Ev.of(REAL, r -> {
                        Object v = d.eval(r);
                        return v == null ? null : Math.abs((Double) v);
                    });
                }
            };
        });
        m.put("sqrt", real1(Math::sqrt));
        m.put("exp", real1(Math::exp));
        m.put("exp2", real1(x -> Math.pow(2, x)));
        m.put("exp10", real1(x -> Math.pow(10, x)));
        m.put("log", real1(Math::log));
        m.put("log10", real1(Math::log10));
        m.put("log2", real1(x -> Math.log(x) / Math.log(2)));
        m.put("ceiling", real1(Math::ceil));
        m.put("cos", real1(Math::cos));
        m.put("sin", real1(Math::sin));
        m.put("tan", real1(Math::tan));
        m.put("acos", real1(Math::acos));
        m.put("asin", real1(Math::asin));
        m.put("atan", real1(Math::atan));
        m.put("cot", real1(x -> 1 / Math.tan(x)));
        m.put("degrees", real1(Math::toDegrees));
        m.put("radians", real1(Math::toRadians));
        m.put("atan2", Functions.binary(REAL, REAL, REAL, (a, b) -> Math.atan2((Double) a, (Double) b)));
        m.put("bitset_count_ones", Functions.unary(LONG, LONG, v -> (long) Long.bitCount((Long) v)));
        m.put("binary_and", Functions.binary(LONG, LONG, LONG, (a, b) -> (Long) a & (Long) b));
        m.put("binary_or", Functions.binary(LONG, LONG, LONG, (a, b) -> (Long) a | (Long) b));
        m.put("binary_xor", Functions.binary(LONG, LONG, LONG, (a, b) -> (Long) a ^ (Long) b));
        m.put("binary_not", Functions.unary(LONG, LONG, v -> ~(Long) v));
        m.put("binary_shift_left", Functions.binary(LONG, LONG, LONG, (a, b) -> (Long) a << (Long) b));
        m.put("binary_shift_right", Functions.binary(LONG, LONG, LONG, (a, b) -> (Long) a >> (Long) b));
        m.put("sign", real1(Math::signum));
        m.put("isnan", Functions.unary(REAL, BOOL, v -> Double.isNaN((Double) v)));
        m.put("isinf", Functions.unary(REAL, BOOL, v -> Double.isInfinite((Double) v)));
        m.put("isfinite", Functions.unary(REAL, BOOL, v -> Double.isFinite((Double) v)));
        m.put("pi", (cx, args, call) -> Ev.constant(REAL, Math.PI));
        m.put("pow", Functions.binary(REAL, REAL, REAL, (a, b) -> Math.pow((Double) a, (Double) b)));
        m.put("round", (cx, args, call) -> {
            Functions.arity(args, 1, 2, call);
            Ev a = cx.compile(args.get(0));
            Ev p = args.size() > 1 ? Comparisons.cast(cx.compile(args.get(1)), LONG) : Ev.constant(LONG, 0L);
            ScalarType t = a.type() == ScalarType.INT || a.type() == LONG ? a.type() : a.type() == ScalarType.DECIMAL ? ScalarType.DECIMAL : REAL;
            Ev x = Comparisons.cast(a, t);
            return Ev.of(t, r -> {
                Object v = x.eval(r), d = p.eval(r);
                if (v == null || d == null) return null;
                if (t == REAL && !Double.isFinite((Double) v)) return v;
                BigDecimal b = t == REAL ? BigDecimal.valueOf((Double) v) : Arith.dec(v);
                BigDecimal res = b.setScale((int) (long) (Long) d, RoundingMode.HALF_UP);
                return t == REAL ? (Object) res.doubleValue() : t == ScalarType.DECIMAL ? res : (Object) res.longValue();
            });
        });
        m.put("min_of", (cx, args, call) -> best(cx.compile(args.get(0)).type(), LogicFunctions.unify(Functions.all(cx, args), call), false));
        m.put("max_of", (cx, args, call) -> best(cx.compile(args.get(0)).type(), LogicFunctions.unify(Functions.all(cx, args), call), true));
    }

    private static Ev best(ScalarType ignored, List<Ev> evs, boolean max) {
        ScalarType t = evs.get(0).type();
        return Ev.of(t, r -> {
            Object best = null;
            for (Ev e : evs) {
                Object v = e.eval(r);
                if (v == null) continue;
                if (best == null || (max ? Compare.compare(t, v, best) > 0 : Compare.compare(t, v, best) < 0)) best = v;
            }
            return best;
        });
    }

    interface D {
        double f(double x);
    }

    private static Functions.Fn real1(D f) {
        return Functions.unary(REAL, REAL, v -> f.f((Double) v));
    }
}

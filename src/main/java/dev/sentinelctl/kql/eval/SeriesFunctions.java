package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;

/**
 * Element-wise series functions (series-*-function.md): arrays of numbers in, an array out; a non-numeric element
 * gives null in its place; a scalar argument is applied to every element. The analysis functions (fitting,
 * statistics, outliers, decomposition, filling) live in {@link SeriesAnalysis} and {@link SeriesFill}.
 */
final class SeriesFunctions {

    private SeriesFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        binary(m, "series_add", Double::sum);
        binary(m, "series_subtract", (a, b) -> a - b);
        binary(m, "series_multiply", (a, b) -> a * b);
        binary(m, "series_divide", (a, b) -> a / b);
        binary(m, "series_pow", Math::pow);
        binary(m, "series_greater", (a, b) -> a > b ? 1 : 0, true);
        binary(m, "series_greater_equals", (a, b) -> a >= b ? 1 : 0, true);
        binary(m, "series_less", (a, b) -> a < b ? 1 : 0, true);
        binary(m, "series_less_equals", (a, b) -> a <= b ? 1 : 0, true);
        binary(m, "series_equals", (a, b) -> a == b ? 1 : 0, true);
        binary(m, "series_not_equals", (a, b) -> a != b ? 1 : 0, true);
        unary(m, "series_abs", Math::abs);
        unary(m, "series_acos", Math::acos);
        unary(m, "series_asin", Math::asin);
        unary(m, "series_atan", Math::atan);
        unary(m, "series_cos", Math::cos);
        unary(m, "series_sin", Math::sin);
        unary(m, "series_tan", Math::tan);
        unary(m, "series_exp", Math::exp);
        unary(m, "series_log", Math::log);
        unary(m, "series_floor", Math::floor);
        unary(m, "series_ceiling", Math::ceil);
        unary(m, "series_sign", Math::signum);
        m.put("series_sum", reduce(0, Double::sum));
        m.put("series_product", reduce(1, (a, b) -> a * b));
        SeriesAnalysis.registerScalars(m);
    }

    private static Double num(JsonNode j) {
        return j != null && j.isNumber() ? j.doubleValue() : null;
    }

    private static JsonNode out(double v, boolean bool) {
        if (bool) return Values.JSON.booleanNode(v != 0);
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15 ? Values.JSON.numberNode((long) v) : Values.JSON.numberNode(v);
    }

    private static void binary(Map<String, Functions.Fn> m, String name, DoubleBinaryOperator f) {
        binary(m, name, f, false);
    }

    private static void binary(Map<String, Functions.Fn> m, String name, DoubleBinaryOperator f, boolean bool) {
        m.put(name, (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev a = cx.compile(args.get(0)), b = cx.compile(args.get(1));
            return Ev.of(DYNAMIC, r -> {
                JsonNode x = asSeries(a, r), y = asSeries(b, r);
                if (x == null || y == null) return null;
                int n = Math.max(x.isArray() ? x.size() : 1, y.isArray() ? y.size() : 1);
                ArrayNode res = Values.array();
                for (int i = 0; i < n; i++) {
                    Double p = num(x.isArray() ? x.get(i) : x), q = num(y.isArray() ? y.get(i) : y);
                    if (p == null || q == null) res.addNull();
                    else res.add(out(f.applyAsDouble(p, q), bool));
                }
                return res;
            });
        });
    }

    private static void unary(Map<String, Functions.Fn> m, String name, DoubleUnaryOperator f) {
        m.put(name, (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            return Ev.of(DYNAMIC, r -> {
                JsonNode x = asSeries(a, r);
                if (x == null || !x.isArray()) return null;
                ArrayNode res = Values.array();
                for (JsonNode el : x) {
                    Double p = num(el);
                    if (p == null) res.addNull();
                    else res.add(out(f.applyAsDouble(p), false));
                }
                return res;
            });
        });
    }

    private static Functions.Fn reduce(double start, DoubleBinaryOperator f) {
        return (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            return Ev.of(ScalarType.REAL, r -> {
                JsonNode x = asSeries(a, r);
                if (x == null || !x.isArray()) return null;
                double acc = start;
                for (JsonNode el : x) {
                    Double p = num(el);
                    if (p != null) acc = f.applyAsDouble(acc, p);
                }
                return acc;
            });
        };
    }

    private static JsonNode asSeries(Ev e, int r) {
        Object v = e.eval(r);
        if (v == null) return null;
        return e.type() == DYNAMIC ? (JsonNode) v : Values.toJson(e.type(), v);
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;

/**
 * series_fill_forward / _backward / _const / _linear (series-fill-*-function.md): a missing element is null, or equal
 * to the placeholder argument when one is given; the other elements keep their JSON type. series_fill_linear rounds
 * interpolated values of an all-integer series toward zero, as the documented example shows (73.5 → 73, 32.67 → 32).
 */
final class SeriesFill {

    private SeriesFill() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("series_fill_forward", (cx, args, call) -> directional(cx, args, call, true));
        m.put("series_fill_backward", (cx, args, call) -> directional(cx, args, call, false));
        m.put("series_fill_const", SeriesFill::constant);
        m.put("series_fill_linear", SeriesFill::linear);
    }

    private static Ev arg(ExprCompiler cx, List<Expr> args, int i) {
        return args.size() > i ? cx.compile(args.get(i)) : null;
    }

    private static JsonNode input(Ev e, int r) {
        Object v = e.eval(r);
        if (v == null) return null;
        JsonNode j = e.type() == DYNAMIC ? (JsonNode) v : Values.toJson(e.type(), v);
        return j != null && j.isArray() ? j : null;
    }

    /** Missing: null, or numerically equal to a non-null placeholder. */
    private static boolean[] missing(JsonNode a, Ev placeholder, int r) {
        Object p = placeholder == null ? null : placeholder.eval(r);
        Double ph = p == null ? null : p instanceof Number n ? n.doubleValue() : null;
        boolean[] miss = new boolean[a.size()];
        for (int i = 0; i < miss.length; i++) {
            JsonNode el = a.get(i);
            miss[i] = ph == null ? el == null || el.isNull() : el != null && el.isNumber() && el.doubleValue() == ph;
        }
        return miss;
    }

    private static Ev directional(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean forward) {
        Functions.arity(args, 1, 2, call);
        Ev s = cx.compile(args.get(0)), ph = arg(cx, args, 1);
        return Ev.of(DYNAMIC, r -> {
            JsonNode a = input(s, r);
            if (a == null) return null;
            boolean[] miss = missing(a, ph, r);
            JsonNode[] out = new JsonNode[a.size()];
            JsonNode last = null;
            for (int k = 0; k < out.length; k++) {
                int i = forward ? k : out.length - 1 - k;
                if (!miss[i]) last = a.get(i);
                out[i] = miss[i] && last != null ? last : a.get(i);
            }
            ArrayNode res = Values.array();
            for (JsonNode j : out) res.add(j);
            return res;
        });
    }

    private static Ev constant(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 2, 3, call);
        Ev s = cx.compile(args.get(0)), c = arg(cx, args, 1), ph = arg(cx, args, 2);
        return Ev.of(DYNAMIC, r -> {
            JsonNode a = input(s, r);
            if (a == null) return null;
            JsonNode fill = Values.toJson(c.type(), c.eval(r));
            if (fill == null) fill = Values.JSON.nullNode();
            boolean[] miss = missing(a, ph, r);
            ArrayNode res = Values.array();
            for (int i = 0; i < miss.length; i++) res.add(miss[i] ? fill : a.get(i));
            return res;
        });
    }

    private static Ev linear(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 4, call);
        Ev s = cx.compile(args.get(0)), ph = arg(cx, args, 1);
        Ev edges = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), ScalarType.BOOL) : null;
        Ev c = arg(cx, args, 3);
        return Ev.of(DYNAMIC, r -> {
            JsonNode a = input(s, r);
            if (a == null) return null;
            boolean[] miss = missing(a, ph, r);
            boolean fillEdges = edges == null || !Boolean.FALSE.equals(edges.eval(r));
            int n = miss.length, first = -1, last = -1;
            boolean integral = true;
            for (int i = 0; i < n; i++) {
                if (miss[i]) continue;
                if (first < 0) first = i;
                last = i;
                if (!a.get(i).isIntegralNumber()) integral = false;
            }
            ArrayNode res = Values.array();
            if (first < 0) {
                JsonNode fill = c == null ? Values.JSON.numberNode(0.0) : Values.toJson(c.type(), c.eval(r));
                for (int i = 0; i < n; i++) res.add(fill == null ? Values.JSON.nullNode() : fill);
                return res;
            }
            int prev = -1;
            for (int i = 0; i < n; i++) {
                if (!miss[i]) {
                    res.add(a.get(i));
                    prev = i;
                } else if (i < first || i > last) {
                    res.add(fillEdges ? a.get(i < first ? first : last) : a.get(i));
                } else {
                    int next = i + 1;
                    while (miss[next]) next++;
                    double x0 = a.get(prev).doubleValue(), x1 = a.get(next).doubleValue();
                    double v = x0 + (x1 - x0) * (i - prev) / (next - prev);
                    if (integral) res.add((long) v);
                    else res.add(v);
                }
            }
            return res;
        });
    }
}

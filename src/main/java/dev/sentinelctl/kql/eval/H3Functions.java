package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.eval.h3.H3;
import dev.sentinelctl.kql.eval.h3.H3Unsupported;
import dev.sentinelctl.kql.eval.h3.Polyfill;
import tools.jackson.databind.JsonNode;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.INT;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/**
 * The geo_*h3* functions (geo-h3cell-*-function.md, geo-point-to-h3cell-function.md) over {@link H3}. Invalid
 * tokens, coordinates or resolutions give null (an empty string for string results), as documented; cells the H3
 * package refuses are {@code EVAL-unsupported}.
 */
final class H3Functions {

    private static final int DEFAULT_RES = 6;
    private static final int MAX_CHILD_LEVELS = 5;
    private static final int MAX_RING = 142;
    private static final int MAX_POLYGON_CELLS = 61680;

    private H3Functions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("geo_point_to_h3cell", (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Ev lng = num(cx, args.get(0)), lat = num(cx, args.get(1));
            Ev res = args.size() > 2 ? whole(cx, args.get(2)) : null;
            return guarded(STRING, call, r -> {
                Object x = lng.eval(r), y = lat.eval(r);
                Long k = res == null ? Long.valueOf(DEFAULT_RES) : (Long) res.eval(r);
                if (x == null || y == null || k == null) return "";
                double a = (Double) x, b = (Double) y;
                if (!(a >= -180 && a <= 180 && b >= -90 && b <= 90) || k < 0 || k > H3.MAX_RES) return "";
                return H3.format(H3.fromPoint(b, a, k.intValue()));
            });
        });
        m.put("geo_h3cell_level", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev t = ExprCompiler.str(cx.compile(args.get(0)));
            return guarded(INT, call, r -> {
                long h = H3.parse((String) t.eval(r));
                return h < 0 ? null : (Object) (long) H3.resolution(h);
            });
        });
        m.put("geo_h3cell_parent", (cx, args, call) -> {
            Functions.arity(args, 1, 2, call);
            Ev t = ExprCompiler.str(cx.compile(args.get(0)));
            Ev res = args.size() > 1 ? whole(cx, args.get(1)) : null;
            return guarded(STRING, call, r -> {
                long h = H3.parse((String) t.eval(r));
                if (h < 0) return "";
                Long k = res == null ? Long.valueOf(H3.resolution(h) - 1) : (Long) res.eval(r);
                if (k == null || k < 0 || k > H3.MAX_RES) return "";
                long p = H3.parent(h, k.intValue());
                return p < 0 ? "" : H3.format(p);
            });
        });
        m.put("geo_h3cell_children", (cx, args, call) -> {
            Functions.arity(args, 1, 2, call);
            Ev t = ExprCompiler.str(cx.compile(args.get(0)));
            Ev res = args.size() > 1 ? whole(cx, args.get(1)) : null;
            return guarded(DYNAMIC, call, r -> {
                long h = H3.parse((String) t.eval(r));
                if (h < 0) return null;
                Long k = res == null ? Long.valueOf(H3.resolution(h) + 1) : (Long) res.eval(r);
                if (k == null || k < H3.resolution(h) || k > H3.MAX_RES || k - H3.resolution(h) > MAX_CHILD_LEVELS) return null;
                ArrayNode a = Values.array();
                for (long c : H3.children(h, k.intValue())) a.add(H3.format(c));
                return a;
            });
        });
        m.put("geo_h3cell_neighbors", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev t = ExprCompiler.str(cx.compile(args.get(0)));
            return guarded(DYNAMIC, call, r -> {
                long h = H3.parse((String) t.eval(r));
                return h < 0 ? null : tokens(H3.rings(h, 1).get(1));
            });
        });
        m.put("geo_h3cell_rings", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev t = ExprCompiler.str(cx.compile(args.get(0)));
            Ev dist = whole(cx, args.get(1));
            return guarded(DYNAMIC, call, r -> {
                long h = H3.parse((String) t.eval(r));
                Long k = (Long) dist.eval(r);
                if (h < 0 || k == null || k < 0 || k > MAX_RING) return null;
                ArrayNode a = Values.array();
                for (List<Long> ring : H3.rings(h, k.intValue())) a.add(tokens(ring));
                return a;
            });
        });
        m.put("geo_h3cell_to_central_point", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev t = ExprCompiler.str(cx.compile(args.get(0)));
            return guarded(DYNAMIC, call, r -> {
                long h = H3.parse((String) t.eval(r));
                if (h < 0) return null;
                double[] c = H3.center(h);
                ObjectNode o = Values.object();
                o.put("type", "Point");
                o.putArray("coordinates").add(c[1]).add(c[0]);
                return o;
            });
        });
        m.put("geo_polygon_to_h3cells", H3Functions::polygonToCells);
        m.put("geo_h3cell_to_polygon", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev t = ExprCompiler.str(cx.compile(args.get(0)));
            return guarded(DYNAMIC, call, r -> {
                long h = H3.parse((String) t.eval(r));
                if (h < 0) return null;
                List<double[]> b = H3.boundary(h);
                ObjectNode o = Values.object();
                o.put("type", "Polygon");
                ArrayNode ring = o.putArray("coordinates").addArray();
                for (double[] p : b) ring.addArray().add(p[0]).add(p[1]);
                ring.addArray().add(b.get(0)[0]).add(b.get(0)[1]);
                return o;
            });
        });
    }

    private static Ev polygonToCells(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 3, call);
        Ev poly = Dynamics.asDynamic(cx.compile(args.get(0)), call);
        Ev res = args.size() > 1 ? whole(cx, args.get(1)) : null;
        Ev radius = args.size() > 2 ? num(cx, args.get(2)) : null;
        return guarded(DYNAMIC, call, r -> {
            List<Polyfill.Polygon> polygons = polygons((JsonNode) poly.eval(r));
            Long k = res == null ? Long.valueOf(DEFAULT_RES) : (Long) res.eval(r);
            Double buffer = radius == null ? Double.valueOf(0) : (Double) radius.eval(r);
            if (polygons == null || k == null || k < 0 || k > H3.MAX_RES || buffer == null || buffer < 0) return null;
            if (buffer > 0) throw new H3Unsupported("a buffer radius (the enlarged polygon's construction is not documented)");
            long[] cells = Polyfill.cells(polygons, k.intValue(), MAX_POLYGON_CELLS);
            if (cells == null) return null;
            ArrayNode a = Values.array();
            for (long c : cells) a.add(H3.format(c));
            return a;
        });
    }

    /** A GeoJSON Polygon or MultiPolygon as rings of {lng, lat}; null when it is not a valid one. */
    private static List<Polyfill.Polygon> polygons(JsonNode g) {
        if (g == null || !g.isObject() || g.get("type") == null || g.get("coordinates") == null) return null;
        String type = g.get("type").asString();
        JsonNode coords = g.get("coordinates");
        List<Polyfill.Polygon> out = new ArrayList<>();
        if ("Polygon".equals(type)) {
            Polyfill.Polygon p = polygon(coords);
            if (p == null) return null;
            out.add(p);
        } else if ("MultiPolygon".equals(type) && coords.isArray() && !coords.isEmpty()) {
            for (JsonNode c : coords) {
                Polyfill.Polygon p = polygon(c);
                if (p == null) return null;
                out.add(p);
            }
        } else {
            return null;
        }
        return out;
    }

    private static Polyfill.Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) return null;
        List<List<double[]>> out = new ArrayList<>();
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) return null;
            List<double[]> points = new ArrayList<>();
            for (JsonNode pt : ring) {
                if (!pt.isArray() || pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) return null;
                double lng = pt.get(0).asDouble(), lat = pt.get(1).asDouble();
                if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return null;
                points.add(new double[]{lng, lat});
            }
            double[] first = points.get(0), last = points.get(points.size() - 1);
            if (first[0] != last[0] || first[1] != last[1]) return null;
            out.add(points);
        }
        return new Polyfill.Polygon(out);
    }

    private static ArrayNode tokens(List<Long> cells) {
        ArrayNode a = Values.array();
        for (long c : cells) a.add(H3.format(c));
        return a;
    }

    private static Ev num(ExprCompiler cx, Expr e) {
        return Comparisons.cast(cx.compile(e), REAL);
    }

    private static Ev whole(ExprCompiler cx, Expr e) {
        return Comparisons.cast(cx.compile(e), LONG);
    }

    /** Cells the H3 package cannot place are refused at the call, never answered with a guess. */
    private static Ev guarded(dev.sentinelctl.kql.semantic.ScalarType type, Expr.FunctionCall call, IntFunction<Object> f) {
        return Ev.of(type, r -> {
            try {
                return f.apply(r);
            } catch (H3Unsupported e) {
                throw EvalException.unsupported(call.functionName() + " on " + e.getMessage(), call);
            }
        });
    }
}

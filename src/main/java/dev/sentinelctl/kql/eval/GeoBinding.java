package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.eval.geo.GeoJson;
import dev.sentinelctl.kql.eval.geo.GeoUnsupported;
import dev.sentinelctl.kql.eval.geo.Geometry;
import dev.sentinelctl.kql.eval.geo.LngLat;
import dev.sentinelctl.kql.eval.geo.P3;
import dev.sentinelctl.kql.eval.geo.Region;
import dev.sentinelctl.kql.eval.geo.S2;
import dev.sentinelctl.kql.eval.geo.Spherical;
import dev.sentinelctl.kql.eval.geo.Unions;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.List;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/**
 * Argument binding shared by the geo_* function families: casts, defaults, null for invalid input, and a GeoJSON
 * argument parsed once per call site (see {@link Shape}).
 */
final class GeoBinding {

    static final double R = Spherical.EARTH_RADIUS_M;

    /** The body of a function: cast arguments (null when the value is null) to the result value (null allowed). */
    interface Body {
        Object apply(Object[] a);
    }

    /** A function whose arguments are cast to {@code types}; optional trailing arguments take {@code defaults}. */
    static Functions.Fn fn(ScalarType out, ScalarType[] types, int required, Object[] defaults, Body body) {
        return (cx, args, call) -> {
            Functions.arity(args, required, types.length, call);
            Ev[] ev = new Ev[types.length];
            for (int i = 0; i < types.length; i++) {
                if (i < args.size()) {
                    Ev e = cx.compile(args.get(i));
                    ev[i] = types[i] == DYNAMIC ? Dynamics.asDynamic(e, args.get(i)) : Functions.cast(e, types[i]);
                } else {
                    ev[i] = Ev.constant(types[i], defaults[i - required]);
                }
            }
            Shape[] last = new Shape[types.length];
            return Ev.of(out, r -> {
                Object[] a = new Object[ev.length];
                for (int i = 0; i < ev.length; i++) {
                    a[i] = ev[i].eval(r);
                    if (a[i] instanceof JsonNode j) {
                        // a constant GeoJSON argument is the same node on every row: parse it once per call site
                        if (last[i] == null || last[i].json != j) last[i] = new Shape(j);
                        a[i] = last[i];
                    }
                }
                Object v;
                try {
                    v = body.apply(a);
                } catch (GeoUnsupported e) {
                    throw EvalException.unsupported(e.getMessage(), call);
                }
                return v == null && out == STRING ? "" : v;
            });
        };
    }

    static ScalarType[] t(ScalarType... types) {
        return types;
    }

    static final Object[] NONE = {};

    /** A dynamic argument with its geometry and region parsed on first use. */
    static final class Shape {
        final JsonNode json;
        private Geometry geometry;
        private Region region;
        private boolean parsed, regionBuilt;

        Shape(JsonNode json) {
            this.json = json;
        }

        Geometry geometry() {
            if (!parsed) {
                geometry = GeoJson.read(json);
                parsed = true;
            }
            return geometry;
        }

        Region region() {
            if (!regionBuilt) {
                Geometry g = geometry();
                region = g == null ? null : Region.of(g);
                regionBuilt = true;
            }
            return region;
        }
    }

    /** "The maximum count of tokens per polygon (line) is 65536"; more gives null. */
    static final int MAX_CELLS = 65_536;

    static JsonNode tokens(List<Long> cells) {
        if (cells == null) return null;
        ArrayNode out = Values.array();
        for (long c : cells) out.add(S2.token(c));
        return out;
    }

    // --- argument helpers ---------------------------------------------------------------------------------------

    /** geo_distance_2points' use_spheroid = true measures on the WGS-84 spheroid, which the engine does not. */
    static void refuseSpheroid(ExprCompiler cx, List<Expr> args, int at, Expr.FunctionCall call) {
        Functions.arity(args, at, at + 1, call);
        if (args.size() > at) {
            Object v = Functions.constant(cx.compile(args.get(at)), args.get(at), "use_spheroid");
            if (!Boolean.FALSE.equals(v)) throw EvalException.unsupported(call.functionName() + " with use_spheroid = true", args.get(at));
        }
    }

    static LngLat lngLat(Object[] a, int i) {
        if (!(a[i] instanceof Double lng) || !(a[i + 1] instanceof Double lat) || !LngLat.valid(lng, lat)) return null;
        return new LngLat(lng, lat);
    }

    static P3 point(Object[] a, int i) {
        LngLat p = lngLat(a, i);
        return p == null ? null : p.p3();
    }

    static JsonNode json(Object v) {
        return v instanceof Shape s ? s.json : null;
    }

    static Geometry geometry(Object v) {
        return v instanceof Shape s ? s.geometry() : null;
    }

    static Geometry.Line line(Object v) {
        return geometry(v) instanceof Geometry.Line l ? l : null;
    }

    static List<Geometry.Line> lines(Object v) {
        return Geometry.lines(geometry(v));
    }

    static Region region(Object v) {
        return v instanceof Shape s ? s.region() : null;
    }

    /** A polygon's region; a multipolygon's after joining its polygons, so that overlaps have one boundary. */
    static Region unionRegion(Object v) {
        Geometry g = geometry(v);
        List<Geometry.Polygon> ps = Geometry.polygons(g);
        if (ps == null || Region.of(g) == null) return null;
        if (ps.size() == 1) return Region.of(g);
        Geometry u = Unions.union(ps);
        return u == null ? null : Region.of(u);
    }

    static JsonNode pointOrNull(P3 moment) {
        return moment.norm() < 1e-300 ? null : GeoJson.point(LngLat.of(moment.unit()));
    }

    private GeoBinding() {
    }
}

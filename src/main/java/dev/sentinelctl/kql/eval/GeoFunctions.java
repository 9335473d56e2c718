package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.eval.geo.Buffers;
import dev.sentinelctl.kql.eval.geo.GeoJson;
import dev.sentinelctl.kql.eval.geo.GeoUnsupported;
import dev.sentinelctl.kql.eval.geo.Geohash;
import dev.sentinelctl.kql.eval.geo.Geometry;
import dev.sentinelctl.kql.eval.geo.LngLat;
import dev.sentinelctl.kql.eval.geo.Lines;
import dev.sentinelctl.kql.eval.geo.P3;
import dev.sentinelctl.kql.eval.geo.Region;
import dev.sentinelctl.kql.eval.geo.S2;
import dev.sentinelctl.kql.eval.geo.Spherical;
import dev.sentinelctl.kql.eval.geo.Unions;
import dev.sentinelctl.kql.eval.geo.Wkt;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/**
 * Geospatial functions (geo_*, except H3) over GeoJSON values. The geometry lives in {@code kql.eval.geo}; this
 * class binds arguments and maps invalid input to null, as every geo_* page documents. The Earth model is a sphere
 * (see {@link Spherical#EARTH_RADIUS_M}); edges are geodesics.
 */
final class GeoFunctions {

    private static final double R = Spherical.EARTH_RADIUS_M;

    private GeoFunctions() {
    }

    /** The body of a function: cast arguments (null when the value is null) to the result value (null allowed). */
    private interface Body {
        Object apply(Object[] a);
    }

    /** A function whose arguments are cast to {@code types}; optional trailing arguments take {@code defaults}. */
    private static Functions.Fn fn(ScalarType out, ScalarType[] types, int required, Object[] defaults, Body body) {
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

    private static ScalarType[] t(ScalarType... types) {
        return types;
    }

    private static final Object[] NONE = {};

    /** A dynamic argument with its geometry and region parsed on first use. */
    private static final class Shape {
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

    static void register(Map<String, Functions.Fn> m) {
        m.put("geo_distance_2points", (cx, args, call) -> {
            refuseSpheroid(cx, args, 4, call);
            return fn(REAL, t(REAL, REAL, REAL, REAL), 4, NONE, a -> {
                P3 p = point(a, 0), q = point(a, 2);
                return p == null || q == null ? null : Spherical.meters(p, q);
            }).compile(cx, args.subList(0, 4), call);
        });
        m.put("geo_point_in_circle", fn(BOOL, t(REAL, REAL, REAL, REAL, REAL), 5, NONE, a -> {
            P3 p = point(a, 0), c = point(a, 2);
            Double radius = (Double) a[4];
            if (p == null || c == null || radius == null || !(radius >= 0)) return null;
            return Spherical.meters(p, c) <= radius;
        }));
        m.put("geo_angle", fn(REAL, t(REAL, REAL, REAL, REAL, REAL, REAL), 6, NONE, a -> {
            P3 p1 = point(a, 0), p2 = point(a, 2), p3 = point(a, 4);
            if (p1 == null || p2 == null || p3 == null || p1.angle(p2) == 0 || p2.angle(p3) == 0) return null;
            double ang = Spherical.azimuth(p2, p3) - Spherical.azimuth(p2, p1);
            return ang < 0 ? ang + 2 * Math.PI : ang;
        }));
        m.put("geo_azimuth", fn(REAL, t(REAL, REAL, REAL, REAL), 4, NONE, a -> {
            P3 p = point(a, 0), q = point(a, 2);
            if (p == null || q == null || p.angle(q) == 0) return null;
            return Spherical.azimuth(p, q);
        }));
        m.put("geo_from_wkt", fn(DYNAMIC, t(STRING), 1, NONE, a -> {
            Geometry g = Wkt.parse((String) a[0]);
            return g == null ? null : GeoJson.write(g);
        }));
        registerLines(m);
        registerPolygons(m);
        registerCells(m);
    }

    private static void registerLines(Map<String, Functions.Fn> m) {
        m.put("geo_line_length", fn(REAL, t(DYNAMIC), 1, NONE, a -> {
            List<Geometry.Line> ls = lines(a[0]);
            if (ls == null) return null;
            double s = 0;
            for (Geometry.Line l : ls) s += Spherical.length(l.points());
            return s;
        }));
        m.put("geo_line_centroid", fn(DYNAMIC, t(DYNAMIC), 1, NONE, a -> {
            List<Geometry.Line> ls = lines(a[0]);
            return ls == null ? null : pointOrNull(Lines.moment(ls));
        }));
        m.put("geo_line_interpolate_point", fn(DYNAMIC, t(DYNAMIC, REAL), 2, NONE, a -> {
            Geometry.Line l = line(a[0]);
            Double f = (Double) a[1];
            if (l == null || f == null || !(f >= 0 && f <= 1)) return null;
            return GeoJson.point(LngLat.of(Lines.interpolate(l, f)));
        }));
        m.put("geo_line_locate_point", fn(REAL, t(DYNAMIC, REAL, REAL), 3, NONE, a -> {
            Geometry.Line l = line(a[0]);
            P3 p = point(a, 1);
            return l == null || p == null ? null : Lines.locate(l, p);
        }));
        m.put("geo_distance_point_to_line", fn(REAL, t(REAL, REAL, DYNAMIC), 3, NONE, a -> {
            P3 p = point(a, 0);
            List<Geometry.Line> ls = lines(a[2]);
            return p == null || ls == null ? null : p.angle(Lines.closest(ls, p)) * R;
        }));
        m.put("geo_closest_point_on_line", fn(DYNAMIC, t(REAL, REAL, DYNAMIC), 3, NONE, a -> {
            P3 p = point(a, 0);
            List<Geometry.Line> ls = lines(a[2]);
            return p == null || ls == null ? null : GeoJson.point(LngLat.of(Lines.closest(ls, p)));
        }));
        m.put("geo_line_simplify", fn(DYNAMIC, t(DYNAMIC, REAL), 1, new Object[] {10.0}, a -> {
            List<Geometry.Line> ls = lines(a[0]);
            Double tol = (Double) a[1];
            if (ls == null || tol == null || !(tol >= 0 && tol <= 7_800_000)) return null;
            List<Geometry.Line> out = new ArrayList<>();
            for (Geometry.Line l : ls.size() == 1 ? ls : Geometry.lines(Lines.union(ls))) {
                Geometry.Line s = Lines.simplify(l, tol / R);
                if (s != null) out.add(s);
            }
            if (out.isEmpty()) return null;
            return GeoJson.write(out.size() == 1 ? out.get(0) : new Geometry.MultiLine(out));
        }));
        m.put("geo_intersects_2lines", fn(BOOL, t(DYNAMIC, DYNAMIC), 2, NONE, a -> {
            Geometry.Line l1 = line(a[0]), l2 = line(a[1]);
            if (l1 == null || l2 == null) return null;
            Geometry x = Lines.intersection(l1, l2);
            return !(x instanceof Geometry.Collection c && c.geometries().isEmpty());
        }));
        m.put("geo_intersection_2lines", fn(DYNAMIC, t(DYNAMIC, DYNAMIC), 2, NONE, a -> {
            Geometry.Line l1 = line(a[0]), l2 = line(a[1]);
            return l1 == null || l2 == null ? null : GeoJson.write(Lines.intersection(l1, l2));
        }));
        m.put("geo_union_lines_array", fn(DYNAMIC, t(DYNAMIC), 1, NONE, a -> {
            JsonNode arr = json(a[0]);
            if (arr == null || !arr.isArray() || arr.isEmpty()) return null;
            List<Geometry.Line> all = new ArrayList<>();
            for (JsonNode el : arr) {
                List<Geometry.Line> ls = Geometry.lines(GeoJson.read(el));
                if (ls == null) return null;
                all.addAll(ls);
            }
            return GeoJson.write(Lines.union(all));
        }));
    }

    private static void registerPolygons(Map<String, Functions.Fn> m) {
        m.put("geo_point_in_polygon", fn(BOOL, t(REAL, REAL, DYNAMIC), 3, NONE, a -> {
            P3 p = point(a, 0);
            Region g = region(a[2]);
            return p == null || g == null ? null : g.contains(p);
        }));
        m.put("geo_distance_point_to_polygon", fn(REAL, t(REAL, REAL, DYNAMIC), 3, NONE, a -> {
            P3 p = point(a, 0);
            Region g = region(a[2]);
            if (p == null || g == null) return null;
            return g.contains(p) ? 0.0 : p.angle(g.closestBoundaryPoint(p)) * R;
        }));
        m.put("geo_closest_point_on_polygon", fn(DYNAMIC, t(REAL, REAL, DYNAMIC), 3, NONE, a -> {
            P3 p = point(a, 0);
            Region g = region(a[2]);
            if (p == null || g == null) return null;
            if (g.contains(p)) return GeoJson.point(new LngLat((Double) a[0], (Double) a[1]));
            return GeoJson.point(LngLat.of(g.closestBoundaryPoint(p)));
        }));
        m.put("geo_point_buffer", fn(DYNAMIC, t(REAL, REAL, REAL, REAL), 3, new Object[] {10.0}, a -> {
            LngLat c = lngLat(a, 0);
            if (c == null || a[2] == null || a[3] == null) return null;
            List<LngLat> ring = Buffers.circle(c, (Double) a[2], (Double) a[3]);
            return ring == null ? null : GeoJson.write(new Geometry.Polygon(List.of(ring)));
        }));
        m.put("geo_simplify_polygons_array", fn(DYNAMIC, t(DYNAMIC, REAL), 1, new Object[] {10.0}, a -> {
            JsonNode arr = json(a[0]);
            if (arr == null || !arr.isArray() || arr.isEmpty()) return null;
            Double tol = (Double) a[1];
            if (tol == null || !(tol >= 0 && tol <= 7_800_000)) return null;
            List<P3> vertices = new ArrayList<>();
            for (JsonNode el : arr) {
                Geometry g = GeoJson.read(el);
                if (Geometry.polygons(g) == null || Region.of(g) == null) return null;
                for (Geometry.Polygon p : Geometry.polygons(g)) for (List<LngLat> ring : p.rings()) for (LngLat v : ring) vertices.add(v.p3());
            }
            // "no two vertices with distance less than tolerance": when every vertex is within the tolerance of the
            // first, nothing of the union survives and the result is null. Otherwise the result depends on how
            // Kusto snaps the union's vertices, which the page does not specify.
            for (P3 v : vertices) {
                if (v.angle(vertices.get(0)) * R >= tol) {
                    throw new GeoUnsupported("geo_simplify_polygons_array whose result is not empty (the vertex snapping of the union is not documented)");
                }
            }
            return null;
        }));
        m.put("geo_intersects_2polygons", fn(BOOL, t(DYNAMIC, DYNAMIC), 2, NONE, a -> {
            Region g1 = region(a[0]), g2 = region(a[1]);
            return g1 == null || g2 == null ? null : g1.intersects(g2);
        }));
        m.put("geo_intersects_line_with_polygon", fn(BOOL, t(DYNAMIC, DYNAMIC), 2, NONE, a -> {
            List<Geometry.Line> ls = lines(a[0]);
            Region g = region(a[1]);
            if (ls == null || g == null) return null;
            for (Geometry.Line l : ls) if (g.intersectsChain(l.points().stream().map(LngLat::p3).toList())) return true;
            return false;
        }));
        m.put("geo_union_polygons_array", fn(DYNAMIC, t(DYNAMIC), 1, NONE, a -> {
            JsonNode arr = json(a[0]);
            if (arr == null || !arr.isArray() || arr.isEmpty()) return null;
            List<Geometry.Polygon> all = new ArrayList<>();
            for (JsonNode el : arr) {
                List<Geometry.Polygon> ps = Geometry.polygons(GeoJson.read(el));
                if (ps == null) return null;
                all.addAll(ps);
            }
            Geometry u = Unions.union(all);
            return u == null ? null : GeoJson.write(u);
        }));
        m.put("geo_intersection_2polygons", fn(DYNAMIC, t(DYNAMIC, DYNAMIC), 2, NONE, a -> {
            Region g1 = unionRegion(a[0]), g2 = unionRegion(a[1]);
            return g1 == null || g2 == null ? null : GeoJson.write(Unions.intersection(g1, g2));
        }));
        m.put("geo_polygon_area", fn(REAL, t(DYNAMIC), 1, NONE, a -> {
            Region g = region(a[0]);
            return g == null ? null : g.area() * R * R;
        }));
        m.put("geo_polygon_perimeter", fn(REAL, t(DYNAMIC), 1, NONE, a -> {
            Region g = region(a[0]);
            return g == null ? null : g.perimeter() * R;
        }));
        m.put("geo_polygon_centroid", fn(DYNAMIC, t(DYNAMIC), 1, NONE, a -> {
            Region g = region(a[0]);
            return g == null ? null : pointOrNull(g.moment());
        }));
        m.put("geo_intersection_line_with_polygon", fn(DYNAMIC, t(DYNAMIC, DYNAMIC), 2, NONE, a -> {
            Geometry.Line l = line(a[0]);
            Region g = region(a[1]);
            if (l == null || g == null) return null;
            List<List<P3>> parts = Lines.clip(l, g);
            if (parts.isEmpty()) return GeoJson.write(new Geometry.Collection(List.of()));
            List<Geometry.Line> ls = new ArrayList<>();
            for (List<P3> c : parts) ls.add(new Geometry.Line(c.stream().map(LngLat::of).toList()));
            return GeoJson.write(ls.size() == 1 ? ls.get(0) : new Geometry.MultiLine(ls));
        }));
    }

    private static void registerCells(Map<String, Functions.Fn> m) {
        m.put("geo_point_to_geohash", fn(STRING, t(REAL, REAL, LONG), 2, new Object[] {5L}, a -> {
            LngLat p = lngLat(a, 0);
            Long acc = (Long) a[2];
            if (p == null || acc == null || acc < 1 || acc > Geohash.MAX_PRECISION) return "";
            return Geohash.encode(p.lng(), p.lat(), acc.intValue());
        }));
        m.put("geo_geohash_to_central_point", fn(DYNAMIC, t(STRING), 1, NONE, a -> {
            double[] b = Geohash.box((String) a[0]);
            return b == null ? null : GeoJson.point(new LngLat((b[0] + b[2]) / 2, (b[1] + b[3]) / 2));
        }));
        m.put("geo_geohash_to_polygon", fn(DYNAMIC, t(STRING), 1, NONE, a -> {
            double[] b = Geohash.box((String) a[0]);
            return b == null ? null : GeoJson.write(new Geometry.Polygon(List.of(Geohash.ring(b))));
        }));
        m.put("geo_geohash_neighbors", fn(DYNAMIC, t(STRING), 1, NONE, a -> {
            List<String> ns = Geohash.neighbours((String) a[0]);
            if (ns == null) return null;
            ArrayNode out = Values.array();
            for (String n : ns) out.add(n);
            return out;
        }));
        m.put("geo_point_to_s2cell", fn(STRING, t(REAL, REAL, LONG), 2, new Object[] {11L}, a -> {
            P3 p = point(a, 0);
            Long level = (Long) a[2];
            if (p == null || level == null || level < 0 || level > S2.MAX_LEVEL) return "";
            return S2.token(S2.fromPoint(p, level.intValue()));
        }));
        m.put("geo_s2cell_to_central_point", fn(DYNAMIC, t(STRING), 1, NONE, a -> {
            Long id = S2.fromToken((String) a[0]);
            return id == null ? null : GeoJson.point(LngLat.of(S2.center(id)));
        }));
        m.put("geo_s2cell_to_polygon", fn(DYNAMIC, t(STRING), 1, NONE, a -> {
            Long id = S2.fromToken((String) a[0]);
            if (id == null) return null;
            List<LngLat> ring = new ArrayList<>();
            for (P3 v : S2.vertices(id)) ring.add(LngLat.of(v));
            ring.add(ring.get(0));
            return GeoJson.write(new Geometry.Polygon(List.of(ring)));
        }));
        m.put("geo_s2cell_neighbors", fn(DYNAMIC, t(STRING), 1, NONE, a -> {
            Long id = S2.fromToken((String) a[0]);
            if (id == null) return null;
            ArrayNode out = Values.array();
            for (long n : S2.neighbours(id)) out.add(S2.token(n));
            return out;
        }));
        m.put("geo_polygon_to_s2cells", fn(DYNAMIC, t(DYNAMIC, LONG, REAL), 1, new Object[] {11L, 0.0}, a -> {
            Region g = region(a[0]);
            Long level = (Long) a[1];
            Double radius = (Double) a[2];
            if (g == null || level == null || level < 0 || level > S2.MAX_LEVEL || radius == null || !(radius >= 0)) return null;
            return tokens(S2.covering(g, radius / R, level.intValue(), MAX_CELLS));
        }));
        m.put("geo_line_to_s2cells", fn(DYNAMIC, t(DYNAMIC, LONG, REAL), 1, new Object[] {11L, 0.0}, a -> {
            List<Geometry.Line> ls = lines(a[0]);
            Long level = (Long) a[1];
            Double radius = (Double) a[2];
            if (ls == null || level == null || level < 0 || level > S2.MAX_LEVEL || radius == null || !(radius >= 0)) return null;
            List<P3[]> edges = new ArrayList<>();
            for (Geometry.Line l : ls) {
                for (int i = 0; i + 1 < l.points().size(); i++) edges.add(new P3[] {l.points().get(i).p3(), l.points().get(i + 1).p3()});
            }
            return tokens(S2.covering(edges, radius / R, level.intValue(), MAX_CELLS));
        }));
    }

    /** "The maximum count of tokens per polygon (line) is 65536"; more gives null. */
    private static final int MAX_CELLS = 65_536;

    private static JsonNode tokens(List<Long> cells) {
        if (cells == null) return null;
        ArrayNode out = Values.array();
        for (long c : cells) out.add(S2.token(c));
        return out;
    }

    // --- argument helpers ---------------------------------------------------------------------------------------

    /** geo_distance_2points' use_spheroid = true measures on the WGS-84 spheroid, which the engine does not. */
    private static void refuseSpheroid(ExprCompiler cx, List<Expr> args, int at, Expr.FunctionCall call) {
        Functions.arity(args, at, at + 1, call);
        if (args.size() > at) {
            Object v = Functions.constant(cx.compile(args.get(at)), args.get(at), "use_spheroid");
            if (!Boolean.FALSE.equals(v)) throw EvalException.unsupported(call.functionName() + " with use_spheroid = true", args.get(at));
        }
    }

    private static LngLat lngLat(Object[] a, int i) {
        if (!(a[i] instanceof Double lng) || !(a[i + 1] instanceof Double lat) || !LngLat.valid(lng, lat)) return null;
        return new LngLat(lng, lat);
    }

    private static P3 point(Object[] a, int i) {
        LngLat p = lngLat(a, i);
        return p == null ? null : p.p3();
    }

    private static JsonNode json(Object v) {
        return v instanceof Shape s ? s.json : null;
    }

    private static Geometry geometry(Object v) {
        return v instanceof Shape s ? s.geometry() : null;
    }

    private static Geometry.Line line(Object v) {
        return geometry(v) instanceof Geometry.Line l ? l : null;
    }

    private static List<Geometry.Line> lines(Object v) {
        return Geometry.lines(geometry(v));
    }

    private static Region region(Object v) {
        return v instanceof Shape s ? s.region() : null;
    }

    /** A polygon's region; a multipolygon's after joining its polygons, so that overlaps have one boundary. */
    private static Region unionRegion(Object v) {
        Geometry g = geometry(v);
        List<Geometry.Polygon> ps = Geometry.polygons(g);
        if (ps == null || Region.of(g) == null) return null;
        if (ps.size() == 1) return Region.of(g);
        Geometry u = Unions.union(ps);
        return u == null ? null : Region.of(u);
    }

    private static JsonNode pointOrNull(P3 moment) {
        return moment.norm() < 1e-300 ? null : GeoJson.point(LngLat.of(moment.unit()));
    }
}

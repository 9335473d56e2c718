package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.eval.geo.Buffers;
import dev.sentinelctl.kql.eval.geo.GeoJson;
import dev.sentinelctl.kql.eval.geo.Geometry;
import dev.sentinelctl.kql.eval.geo.LngLat;
import dev.sentinelctl.kql.eval.geo.Lines;
import dev.sentinelctl.kql.eval.geo.P3;
import dev.sentinelctl.kql.eval.geo.S2;
import dev.sentinelctl.kql.eval.geo.Spherical;
import dev.sentinelctl.kql.eval.geo.Wkt;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

import static dev.sentinelctl.kql.eval.GeoBinding.NONE;
import static dev.sentinelctl.kql.eval.GeoBinding.R;
import static dev.sentinelctl.kql.eval.GeoBinding.fn;
import static dev.sentinelctl.kql.eval.GeoBinding.geometry;
import static dev.sentinelctl.kql.eval.GeoBinding.json;
import static dev.sentinelctl.kql.eval.GeoBinding.line;
import static dev.sentinelctl.kql.eval.GeoBinding.lines;
import static dev.sentinelctl.kql.eval.GeoBinding.point;
import static dev.sentinelctl.kql.eval.GeoBinding.pointOrNull;
import static dev.sentinelctl.kql.eval.GeoBinding.refuseSpheroid;
import static dev.sentinelctl.kql.eval.GeoBinding.t;

/**
 * Geospatial functions (geo_*, except H3) over GeoJSON values: points, distances and lines here, polygons in
 * {@link GeoPolygonFunctions}, geohash and S2 cells in {@link GeoCellFunctions}. The geometry lives in
 * {@code kql.eval.geo}; invalid input gives null, as every geo_* page documents. The Earth model is a sphere (see
 * {@link Spherical#EARTH_RADIUS_M}); edges are geodesics.
 */
final class GeoFunctions {

    private GeoFunctions() {
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
        GeoPolygonFunctions.register(m);
        GeoCellFunctions.register(m);
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
        m.put("geo_line_buffer", fn(DYNAMIC, t(DYNAMIC, REAL, REAL), 2, new Object[] {10.0}, a -> {
            List<Geometry.Line> ls = lines(a[0]);
            if (ls == null || a[1] == null || a[2] == null) return null;
            Geometry b = Buffers.lines(ls, (Double) a[1], (Double) a[2]);
            return b == null ? null : GeoJson.write(b);
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
}

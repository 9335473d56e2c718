package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.eval.geo.Buffers;
import dev.sentinelctl.kql.eval.geo.GeoJson;
import dev.sentinelctl.kql.eval.geo.GeoUnsupported;
import dev.sentinelctl.kql.eval.geo.Geometry;
import dev.sentinelctl.kql.eval.geo.LngLat;
import dev.sentinelctl.kql.eval.geo.Lines;
import dev.sentinelctl.kql.eval.geo.P3;
import dev.sentinelctl.kql.eval.geo.Region;
import dev.sentinelctl.kql.eval.geo.Unions;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;

import static dev.sentinelctl.kql.eval.GeoBinding.NONE;
import static dev.sentinelctl.kql.eval.GeoBinding.R;
import static dev.sentinelctl.kql.eval.GeoBinding.fn;
import static dev.sentinelctl.kql.eval.GeoBinding.geometry;
import static dev.sentinelctl.kql.eval.GeoBinding.json;
import static dev.sentinelctl.kql.eval.GeoBinding.line;
import static dev.sentinelctl.kql.eval.GeoBinding.lines;
import static dev.sentinelctl.kql.eval.GeoBinding.lngLat;
import static dev.sentinelctl.kql.eval.GeoBinding.point;
import static dev.sentinelctl.kql.eval.GeoBinding.pointOrNull;
import static dev.sentinelctl.kql.eval.GeoBinding.region;
import static dev.sentinelctl.kql.eval.GeoBinding.t;
import static dev.sentinelctl.kql.eval.GeoBinding.unionRegion;

/** geo_* functions over polygons and multipolygons (regions of the sphere; a multipolygon is the union of its parts). */
final class GeoPolygonFunctions {

    private GeoPolygonFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
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
        m.put("geo_polygon_buffer", fn(DYNAMIC, t(DYNAMIC, REAL, REAL), 2, new Object[] {10.0}, a -> {
            Geometry g = geometry(a[0]);
            if (Geometry.polygons(g) == null || Region.of(g) == null || a[1] == null || a[2] == null) return null;
            Geometry b = Buffers.polygons(Geometry.polygons(g), (Double) a[1], (Double) a[2]);
            return b == null ? null : GeoJson.write(b);
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
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.eval.geo.GeoJson;
import dev.sentinelctl.kql.eval.geo.Geohash;
import dev.sentinelctl.kql.eval.geo.Geometry;
import dev.sentinelctl.kql.eval.geo.LngLat;
import dev.sentinelctl.kql.eval.geo.P3;
import dev.sentinelctl.kql.eval.geo.Region;
import dev.sentinelctl.kql.eval.geo.S2;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

import static dev.sentinelctl.kql.eval.GeoBinding.MAX_CELLS;
import static dev.sentinelctl.kql.eval.GeoBinding.NONE;
import static dev.sentinelctl.kql.eval.GeoBinding.R;
import static dev.sentinelctl.kql.eval.GeoBinding.fn;
import static dev.sentinelctl.kql.eval.GeoBinding.lines;
import static dev.sentinelctl.kql.eval.GeoBinding.lngLat;
import static dev.sentinelctl.kql.eval.GeoBinding.point;
import static dev.sentinelctl.kql.eval.GeoBinding.region;
import static dev.sentinelctl.kql.eval.GeoBinding.t;
import static dev.sentinelctl.kql.eval.GeoBinding.tokens;

/** Geohash and S2 cell functions. */
final class GeoCellFunctions {

    private GeoCellFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
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
}

package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.List;

/** Polygons around points, lines and polygons: geo_point_buffer, geo_line_buffer, geo_polygon_buffer. */
public final class Buffers {

    private Buffers() {
    }

    /**
     * A regular polygon that contains every point within {@code radius} meters of the centre (its edges touch the
     * circle at their midpoints) and whose vertices lie at most {@code tolerance} meters outside it: the fewest
     * vertices (at least 4) meeting that. Counterclockwise, closed. Null for an invalid radius or tolerance (radius
     * ≤ 0; tolerance ≤ 0 or below 0.0001 % of the radius); a tolerance above the radius is lowered below it, as the
     * page says.
     */
    public static List<LngLat> circle(LngLat centre, double radius, double tolerance) {
        double[] rt = radians(radius, tolerance);
        return rt == null ? null : circleRad(centre, rt[0], rt[1]);
    }

    /** {radius, tolerance} in radians, or null when invalid; refuses a radius of a quarter of the Earth or more. */
    private static double[] radians(double radius, double tolerance) {
        if (!(radius > 0) || !(tolerance > 0) || tolerance < radius * 1e-6) return null;
        double r = radius / Spherical.EARTH_RADIUS_M;
        if (r >= Math.PI / 2 * 0.99) throw new GeoUnsupported("a geo buffer with a radius of a quarter of the Earth's circumference or more");
        return new double[] {r, Math.min(tolerance, radius * 0.999) / Spherical.EARTH_RADIUS_M};
    }

    private static List<LngLat> circleRad(LngLat centre, double r, double tol) {
        int n = 4;
        while (Math.atan(Math.tan(r) / Math.cos(Math.PI / n)) - r > tol) n *= 2;
        // refine down from the doubling step to the fewest vertices that still meet the tolerance
        int lo = n / 2 + 1, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (Math.atan(Math.tan(r) / Math.cos(Math.PI / mid)) - r <= tol) hi = mid;
            else lo = mid + 1;
        }
        n = Math.max(4, hi);
        double rv = Math.atan(Math.tan(r) / Math.cos(Math.PI / n));
        P3 c = centre.p3();
        P3 east = new P3(0, 0, 1).cross(c);
        if (east.norm() < 1e-12) east = new P3(0, 1, 0);
        east = east.unit();
        P3 north = c.cross(east);
        List<LngLat> ring = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double az = -2 * Math.PI * k / n; // decreasing azimuth: counterclockwise seen from above
            P3 dir = north.times(Math.cos(az)).plus(east.times(Math.sin(az)));
            ring.add(LngLat.of(c.times(Math.cos(rv)).plus(dir.times(Math.sin(rv))).unit()));
        }
        ring.add(ring.get(0));
        return ring;
    }

    /**
     * The buffer of lines: the union of a circle around every vertex (round caps and joins) and a band along every
     * edge whose sides run at most the tolerance outside the ideal distance and never inside it. Null for an
     * invalid radius or tolerance.
     */
    public static Geometry lines(List<Geometry.Line> lines, double radius, double tolerance) {
        double[] rt = radians(radius, tolerance);
        if (rt == null) return null;
        List<Geometry.Polygon> parts = new ArrayList<>();
        for (Geometry.Line l : lines) addChain(l.points(), rt[0], rt[1], parts);
        return Unions.union(parts);
    }

    /** The buffer of polygons: the polygons and the buffer of their rings. */
    public static Geometry polygons(List<Geometry.Polygon> polygons, double radius, double tolerance) {
        double[] rt = radians(radius, tolerance);
        if (rt == null) return null;
        List<Geometry.Polygon> parts = new ArrayList<>(polygons);
        for (Geometry.Polygon p : polygons) for (List<LngLat> ring : p.rings()) addChain(ring, rt[0], rt[1], parts);
        return Unions.union(parts);
    }

    private static void addChain(List<LngLat> pts, double r, double tol, List<Geometry.Polygon> parts) {
        for (int i = 0; i < pts.size(); i++) {
            if (i > 0 && Spherical.same(pts.get(i), pts.get(i - 1))) continue;
            parts.add(new Geometry.Polygon(List.of(circleRad(pts.get(i), r, tol))));
            if (i > 0) parts.add(band(pts.get(i - 1).p3(), pts.get(i).p3(), r, tol));
        }
    }

    /**
     * Points at distance r' = r + tol/2 either side of the arc a–b, close enough along it that the geodesic between
     * neighbours stays at least r from the arc's great circle: sin d = sin r' / sqrt(cos² r' cos²(Δ/2) + sin² r') at
     * the middle of a step Δ.
     */
    private static Geometry.Polygon band(P3 a, P3 b, double r, double tol) {
        double rp = r + tol / 2, theta = a.angle(b);
        P3 n = a.cross(b).unit();
        int m = 1;
        while (true) {
            double half = theta / m / 2;
            double d = Math.asin(Math.sin(rp) / Math.sqrt(Math.pow(Math.cos(rp) * Math.cos(half), 2) + Math.pow(Math.sin(rp), 2)));
            if (d >= r) break;
            m *= 2;
        }
        List<LngLat> ring = new ArrayList<>();
        for (int k = 0; k <= m; k++) ring.add(LngLat.of(Spherical.interpolate(a, b, (double) k / m).times(Math.cos(rp)).plus(n.times(Math.sin(rp))).unit()));
        for (int k = m; k >= 0; k--) ring.add(LngLat.of(Spherical.interpolate(a, b, (double) k / m).times(Math.cos(rp)).minus(n.times(Math.sin(rp))).unit()));
        ring.add(ring.get(0));
        return new Geometry.Polygon(List.of(ring));
    }
}

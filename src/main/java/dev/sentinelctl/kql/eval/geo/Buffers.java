package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.List;

/** Polygons around points: geo_point_buffer. */
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
        if (!(radius > 0) || !(tolerance > 0) || tolerance < radius * 1e-6) return null;
        double r = radius / Spherical.EARTH_RADIUS_M;
        if (r >= Math.PI / 2 * 0.99) throw new GeoUnsupported("geo_point_buffer with a radius of a quarter of the Earth's circumference or more");
        double tol = Math.min(tolerance, radius * 0.999) / Spherical.EARTH_RADIUS_M;
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
}

package dev.sentinelctl.kql.eval.geo;

import java.util.List;

/**
 * Geodesics on a spherical Earth. The Kusto pages say the geodetic datum is a sphere and edges are geodesics on it;
 * the radius is not stated. 6,371,010 m reproduces the documented outputs (geo_line_length: 4922.48016992081 and
 * 8262.24339753741; geo_distance_2points Seattle–Los Angeles 1546754.35197381) to 1e-10 relative, where the
 * IUGG mean radius 6,371,008.8 m is off by 2e-7.
 */
public final class Spherical {

    public static final double EARTH_RADIUS_M = 6_371_010.0;

    private Spherical() {
    }

    static boolean same(LngLat a, LngLat b) {
        return a.p3().minus(b.p3()).norm() < 1e-15;
    }

    /** Distance in meters along the great circle. */
    public static double meters(P3 a, P3 b) {
        return a.angle(b) * EARTH_RADIUS_M;
    }

    /** (a × b) · c: positive when c is left of the great circle from a to b. */
    static double orient(P3 a, P3 b, P3 c) {
        return a.cross(b).dot(c);
    }

    /** The point of the minor arc a–b closest to p. */
    public static P3 closestOnEdge(P3 p, P3 a, P3 b) {
        P3 n = a.cross(b);
        double nn = n.norm();
        if (nn < 1e-300) return a.angle(p) <= b.angle(p) ? a : b;
        n = n.times(1 / nn);
        P3 q = p.minus(n.times(p.dot(n)));
        if (q.norm() > 1e-300 && a.cross(q).dot(n) >= 0 && q.cross(b).dot(n) >= 0) return q.unit();
        return a.angle(p) <= b.angle(p) ? a : b;
    }

    public static double distanceToEdge(P3 p, P3 a, P3 b) {
        return p.angle(closestOnEdge(p, a, b));
    }

    /** The point at fraction t of the minor arc from a to b (spherical linear interpolation). */
    public static P3 interpolate(P3 a, P3 b, double t) {
        double theta = a.angle(b);
        if (theta < 1e-300) return a;
        double s = Math.sin(theta);
        return a.times(Math.sin((1 - t) * theta) / s).plus(b.times(Math.sin(t * theta) / s)).unit();
    }

    /**
     * Whether the minor arcs a–b and c–d cross at a point interior to both (the four triangles acb, bda, cbd, dac
     * all turn the same way). Shared or touching endpoints do not count.
     */
    public static boolean crosses(P3 a, P3 b, P3 c, P3 d) {
        // a shared endpoint is a touch; (a × b) · b is not exactly 0 in floating point, so test it first
        if (near(a, c) || near(a, d) || near(b, c) || near(b, d)) return false;
        double acb = -orient(a, b, c), bda = orient(a, b, d);
        if (acb == 0 || bda == 0 || (acb > 0) != (bda > 0)) return false;
        double cbd = -orient(c, d, b), dac = orient(c, d, a);
        if (cbd == 0 || dac == 0) return false;
        return (cbd > 0) == (acb > 0) && (dac > 0) == (acb > 0);
    }

    private static boolean near(P3 p, P3 q) {
        return p.minus(q).norm() < 1e-15;
    }

    /** The crossing point of two arcs known to cross (of the two antipodal candidates, the one on both arcs). */
    public static P3 crossing(P3 a, P3 b, P3 c, P3 d) {
        P3 x = a.cross(b).cross(c.cross(d)).unit();
        P3 mid = a.plus(b).plus(c).plus(d);
        return x.dot(mid) >= 0 ? x : x.neg();
    }

    /** Total length in meters of a chain of positions. */
    public static double length(List<LngLat> ps) {
        double s = 0;
        for (int i = 0; i + 1 < ps.size(); i++) s += meters(ps.get(i).p3(), ps.get(i + 1).p3());
        return s;
    }

    /** Signed area (steradians) of the triangle a, b, c; positive when counterclockwise. */
    static double triangleArea(P3 a, P3 b, P3 c) {
        return 2 * Math.atan2(a.dot(b.cross(c)), 1 + a.dot(b) + b.dot(c) + c.dot(a));
    }

    /** The signed angle (radians, left turns positive) the path a → b → c turns at b. */
    static double turn(P3 a, P3 b, P3 c) {
        P3 n1 = a.cross(b), n2 = b.cross(c);
        return Math.atan2(b.dot(n1.cross(n2)), n1.dot(n2));
    }

    /** Azimuth at a of the geodesic to b, radians clockwise from north in [0, 2π). */
    public static double azimuth(P3 a, P3 b) {
        P3 north = new P3(0, 0, 1);
        P3 east = north.cross(a);
        if (east.norm() < 1e-300) east = new P3(0, 1, 0); // at a pole every direction is south or north; pick the 90°E meridian
        east = east.unit();
        P3 localNorth = a.cross(east);
        P3 dir = b.minus(a.times(a.dot(b)));
        double az = Math.atan2(dir.dot(east), dir.dot(localNorth));
        return az < 0 ? az + 2 * Math.PI : az;
    }
}

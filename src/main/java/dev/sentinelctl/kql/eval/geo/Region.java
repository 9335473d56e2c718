package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * A polygon or multipolygon as a region of the sphere. Each ring bounds the smaller of the two regions it divides
 * the sphere into (the Kusto polygon rules: "the smaller of the two regions is chosen"), so ring orientation does not
 * matter; a polygon is its shell's region minus its holes' regions, a multipolygon the union of its polygons.
 */
public final class Region {

    /** One ring: vertices without the closing repeat; {@code flip} when the smaller region is right of the ring. */
    record Ring(P3[] v, boolean flip, double area) {

        /** Whether the smaller region of this ring contains p. */
        boolean contains(P3 p) {
            return leftContains(p) != flip;
        }

        /** Parity of crossings from a point just left of the first edge's midpoint (which is in the left region). */
        private boolean leftContains(P3 p) {
            P3 a = v[0], b = v[1];
            P3 ref = a.plus(b).unit().plus(a.cross(b).unit().times(1e-9)).unit();
            if (ref.dot(p) < -0.5) {
                // a long way round: go through a point a quarter circle from both
                P3 mid = ref.cross(p).cross(ref).unit();
                if (mid.norm() < 0.5) mid = perpendicular(ref);
                return (crossings(ref, mid) + crossings(mid, p)) % 2 == 0;
            }
            return crossings(ref, p) % 2 == 0;
        }

        private int crossings(P3 from, P3 to) {
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                P3 c = v[i], d = v[(i + 1) % v.length];
                if (crossesHalfOpen(from, to, c, d)) n++;
            }
            return n;
        }

        /** Arc from–to crosses edge c–d, counting a pass through a vertex once (zero orientations count as positive). */
        private static boolean crossesHalfOpen(P3 a, P3 b, P3 c, P3 d) {
            boolean sc = Spherical.orient(a, b, c) >= 0, sd = Spherical.orient(a, b, d) >= 0;
            if (sc == sd) return false;
            boolean sa = Spherical.orient(c, d, a) >= 0, sb = Spherical.orient(c, d, b) >= 0;
            if (sa == sb) return false;
            // both great circles are crossed; the arcs (each under a half circle) meet only if the crossing is on both
            P3 x = Spherical.crossing(a, b, c, d);
            return x.dot(a.plus(b)) > 0 && x.dot(c.plus(d)) > 0;
        }

        /** ∫ x dA over the smaller region: half the sum of edge angle × unit edge normal (divergence theorem). */
        P3 moment() {
            P3 s = new P3(0, 0, 0);
            for (int i = 0; i < v.length; i++) {
                P3 a = v[i], b = v[(i + 1) % v.length];
                P3 n = a.cross(b);
                double nn = n.norm();
                if (nn == 0) continue;
                s = s.plus(n.times(a.angle(b) / nn));
            }
            s = s.times(0.5);
            return flip ? s.neg() : s;
        }
    }

    private final List<List<Ring>> polygons;

    private Region(List<List<Ring>> polygons) {
        this.polygons = polygons;
    }

    /** Null when a ring is degenerate (fewer than three distinct vertices, or zero area). */
    public static Region of(Geometry g) {
        List<Geometry.Polygon> ps = Geometry.polygons(g);
        if (ps == null) return null;
        List<List<Ring>> out = new ArrayList<>();
        for (Geometry.Polygon p : ps) {
            List<Ring> rings = new ArrayList<>();
            for (List<LngLat> r : p.rings()) {
                Ring ring = ring(r);
                if (ring == null) return null;
                rings.add(ring);
            }
            if (selfCrossing(rings)) return null;
            out.add(rings);
        }
        return new Region(out);
    }

    static Ring ring(List<LngLat> r) {
        List<P3> v = new ArrayList<>();
        for (int i = 0; i + 1 < r.size(); i++) {
            P3 p = r.get(i).p3();
            if (!v.isEmpty() && v.get(v.size() - 1).minus(p).norm() < 1e-15) continue;
            v.add(p);
        }
        while (v.size() > 1 && v.get(0).minus(v.get(v.size() - 1)).norm() < 1e-15) v.remove(v.size() - 1);
        if (v.size() < 3) return null;
        P3[] a = v.toArray(new P3[0]);
        // Gauss–Bonnet: the region left of the ring has area 2π − Σ turning angles (robust for any size) ...
        double turns = 0;
        for (int i = 0; i < a.length; i++) turns += Spherical.turn(a[(i + a.length - 1) % a.length], a[i], a[(i + 1) % a.length]);
        double left = 2 * Math.PI - turns;
        // ... and a triangle fan gives small areas without cancellation
        double fan = 0;
        for (int i = 1; i + 1 < a.length; i++) fan += Spherical.triangleArea(a[0], a[i], a[i + 1]);
        boolean flip = left > 2 * Math.PI;
        double area = Math.abs(fan) < 1 ? Math.abs(fan) : (flip ? 4 * Math.PI - left : left);
        if (!(area > 0)) return null;
        return new Ring(a, flip, area);
    }

    /** "LinearRings must not cross": any two edges of a polygon's rings crossing at interior points make it invalid. */
    private static boolean selfCrossing(List<Ring> rings) {
        List<P3[]> edges = new ArrayList<>();
        for (Ring r : rings) for (int i = 0; i < r.v().length; i++) edges.add(new P3[] {r.v()[i], r.v()[(i + 1) % r.v().length]});
        for (int i = 0; i < edges.size(); i++) {
            for (int j = i + 1; j < edges.size(); j++) {
                if (Spherical.crosses(edges.get(i)[0], edges.get(i)[1], edges.get(j)[0], edges.get(j)[1])) return true;
            }
        }
        return false;
    }

    static P3 perpendicular(P3 p) {
        P3 t = Math.abs(p.x()) < 0.9 ? new P3(1, 0, 0) : new P3(0, 1, 0);
        return p.cross(t).unit();
    }

    public boolean contains(P3 p) {
        for (List<Ring> poly : polygons) if (containsIn(poly, p)) return true;
        return false;
    }

    /** Every boundary edge oriented with the region on its left (shells counterclockwise, holes clockwise). */
    List<P3[]> orientedEdges() {
        List<P3[]> out = new ArrayList<>();
        for (List<Ring> poly : polygons) {
            for (int r = 0; r < poly.size(); r++) {
                Ring ring = poly.get(r);
                boolean reverse = (r == 0) == ring.flip();
                P3[] v = ring.v();
                for (int i = 0; i < v.length; i++) {
                    P3 a = v[i], b = v[(i + 1) % v.length];
                    out.add(reverse ? new P3[] {b, a} : new P3[] {a, b});
                }
            }
        }
        return out;
    }

    /** Whether the regions share a point: a boundary crossing, or a vertex of one inside the other. */
    public boolean intersects(Region other) {
        for (P3[] e : edges()) if (other.contains(e[0]) || other.crossesBoundary(e[0], e[1])) return true;
        for (P3[] e : other.edges()) if (contains(e[0])) return true;
        return false;
    }

    /** Whether a chain of geodesic edges meets the region: a vertex inside, or an edge crossing the boundary. */
    public boolean intersectsChain(List<P3> chain) {
        for (P3 p : chain) if (contains(p)) return true;
        for (int i = 0; i + 1 < chain.size(); i++) if (crossesBoundary(chain.get(i), chain.get(i + 1))) return true;
        return false;
    }

    private boolean crossesBoundary(P3 a, P3 b) {
        for (P3[] e : edges()) if (Spherical.crosses(a, b, e[0], e[1])) return true;
        return false;
    }

    /** Area in steradians of the union of the polygons. */
    public double area() {
        if (polygons.size() > 1) {
            // a fan of the union's boundary from a point inside it (the centroid direction)
            P3 o = moment().unit();
            double s = 0;
            for (P3[] e : unionBoundary()) s += Spherical.triangleArea(o, e[0], e[1]);
            return Math.abs(s);
        }
        List<Ring> poly = polygons.get(0);
        double s = poly.get(0).area();
        for (int i = 1; i < poly.size(); i++) s -= poly.get(i).area();
        return s;
    }

    /** ∫ x dA over the union of the polygons; its direction is the centroid. */
    public P3 moment() {
        if (polygons.size() > 1) {
            P3 s = new P3(0, 0, 0);
            for (P3[] e : unionBoundary()) s = s.plus(edgeMoment(e[0], e[1]));
            return s;
        }
        List<Ring> poly = polygons.get(0);
        P3 s = poly.get(0).moment();
        for (int i = 1; i < poly.size(); i++) s = s.minus(poly.get(i).moment());
        return s;
    }

    /** Half of angle × unit normal: one boundary edge's share of ∫ x dA for the region on its left. */
    static P3 edgeMoment(P3 a, P3 b) {
        P3 n = a.cross(b);
        double nn = n.norm();
        return nn == 0 ? n : n.times(0.5 * a.angle(b) / nn);
    }

    /**
     * The boundary of the union of a multipolygon's polygons (which may overlap): every ring edge oriented with its
     * polygon on the left, split where it crosses another polygon's edges, kept where it is not inside another
     * polygon.
     */
    private List<P3[]> unionBoundary() {
        List<P3[]> out = new ArrayList<>();
        for (int k = 0; k < polygons.size(); k++) {
            List<P3[]> others = new ArrayList<>();
            for (int j = 0; j < polygons.size(); j++) if (j != k) others.addAll(edgesOf(polygons.get(j)));
            List<Ring> poly = polygons.get(k);
            for (int r = 0; r < poly.size(); r++) {
                Ring ring = poly.get(r);
                boolean reverse = (r == 0) == ring.flip(); // shells keep their smaller region on the left, holes on the right
                P3[] v = ring.v();
                for (int i = 0; i < v.length; i++) {
                    P3 a = v[i], b = v[(i + 1) % v.length];
                    if (reverse) {
                        P3 t = a;
                        a = b;
                        b = t;
                    }
                    List<P3> cuts = new ArrayList<>();
                    cuts.add(a);
                    for (P3[] e : others) if (Spherical.crosses(a, b, e[0], e[1])) cuts.add(Spherical.crossing(a, b, e[0], e[1]));
                    cuts.add(b);
                    P3 from = a;
                    cuts.sort(java.util.Comparator.comparingDouble(from::angle));
                    for (int c = 0; c + 1 < cuts.size(); c++) {
                        P3 p = cuts.get(c), q = cuts.get(c + 1);
                        if (p.angle(q) == 0 || insideOther(p.plus(q).unit(), k)) continue;
                        out.add(new P3[] {p, q});
                    }
                }
            }
        }
        return out;
    }

    private boolean insideOther(P3 p, int except) {
        for (int j = 0; j < polygons.size(); j++) if (j != except && containsIn(polygons.get(j), p)) return true;
        return false;
    }

    private static boolean containsIn(List<Ring> poly, P3 p) {
        if (!poly.get(0).contains(p)) return false;
        for (int i = 1; i < poly.size(); i++) if (poly.get(i).contains(p)) return false;
        return true;
    }

    private static List<P3[]> edgesOf(List<Ring> poly) {
        List<P3[]> out = new ArrayList<>();
        for (Ring r : poly) for (int i = 0; i < r.v().length; i++) out.add(new P3[] {r.v()[i], r.v()[(i + 1) % r.v().length]});
        return out;
    }

    /** Every boundary edge as {a, b}. */
    public List<P3[]> edges() {
        List<P3[]> out = new ArrayList<>();
        for (List<Ring> poly : polygons) {
            for (Ring r : poly) {
                for (int i = 0; i < r.v().length; i++) out.add(new P3[] {r.v()[i], r.v()[(i + 1) % r.v().length]});
            }
        }
        return out;
    }

    /** Perimeter in radians. */
    public double perimeter() {
        double s = 0;
        for (P3[] e : edges()) s += e[0].angle(e[1]);
        return s;
    }

    /** The closest boundary point to p. */
    public P3 closestBoundaryPoint(P3 p) {
        P3 best = null;
        double bestD = Double.MAX_VALUE;
        for (P3[] e : edges()) {
            P3 q = Spherical.closestOnEdge(p, e[0], e[1]);
            double d = p.angle(q);
            if (d < bestD) {
                bestD = d;
                best = q;
            }
        }
        return best;
    }
}

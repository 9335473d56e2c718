package dev.sentinelctl.kql.eval.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Operations on LineStrings whose edges are geodesics (minor great-circle arcs). */
public final class Lines {

    /** Two points closer than this (radians, ≈ 6 µm on Earth) are one point. */
    static final double EPS = 1e-12;

    private Lines() {
    }

    static List<P3> p3(Geometry.Line l) {
        List<P3> out = new ArrayList<>();
        for (LngLat p : l.points()) out.add(p.p3());
        return out;
    }

    /**
     * ∫ x ds over the lines, whose direction is the centroid: an arc a–b of angle θ contributes
     * unit(a + b) · 2 sin(θ/2).
     */
    public static P3 moment(List<Geometry.Line> lines) {
        P3 s = new P3(0, 0, 0);
        for (Geometry.Line l : lines) {
            List<P3> v = p3(l);
            for (int i = 0; i + 1 < v.size(); i++) {
                P3 a = v.get(i), b = v.get(i + 1);
                P3 m = a.plus(b);
                if (m.norm() == 0) continue;
                s = s.plus(m.unit().times(2 * Math.sin(a.angle(b) / 2)));
            }
        }
        return s;
    }

    /** The point at a fraction (0..1) of the line's length. */
    public static P3 interpolate(Geometry.Line line, double fraction) {
        List<P3> v = p3(line);
        double total = 0;
        for (int i = 0; i + 1 < v.size(); i++) total += v.get(i).angle(v.get(i + 1));
        double want = fraction * total, run = 0;
        for (int i = 0; i + 1 < v.size(); i++) {
            double e = v.get(i).angle(v.get(i + 1));
            if (run + e >= want && e > 0) return Spherical.interpolate(v.get(i), v.get(i + 1), (want - run) / e);
            run += e;
        }
        return v.get(v.size() - 1);
    }

    /** The fraction (0..1) of the line's length at the line point closest to p. */
    public static double locate(Geometry.Line line, P3 p) {
        List<P3> v = p3(line);
        double total = 0, best = Double.MAX_VALUE, at = 0;
        for (int i = 0; i + 1 < v.size(); i++) {
            P3 q = Spherical.closestOnEdge(p, v.get(i), v.get(i + 1));
            double d = p.angle(q);
            if (d < best) {
                best = d;
                at = total + v.get(i).angle(q);
            }
            total += v.get(i).angle(v.get(i + 1));
        }
        return total == 0 ? 0 : at / total;
    }

    /** The closest point to p on any of the lines. */
    public static P3 closest(List<Geometry.Line> lines, P3 p) {
        P3 best = null;
        double bestD = Double.MAX_VALUE;
        for (Geometry.Line l : lines) {
            List<P3> v = p3(l);
            for (int i = 0; i + 1 < v.size(); i++) {
                P3 q = Spherical.closestOnEdge(p, v.get(i), v.get(i + 1));
                double d = p.angle(q);
                if (d < bestD) {
                    bestD = d;
                    best = q;
                }
            }
        }
        return best;
    }

    /**
     * Douglas–Peucker on the sphere: keeps the ends and every vertex farther than the tolerance from the
     * simplified chain; then drops vertices closer than the tolerance to the previous kept one. Null when the line
     * shrinks to one point ("high tolerance may cause small line to disappear").
     */
    public static Geometry.Line simplify(Geometry.Line line, double toleranceRad) {
        List<LngLat> pts = line.points();
        List<P3> v = p3(line);
        boolean[] keep = new boolean[v.size()];
        keep[0] = keep[v.size() - 1] = true;
        dp(v, 0, v.size() - 1, toleranceRad, keep);
        List<LngLat> out = new ArrayList<>();
        P3 last = null;
        for (int i = 0; i < v.size(); i++) {
            if (!keep[i]) continue;
            boolean end = i == v.size() - 1;
            if (last != null && v.get(i).angle(last) < toleranceRad && !end) continue;
            if (last != null && end && v.get(i).angle(last) < toleranceRad && out.size() > 1) out.remove(out.size() - 1);
            out.add(pts.get(i));
            last = v.get(i);
        }
        if (out.size() < 2) return null;
        if (out.size() == 2 && out.get(0).p3().angle(out.get(1).p3()) < Math.max(toleranceRad, EPS)) return null;
        return new Geometry.Line(out);
    }

    private static void dp(List<P3> v, int from, int to, double tol, boolean[] keep) {
        if (to - from < 2) return;
        double worst = -1;
        int at = -1;
        for (int i = from + 1; i < to; i++) {
            double d = Spherical.distanceToEdge(v.get(i), v.get(from), v.get(to));
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        if (worst > tol) {
            keep[at] = true;
            dp(v, from, at, tol, keep);
            dp(v, at, to, tol, keep);
        }
    }

    /**
     * The union of lines: every distinct edge once (an edge and its reverse are the same), joined into chains that
     * run from one end or branch vertex to the next. One chain is a LineString, several a MultiLineString.
     */
    public static Geometry union(List<Geometry.Line> lines) {
        List<LngLat> nodes = new ArrayList<>();
        List<P3> nodeP = new ArrayList<>();
        List<int[]> edges = new ArrayList<>();
        for (Geometry.Line l : lines) {
            int prev = -1;
            for (LngLat p : l.points()) {
                int n = node(nodes, nodeP, p);
                if (prev >= 0 && prev != n && !hasEdge(edges, prev, n)) edges.add(new int[] {prev, n});
                prev = n;
            }
        }
        int[] degree = new int[nodes.size()];
        for (int[] e : edges) {
            degree[e[0]]++;
            degree[e[1]]++;
        }
        boolean[] used = new boolean[edges.size()];
        List<Geometry.Line> chains = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < edges.size(); k++) {
                if (used[k]) continue;
                int[] e = edges.get(k);
                int start;
                if (pass == 0) {
                    if (degree[e[0]] != 2) start = e[0];
                    else if (degree[e[1]] != 2) start = e[1];
                    else continue;
                } else {
                    start = e[0];
                }
                chains.add(walk(start, k, edges, used, degree, nodes));
            }
        }
        if (chains.size() == 1) return chains.get(0);
        return new Geometry.MultiLine(chains);
    }

    private static Geometry.Line walk(int start, int firstEdge, List<int[]> edges, boolean[] used, int[] degree, List<LngLat> nodes) {
        List<LngLat> out = new ArrayList<>();
        out.add(nodes.get(start));
        int at = start, edge = firstEdge;
        while (edge >= 0) {
            used[edge] = true;
            int[] e = edges.get(edge);
            at = e[0] == at ? e[1] : e[0];
            out.add(nodes.get(at));
            edge = -1;
            if (degree[at] == 2 && at != start) {
                for (int k = 0; k < edges.size(); k++) {
                    if (!used[k] && (edges.get(k)[0] == at || edges.get(k)[1] == at)) {
                        edge = k;
                        break;
                    }
                }
            }
        }
        return new Geometry.Line(out);
    }

    private static int node(List<LngLat> nodes, List<P3> nodeP, LngLat p) {
        P3 v = p.p3();
        for (int i = 0; i < nodeP.size(); i++) if (nodeP.get(i).angle(v) < EPS) return i;
        nodes.add(p);
        nodeP.add(v);
        return nodes.size() - 1;
    }

    private static boolean hasEdge(List<int[]> edges, int a, int b) {
        for (int[] e : edges) if ((e[0] == a && e[1] == b) || (e[0] == b && e[1] == a)) return true;
        return false;
    }

    /**
     * The intersection of two lines: crossing and touching points, and the shared stretches of edges on one great
     * circle. Null never; an empty GeometryCollection when they do not meet.
     */
    public static Geometry intersection(Geometry.Line la, Geometry.Line lb) {
        List<P3> a = p3(la), b = p3(lb);
        List<P3> points = new ArrayList<>();
        List<P3[]> segments = new ArrayList<>();
        for (int i = 0; i + 1 < a.size(); i++) {
            for (int j = 0; j + 1 < b.size(); j++) {
                edgeIntersection(a.get(i), a.get(i + 1), b.get(j), b.get(j + 1), points, segments);
            }
        }
        List<List<P3>> chains = chains(segments);
        List<P3> loose = new ArrayList<>();
        for (P3 p : points) {
            boolean onSegment = false;
            for (P3[] s : segments) if (Spherical.distanceToEdge(p, s[0], s[1]) < EPS) onSegment = true;
            boolean dup = false;
            for (P3 q : loose) if (q.angle(p) < EPS) dup = true;
            if (!onSegment && !dup) loose.add(p);
        }
        List<Geometry> parts = new ArrayList<>();
        if (loose.size() == 1) parts.add(new Geometry.Point(LngLat.of(loose.get(0))));
        else if (loose.size() > 1) parts.add(new Geometry.MultiPoint(loose.stream().map(LngLat::of).toList()));
        if (chains.size() == 1) parts.add(line(chains.get(0)));
        else if (chains.size() > 1) parts.add(new Geometry.MultiLine(chains.stream().map(Lines::line).toList()));
        return parts.size() == 1 ? parts.get(0) : new Geometry.Collection(parts);
    }

    static Geometry.Line line(List<P3> ps) {
        return new Geometry.Line(ps.stream().map(LngLat::of).toList());
    }

    private static void edgeIntersection(P3 a0, P3 a1, P3 b0, P3 b1, List<P3> points, List<P3[]> segments) {
        P3 n = a0.cross(a1);
        double nn = n.norm();
        if (nn > 0) {
            n = n.times(1 / nn);
            if (Math.abs(n.dot(b0)) < EPS && Math.abs(n.dot(b1)) < EPS) {
                // both on a's great circle: the overlap of the two arcs, measured as angles from a0 towards a1
                double len = a0.angle(a1);
                double t0 = along(a0, n, b0), t1 = along(a0, n, b1);
                double lo = Math.max(0, Math.min(t0, t1)), hi = Math.min(len, Math.max(t0, t1));
                if (hi - lo > EPS) {
                    segments.add(new P3[] {at(a0, n, lo, a1, len), at(a0, n, hi, a1, len)});
                } else if (hi - lo > -EPS) {
                    points.add(at(a0, n, lo, a1, len));
                }
                return;
            }
        }
        if (Spherical.crosses(a0, a1, b0, b1)) {
            points.add(Spherical.crossing(a0, a1, b0, b1));
            return;
        }
        for (P3 p : new P3[] {b0, b1}) if (Spherical.distanceToEdge(p, a0, a1) < EPS) points.add(p);
        for (P3 p : new P3[] {a0, a1}) if (Spherical.distanceToEdge(p, b0, b1) < EPS) points.add(p);
    }

    private static double along(P3 a0, P3 n, P3 p) {
        return Math.atan2(a0.cross(p).dot(n), a0.dot(p));
    }

    private static P3 at(P3 a0, P3 n, double t, P3 a1, double len) {
        if (Math.abs(t) < EPS) return a0;
        if (Math.abs(t - len) < EPS) return a1;
        P3 perp = n.cross(a0);
        return a0.times(Math.cos(t)).plus(perp.times(Math.sin(t))).unit();
    }

    /** Joins segments that meet end to start into chains, in the order they were found. */
    static List<List<P3>> chains(List<P3[]> segments) {
        List<List<P3>> out = new ArrayList<>();
        for (P3[] s : segments) {
            List<P3> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.get(last.size() - 1).angle(s[0]) < EPS) {
                last.add(s[1]);
            } else {
                List<P3> c = new ArrayList<>();
                c.add(s[0]);
                c.add(s[1]);
                out.add(c);
            }
        }
        return out;
    }

    /** The parts of a line inside a region: each edge split where it crosses the boundary, pieces whose midpoint is inside kept. */
    public static List<List<P3>> clip(Geometry.Line line, Region region) {
        List<P3> v = p3(line);
        List<P3[]> boundary = region.edges();
        List<P3[]> kept = new ArrayList<>();
        for (int i = 0; i + 1 < v.size(); i++) {
            P3 a = v.get(i), b = v.get(i + 1);
            List<P3> cuts = new ArrayList<>();
            cuts.add(a);
            for (P3[] e : boundary) if (Spherical.crosses(a, b, e[0], e[1])) cuts.add(Spherical.crossing(a, b, e[0], e[1]));
            cuts.add(b);
            cuts.sort(Comparator.comparingDouble(a::angle));
            for (int k = 0; k + 1 < cuts.size(); k++) {
                P3 p = cuts.get(k), q = cuts.get(k + 1);
                if (p.angle(q) < EPS) continue;
                if (region.contains(p.plus(q).unit())) kept.add(new P3[] {p, q});
            }
        }
        return chains(kept);
    }
}

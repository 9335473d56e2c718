package dev.sentinelctl.kql.eval.h3;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cells whose centres lie in a polygon (geo_polygon_to_h3cells): edges are great-circle arcs, holes are excluded.
 * The cells the boundary passes through and their neighbours seed a flood fill over cells with inside centres, so
 * every group of inside cells is found even where the polygon narrows.
 */
public final class Polyfill {

    private Polyfill() {
    }

    /** A polygon: its outer ring then holes, each ring as {lng, lat} degrees, closed. */
    public record Polygon(List<List<double[]>> rings) {
    }

    /** Sorted cells of {@code res} with centres inside any of the polygons; null when more than {@code limit}. */
    public static long[] cells(List<Polygon> polygons, int res, int limit) {
        List<List<List<Vec3>>> shapes = new ArrayList<>();
        for (Polygon p : polygons) {
            List<List<Vec3>> rings = new ArrayList<>();
            for (List<double[]> ring : p.rings()) {
                List<Vec3> r = new ArrayList<>();
                for (double[] v : ring) r.add(Vec3.ofLatLng(Math.toRadians(v[1]), Math.toRadians(v[0])));
                rings.add(r);
            }
            shapes.add(rings);
        }
        double step = 0.17 / Math.pow(Math.sqrt(7), res) / 3;
        Set<Long> seeds = new HashSet<>();
        for (List<List<Vec3>> rings : shapes) {
            for (List<Vec3> ring : rings) {
                for (int i = 0; i + 1 < ring.size(); i++) {
                    Vec3 a = ring.get(i), b = ring.get(i + 1);
                    int n = Math.max(1, (int) Math.ceil(a.angleTo(b) / step));
                    for (int k = 0; k <= n; k++) seeds.add(cellOf(slerp(a, b, (double) k / n), res));
                }
            }
        }
        Set<Long> visited = new HashSet<>(), inside = new HashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        for (long s : seeds) {
            if (visited.add(s)) queue.add(s);
            for (long nb : H3.rings(s, 1).get(1)) if (visited.add(nb)) queue.add(nb);
        }
        while (!queue.isEmpty()) {
            long c = queue.poll();
            double[] ll = H3.center(c);
            if (!contains(shapes, Vec3.ofLatLng(Math.toRadians(ll[0]), Math.toRadians(ll[1])))) continue;
            inside.add(c);
            if (inside.size() > limit) return null;
            for (long nb : H3.rings(c, 1).get(1)) if (visited.add(nb)) queue.add(nb);
        }
        long[] out = inside.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private static long cellOf(Vec3 p, int res) {
        return H3.fromPoint(Math.toDegrees(p.lat()), Math.toDegrees(p.lng()), res);
    }

    private static Vec3 slerp(Vec3 a, Vec3 b, double t) {
        double w = a.angleTo(b);
        if (w < 1e-15) return a;
        double s = Math.sin(w), fa = Math.sin((1 - t) * w) / s, fb = Math.sin(t * w) / s;
        return new Vec3(fa * a.x() + fb * b.x(), fa * a.y() + fb * b.y(), fa * a.z() + fb * b.z()).unit();
    }

    private static boolean contains(List<List<List<Vec3>>> shapes, Vec3 p) {
        for (List<List<Vec3>> rings : shapes) {
            if (!inRing(rings.get(0), p)) continue;
            boolean inHole = false;
            for (int h = 1; h < rings.size() && !inHole; h++) inHole = inRing(rings.get(h), p);
            if (!inHole) return true;
        }
        return false;
    }

    /** Winding of the ring around p, seen in p's tangent plane: a full turn means inside (the smaller side). */
    static boolean inRing(List<Vec3> ring, Vec3 p) {
        double total = 0;
        double[] prev = null;
        for (Vec3 v : ring) {
            double[] t = tangent(p, v);
            if (prev != null) {
                double a = Math.atan2(prev[0] * t[1] - prev[1] * t[0], prev[0] * t[0] + prev[1] * t[1]);
                total += a;
            }
            prev = t;
        }
        return Math.abs(total) > Math.PI;
    }

    /** The direction from p towards v as (east, north) components. */
    private static double[] tangent(Vec3 p, Vec3 v) {
        double lat = p.lat(), lng = p.lng();
        double ex = -Math.sin(lng), ey = Math.cos(lng);
        double nx = -Math.sin(lat) * Math.cos(lng), ny = -Math.sin(lat) * Math.sin(lng), nz = Math.cos(lat);
        return new double[]{v.x() * ex + v.y() * ey, v.x() * nx + v.y() * ny + v.z() * nz};
    }
}

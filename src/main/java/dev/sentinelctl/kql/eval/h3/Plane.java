package dev.sentinelctl.kql.eval.h3;

import dev.sentinelctl.kql.eval.h3.Icosahedron.Face;

/**
 * A face's gnomonic plane in resolution-0 units (x along the face's i axis, y 90 degrees counterclockwise), and the
 * way across its edges: H3's grid lives on the unfolded icosahedron, so a plane point beyond an edge is the point of
 * the neighbouring face at the same place of the pair of triangles laid flat. Each face is then projected from its
 * own centre; the two projections agree along the shared edge by symmetry.
 */
final class Plane {

    private static final double AP7 = Math.asin(Math.sqrt(3.0 / 28.0));

    private Plane() {
    }

    /** A position on a face's plane. */
    record At(Face face, double x, double y) {
    }

    /** Lattice coordinates of resolution {@code res} to resolution-0 plane units of the same face. */
    static double[] toRes0(double x, double y, int res) {
        double s = Math.pow(Math.sqrt(7), res);
        if (res % 2 == 1) {
            double c = Math.cos(AP7), n = Math.sin(AP7);
            double rx = x * c - y * n, ry = x * n + y * c;
            x = rx;
            y = ry;
        }
        return new double[]{x / s, y / s};
    }

    static double[] fromRes0(double x, double y, int res) {
        double s = Math.pow(Math.sqrt(7), res);
        x *= s;
        y *= s;
        if (res % 2 == 1) {
            double c = Math.cos(AP7), n = -Math.sin(AP7);
            return new double[]{x * c - y * n, x * n + y * c};
        }
        return new double[]{x, y};
    }

    /** The plane position of a sphere point on face {@code f} (resolution-0 units). */
    static double[] project(Face f, Vec3 p) {
        double d = f.center().angleTo(p);
        if (d < 1e-15) return new double[]{0, 0};
        double theta = f.azimuthI() - f.center().azimuthTo(p);
        double r = Math.tan(d) / Icosahedron.RES0_UNIT;
        return new double[]{r * Math.cos(theta), r * Math.sin(theta)};
    }

    /** The sphere point of a plane position that lies on its own face. */
    static Vec3 unproject(Face f, double x, double y) {
        double r = Math.hypot(x, y);
        if (r < 1e-15) return f.center();
        double az = Vec3.positive(f.azimuthI() - Math.atan2(y, x));
        return f.center().travel(az, Math.atan(r * Icosahedron.RES0_UNIT));
    }

    /** Barycentric weights of (x, y) for the face's i, j, k vertices. */
    static double[] barycentric(double x, double y) {
        // vertices at 2*(cos a, sin a), a = 0, 120, 240 degrees; weights sum to 1
        double[] a = Icosahedron.vertexInPlane(0), b = Icosahedron.vertexInPlane(1), c = Icosahedron.vertexInPlane(2);
        double det = (b[1] - c[1]) * (a[0] - c[0]) + (c[0] - b[0]) * (a[1] - c[1]);
        double wa = ((b[1] - c[1]) * (x - c[0]) + (c[0] - b[0]) * (y - c[1])) / det;
        double wb = ((c[1] - a[1]) * (x - c[0]) + (a[0] - c[0]) * (y - c[1])) / det;
        return new double[]{wa, wb, 1 - wa - wb};
    }

    /**
     * The face and its own plane position for a position of face {@code f}'s plane that may lie beyond one of its
     * edges. Beyond two edges (around a vertex, only inside pentagon base cells) is refused.
     */
    static At settle(Face f, double x, double y) {
        double[] w = barycentric(x, y);
        int out = -1, outs = 0;
        for (int s = 0; s < 3; s++) {
            if (w[s] < -1e-12) {
                out = s;
                outs++;
            }
        }
        if (outs == 0) return new At(f, x, y);
        if (outs > 1) throw new H3Unsupported("a position around an icosahedron vertex (pentagon neighbourhood)");
        int va = f.vertices()[(out + 1) % 3], vb = f.vertices()[(out + 2) % 3];
        Face g = Icosahedron.across(f, va, vb);
        int sa = Icosahedron.slotOf(g, va), sb = Icosahedron.slotOf(g, vb), sd = 3 - sa - sb;
        double c = w[out], a = w[(out + 1) % 3] + c, b = w[(out + 2) % 3] + c, d = -c;
        double[] pa = Icosahedron.vertexInPlane(sa), pb = Icosahedron.vertexInPlane(sb), pd = Icosahedron.vertexInPlane(sd);
        double gx = a * pa[0] + b * pb[0] + d * pd[0], gy = a * pa[1] + b * pb[1] + d * pd[1];
        double[] wg = barycentric(gx, gy);
        for (double v : wg) {
            if (v < -1e-12) throw new H3Unsupported("a position beyond two icosahedron edges (pentagon neighbourhood)");
        }
        return new At(g, gx, gy);
    }

    /** Sixth-turns of {@code home}'s i axis as seen on face {@code f}'s plane near the home-plane point (x, y). */
    static int sixthTurns(Face home, double x, double y, Face f) {
        double eps = 1e-4;
        Plane.At a = Plane.settle(home, x, y), b = Plane.settle(home, x + eps, y);
        double[] pa = Plane.project(f, Plane.unproject(a.face(), a.x(), a.y()));
        double[] pb = Plane.project(f, Plane.unproject(b.face(), b.x(), b.y()));
        double ang = Math.atan2(pb[1] - pa[1], pb[0] - pa[0]);
        return (int) Math.round(ang / (Math.PI / 3));
    }
}

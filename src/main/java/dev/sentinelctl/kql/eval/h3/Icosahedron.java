package dev.sentinelctl.kql.eval.h3;

import java.util.ArrayList;
import java.util.List;

/**
 * The icosahedron in R. Buckminster Fuller's Dymaxion orientation, which H3 uses. The twelve vertices are the ones
 * R. W. Gray published for the Dymaxion map (unit-sphere x/y/z, vertex 0 in Norway, 11 its antipode); faces are the
 * triples of mutually adjacent vertices and each face's centre is the normalized mean of its vertices.
 *
 * <p>Each face carries a Class II hexagon frame whose i axis points from the face centre to the face's "apex":
 * the vertex whose latitude band differs from the other two (bands: vertex 0; 1-5; 6-10; 11). The face planes are
 * gnomonic, scaled so that vertices lie 2 resolution-0 units from the centre: the i, j, k vertices are at lattice
 * (2,0,0), (0,2,0), (0,0,2), the j vertex 120 degrees counterclockwise from the i vertex.
 */
final class Icosahedron {

    private static final double[][] VERTICES = {
            {0.420152426708710003, 0.078145249402782959, 0.904082550615019298},
            {0.995009439436241649, -0.091347795276427931, 0.040147175877166645},
            {0.518836730327364437, 0.835420380378235850, 0.181331837557262454},
            {-0.414682225320335218, 0.655962405434800777, 0.630675807891475371},
            {-0.515455959944041808, -0.381716898287133011, 0.767200992517747538},
            {0.355781402532944713, -0.843580002466178147, 0.402234226602925571},
            {0.414682225320335218, -0.655962405434800777, -0.630675807891475371},
            {0.515455959944041808, 0.381716898287133011, -0.767200992517747538},
            {-0.355781402532944713, 0.843580002466178147, -0.402234226602925571},
            {-0.995009439436241649, 0.091347795276427931, -0.040147175877166645},
            {-0.518836730327364437, -0.835420380378235850, -0.181331837557262454},
            {-0.420152426708710003, -0.078145249402782959, -0.904082550615019298},
    };

    /** tan of the angle from a face centre to its vertices, halved: the length of one resolution-0 unit. */
    static final double RES0_UNIT;

    /** One face: its vertices in i, j, k order, its centre and the azimuth of its i axis at the centre. */
    record Face(int index, int[] vertices, Vec3 center, double azimuthI) {
    }

    static final List<Vec3> VERTEX = vertices();
    static final List<Face> FACES = faces();

    static {
        Face f = FACES.get(0);
        RES0_UNIT = Math.tan(f.center().angleTo(VERTEX.get(f.vertices()[0]))) / 2;
    }

    private static List<Vec3> vertices() {
        List<Vec3> out = new ArrayList<>();
        for (double[] v : VERTICES) out.add(new Vec3(v[0], v[1], v[2]).unit());
        return List.copyOf(out);
    }

    private static List<Face> faces() {
        List<Face> out = new ArrayList<>();
        for (int a = 0; a < 12; a++) {
            for (int b = a + 1; b < 12; b++) {
                for (int c = b + 1; c < 12; c++) {
                    if (adjacent(a, b) && adjacent(b, c) && adjacent(a, c)) out.add(face(out.size(), new int[]{a, b, c}));
                }
            }
        }
        return List.copyOf(out);
    }

    private Icosahedron() {
    }

    private static boolean adjacent(int a, int b) {
        return VERTEX.get(a).dot(VERTEX.get(b)) > 0.4;
    }

    private static int band(int v) {
        return v == 0 ? 0 : v <= 5 ? 1 : v <= 10 ? 2 : 3;
    }

    private static Face face(int index, int[] t) {
        Vec3 center = VERTEX.get(t[0]).plus(VERTEX.get(t[1])).plus(VERTEX.get(t[2])).unit();
        int apex = -1;
        for (int x = 0; x < 3; x++) {
            int p = t[(x + 1) % 3], q = t[(x + 2) % 3];
            if (band(p) == band(q) && band(t[x]) != band(p)) apex = t[x];
        }
        double az = center.azimuthTo(VERTEX.get(apex));
        // order the other two so that j is 120 degrees counterclockwise (azimuth decreasing) from i
        int[] ordered = new int[3];
        ordered[0] = apex;
        for (int v : t) {
            if (v == apex) continue;
            double d = Vec3.positive(az - center.azimuthTo(VERTEX.get(v)));
            ordered[Math.abs(d - 2 * Math.PI / 3) < 0.1 ? 1 : 2] = v;
        }
        return new Face(index, ordered, center, az);
    }

    /** The face whose centre is nearest to {@code p}. */
    static Face faceOf(Vec3 p) {
        return p.nearest(FACES, Face::center);
    }

    /** The face other than {@code f} that has both vertices {@code a} and {@code b}. */
    static Face across(Face f, int a, int b) {
        for (Face g : FACES) {
            if (g == f) continue;
            boolean hasA = false, hasB = false;
            for (int v : g.vertices()) {
                hasA |= v == a;
                hasB |= v == b;
            }
            if (hasA && hasB) return g;
        }
        throw new IllegalStateException("no face across edge " + a + "-" + b);
    }

    /** Position (resolution-0 units) of vertex slot 0..2 (i, j, k) in its face's own plane. */
    static double[] vertexInPlane(int slot) {
        double a = slot * 2 * Math.PI / 3;
        return new double[]{2 * Math.cos(a), 2 * Math.sin(a)};
    }

    static int slotOf(Face f, int vertex) {
        for (int s = 0; s < 3; s++) if (f.vertices()[s] == vertex) return s;
        return -1;
    }
}

package dev.sentinelctl.kql.eval.h3;

import dev.sentinelctl.kql.eval.h3.Icosahedron.Face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 122 resolution-0 cells. On each face's Class II lattice they sit at the centre (0,0,0), towards the vertices
 * (1,0,0)/(0,1,0)/(0,0,1) (80 cells inside one face), at the edge midpoints (1,1,0)/(0,1,1)/(1,0,1) (30 cells shared
 * by two faces) and on the vertices (2,0,0)... (12 pentagons shared by five faces). H3 numbers them 0..121 by the
 * latitude of their centres, northernmost first.
 *
 * <p>Each base cell has a home face whose frame orients the digits of all its descendants. A cell inside a face has
 * that face. For the edge cells and the pentagons the home face is a convention of the H3 library that its
 * documentation does not state. Two rules are checked against documented outputs: an edge cell lying at (1,1,0) on
 * exactly one of its two faces has that face (base cells 28 and 22, seen from both of their faces), and an edge cell
 * between a northern cap face (around vertex 0) and the band face below it, at (0,1,1) on both, has the cap face
 * (base cell 19, from a documented covering; the five such edges are images of each other under the icosahedron's
 * 72-degree turns about vertex 0, which the face frames respect). The other 15 edge cells (southern cap and band to
 * band) are refused ({@link H3Unsupported}) rather than answered with a guess. Of the 12 pentagons only the five of
 * the northern ring are answered, and only from one of their five faces ({@link PentagonSide}); the others are refused.
 */
final class BaseCells {

    /** One base cell: its number, centre, home face and lattice position there; null home when not known. */
    record Base(int number, Vec3 center, Face home, Ijk homeIjk, boolean pentagon, PentagonSide side) {
        boolean supported() {
            return home != null && !pentagon;
        }
    }

    /**
     * How a pentagon of the northern ring (vertices 1-5) is answered: only from the face across its apex face's edge
     * towards that face's k vertex, where its digits are that face's turned a fixed number of sixths (one documented
     * token, base cell 58; the five such pentagons are images of each other under the 72-degree turns). {@code cut}
     * is the apex face: the lattice does not continue from {@code face} into it (the deleted k-axis wedge lies there).
     * {@code turns}: sixth-turns of the index frame as seen from the side face (side digits turn by -turns into it).
     */
    record PentagonSide(Face face, Ijk ijk, Face cut, int turns) {
    }

    private record Seen(Vec3 center, List<Face> faces, List<Ijk> at) {
    }

    private static final Ijk[] POSITIONS = {
            new Ijk(0, 0, 0), new Ijk(1, 0, 0), new Ijk(0, 1, 0), new Ijk(0, 0, 1),
            new Ijk(1, 1, 0), new Ijk(0, 1, 1), new Ijk(1, 0, 1),
            new Ijk(2, 0, 0), new Ijk(0, 2, 0), new Ijk(0, 0, 2)};

    static final List<Base> ALL = build();

    private BaseCells() {
    }

    private static List<Base> build() {
        List<Seen> seen = new ArrayList<>();
        for (Face f : Icosahedron.FACES) {
            for (Ijk p : POSITIONS) {
                Vec3 c = Plane.unproject(f, p.x(), p.y());
                Seen s = null;
                for (Seen t : seen) if (t.center().dot(c) > 1 - 1e-9) s = t;
                if (s == null) {
                    s = new Seen(c, new ArrayList<>(), new ArrayList<>());
                    seen.add(s);
                }
                s.faces().add(f);
                s.at().add(p);
            }
        }
        seen.sort(Comparator.comparingDouble((Seen s) -> s.center().lat()).reversed());
        List<Base> out = new ArrayList<>();
        for (Seen s : seen) {
            int n = s.faces().size();
            Face home = null;
            Ijk at = null;
            if (n == 1) {
                home = s.faces().get(0);
                at = s.at().get(0);
            } else if (n == 2) {
                Ijk edge = new Ijk(1, 1, 0);
                int hits = 0;
                for (int x = 0; x < 2; x++) {
                    if (s.at().get(x).equals(edge)) {
                        hits++;
                        home = s.faces().get(x);
                        at = edge;
                    }
                }
                if (hits != 1) {
                    home = null;
                    at = null;
                    for (int x = 0; x < 2 && hits == 0; x++) {
                        if (hasVertex(s.faces().get(x), 0)) {
                            home = s.faces().get(x);
                            at = s.at().get(x);
                        }
                    }
                }
            }
            out.add(new Base(out.size(), s.center(), home, at, n == 5, n == 5 ? side(s) : null));
        }
        return List.copyOf(out);
    }

    private static PentagonSide side(Seen s) {
        int vertex = -1;
        for (int v = 0; v < 12; v++) if (Icosahedron.VERTEX.get(v).dot(s.center()) > 1 - 1e-9) vertex = v;
        if (vertex < 1 || vertex > 5) return null;
        Face apex = null;
        for (int x = 0; x < s.faces().size(); x++) if (s.at().get(x).equals(new Ijk(2, 0, 0))) apex = s.faces().get(x);
        Face face = Icosahedron.across(apex, vertex, apex.vertices()[2]);
        int slot = Icosahedron.slotOf(face, vertex);
        Ijk ijk = slot == 0 ? new Ijk(2, 0, 0) : slot == 1 ? new Ijk(0, 2, 0) : new Ijk(0, 0, 2);
        // just beyond the apex face's edge towards its k vertex, next to the pentagon: on the side face; across that
        // edge the faces meet directly, but the index goes the other way round the vertex, past the four other
        // faces, which is one sixth less (the vertex's 60-degree deficit)
        double x = 1.8, y = -0.346;
        if (Plane.settle(apex, x, y).face() != face) throw new IllegalStateException("pentagon side at vertex " + vertex);
        int turns = Math.floorMod(Plane.sixthTurns(apex, x, y, face) - 1, 6);
        return new PentagonSide(face, ijk, apex, turns);
    }

    private static boolean hasVertex(Face f, int v) {
        for (int x : f.vertices()) if (x == v) return true;
        return false;
    }

    /** The base cell whose centre is nearest to {@code p}. */
    static Base nearest(Vec3 p) {
        return p.nearest(ALL, Base::center);
    }
}

package dev.sentinelctl.kql.eval.geo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the spherical geometry, S2 and geohash code that do not depend on a documented example. */
class SphereMathTest {

    private static Geometry.Polygon polygon(double... lngLat) {
        List<LngLat> ring = new java.util.ArrayList<>();
        for (int i = 0; i < lngLat.length; i += 2) ring.add(new LngLat(lngLat[i], lngLat[i + 1]));
        return new Geometry.Polygon(List.of(ring));
    }

    @Test
    void anOctantHasAnEighthOfTheSphereAndItsCentroidOnTheDiagonal() {
        Region r = Region.of(polygon(0, 0, 90, 0, 0, 90, 0, 0));
        assertEquals(4 * Math.PI / 8, r.area(), 1e-12);
        P3 c = r.moment().unit();
        assertEquals(c.x(), c.y(), 1e-12);
        assertEquals(c.x(), c.z(), 1e-12);
        assertEquals(3 * Math.PI / 2, r.perimeter(), 1e-12);
        // the same ring reversed bounds the same (smaller) region
        Region back = Region.of(polygon(0, 0, 0, 90, 90, 0, 0, 0));
        assertEquals(r.area(), back.area(), 1e-12);
        assertTrue(back.contains(new LngLat(45, 45).p3()));
        assertFalse(back.contains(new LngLat(-45, 45).p3()));
    }

    @Test
    void ringsWithFewerThanThreeDistinctVerticesAreInvalid() {
        assertNull(Region.of(polygon(0, 0, 10, 10, 10, 10, 0, 0)));
        // "LinearRings must not cross": a bow tie is invalid
        assertNull(Region.of(polygon(0, 0, 2, 2, 2, 0, 0, 2, 0, 0)));
    }

    @Test
    void s2LeafCellsRoundTripAndChildrenNest() {
        for (double[] p : new double[][] {{-73.98, 40.75}, {139.7, 35.7}, {0, -89.9}, {180, 0}, {-179.99, 10}}) {
            P3 v = new LngLat(p[0], p[1]).p3();
            for (int level = 0; level <= 30; level += 5) {
                long id = S2.fromPoint(v, level);
                assertEquals(level, S2.level(id));
                assertTrue(S2.cellContains(id, v), "level " + level + " cell contains its point");
                assertEquals(id, S2.fromToken(S2.token(id)));
                if (level < 30) {
                    Set<Long> kids = new HashSet<>();
                    for (long c : S2.children(id)) kids.add(c);
                    assertTrue(kids.contains(S2.fromPoint(v, level + 1)));
                }
            }
        }
        assertEquals("X", S2.token(0));
        assertNull(S2.fromToken("1a"));
    }

    @Test
    void aCoveringHoldsEveryCellWithAPointInsideThePolygonAndOnlyCellsThatMeetOrTouchIt() {
        Region r = Region.of(polygon(0, 0, 0, 50, 100, 50, 0, 0));
        int level = 3, n = 1 << level, samples = 8;
        Set<Long> covering = new HashSet<>(S2.covering(r, level, 65_536));
        Set<Long> sampled = new HashSet<>();
        for (int f = 0; f < 6; f++) {
            for (int ci = 0; ci < n; ci++) {
                for (int cj = 0; cj < n; cj++) {
                    for (int a = 0; a <= samples; a++) {
                        for (int b = 0; b <= samples; b++) {
                            double s = (ci + a / (double) samples) / n, t = (cj + b / (double) samples) / n;
                            if (r.contains(S2.xyz(f, S2.stToUV(s), S2.stToUV(t)))) {
                                sampled.add(S2.fromPoint(S2.xyz(f, S2.stToUV((ci + 0.5) / n), S2.stToUV((cj + 0.5) / n)), level));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(covering.containsAll(sampled));
        for (long c : covering) assertTrue(S2.intersects(c, r, r.edges()) || S2.boundaryDistance(c, r.edges()) < 1e-12);
        // a cell well outside is not in it
        assertFalse(covering.contains(S2.fromPoint(new LngLat(-120, -40).p3(), level)));
    }

    @Test
    void s2CellCentresLieInTheirCells() {
        long id = S2.fromPoint(new LngLat(10, 20).p3(), 12);
        assertEquals(id, S2.fromPoint(S2.center(id), 12));
    }

    @Test
    void geohashBoxesContainTheirPointsAndNeighboursWrap() {
        String h = Geohash.encode(-73.975212, 40.789608, 5);
        double[] b = Geohash.box(h);
        assertTrue(b[0] <= -73.975212 && -73.975212 <= b[2] && b[1] <= 40.789608 && 40.789608 <= b[3]);
        List<String> atDateLine = Geohash.neighbours(Geohash.encode(179.99, 0, 4));
        assertEquals(8, atDateLine.size());
        assertTrue(atDateLine.stream().anyMatch(n -> Geohash.box(n)[0] < 0), "a neighbour across ±180");
        assertEquals(5, Geohash.neighbours(Geohash.encode(0, 89.99, 3)).size());
        assertNull(Geohash.box("ai"));
    }
}

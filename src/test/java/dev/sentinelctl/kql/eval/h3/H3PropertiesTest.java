package dev.sentinelctl.kql.eval.h3;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants over points spread across the globe (fixed seed), at every resolution: a cell's centre lies in the cell,
 * its boundary surrounds the centre, neighbours are mutual, and a refusal is always {@link H3Unsupported}.
 */
class H3PropertiesTest {

    @Test
    void invariantsHoldWhereverCellsAreAnswered() {
        Random rnd = new Random(20261206);
        int answered = 0, refused = 0;
        for (int n = 0; n < 1500; n++) {
            double lat = Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1)), lng = 360 * rnd.nextDouble() - 180;
            int res = n % 16;
            try {
                long h = H3.fromPoint(lat, lng, res);
                assertTrue(H3.isValid(h), H3.format(h));
                assertEquals(res, H3.resolution(h));
                double[] c = H3.center(h);
                assertEquals(h, H3.fromPoint(c[0], c[1], res), "centre of " + H3.format(h) + " at " + lat + "," + lng);
                List<double[]> b = H3.boundary(h);
                assertTrue(b.size() >= 6 && b.size() <= 10, H3.format(h) + " has " + b.size() + " vertices");
                if (res <= 12) {
                    for (long nb : H3.rings(h, 1).get(1)) {
                        assertTrue(nb != h, "a cell is not its own neighbour: " + H3.format(h));
                        assertTrue(H3.rings(nb, 1).get(1).contains(h), H3.format(nb) + " does not list " + H3.format(h));
                    }
                }
                if (res > 0) assertEquals(H3.parent(h, res - 1), H3.parent(H3.parent(h, res - 1), res - 1));
                answered++;
            } catch (H3Unsupported e) {
                refused++;
            }
        }
        // 15 edge cells and 7 pentagons are refused (5 northern pentagons in part); most of the globe answers
        assertTrue(answered > 1000, answered + " answered, " + refused + " refused");
    }

    @Test
    void polesAndTheAntimeridianAnswerOrRefuseCleanly() {
        double[][] points = {{90, 0}, {-90, 0}, {0, 180}, {0, -180}, {45, 180}, {-45, -180}, {89.9999, 123}};
        for (double[] p : points) {
            for (int res = 0; res <= 15; res += 5) {
                try {
                    long h = H3.fromPoint(p[0], p[1], res);
                    double[] c = H3.center(h);
                    assertEquals(h, H3.fromPoint(c[0], c[1], res), p[0] + "," + p[1] + " at " + res);
                } catch (H3Unsupported e) {
                    // a refused base cell
                }
            }
        }
    }

    @Test
    void aroundTheDocumentedSideOfPentagon58() {
        Random rnd = new Random(58);
        int pentagonCells = 0;
        for (int n = 0; n < 600; n++) {
            double lat = -4 + 8 * rnd.nextDouble(), lng = -4 + 10 * rnd.nextDouble();
            int res = 1 + n % 12;
            try {
                long h = H3.fromPoint(lat, lng, res);
                double[] c = H3.center(h);
                assertEquals(h, H3.fromPoint(c[0], c[1], res), "centre of " + H3.format(h));
                for (long nb : H3.rings(h, 1).get(1)) assertTrue(H3.rings(nb, 1).get(1).contains(h), H3.format(nb) + " / " + H3.format(h));
                if (H3.baseCell(h) == 58) pentagonCells++;
            } catch (H3Unsupported e) {
                // the pentagon's other faces, the cells next to its deleted wedge
            }
        }
        assertTrue(pentagonCells > 100, pentagonCells + " cells of base cell 58 answered");
    }
}

package dev.sentinelctl.kql.eval.h3;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are the outputs printed in Microsoft's geo_*h3* function documentation (Kusto runs H3 itself). */
class H3Test {

    private static long cell(String t) {
        long h = H3.parse(t);
        if (h < 0) throw new AssertionError("invalid token " + t);
        return h;
    }

    private static List<String> tokens(List<Long> cells) {
        return cells.stream().map(H3::format).toList();
    }

    @Test
    void pointToCellFindsTheDocumentedNewYorkCell() {
        assertEquals("862a1072fffffff", H3.format(H3.fromPoint(40.7041679083504, -74.016008479792447, 6)));
    }

    @Test
    void centerOfTheNewYorkCell() {
        double[] c = H3.center(cell("862a1072fffffff"));
        assertEquals(40.7041679083504, c[0], 1e-12);
        assertEquals(-74.016008479792447, c[1], 1e-12);
    }

    @Test
    void boundaryOfTheNewYorkCell() {
        double[][] expected = {{-74.0022744646159, 40.735376026215022}, {-74.046908029686236, 40.727986222489115},
                {-74.060610712223664, 40.696775140349033}, {-74.029724408156682, 40.672970047595463},
                {-73.985140983708192, 40.680349049267583}, {-73.971393761028622, 40.71154393543933}};
        List<double[]> b = H3.boundary(cell("862a1072fffffff"));
        assertEquals(6, b.size());
        for (int i = 0; i < 6; i++) assertArrayEquals(expected[i], b.get(i), 1e-12, "vertex " + i);
    }

    @Test
    void parentsAndChildren() {
        long h = cell("862a1072fffffff");
        assertEquals(6, H3.resolution(h));
        assertEquals("852a1073fffffff", H3.format(H3.parent(h, 5)));
        assertEquals("812a3ffffffffff", H3.format(H3.parent(h, 1)));
        assertEquals(-1, H3.parent(h, 15));
        assertEquals(List.of("872a10728ffffff", "872a10729ffffff", "872a1072affffff", "872a1072bffffff",
                "872a1072cffffff", "872a1072dffffff", "872a1072effffff"),
                Arrays.stream(H3.children(h, 7)).mapToObj(H3::format).toList());
        assertEquals(343, H3.children(h, 9).length);
    }

    @Test
    void neighborsInTheDocumentedOrder() {
        assertEquals(List.of("862a10727ffffff", "862a10707ffffff", "862a1070fffffff", "862a10777ffffff",
                "862a100dfffffff", "862a100d7ffffff"), tokens(H3.rings(cell("862a1072fffffff"), 1).get(1)));
    }

    @Test
    void ringsOfTheDocumentedCell() {
        List<List<Long>> r = H3.rings(cell("861f8894fffffff"), 2);
        assertEquals(List.of("861f8894fffffff"), tokens(r.get(0)));
        assertEquals(List.of("861f88947ffffff", "861f8895fffffff", "861f88867ffffff", "861f8d497ffffff",
                "861f8d4b7ffffff", "861f8896fffffff"), tokens(r.get(1)));
        assertEquals(List.of("861f88967ffffff", "861f88977ffffff", "861f88957ffffff", "861f8882fffffff",
                "861f88877ffffff", "861f88847ffffff", "861f8886fffffff", "861f8d49fffffff", "861f8d487ffffff",
                "861f8d4a7ffffff", "861f8d59fffffff", "861f8d597ffffff"), tokens(r.get(2)));
    }

    @Test
    void edgeBaseCellFollowsItsHomeFace() {
        // Madrid, base cell 28 (an edge cell): a documented cell of geo_polygon_to_h3cells' example
        long h = cell("86390cb57ffffff");
        double[] c = H3.center(h);
        assertEquals("86390cb57ffffff", H3.format(H3.fromPoint(c[0], c[1], 6)));
    }

    @Test
    void pointsDocumentedByOtherH3Front_ends() {
        // h3geo.org indexing docs (CLI example): an edge base cell (22) seen from its other face
        assertEquals("822d57fffffffff", H3.format(H3.fromPoint(45, 40, 2)));
        // Palantir Foundry expression docs: base cells 85, 21, and 3 reached from a neighbouring face
        assertEquals("85aa614bfffffff", H3.format(H3.fromPoint(-20, 80, 5)));
        assertEquals("852aa84ffffffff", H3.format(H3.fromPoint(38.9031, -77.0599, 5)));
        assertEquals("8507b297fffffff", H3.format(H3.fromPoint(80, -20, 5)));
        // ClickHouse / TiDB geoToH3 docs, resolution 15 (Moscow)
        assertEquals(644325524701193974L, H3.fromPoint(55.71290588, 37.79506683, 15));
    }

    @Test
    void moreDocumentedTokens() {
        // Databricks h3_longlatash3 docs and Snowflake H3_LATLNG_TO_CELL docs (Brandenburg Gate)
        assertEquals(604116085645508607L, H3.fromPoint(45, 100, 6));
        assertEquals(635714569676958015L, H3.fromPoint(37.8199, -122.4783, 13));
        assertEquals(613036919424548863L, H3.fromPoint(52.516262, 13.377704, 8));
    }

    @Test
    void boundaryOfABaseCell() {
        // Amazon Redshift H3_Boundary docs: base cell 18 (resolution 0), as (lng, lat)
        double[][] expected = {{87.7729641223953, 52.6542030078627}, {86.7082098104731, 40.3127667561966},
                {98.2285042557705, 33.6210697806835}, {110.694610548823, 37.163896485796},
                {116.212895637138, 47.3094513028131}, {106.40349563788, 56.210610737585}};
        List<double[]> b = H3.boundary(cell("8025fffffffffff"));
        assertEquals(6, b.size());
        for (int i = 0; i < 6; i++) assertArrayEquals(expected[i], b.get(i), 1e-9, "vertex " + i);
    }

    @Test
    void boundaryOfAnEdgeBaseCellsCell() {
        // CARTO H3_BOUNDARY docs: the first two vertices of a Madrid cell of edge base cell 28
        List<double[]> b = H3.boundary(cell("84390cbffffffff"));
        assertArrayEquals(new double[]{-3.5769274353957314, 40.613438595935165}, b.get(0), 1e-12);
        assertArrayEquals(new double[]{-3.85975632308016, 40.525472355369885}, b.get(1), 1e-12);
    }

    @Test
    void centresDocumentedByOtherH3Front_ends() {
        // TiDB H3_TO_GEO docs (resolution 15, Class III) and the libh3 crate docs (resolution 10, radians)
        double[] moscow = H3.center(644325524701193974L);
        assertEquals(55.712902431456676, moscow[0], 1e-11);
        assertEquals(37.79506616830255, moscow[1], 1e-11);
        long liberty = H3.parse("8a2a1072b59ffff");
        assertEquals(liberty, H3.fromPoint(40.689167, -74.044444, 10));
        assertEquals(0.7101643819054542, Math.toRadians(H3.center(liberty)[0]), 1e-13);
        assertEquals(-1.2923191206954798, Math.toRadians(H3.center(liberty)[1]), 1e-13);
    }

    @Test
    void edgeBaseCellBelowTheNorthernCapFollowsTheCapFace() {
        // Databricks h3_coverash3 docs: the resolution-1 cover of the San Francisco - Los Angeles - New York triangle
        // holds base cell 19's children 0, 1, 2, 3 (and cells of base cells 20, 21, 36)
        java.util.Set<String> cover = java.util.Set.of("8126fffffffffff", "81283ffffffffff", "8129bffffffffff",
                "812a3ffffffffff", "812abffffffffff", "8148fffffffffff", "81263ffffffffff", "81267ffffffffff", "8126bffffffffff");
        double[][] inside = {{35.47, -97.52}, {39.10, -94.58}, {39.74, -104.99}, {38.63, -90.2}, {41.26, -95.94}};
        for (double[] p : inside) {
            String t = H3.format(H3.fromPoint(p[0], p[1], 1));
            assertEquals(true, cover.contains(t), p[0] + "," + p[1] + " -> " + t);
        }
        // north of the triangle: base cell 19 still, but a child the cover does not need
        String north = H3.format(H3.fromPoint(47.5, -100.5, 1));
        assertEquals(19, H3.baseCell(H3.parse(north)));
        assertEquals(false, cover.contains(north), north);
    }

    @Test
    void invalidTokens() {
        assertEquals(-1, H3.parse("abc"));
        assertEquals(-1, H3.parse("123"));
        assertEquals(-1, H3.parse("1"));
        assertEquals(-1, H3.parse("@"));
        assertEquals(-1, H3.parse("862a1072ffffff7"));
    }

    @Test
    void pentagonOfTheNorthernRingFromItsDocumentedSide() {
        // Amazon Redshift H3_FromLongLat(0, 0, 10) docs: pentagon base cell 58, seen from the face south-east of it
        assertEquals("8a754e64992ffff", H3.format(H3.fromPoint(0, 0, 10)));
        // Redshift H3_Polyfill docs: the resolution-4 cells whose centres lie in the square (0,0)-(1,1)
        long[] fill = {596538848238895103L, 596538805289222143L, 596538856828829695L, 596538813879156735L,
                596537920525959167L, 596538685030137855L, 596538693620072447L, 596538839648960511L};
        for (long h : fill) {
            double[] c = H3.center(h);
            assertTrue(c[0] > 0 && c[0] < 1 && c[1] > 0 && c[1] < 1, H3.format(h) + " centre " + c[0] + "," + c[1]);
            assertEquals(h, H3.fromPoint(c[0], c[1], 4));
        }
        // a pentagon's children skip the deleted k-axis digit
        assertEquals(6, H3.children(H3.parse("8075fffffffffff"), 1).length);
        assertEquals(7, H3.children(H3.parse("8a754e64992ffff"), 11).length);
    }

    @Test
    void pentagonsWhoseOrientationIsUndocumentedAreRefused() {
        // base cell 4 is the pentagon on the icosahedron vertex in the Norwegian Sea (64.7N, 10.54E)
        assertThrows(H3Unsupported.class, () -> H3.fromPoint(64.7, 10.5362, 3));
        // pentagon 58 seen from its other faces (north-west of the vertex off Liberia)
        assertThrows(H3Unsupported.class, () -> H3.fromPoint(5, -8, 6));
        // the pentagon cell itself has no hexagon geometry here
        assertThrows(H3Unsupported.class, () -> H3.center(H3.make(58, new int[]{0, 0})));
        assertThrows(H3Unsupported.class, () -> H3.boundary(H3.parse("8075fffffffffff")));
    }
}

package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The geo_*h3* functions against the outputs in their Kusto documentation pages. */
class H3FunctionsTest {

    @Test
    void pointToCellDefaultsToResolutionSix() {
        assertEquals("862a1072fffffff", scalar("geo_point_to_h3cell(-74.016008479792447, 40.7041679083504)"));
        assertEquals("862a1072fffffff", scalar("geo_point_to_h3cell(-74.016008479792447, 40.7041679083504, 6)"));
    }

    @Test
    void pointToCellOfInvalidInputIsEmpty() {
        assertEquals("", scalar("geo_point_to_h3cell(200, 40)"));
        assertEquals("", scalar("geo_point_to_h3cell(-74, 95)"));
        assertEquals("", scalar("geo_point_to_h3cell(-74, 40, 16)"));
        assertEquals("", scalar("geo_point_to_h3cell(-74, 40, -1)"));
    }

    @Test
    void levelAndParent() {
        assertEquals("6", scalar("geo_h3cell_level('862a1072fffffff')"));
        assertEquals("true", scalar("isnull(geo_h3cell_level('abc'))"));
        assertEquals("852a1073fffffff", scalar("geo_h3cell_parent('862a1072fffffff')"));
        assertEquals("812a3ffffffffff", scalar("geo_h3cell_parent('862a1072fffffff', 1)"));
        assertEquals("true", scalar("isempty(geo_h3cell_parent('123'))"));
        assertEquals("true", scalar("isempty(geo_h3cell_parent('862a1072fffffff', 100))"));
        assertEquals("true", scalar("isempty(geo_h3cell_parent('862a1072fffffff', 15))"));
    }

    @Test
    void children() {
        assertEquals("[\"872a10728ffffff\",\"872a10729ffffff\",\"872a1072affffff\",\"872a1072bffffff\","
                + "\"872a1072cffffff\",\"872a1072dffffff\",\"872a1072effffff\"]", scalar("geo_h3cell_children('862a1072fffffff')"));
        assertEquals("343", scalar("array_length(geo_h3cell_children('862a1072fffffff', geo_h3cell_level('862a1072fffffff') + 3))"));
        assertEquals("true", scalar("isnull(geo_h3cell_children('abc'))"));
        // more than five levels below, or above the cell
        assertEquals("true", scalar("isnull(geo_h3cell_children('862a1072fffffff', 12))"));
        assertEquals("true", scalar("isnull(geo_h3cell_children('862a1072fffffff', 5))"));
    }

    @Test
    void neighborsAndRings() {
        assertEquals("[\"862a10727ffffff\",\"862a10707ffffff\",\"862a1070fffffff\",\"862a10777ffffff\","
                + "\"862a100dfffffff\",\"862a100d7ffffff\"]", scalar("geo_h3cell_neighbors('862a1072fffffff')"));
        assertEquals("[\"861f88947ffffff\",\"861f8895fffffff\",\"861f88867ffffff\",\"861f8d497ffffff\","
                + "\"861f8d4b7ffffff\",\"861f8896fffffff\"]", scalar("geo_h3cell_rings('861f8894fffffff', 1)[1]"));
        assertEquals("3", scalar("array_length(geo_h3cell_rings('861f8894fffffff', 2))"));
        assertEquals("12", scalar("array_length(geo_h3cell_rings('861f8894fffffff', 2)[2])"));
        assertEquals("true", scalar("isnull(geo_h3cell_rings('abc', 3))"));
        assertEquals("true", scalar("isnull(geo_h3cell_rings('861f8894fffffff', 150))"));
        assertEquals("true", scalar("isnull(geo_h3cell_neighbors('abc'))"));
    }

    @Test
    void polygonToCellsGivesTheDocumentedCellsSorted() {
        // geo-polygon-to-h3cells-function.md (Madrid): the same 13 cells; Kusto's order is the H3 library's own
        String polygon = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-3.659,40.553],[-3.913,40.409],[-3.729,40.273],[-3.524,40.440],[-3.659,40.553]]]})";
        java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of("86390cb57ffffff", "86390cb0fffffff",
                "86390ca27ffffff", "86390cb87ffffff", "86390cb07ffffff", "86390ca2fffffff", "86390ca37ffffff", "86390cb17ffffff",
                "86390cb1fffffff", "86390cb8fffffff", "86390cba7ffffff", "86390ca07ffffff", "86390cbafffffff"));
        java.util.Collections.sort(expected);
        assertEquals("[\"" + String.join("\",\"", expected) + "\"]", scalar("geo_polygon_to_h3cells(" + polygon + ")"));
        assertEquals("true", scalar("isnull(geo_polygon_to_h3cells(dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1]]]})))"));
        assertEquals("true", scalar("isnull(geo_polygon_to_h3cells(" + polygon + ", 16))"));
        // a hole removes its cells; a buffer radius is refused
        assertEquals("0", scalar("array_length(geo_polygon_to_h3cells(dynamic({\"type\":\"Polygon\",\"coordinates\":"
                + "[[[-3.659,40.553],[-3.913,40.409],[-3.729,40.273],[-3.524,40.440],[-3.659,40.553]],"
                + "[[-3.7,40.6],[-4.0,40.4],[-3.7,40.2],[-3.4,40.4],[-3.7,40.6]]]})))"));
        assertEquals(EvalResult.UNSUPPORTED, fail("print geo_polygon_to_h3cells(" + polygon + ", 6, 100.0)").code());
    }

    @Test
    void mvApplyOverTheRingsKeepsOnlyWhatItsSubqueryGives() {
        // geo-h3cell-rings-function.md: the expanded column is the subquery's; summarize drops it
        var t = run("print rings = geo_h3cell_rings('861f8894fffffff', 1) | mv-apply rings on (summarize cells = make_list(rings))");
        assertEquals(java.util.List.of("cells"), EngineTestSupport.names(t));
        assertEquals(1, t.rowCount());
    }

    @Test
    void centralPointAndPolygonAreGeoJson() {
        assertEquals(-74.016008479792447, Double.parseDouble(scalar("geo_h3cell_to_central_point('862a1072fffffff').coordinates[0]")), 1e-12);
        assertEquals(40.7041679083504, Double.parseDouble(scalar("geo_h3cell_to_central_point('862a1072fffffff').coordinates[1]")), 1e-12);
        assertEquals("Point", scalar("tostring(geo_h3cell_to_central_point('862a1072fffffff').type)"));
        assertEquals("", scalar("geo_h3cell_to_central_point('1')"));
        String polygon = scalar("geo_h3cell_to_polygon('862a1072fffffff')");
        assertTrue(polygon.startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[-74.0022744646159"), polygon);
        assertEquals("7", scalar("array_length(geo_h3cell_to_polygon('862a1072fffffff').coordinates[0])"));
        assertEquals("", scalar("geo_h3cell_to_polygon('@')"));
    }

    @Test
    void pointsOfTheDocumentedPolygonCollection() {
        // geo-h3cell-to-polygon-function.md: three Manhattan points at resolution 6, each cell's first vertex
        var t = run("datatable(lng:real, lat:real)[-73.956683, 40.807907, -73.916869, 40.818314, -73.989148, 40.743273]"
                + " | project p = geo_h3cell_to_polygon(geo_point_to_h3cell(lng, lat, 6))"
                + " | project x = round(todouble(p.coordinates[0][0][0]), 10)");
        assertEquals(java.util.List.of(java.util.List.of("-73.9609635556"), java.util.List.of("-73.9023850788"),
                java.util.List.of("-73.943844905")), rows(t));
    }

    @Test
    void pentagonCellsFromTheirDocumentedSideAndRefusalsElsewhere() {
        // (1, 1) lies in pentagon base cell 58 (off Liberia), on the side a documented token fixes
        assertEquals("10", scalar("geo_h3cell_level(geo_point_to_h3cell(1,1,10))"));
        assertEquals("9", scalar("geo_h3cell_level(geo_h3cell_parent(geo_point_to_h3cell(1,1,10)))"));
        assertEquals("3", scalar("geo_h3cell_level(geo_h3cell_parent(geo_point_to_h3cell(1,1,10), 3))"));
        assertEquals("true", scalar("isnull(geo_h3cell_children(geo_point_to_h3cell(1, 1, 9), 15))"));
        assertEquals("6", scalar("array_length(geo_h3cell_neighbors(geo_point_to_h3cell(1, 1, 14)))"));
        // the pentagon in the Norwegian Sea: no documented token fixes its orientation
        assertEquals(EvalResult.UNSUPPORTED, fail("print geo_point_to_h3cell(10.5362, 64.7, 3)").code());
    }
}

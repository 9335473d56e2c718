package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** geo_* functions against the outputs printed on their Kusto documentation pages (geo-*-function.md). */
class GeoSemanticsTest {

    private static final String LINE3 = "dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95807266235352,40.800426144169315],"
            + "[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334]]})";
    private static final String PARK = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],"
            + "[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]})";
    private static final String SHORT_LINE = "dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95796, 40.80042], [-73.97317, 40.764486]]})";

    /** The numbers in a printed value, in order. */
    private static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(text);
        while (m.find()) out.add(Double.parseDouble(m.group()));
        return out;
    }

    /** Same numbers to 1e-9 relative (the docs print 15–17 significant digits of another implementation). */
    private static void assertNumbers(String expected, String actual) {
        List<Double> e = numbers(expected), a = numbers(actual);
        assertEquals(e.size(), a.size(), () -> "expected " + expected + " but was " + actual);
        for (int i = 0; i < e.size(); i++) {
            double tol = Math.max(1e-9, Math.abs(e.get(i)) * 1e-9);
            assertEquals(e.get(i), a.get(i), tol, "number " + i + " of " + actual);
        }
    }

    @Test
    void distancesUseASphereOfRadius6371010Meters() {
        assertNumbers("1546754.35197381", scalar("geo_distance_2points(-122.407628, 47.578557, -118.275287, 34.019056)"));
        assertNumbers("4922.48016992081", scalar("geo_line_length(" + LINE3 + ")"));
        assertNumbers("8262.24339753741", scalar("geo_line_length(dynamic({\"type\":\"MultiLineString\",\"coordinates\":[[[-73.95798683166502,40.800556090021466],"
                + "[-73.98193359375,40.76819171855746]],[[-73.94940376281738,40.79691751000055],[-73.97317886352539,40.76435634049001]]]}))"));
        assertEquals("", scalar("geo_distance_2points(500, 0, 0, 0)"));
        assertEquals("true", scalar("isnull(geo_line_length(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1]]})))"));
    }

    @Test
    void spheroidDistancesAreRefused() {
        assertTrue(fail("print geo_distance_2points(1, 2, 3, 4, true)").message().contains("use_spheroid"));
    }

    @Test
    void anglesAndFractionsAlongLines() {
        assertNumbers("2.94493843406882", scalar("geo_angle(0, 10, 0, 5, 3, -10)"));
        assertEquals("true", scalar("isnull(geo_angle(0, 10, 0, 10, 3, -10))"));
        assertNumbers("0.25560135100307552", scalar("geo_line_locate_point(" + SHORT_LINE + ", -73.965, 40.792)"));
        assertNumbers("[-73.961764043218281, 40.791436687257232]", scalar("geo_line_interpolate_point(" + SHORT_LINE + ", 0.25).coordinates"));
        assertNumbers("[-73.965567057230942, 40.782453249627416]", scalar("geo_line_centroid(" + SHORT_LINE + ").coordinates"));
        assertEquals("true", scalar("isnull(geo_line_interpolate_point(" + SHORT_LINE + ", 1.5))"));
    }

    @Test
    void polygonsChooseTheSmallerRegionAndUnionTheirParts() {
        assertNumbers("[-73.965735689907618, 40.782550538057812]", scalar("geo_polygon_centroid(" + PARK + ").coordinates"));
        assertNumbers("[-73.968569587829577, 40.776310752555119]", scalar("geo_polygon_centroid(dynamic({\"type\":\"MultiPolygon\",\"coordinates\":[[[[-73.9495,40.7969],"
                + "[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]],"
                + "[[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],[-73.99600982666016,40.77092185281977],"
                + "[-73.96150588989258,40.75609977566361],[-73.94262313842773,40.775991804565585]]]]})).coordinates"));
        // the same ring clockwise is the same (smaller) region
        String clockwise = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]})";
        assertEquals("true", scalar("geo_point_in_polygon(0.5, 0.5, " + clockwise + ")"));
        assertEquals("false", scalar("geo_point_in_polygon(2, 0.5, " + clockwise + ")"));
        String holed = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,3],[3,3],[3,1],[1,1]]]})";
        assertEquals("false", scalar("geo_point_in_polygon(2, 2, " + holed + ")"));
        assertEquals("true", scalar("geo_point_in_polygon(0.5, 2, " + holed + ")"));
        assertEquals("true", scalar("isnull(geo_polygon_centroid(dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,10],[0,0]]]})))"));
        assertNumbers("[-73.981205580153926, 40.769359452843211]", scalar("geo_closest_point_on_polygon(-73.9839, 40.7705, " + PARK + ").coordinates"));
        assertNumbers("[-73.97, 40.78]", scalar("geo_closest_point_on_polygon(-73.97, 40.78, " + PARK + ").coordinates"));
        assertEquals("0", scalar("geo_distance_point_to_polygon(-73.97, 40.78, " + PARK + ")"));
        assertEquals("true", scalar("isnull(geo_closest_point_on_polygon(500, 1, dynamic({\"type\": \"Polygon\",\"coordinates\": [[[0,0],[10,10],[10,1],[0,0]]]})))"));
    }

    @Test
    void intersectionTests() {
        String square = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]})";
        assertEquals("true", scalar("geo_intersects_2polygons(" + square + ", dynamic({\"type\":\"Polygon\",\"coordinates\":[[[1,1],[3,1],[3,3],[1,3],[1,1]]]}))"));
        assertEquals("true", scalar("geo_intersects_2polygons(" + square + ", dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0.5,0.5],[1,0.5],[1,1],[0.5,0.5]]]}))"));
        assertEquals("false", scalar("geo_intersects_2polygons(" + square + ", dynamic({\"type\":\"Polygon\",\"coordinates\":[[[5,5],[6,5],[6,6],[5,5]]]}))"));
        assertEquals("true", scalar("geo_intersects_line_with_polygon(dynamic({\"type\":\"LineString\",\"coordinates\":[[-1,1],[3,1]]}), " + square + ")"));
        assertEquals("false", scalar("geo_intersects_line_with_polygon(dynamic({\"type\":\"LineString\",\"coordinates\":[[-1,3],[3,3]]}), " + square + ")"));
    }

    @Test
    void lineIntersections() {
        String a = "dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.978929,40.785155],[-73.980903,40.782621]]})";
        String b = "dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.985195,40.788275],[-73.974552,40.779761]]})";
        assertEquals("true", scalar("geo_intersects_2lines(" + a + ", " + b + ")"));
        assertNumbers("{\"type\": \"Point\",\"coordinates\": [-73.979837116670978,40.783989289772165]}", scalar("geo_intersection_2lines(" + a + ", " + b + ")"));
        assertEquals("LineString", scalar("tostring(geo_intersection_2lines(" + a + ", " + a + ").type)"));
        assertEquals("{\"type\":\"GeometryCollection\",\"geometries\":[]}", scalar("geo_intersection_2lines(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1],[2, 2]]}), "
                + "dynamic({\"type\":\"LineString\",\"coordinates\":[[3, 3],[4, 4]]}))"));
        String triangle = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],"
                + "[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]})";
        assertNumbers("[[-73.975611956578192,40.78060906714618],[-73.974552,40.779761]]", scalar("geo_intersection_line_with_polygon(" + b + ", " + triangle + ").coordinates"));
        String holed = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[-90.263,36.738],[-102.041,45.274],[-109.335,36.527],[-90.263,36.738]],"
                + "[[-100.393,41.705],[-103.139,38.925],[-97.558,39.113],[-100.393,41.705]]]})";
        assertNumbers("[[[-106.89353655881905, 39.769226209776306],[-101.74448553679453, 40.373506008712525]],"
                + "[[-99.136499431328858, 40.589336512699994],[-95.284527737311791, 40.799060242246348]]]",
                scalar("geo_intersection_line_with_polygon(dynamic({\"type\":\"LineString\",\"coordinates\":[[-110.522, 39.198],[-91.428, 40.880]]}), " + holed + ").coordinates"));
    }

    @Test
    void simplifyAndUnionOfLines() {
        String wiggly = "dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.97033169865608,40.789063020152824],[-73.97039607167244,40.78897975920816],"
                + "[-73.9704617857933,40.78888837512432],[-73.97052884101868,40.7887949601531],[-73.9706052839756,40.788698498903564],"
                + "[-73.97065222263336,40.78862640672032],[-73.97072866559029,40.78852791445617],[-73.97079303860664,40.788434498977836]]})";
        assertNumbers("[[-73.97033169865608, 40.789063020152824], [-73.97079303860664, 40.788434498977836]]", scalar("geo_line_simplify(" + wiggly + ", 10).coordinates"));
        assertEquals("true", scalar("isnull(geo_line_simplify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1.1, 1.1],[1.2,1.2]]}), 100000))"));
        assertEquals("true", scalar("isnull(geo_line_simplify(dynamic({\"type\":\"LineString\",\"coordinates\":[[1, 1],[2,2]]}), -1))"));
        Table t = run("datatable(lines:dynamic)[dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95683884620665,40.80502891480884],[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]}),"
                + "dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311],[-73.95537436008453,40.804413741624515]]})]"
                + " | summarize a = make_list(lines) | project u = geo_union_lines_array(a)");
        assertNumbers("[[-73.956838846206651, 40.805028914808844], [-73.95633727312088, 40.8057171711177], [-73.954891562461853, 40.80510200431312], "
                + "[-73.955374360084534, 40.804413741624522]]", rows(t).get(0).get(0).replaceAll("\"type\":\"LineString\"", ""));
    }

    @Test
    void wellKnownText() {
        assertEquals("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0.0,0.0],[2.0,0.0],[2.0,2.0],[0.0,0.0]]],[[[10.0,10.0],[12.0,10.0],[12.0,12.0],[10.0,10.0]]]]}",
                scalar("geo_from_wkt('MULTIPOLYGON (((0 0, 2 0, 2 2, 0 0)),((10 10, 12 10, 12 12, 10 10)))')"));
        assertEquals("GeometryCollection", scalar("tostring(geo_from_wkt('GEOMETRYCOLLECTION (POINT (1 1),LINESTRING (2 2, 3 3, 4 4))').type)"));
        assertEquals("true", scalar("isnull(geo_from_wkt('LINESTRING'))"));
        assertEquals("true", scalar("isnull(geo_from_wkt('POINT (200 0)'))"));
    }

    @Test
    void geohashCells() {
        assertEquals("dhwfz15h", scalar("geo_point_to_geohash(-80.195829, 25.802215, 8)"));
        assertNumbers("[[-74.00390625, 40.7373046875], [-73.9599609375, 40.7373046875], [-73.9599609375, 40.78125], [-74.00390625, 40.78125], [-74.00390625, 40.7373046875]]",
                scalar("geo_geohash_to_polygon('dr5ru').coordinates"));
        assertEquals("[\"sunnt\",\"sunpj\",\"sunnx\",\"sunpn\",\"sunnv\",\"sunpp\",\"sunnz\",\"sunnw\"]", scalar("geo_geohash_neighbors('sunny')"));
        assertEquals("true", scalar("isnull(geo_geohash_neighbors('a'))"));
        assertEquals("true", scalar("isnull(geo_geohash_to_polygon('a'))"));
    }

    @Test
    void s2Cells() {
        assertEquals("88d9b", scalar("geo_point_to_s2cell(-80.195829, 25.802215, 8)"));
        assertNumbers("[[[-74.030012249838478, 40.8012684339439], [-74.030012249838478, 40.7222262918358], [-73.935982114337421, 40.708880489804564], "
                + "[-73.935982114337421, 40.787917134506841], [-74.030012249838478, 40.8012684339439]]]", scalar("geo_s2cell_to_polygon('89c259').coordinates"));
        assertEquals("true", scalar("isnull(geo_s2cell_to_polygon('zz'))"));
        assertEquals("[\"89c25d\",\"89c2f9\",\"89c251\",\"89c257\",\"89c25f\",\"89c25b\",\"89c2f7\",\"89c2f5\"]", scalar("geo_s2cell_neighbors('89c259')"));
        // a face cell borders the four faces around it, not the opposite one
        assertEquals("[\"3\",\"9\",\"b\",\"5\"]", scalar("geo_s2cell_neighbors('1')"));
        assertEquals("", scalar("geo_point_to_s2cell(-80.195829, 25.802215, 31)"));
        String triangle = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,50],[100,50],[0,0]]]})";
        assertEquals("true", scalar("isnull(geo_polygon_to_s2cells(" + triangle + ", 30))"));
        // the documented count: the cells west of the 0° meridian touch the triangle's edge along it and count
        assertEquals("286", scalar("array_length(geo_polygon_to_s2cells(" + triangle + ", 5))"));
        // every cell of the covering intersects the polygon; the cell of a point inside is in it
        assertEquals("true", scalar("set_has_element(geo_polygon_to_s2cells(" + triangle + ", 5), geo_point_to_s2cell(10, 30, 5))"));
        assertEquals("false", scalar("set_has_element(geo_polygon_to_s2cells(" + triangle + ", 5), geo_point_to_s2cell(10, -30, 5))"));
        // a buffer radius adds the cells of points within it
        String small = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]]})";
        assertEquals("false", scalar("set_has_element(geo_polygon_to_s2cells(" + small + ", 16), geo_point_to_s2cell(0.005, 0.0105, 16))"));
        assertEquals("true", scalar("set_has_element(geo_polygon_to_s2cells(" + small + ", 16, 100), geo_point_to_s2cell(0.005, 0.0105, 16))"));
        String road = "dynamic({\"type\":\"LineString\",\"coordinates\":[[-0.1345,51.4991],[-0.0849,51.5048]]})";
        assertEquals("true", scalar("set_has_element(geo_line_to_s2cells(" + road + ", 14), tostring(geo_point_to_s2cell(-0.1345, 51.4991, 14)))"));
        assertEquals("true", scalar("set_has_element(geo_line_to_s2cells(" + road + ", 14), geo_point_to_s2cell(-0.0849, 51.5048, 14))"));
        assertEquals("true", scalar("array_length(geo_line_to_s2cells(" + road + ", 14, 500)) > array_length(geo_line_to_s2cells(" + road + ", 14))"));
    }

    @Test
    void lookupPlugins() {
        Table t = run("let roads = datatable(road_name:string, road:dynamic)[\"5th Avenue NY\", dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.97291864770574,40.76428551254824],[-73.99708638113894,40.73145135821781]]}),"
                + "\"Palace Ave\", dynamic({\"type\":\"LineString\",\"coordinates\":[[-0.18756982045002246,51.50245944666557],[-0.18908519740253382,51.50544952706903]]})];"
                + "datatable(location_name:string, longitude:real, latitude:real)[\"Empire State Building\", -73.98567337898565, 40.74842629977377,"
                + "\"Grand Central Terminal\", -73.97713140725149, 40.752730320824895, \"Statue of Liberty\", -74.04462223203123, 40.689195627512674,"
                + "\"Kensington Palace\", -0.1885272501232862, 51.504906159672316]"
                + " | evaluate geo_line_lookup(roads, road, longitude, latitude, 350) | summarize count() by road_name | order by road_name asc");
        assertEquals(List.of(List.of("5th Avenue NY", "2"), List.of("Palace Ave", "1")), rows(t));
        Table p = run("let zones = datatable(zone:string, shape:dynamic)[\"park\", " + PARK + "];"
                + "datatable(n:string, lng:real, lat:real)[\"in\", -73.97, 40.78, \"out\", -73.99, 40.78]"
                + " | evaluate geo_polygon_lookup(zones, shape, lng, lat)");
        assertEquals(List.of(List.of("in", "-73.97", "40.78", "park")), rows(p));
    }

    @Test
    void unionOfPolygons() {
        // the documented example: a geohash cell and its eight neighbours make one square with every cell corner kept
        Table t = run("let h = 'sunny'; print cells = array_concat(pack_array(h), geo_geohash_neighbors(h)) | mv-expand cells to typeof(string)"
                + " | project p = geo_geohash_to_polygon(cells) | summarize arr = make_list(p) | project u = geo_union_polygons_array(arr)");
        assertNumbers("{\"type\":\"Polygon\",\"coordinates\":[[[42.4072265625,23.642578125],[42.451171875,23.642578125],[42.4951171875,23.642578125],"
                + "[42.5390625,23.642578125],[42.5390625,23.686523437500004],[42.5390625,23.730468750000004],[42.5390625,23.7744140625],[42.4951171875,23.7744140625],"
                + "[42.451171875,23.7744140625],[42.407226562499993,23.7744140625],[42.4072265625,23.73046875],[42.4072265625,23.6865234375],[42.4072265625,23.642578125]]]}",
                rows(t).get(0).get(0));
        // the eight neighbours alone leave a hole where the centre cell was
        Table ring = run("print cells = geo_geohash_neighbors('sunny') | mv-expand cells to typeof(string)"
                + " | project p = geo_geohash_to_polygon(cells) | summarize arr = make_list(p) | project u = geo_union_polygons_array(arr)"
                + " | project holes = array_length(u.coordinates) - 1, inCentre = geo_point_in_polygon(42.47314453125, 23.70849609375, u)");
        assertEquals(List.of(List.of("1", "false")), rows(ring));
        // overlapping squares count their overlap once; disjoint ones stay apart
        String a = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]})";
        String b = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[1,1],[3,1],[3,3],[1,3],[1,1]]]})";
        String far = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[10,10],[11,10],[11,11],[10,10]]]})";
        assertEquals("true", scalar("abs(geo_polygon_area(geo_union_polygons_array(pack_array(" + a + ", " + b + "))) - geo_polygon_area(dynamic({\"type\":\"MultiPolygon\",\"coordinates\":[" 
                + "[[[0,0],[2,0],[2,2],[0,2],[0,0]]],[[[1,1],[3,1],[3,3],[1,3],[1,1]]]]}))) < 1"));
        assertEquals("MultiPolygon", scalar("tostring(geo_union_polygons_array(pack_array(" + a + ", " + far + ")).type)"));
        // inclusion–exclusion: area(a ∩ b) = area(a) + area(b) − area(a ∪ b)
        assertEquals("true", scalar("abs(geo_polygon_area(geo_intersection_2polygons(" + a + ", " + b + ")) - (geo_polygon_area(" + a + ") + geo_polygon_area(" + b + ")"
                + " - geo_polygon_area(geo_union_polygons_array(pack_array(" + a + ", " + b + "))))) < 1"));
        assertEquals("{\"type\":\"GeometryCollection\",\"geometries\":[]}", scalar("geo_intersection_2polygons(" + a + ", " + far + ")"));
        assertTrue(fail("print geo_intersection_2polygons(" + a + ", dynamic({\"type\":\"Polygon\",\"coordinates\":[[[2,0],[4,0],[4,2],[2,2],[2,0]]]}))")
                .message().contains("only touch"));
        assertEquals("true", scalar("isnull(geo_union_polygons_array(pack_array(" + a + ", dynamic({\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}))))"));
    }

    @Test
    void buffersAndPolygonArrays() {
        String buffer = "geo_point_buffer(0.003159306017352037, 51.502929224128394, 300, 0.1)";
        assertEquals("true", scalar("geo_point_in_polygon(0.005889454501716321, 51.50238626916584, " + buffer + ")"));
        assertEquals("false", scalar("geo_point_in_polygon(0.0009395106042404677, 51.47700456557013, " + buffer + ")"));
        // a point 299.9 m away is inside: the polygon contains the whole disc
        assertEquals("true", scalar("geo_point_in_polygon(0, 0.002697, geo_point_buffer(0, 0, 300, 0.1))"));
        assertEquals("true", scalar("isnull(geo_point_buffer(10, 10, -1))"));
        // a line's buffer holds every point within the radius and none beyond radius + tolerance
        String road = "dynamic({\"type\":\"LineString\",\"coordinates\":[[-73.97,40.76],[-73.99,40.73],[-74.0,40.735]]})";
        Table lb = run("let b = geo_line_buffer(" + road + ", 500, 1);"
                + " range i from 0 to 199 step 1 | extend f = i / 200.0, side = iff(i % 2 == 0, 1.0, -1.0)"
                + " | extend p = geo_line_interpolate_point(" + road + ", f)"
                + " | extend lng = todouble(p.coordinates[0]), lat = todouble(p.coordinates[1])"
                + " | extend near = geo_point_in_polygon(lng, lat + side * 0.0044, b), far = geo_point_in_polygon(lng, lat + side * 0.0050, b),"
                + " dNear = geo_distance_point_to_line(lng, lat + side * 0.0044, " + road + "), dFar = geo_distance_point_to_line(lng, lat + side * 0.0050, " + road + ")"
                + " | summarize wrongInside = countif(dNear <= 500 and not(near)), wrongOutside = countif(dFar > 501 and far)");
        assertEquals(List.of(List.of("0", "0")), rows(lb));
        String square = "dynamic({\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0.01,0],[0.01,0.01],[0,0.01],[0,0]]]})";
        assertEquals("true", scalar("geo_point_in_polygon(0.005, 0.005, geo_polygon_buffer(" + square + ", 100, 1))"));
        assertEquals("true", scalar("geo_point_in_polygon(0.005, 0.0108, geo_polygon_buffer(" + square + ", 100, 1))"));
        assertEquals("false", scalar("geo_point_in_polygon(0.005, 0.0111, geo_polygon_buffer(" + square + ", 100, 1))"));
        assertEquals("true", scalar("isnull(geo_line_buffer(" + road + ", 0))"));
        String arr = "pack_array(" + PARK + ")";
        assertEquals("true", scalar("isnull(geo_simplify_polygons_array(" + arr + ", 10000))"));
        assertEquals("true", scalar("isnull(geo_simplify_polygons_array(" + arr + ", -1))"));
        assertTrue(fail("print geo_simplify_polygons_array(" + arr + ", 1)").message().contains("geo_simplify_polygons_array"));
    }
}

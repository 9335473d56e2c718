package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.eval.EngineTestSupport.NOW;
import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Series analysis (series-fit-line, series-stats, series-outliers, series-decompose(-anomalies), series-fill-*):
 * expected values computed by hand from the documented definitions, and Kusto's own published outputs where they exist.
 */
class SeriesAnalysisSemanticsTest {

    private static final double EPS = 1e-9;
    private static final KqlEngine ENGINE = new KqlEngine(Catalog.builtIn());

    private static Object cell(Table t, String column) {
        int i = t.columnIndex(column);
        assertTrue(i >= 0, "no column " + column + " in " + names(t));
        return t.value(0, i);
    }

    private static double[] doubles(Table t, String column) {
        JsonNode a = (JsonNode) cell(t, column);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).doubleValue();
        return out;
    }

    private static EvalResult.Failed failure(String query, EvalContext cx) {
        return assertInstanceOf(EvalResult.Failed.class, ENGINE.run(query, Map.of(), cx));
    }

    private static Table pinned(String query, int seasonality) {
        EvalResult r = ENGINE.run(query, Map.of(), EvalContext.at(NOW).withSeasonality(seasonality));
        if (r instanceof EvalResult.Failed f) throw new AssertionError(f.code() + ": " + f.message());
        return ((EvalResult.Ok) r).table();
    }

    @Test
    void fitLineOfAnExactLine() {
        // y = 2x + 1 at x = 1..5: slope 2, interception 1, r² 1, residual variance 0, sample variance of 3,5,7,9,11 = 40/4
        Table t = run("print y = dynamic([3, 5, 7, 9, 11]) | extend (RSquare, Slope, Variance, RVariance, Interception, LineFit) = series_fit_line(y)");
        assertEquals(List.of("y", "RSquare", "Slope", "Variance", "RVariance", "Interception", "LineFit"), names(t));
        assertEquals(1.0, (Double) cell(t, "RSquare"), EPS);
        assertEquals(2.0, (Double) cell(t, "Slope"), EPS);
        assertEquals(10.0, (Double) cell(t, "Variance"), EPS);
        assertEquals(0.0, (Double) cell(t, "RVariance"), EPS);
        assertEquals(1.0, (Double) cell(t, "Interception"), EPS);
        assertArrayEquals(new double[] {3, 5, 7, 9, 11}, doubles(t, "LineFit"), EPS);
    }

    @Test
    void fitLineAgreesWithTheDocumentedExample() {
        // the page prints 3 decimals, truncated (0.98290 → 0.982, 2.73077 → 2.730)
        Table t = run("print y = dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30]) | extend series_fit_line(y)");
        assertEquals(0.982, (Double) cell(t, "series_fit_line_y_rsquare"), 1e-3); // the page truncates 0.98290
        assertEquals(2.730, (Double) cell(t, "series_fit_line_y_slope"), 1e-3);
        assertEquals(98.628, (Double) cell(t, "series_fit_line_y_variance"), 1e-3);
        assertEquals(1.686, (Double) cell(t, "series_fit_line_y_rvariance"), 1e-3);
        assertEquals(-1.666, (Double) cell(t, "series_fit_line_y_interception"), 1e-3);
        assertEquals(1.064, doubles(t, "series_fit_line_y_line_fit")[0], 1e-3);
        assertEquals(31.102, doubles(t, "series_fit_line_y_line_fit")[11], 1e-3);
    }

    @Test
    void fewerNamesKeepFewerColumnsAndTooManyIsABindError() {
        Table t = run("print y = dynamic([3, 5, 7]) | extend (r2, slope) = series_fit_line(y)");
        assertEquals(List.of("y", "r2", "slope"), names(t));
        assertEquals("EVAL-bind", EngineTestSupport.fail("print y = dynamic([3, 5]) | extend (a, b, c, d, e, f, g) = series_fit_line(y)").code());
        EvalResult.Failed inside = EngineTestSupport.fail("print y = dynamic([3, 5]) | extend s = series_fit_line(y)");
        assertEquals("EVAL-unsupported", inside.code());
        assertTrue(inside.message().contains("several columns"), inside.message());
    }

    @Test
    void statsAsDocumentedInProject() {
        Table t = run("print x = dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]) | project series_stats(x)");
        assertEquals(List.of("series_stats_x_min", "series_stats_x_min_idx", "series_stats_x_max", "series_stats_x_max_idx",
                "series_stats_x_avg", "series_stats_x_stdev", "series_stats_x_variance"), names(t));
        assertEquals(2.0, (Double) cell(t, "series_stats_x_min"), EPS);
        assertEquals(8L, cell(t, "series_stats_x_min_idx"));
        assertEquals(87.0, (Double) cell(t, "series_stats_x_max"), EPS);
        assertEquals(3L, cell(t, "series_stats_x_max_idx"));
        assertEquals(32.8, (Double) cell(t, "series_stats_x_avg"), EPS);
        assertEquals(28.5036338535483, (Double) cell(t, "series_stats_x_stdev"), 1e-12);
        assertEquals(812.457142857143, (Double) cell(t, "series_stats_x_variance"), 1e-9);
    }

    @Test
    void statsOfNullsAreNullUnlessIgnored() {
        Table t = run("print x = dynamic([4, null, 2]) | extend (mn, mni) = series_stats(x), (mn2, mni2) = series_stats(x, true)");
        assertNull(cell(t, "mn"));
        assertEquals(2.0, (Double) cell(t, "mn2"), EPS);
        assertEquals(2L, cell(t, "mni2"));
    }

    @Test
    void ctukeyReproducesKustosPublishedScores() {
        // Kusto's own output for this series, published by its maintainers: 10th/90th percentiles by linear interpolation
        // (2.7 and 11), score = distance beyond the range / range, scaled onto the 25th-75th Tukey scale.
        Table t = run("print s = dynamic([-3, 2.4, 15, 3.9, 5, 6, 4.5, 5.2, 3, 4, 5, 16, 7, 5, 5, 4]) | extend o = series_outliers(s)");
        assertArrayEquals(new double[] {-1.9040785483608571, -0.10021466044004519, 1.3361954725339347, 0, 0, 0, 0, 0, 0, 0, 0,
                1.6702443406674186, 0, 0, 0, 0}, doubles(t, "o"), 1e-12);
    }

    @Test
    void tukeyUsesTheQuartilesUnscaled() {
        // sorted: -3 2.4 3 3.9 4 4 4.5 5 5 5 5 5.2 6 7 15 16; P25 at rank 3.75 = 3.975, P75 at rank 11.25 = 5.4, range 1.425
        Table t = run("print s = dynamic([-3, 2.4, 15, 3.9, 5, 6, 4.5, 5.2, 3, 4, 5, 16, 7, 5, 5, 4]) | extend o = series_outliers(s, 'tukey')");
        double[] o = doubles(t, "o");
        assertEquals((-3 - 3.975) / 1.425, o[0], EPS);
        assertEquals((15 - 5.4) / 1.425, o[2], EPS);
        assertEquals((16 - 5.4) / 1.425, o[11], EPS);
        assertEquals((7 - 5.4) / 1.425, o[12], EPS);
        assertEquals(0.0, o[6], EPS);
    }

    @Test
    void outlierScoresOfNullsAreZeroAndUndocumentedCasesAreRefused() {
        Table t = run("print s = dynamic([null, null]) | extend o = series_outliers(s)");
        assertArrayEquals(new double[] {0, 0}, doubles(t, "o"), EPS);
        assertEquals("EVAL-unsupported", EngineTestSupport.fail("print s = dynamic([1, 1, 1, 1, 9]) | extend o = series_outliers(s, 'tukey')").code());
        assertEquals("EVAL-unsupported", EngineTestSupport.fail("print s = dynamic([1, 2, 3]) | extend o = series_outliers(s, 'ctukey', double(null), 5, 95)").code());
    }

    @Test
    void decompositionWithAnExplicitPeriod() {
        // period 2: phase medians 2 (of 1,2,3) and 6 (of 5,6,7); no trend: baseline = seasonal, residual = x - baseline
        Table t = run("print x = dynamic([1, 5, 2, 6, 3, 7]) | extend (baseline, seasonal, trend, residual) = series_decompose(x, 2, 'none')");
        assertArrayEquals(new double[] {2, 6, 2, 6, 2, 6}, doubles(t, "seasonal"), EPS);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0}, doubles(t, "trend"), EPS);
        assertArrayEquals(new double[] {2, 6, 2, 6, 2, 6}, doubles(t, "baseline"), EPS);
        assertArrayEquals(new double[] {-1, -1, 0, 0, 1, 1}, doubles(t, "residual"), EPS);
        // linefit of the deseasonalised -1,-1,0,0,1,1 at x = 1..6: slope 8/17.5, interception -1.6
        Table l = run("print x = dynamic([1, 5, 2, 6, 3, 7]) | extend series_decompose(x, 2, 'linefit')");
        double slope = 8 / 17.5;
        double[] trend = doubles(l, "series_decompose_x_trend");
        for (int i = 0; i < 6; i++) assertEquals(slope * (i + 1) - 1.6, trend[i], EPS);
        double[] baseline = doubles(l, "series_decompose_x_baseline");
        assertEquals(2 + slope - 1.6, baseline[0], EPS);
        // avg: the deseasonalised series averages 0, so the baseline is the seasonal component
        Table a = run("print x = dynamic([1, 5, 2, 6, 3, 7]) | extend (b, s, tr) = series_decompose(x, 2)");
        assertArrayEquals(new double[] {2, 6, 2, 6, 2, 6}, doubles(a, "b"), EPS);
    }

    private static final String SPIKE = "dynamic([10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 50, 11, 10, 12, 11, -30, 11, 12, 10, 11])";

    @Test
    void anInjectedSpikeAndDipAreFlaggedWithTheirSign() {
        Table t = run("print x = " + SPIKE + " | extend (flag, score, baseline) = series_decompose_anomalies(x, 1.5, 0, 'avg', 0, 'tukey')");
        // no period, trend avg: baseline = the mean 216/20; residuals x - mean, so the quartiles are those of x minus the mean.
        // sorted x: -30, six 10s, eight 11s, four 12s, 50. P25 at rank 0.25*19 = 4.75: 10; P75 at rank 14.25: 11 + 0.25 = 11.25
        double mean = 216 / 20.0;
        double q1 = 10 - mean, q3 = 11.25 - mean;
        double[] flag = doubles(t, "flag"), score = doubles(t, "score");
        assertEquals(1.0, flag[10]);
        assertEquals(-1.0, flag[15]);
        assertEquals(((50 - mean) - q3) / (q3 - q1), score[10], EPS);
        assertEquals(31.0, score[10], EPS);
        assertEquals(((-30 - mean) - q1) / (q3 - q1), score[15], EPS);
        assertEquals(-32.0, score[15], EPS);
        assertEquals(0.6, score[3], EPS); // 12 is above P75 but inside the fence
        assertTrue(score[10] > 1.5 && score[15] < -1.5);
        for (int i = 0; i < 20; i++) if (i != 10 && i != 15) assertEquals(0.0, flag[i], "index " + i);
        assertEquals(mean, doubles(t, "baseline")[0], EPS);
        // the threshold is Tukey's k: above both scores' size nothing is flagged, between them only the dip
        Table high = run("print x = " + SPIKE + " | extend (flag, score) = series_decompose_anomalies(x, 35, 0, 'avg', 0, 'tukey')");
        assertArrayEquals(new double[20], doubles(high, "flag"), EPS);
        Table mid = run("print x = " + SPIKE + " | extend (flag, score) = series_decompose_anomalies(x, 31.5, 0, 'avg', 0, 'tukey')");
        assertEquals(0.0, doubles(mid, "flag")[10]);
        assertEquals(-1.0, doubles(mid, "flag")[15]);
    }

    @Test
    void ctukeyAndTukeyDifferOnTheSameResiduals() {
        // 10th/90th percentiles are wider than the quartiles: 10 (rank 1.9 of sorted x) and 12 (rank 17.1)
        Table t = run("print x = " + SPIKE + " | extend (f1, s1) = series_decompose_anomalies(x, 1.5, 0, 'avg', 0, 'tukey'),"
                + " (f2, s2) = series_decompose_anomalies(x, 1.5, 0, 'avg', 0, 'ctukey'), (f3, s3) = series_decompose_anomalies(x, 1.5, 0, 'avg')");
        assertEquals((50 - 12) / 2.0 * SeriesMath.CTUKEY_10_90_FACTOR, doubles(t, "s2")[10], EPS);
        assertEquals((50 - 11.25) / 1.25, doubles(t, "s1")[10], EPS);
        assertEquals(0.0, doubles(t, "s2")[3], EPS); // 12 is inside the 10th-90th range
        assertArrayEquals(doubles(t, "s2"), doubles(t, "s3"), EPS, "ctukey is the default");
    }

    @Test
    void autodetectWithoutAPinIsUnsupportedAtTheSeasonalityArgument() {
        String q = "print x = " + SPIKE + " | extend (a, s, b) = series_decompose_anomalies(x, 2.5, -1, 'linefit')";
        EvalResult.Failed f = failure(q, EvalContext.at(NOW));
        assertEquals("EVAL-unsupported", f.code());
        assertEquals(q.indexOf("-1"), f.offset());
        assertTrue(f.message().contains("series_periods_detect") && f.message().contains("\"seasonality\": N"), f.message());
        // the default seasonality is -1 too; the failure then points at the call
        String d = "print x = " + SPIKE + " | extend series_decompose(x)";
        assertEquals(d.indexOf("series_decompose("), failure(d, EvalContext.at(NOW)).offset());
    }

    @Test
    void aPinnedSeasonalityReplacesAutodetection() {
        String q = "print x = " + SPIKE + " | extend (flag, score, baseline) = series_decompose_anomalies(x, 1.5, -1, 'avg', 0, 'tukey')";
        Table pinned = pinned(q, 0);
        Table explicit = run("print x = " + SPIKE + " | extend (flag, score, baseline) = series_decompose_anomalies(x, 1.5, 0, 'avg', 0, 'tukey')");
        assertArrayEquals(doubles(explicit, "score"), doubles(pinned, "score"), EPS);
        // an explicit period in the query wins over the pin
        Table p2 = pinned("print x = dynamic([1, 5, 2, 6, 3, 7]) | extend (b, s) = series_decompose(x, 2, 'none')", 3);
        assertArrayEquals(new double[] {2, 6, 2, 6, 2, 6}, doubles(p2, "s"), EPS);
    }

    @Test
    void emptyInputNeverNeedsThePin() {
        // make-series over no rows gives no rows: the function is never evaluated
        Table none = run("datatable(t: datetime, n: long) [] | make-series c = count() on t from datetime(2024-01-01) to datetime(2024-01-02) step 1h"
                + " | extend (anomalies, score, baseline) = series_decompose_anomalies(c, 1.5, -1, 'linefit')");
        assertEquals(0, none.rowCount());
        assertEquals(List.of("c", "t", "anomalies", "score", "baseline"), names(none));
        Table empty = run("print x = dynamic([]) | extend (a, s, b) = series_decompose_anomalies(x, 1.5, -1, 'linefit')");
        assertEquals(0, ((JsonNode) cell(empty, "a")).size());
    }

    @Test
    void missingValuesInADecompositionAreRefused() {
        EvalResult.Failed f = EngineTestSupport.fail("print x = dynamic([null, null, null]) | extend (a, s, b) = series_decompose_anomalies(x, 1.5, 0)");
        assertEquals("EVAL-unsupported", f.code());
        assertTrue(f.message().contains("element 0"), f.message());
        EvalResult.Failed p = EngineTestSupport.fail("print x = dynamic([1, 2, 3]) | extend (a, s, b) = series_decompose(x, 5)");
        assertEquals("EVAL-unsupported", p.code());
    }

    @Test
    void fillFunctionsAsDocumented() {
        Table t = run("print a = dynamic([null, 111.0, null, 36.0, 41.0, null, null, 16.0, 61.0, 33.0, null, null]),"
                + " b = dynamic([null, 111, null, 36, 41, null, null, 16, 61, 33, null, null])"
                + " | extend l = series_fill_linear(a), li = series_fill_linear(b), le = series_fill_linear(b, double(null), false),"
                + " f = series_fill_forward(b), bw = series_fill_backward(b), c = series_fill_const(b, -1), n = series_fill_linear(dynamic([null, null]))");
        assertEquals("[111.0,111.0,73.5,36.0,41.0,32.666666666666664,24.333333333333332,16.0,61.0,33.0,33.0,33.0]", cell(t, "l").toString());
        assertEquals("[111,111,73,36,41,32,24,16,61,33,33,33]", cell(t, "li").toString());
        assertEquals("[null,111,73,36,41,32,24,16,61,33,null,null]", cell(t, "le").toString());
        assertEquals("[null,111,111,36,41,41,41,16,61,33,33,33]", cell(t, "f").toString());
        assertEquals("[111,111,36,36,41,16,16,16,61,33,null,null]", cell(t, "bw").toString());
        assertEquals("[-1,111,-1,36,41,-1,-1,16,61,33,-1,-1]", cell(t, "c").toString());
        assertEquals("[0.0,0.0]", cell(t, "n").toString());
    }

    @Test
    void kqlRunInputPinsTheSeasonality() throws Exception {
        String query = "print x = " + SPIKE + " | extend (flag, score, baseline) = series_decompose_anomalies(x, 1.5, -1, 'avg', 0, 'tukey') | project f = flag[10]";
        String in = "{\"id\":1,\"now\":\"2024-01-01T00:00:00Z\",\"seasonality\":0,\"query\":" + Values.JSON.stringNode(query) + "}\n"
                + "{\"id\":2,\"query\":" + Values.JSON.stringNode(query) + "}\n"
                + "{\"id\":3,\"seasonality\":-2,\"query\":\"print 1\"}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesRunner(Catalog.builtIn()).run(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].contains("\"rows\":[[1]]") && lines[0].contains("\"error\":null"), lines[0]);
        assertTrue(lines[1].contains("EVAL-unsupported") && lines[1].contains("seasonality"), lines[1]);
        assertTrue(lines[2].contains("EVAL-input") && lines[2].contains("seasonality"), lines[2]);
    }

    @Test
    void projectNamesTheFirstColumnsAndKeepsTheRestExtendKeepsOnlyTheNamed() {
        Table p = run("print y = dynamic([3, 5, 8]) | project (r2, slope) = series_fit_line(y)");
        assertEquals(List.of("r2", "slope", "series_fit_line_y_variance", "series_fit_line_y_rvariance", "series_fit_line_y_interception",
                "series_fit_line_y_line_fit"), names(p));
        Table e = run("print y = dynamic([3, 5, 8]) | extend (r2, slope) = series_fit_line(y)");
        assertEquals(List.of("y", "r2", "slope"), names(e));
    }

    @Test
    void iirAndFirAsTheirDifferenceEquations() {
        // the iir page's cumulative sum (numerators [1], denominators [1, -1]) and the fir page's difference filter [1, -1]
        Table t = run("print x = dynamic([1.0, 2.0, 3.0, 4.0]), v = dynamic([0, 0, 2, 2, 3]) | extend c = series_iir(x, dynamic([1]), dynamic([1, -1])),"
                + " d = series_fir(v, dynamic([1, -1]), false, false), m = series_fir(v, dynamic([1, 1])), neg = series_fir(v, dynamic([1, -1]), true)");
        assertArrayEquals(new double[] {1, 3, 6, 10}, doubles(t, "c"), EPS);
        assertArrayEquals(new double[] {0, 0, 2, 0, 1}, doubles(t, "d"), EPS);
        assertArrayEquals(new double[] {0, 0, 1, 2, 2.5}, doubles(t, "m"), EPS); // normalized moving average of 2, zero before the start
        assertNull(cell(t, "neg"), "normalize with a negative coefficient is null, as documented");
        assertEquals("EVAL-unsupported", EngineTestSupport.fail("print v = dynamic([1, 2, 3]) | extend m = series_fir(v, dynamic([1, 1, 1]), true, true)").code());
    }

    @Test
    void pearsonCorrelation() {
        Table t = run("print a = dynamic([1, 2, 3, 4, 5]), b = dynamic([2, 4, 6, 8, 10]), c = dynamic([5, 4, 3, 2, 1]), d = dynamic([1, 2])"
                + " | extend ab = series_pearson_correlation(a, b), ac = series_pearson_correlation(a, c), ad = series_pearson_correlation(a, d)");
        assertEquals(1.0, (Double) cell(t, "ab"), EPS);
        assertEquals(-1.0, (Double) cell(t, "ac"), EPS);
        assertNull(cell(t, "ad"), "arrays of different sizes give null");
    }

    @Test
    void forecastIsTheBaselineOfTheLearningPoints() {
        // learn 1, 2, 3, 4 (line y = x over x = 1..4), forecast the two trailing slots: 5, 6
        Table t = run("print x = dynamic([1, 2, 3, 4, 0, 0]) | extend f = series_decompose_forecast(x, 2, 0, 'linefit')");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, doubles(t, "f"), EPS);
        assertEquals("EVAL-unsupported", EngineTestSupport.fail("print x = dynamic([1, 2, 3, 4, 0, 0]) | extend f = series_decompose_forecast(x, 2)").code());
    }

    @Test
    void seasonalIsThePerPhaseMedianAsTheDocumentedExamplesShow() {
        // series-seasonal-function.md "Force a period": medians 1, 3, 5 of (1, 1, 2), (3, 3, 4), (5, 5, 6); an even count
        // of points per phase takes the mean of the middle two: 1.5, 3.5, 5.5
        Table t = run("print a = dynamic([1, 3, 5, 1, 3, 5, 2, 4, 6]), b = dynamic([1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6])"
                + " | extend sa = series_seasonal(a, 3), sb = series_seasonal(b, 3), z = series_seasonal(a, 0)");
        assertArrayEquals(new double[] {1, 3, 5, 1, 3, 5, 1, 3, 5}, doubles(t, "sa"), EPS);
        assertArrayEquals(new double[] {1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5}, doubles(t, "sb"), EPS);
        assertArrayEquals(new double[9], doubles(t, "z"), EPS);
        assertEquals("EVAL-unsupported", EngineTestSupport.fail("print a = dynamic([1, 3, 5, 1]) | extend s = series_seasonal(a)").code());
    }

    @Test
    void vectorFunctionsAsTheirPagesShow() {
        Table t = run("print s1 = dynamic([1, 2, 4]), s2 = dynamic([4, 2, 1]), c1 = dynamic([0.1, 0.2, 0.1, 0.2]), c2 = dynamic([1, 2, 3, 4])"
                + " | extend d = series_dot_product(s1, s2), ds = series_dot_product(s1, 1), dt = series_dot_product(s1, dynamic([1, 'x'])),"
                + " cs = series_cosine_similarity(c1, c2), m = series_magnitude(c2), e = series_dot_product(dynamic([]), s1)");
        assertEquals(12.0, (Double) cell(t, "d"), EPS);
        assertEquals(7.0, (Double) cell(t, "ds"), EPS);
        assertEquals(1.0, (Double) cell(t, "dt"), EPS); // cut to the shorter, the non-numeric element ignored
        assertEquals(0.923760430703401, (Double) cell(t, "cs"), 1e-12);
        assertEquals(5.4772255750516612, (Double) cell(t, "m"), 1e-12);
        assertNull(cell(t, "e"));
    }

    @Test
    void dynamicVariantsReturnOneBag() {
        Table t = run("print y = dynamic([3, 5, 7, 9, 11]) | extend f = series_fit_line_dynamic(y), s = series_stats_dynamic(y)");
        JsonNode f = (JsonNode) cell(t, "f"), s = (JsonNode) cell(t, "s");
        assertEquals(2.0, f.get("slope").doubleValue(), EPS);
        assertEquals(1.0, f.get("interception").doubleValue(), EPS);
        assertEquals(5, f.get("line_fit").size());
        assertEquals(3.0, s.get("min").doubleValue(), EPS);
        assertEquals(4, s.get("max_idx").intValue());
        assertEquals(10.0, s.get("variance").doubleValue(), EPS);
    }
}

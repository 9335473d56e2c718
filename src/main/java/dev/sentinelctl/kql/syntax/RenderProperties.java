package dev.sentinelctl.kql.syntax;

import java.util.List;
import java.util.Map;

/**
 * What {@code render} accepts, as data: chart types and the {@code with (...)} properties with the kind of value
 * each takes (Kusto.Language's render parameter table; {@code ../shared/reference/kusto-builtins.json}, facts
 * {@code ChartTypes} and {@code queryOperatorParameters.RenderWithProperties}). The parser needs the value kinds
 * (a column list runs on over commas); the binder checks the values. Names are case-sensitive, as in Kusto.
 */
public final class RenderProperties {

    /** How a property's value is written. */
    public enum ValueKind {
        /** One of a fixed set of words: {@code kind=stacked}. */
        WORD,
        /** A string-valued expression: {@code title="Sign-ins"}. */
        STRING,
        /** {@code true} or {@code false}. */
        BOOL_LITERAL,
        /** A (signed) number: {@code ymin=0}. */
        REAL_LITERAL,
        /** Any scalar literal: {@code xmin=datetime(2024-01-01)}. */
        SCALAR_LITERAL,
        /** One column of the rendered rows. */
        COLUMN,
        /** Columns separated by commas: {@code ycolumns=a, b}. */
        COLUMN_LIST
    }

    /** Every chart type Kusto knows (hidden ones included: it accepts them). */
    public static final List<String> CHART_TYPES = List.of("table", "list", "barchart", "piechart", "ladderchart",
            "timechart", "linechart", "anomalychart", "pivotchart", "areachart", "stackedareachart", "scatterchart",
            "timepivot", "columnchart", "timeline", "3Dchart", "card", "treemap", "plotly", "graph", "sankey");

    private static final Map<String, ValueKind> KINDS = Map.ofEntries(
            Map.entry("kind", ValueKind.WORD), Map.entry("title", ValueKind.STRING),
            Map.entry("accumulate", ValueKind.BOOL_LITERAL), Map.entry("xcolumn", ValueKind.COLUMN),
            Map.entry("ycolumns", ValueKind.COLUMN_LIST), Map.entry("anomalycolumns", ValueKind.COLUMN_LIST),
            Map.entry("series", ValueKind.COLUMN_LIST), Map.entry("xtitle", ValueKind.STRING),
            Map.entry("ytitle", ValueKind.STRING), Map.entry("xaxis", ValueKind.WORD), Map.entry("yaxis", ValueKind.WORD),
            Map.entry("legend", ValueKind.WORD), Map.entry("ysplit", ValueKind.WORD),
            Map.entry("ymin", ValueKind.REAL_LITERAL), Map.entry("ymax", ValueKind.REAL_LITERAL),
            Map.entry("xmin", ValueKind.SCALAR_LITERAL), Map.entry("xmax", ValueKind.SCALAR_LITERAL));

    private static final Map<String, List<String>> WORDS = Map.of(
            "kind", List.of("default", "unstacked", "stacked", "stacked100", "map"),
            "xaxis", List.of("linear", "log"),
            "yaxis", List.of("linear", "log"),
            "legend", List.of("visible", "hidden"),
            "ysplit", List.of("none", "axes", "panels"));

    private RenderProperties() {
    }

    /** The value kind of a {@code with (...)} property, or null when Kusto knows no such property. */
    public static ValueKind kindOf(String property) {
        return KINDS.get(property);
    }

    /** The words a {@link ValueKind#WORD} property accepts (empty for other properties). */
    public static List<String> wordsOf(String property) {
        return WORDS.getOrDefault(property, List.of());
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.RenderProperties;
import dev.sentinelctl.kql.syntax.RenderProperties.ValueKind;
import dev.sentinelctl.kql.syntax.Token;

import java.util.List;

/**
 * Checks a {@code render}: the chart type, each property's value against its kind (Kusto's KS005, KS141,
 * KS223, KS224) and the columns it names against the rendered rows (KS142). Render passes its rows on unchanged.
 */
final class RenderBinder {

    /** The chart types Kusto lists when one is misspelt (it accepts the hidden ones too). */
    private static final List<String> VISIBLE_CHARTS = RenderProperties.CHART_TYPES.stream()
            .filter(t -> !t.equals("3Dchart") && !t.equals("graph") && !t.equals("sankey")).toList();

    private final TreeBinder tb;

    RenderBinder(TreeBinder tb) {
        this.tb = tb;
    }

    void check(QueryOperator.Render r, TreeBinder.Ctx c) {
        Token chart = r.chart().firstToken();
        if (chart != null && !chart.missing() && !RenderProperties.CHART_TYPES.contains(chart.text())) {
            tb.diags.error("KS005", r.chart(), "Expected one of: " + String.join(", ", VISIBLE_CHARTS),
                    "Use a chart type Kusto knows (names are case-sensitive): timechart, columnchart, barchart,"
                            + " piechart, table ...");
        }
        for (Clause.OperatorParam p : r.parameters()) {
            checkValue(p.parameterName(), RenderProperties.kindOf(p.parameterName()), p.value(), c);
        }
        if (r.with() != null) {
            for (Expr item : r.with().properties().items()) {
                if (item instanceof Expr.Named n && n.target() instanceof Name name) {
                    checkValue(name.simpleName(), RenderProperties.kindOf(name.simpleName()), n.value(), c);
                } else if (!(item instanceof Expr.Missing)) {
                    tb.bind(item, c); // a further column of a column list, or the older `with "title"`
                }
            }
        }
        if (r.by() != null) {
            for (Expr e : r.by().expressions().items()) tb.bind(e, c);
        }
    }

    private void checkValue(String property, ValueKind kind, Expr value, TreeBinder.Ctx c) {
        if (kind == null || value == null || value instanceof Expr.Missing) return;
        switch (kind) {
            case WORD -> {
                List<String> words = RenderProperties.wordsOf(property);
                String word = value instanceof Expr.NameRef n ? n.simpleName() : null;
                if (!words.contains(word)) {
                    tb.diags.error("KS005", value, "Expected one of: " + String.join(", ", words),
                            "Write " + property + "=" + words.get(0) + " (values are case-sensitive).");
                }
            }
            case STRING -> {
                Value v = tb.bind(value, c);
                if (!v.isTabular() && v.type() instanceof ScalarType s && s != ScalarType.STRING && s != ScalarType.DYNAMIC) {
                    tb.diags.error("KS141", value, "The expression must have one of the types: string or dynamic.",
                            "Quote the text: " + property + "=\"...\".");
                }
            }
            case BOOL_LITERAL -> {
                if (!(value instanceof Expr.Literal l && l.kind() == LiteralKind.BOOL)) {
                    tb.diags.error("KS223", value, "Boolean literal expected.", "Write " + property + "=true or false.");
                }
            }
            case REAL_LITERAL -> {
                if (!isNumberLiteral(value)) {
                    tb.diags.error("KS224", value, "Summable literal expected.", "Write a number: " + property + "=0.");
                }
            }
            case SCALAR_LITERAL, COLUMN, COLUMN_LIST -> tb.bind(value, c);
        }
    }

    private static boolean isNumberLiteral(Expr e) {
        Expr x = e instanceof Expr.Unary u ? u.operand() : e;
        return x instanceof Expr.Literal l && (l.kind() == LiteralKind.LONG || l.kind() == LiteralKind.INT
                || l.kind() == LiteralKind.REAL || l.kind() == LiteralKind.DECIMAL);
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Values as the Log Analytics query API returns them: datetime ISO-8601 with 7 fractional digits and Z,
 * timespan {@code [-][d.]hh:mm:ss[.fffffff]}, guid as its string, dynamic as JSON, numbers and bools as JSON.
 */
public final class ValueFormat {

    private ValueFormat() {
    }

    /** The cell as a JSON value (what a JSON Lines or query API response holds). */
    public static JsonNode json(Table table, int row, int column) {
        ScalarType t = table.type(column);
        Object v = table.vec(column).get(row);
        if (v == null) return Values.JSON.nullNode();
        return switch (t) {
            case BOOL -> Values.JSON.booleanNode((Boolean) v);
            case INT, LONG -> Values.JSON.numberNode((Long) v);
            case REAL -> {
                double d = (Double) v;
                yield Double.isFinite(d) ? Values.JSON.numberNode(d) : Values.JSON.stringNode(Values.formatReal(d));
            }
            case DECIMAL -> Values.JSON.numberNode((BigDecimal) v);
            case DYNAMIC -> (JsonNode) v;
            default -> Values.JSON.stringNode(Values.toStr(t, v));
        };
    }

    /**
     * The cell as text: as Kusto's {@code tostring} prints it ("" for null), except bools, which read
     * {@code true}/{@code false} as the query API prints them (tostring gives {@code True}/{@code False}).
     */
    public static String text(Table table, int row, int column) {
        Object v = table.vec(column).get(row);
        if (v instanceof Boolean b) return b ? "true" : "false";
        return Values.toStr(table.type(column), v);
    }

    /** A public Java value (see {@link Table}) as text. */
    public static String text(Object publicValue) {
        if (publicValue == null) return "";
        if (publicValue instanceof Instant i) return Values.formatDatetime(Values.ticks(i));
        if (publicValue instanceof Duration d) return Values.formatTimespan(Values.ticks(d));
        if (publicValue instanceof Double d) return Values.formatReal(d);
        if (publicValue instanceof Boolean b) return b ? "true" : "false";
        return publicValue.toString();
    }
}

package dev.sentinelctl.testing.realengine;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.testing.FixtureTable;
import dev.sentinelctl.testing.FixtureValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The primary result table of a query API answer, typed by its columns, in the Java values expectations read
 * (see {@link FixtureValues}): Log Analytics ({@code tables[0].columns[{name,type}]/rows}) and Azure Data Explorer
 * v1 ({@code Tables[0].Columns[{ColumnName,ColumnType}]/Rows}). A value that does not fit its column's type is an
 * error, never a silently different value.
 */
public final class ApiResults {
    private ApiResults() {}

    /** A bad answer: what is wrong with it. */
    public static final class BadAnswer extends Exception {
        public BadAnswer(String message) {
            super(message, null, false, false);
        }
    }

    public static FixtureTable logAnalytics(JsonNode answer) throws BadAnswer {
        JsonNode table = answer.path("tables").path(0);
        if (!table.isObject()) throw new BadAnswer("the answer has no tables[0]");
        return read(table.path("columns"), "name", "type", table.path("rows"));
    }

    public static FixtureTable adxV1(JsonNode answer) throws BadAnswer {
        JsonNode table = answer.path("Tables").path(0);
        if (!table.isObject()) throw new BadAnswer("the answer has no Tables[0]");
        return read(table.path("Columns"), "ColumnName", "ColumnType", table.path("Rows"));
    }

    private static FixtureTable read(JsonNode columnsNode, String nameKey, String typeKey, JsonNode rowsNode) throws BadAnswer {
        List<Column> columns = new ArrayList<>();
        for (JsonNode c : columnsNode) {
            String type = c.path(typeKey).asString("");
            Optional<ScalarType> t = scalar(type);
            if (t.isEmpty()) throw new BadAnswer("column '" + c.path(nameKey).asString("") + "' has a type this tool does not read: '" + type + "'");
            columns.add(new Column(c.path(nameKey).asString(""), t.get(), false));
        }
        FixtureValues values = new FixtureValues(Instant.EPOCH);
        List<Object[]> rows = new ArrayList<>();
        int r = 0;
        for (JsonNode row : rowsNode) {
            if (row.size() != columns.size()) throw new BadAnswer("row " + r + " has " + row.size() + " values for " + columns.size() + " columns");
            Object[] out = new Object[columns.size()];
            for (int c = 0; c < out.length; c++) {
                ScalarType t = (ScalarType) columns.get(c).type();
                JsonNode v = row.get(c);
                try {
                    out[c] = v.isNull() && t != ScalarType.STRING ? null : values.fromNode(v, t);
                } catch (FixtureValues.BadValue e) {
                    throw new BadAnswer("row " + r + ", column '" + columns.get(c).name() + "': " + e.getMessage());
                }
            }
            rows.add(out);
            r++;
        }
        return new FixtureTable("PrimaryResult", columns, rows);
    }

    private static Optional<ScalarType> scalar(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "string" -> Optional.of(ScalarType.STRING);
            case "bool", "boolean", "sbyte" -> Optional.of(ScalarType.BOOL);
            case "int" -> Optional.of(ScalarType.INT);
            case "long" -> Optional.of(ScalarType.LONG);
            case "real", "double" -> Optional.of(ScalarType.REAL);
            case "decimal" -> Optional.of(ScalarType.DECIMAL);
            case "datetime" -> Optional.of(ScalarType.DATETIME);
            case "timespan" -> Optional.of(ScalarType.TIMESPAN);
            case "guid" -> Optional.of(ScalarType.GUID);
            case "dynamic" -> Optional.of(ScalarType.DYNAMIC);
            default -> Optional.empty();
        };
    }
}

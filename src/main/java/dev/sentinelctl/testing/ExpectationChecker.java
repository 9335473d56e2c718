package dev.sentinelctl.testing;

import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * Compares a query's result with a test's expectations. Each failed expectation is one {@link Failure} at the
 * expectation's place in the tests file, saying what was expected and what came back. Rows are compared as a
 * multiset: a query's row order is not part of its meaning unless it sorts, and no expectation depends on order.
 */
public final class ExpectationChecker {
    private static final int SHOWN_ROWS = 3;

    /** One expectation that does not hold. */
    public record Failure(Location location, String message) {}

    /**
     * What the item says about its alerts.
     *
     * @param trigger          when the result raises an alert (analytic rules), or "any row" for hunting queries
     * @param entityColumns    columns named by entity mappings
     * @param customDetails    columns named by custom details
     */
    public record ItemShape(Trigger trigger, List<String> entityColumns, List<String> customDetails) {
        public ItemShape {
            entityColumns = List.copyOf(entityColumns);
            customDetails = List.copyOf(customDetails);
        }
    }

    /** Sentinel's triggerOperator/triggerThreshold over the number of result rows. */
    public record Trigger(String operator, int threshold) {
        public static final Trigger ANY_ROW = new Trigger("gt", 0);

        public boolean fires(int rows) {
            return switch (operator.toLowerCase(java.util.Locale.ROOT)) {
                case "lt", "lessthan" -> rows < threshold;
                case "eq", "equal" -> rows == threshold;
                case "ne", "notequal" -> rows != threshold;
                default -> rows > threshold;
            };
        }

        public String describe() {
            return "result rows " + switch (operator.toLowerCase(java.util.Locale.ROOT)) {
                case "lt", "lessthan" -> "<";
                case "eq", "equal" -> "==";
                case "ne", "notequal" -> "!=";
                default -> ">";
            } + " " + threshold;
        }
    }

    private final YamlDocument document;
    private final FixtureValues values;

    public ExpectationChecker(YamlDocument document, Instant now) {
        this.document = document;
        this.values = new FixtureValues(now);
    }

    public List<Failure> check(Expectations expect, ResultTable result, ItemShape shape) {
        List<Failure> out = new ArrayList<>();
        int n = result.rowCount();
        if (expect.fires().isPresent() && expect.fires().get() != shape.trigger().fires(n)) {
            out.add(new Failure(at(expect.pointer() + "/fires"), (expect.fires().get() ? "expected the query to fire" : "expected no alert")
                    + " (" + shape.trigger().describe() + ") but it returned " + n + " row" + (n == 1 ? "" : "s")
                    + (n > 0 ? ": " + sample(result, allColumns(result)) : "")));
        }
        if (expect.rows().isPresent() && !expect.rows().get().accepts(n)) {
            out.add(new Failure(at(expect.pointer() + "/rows"), "expected " + expect.rows().get().describe() + " rows, got " + n));
        }
        for (String column : expect.columns()) {
            if (result.columnIndex(column) < 0) {
                out.add(new Failure(at(expect.pointer() + "/columns"), "the result has no column '" + column + "' (columns: "
                        + names(result) + ")"));
            }
        }
        for (Expectations.RowPattern p : expect.contains()) {
            String problem = unusable(p, result);
            if (problem != null) {
                out.add(new Failure(at(p.pointer()), problem));
            } else if (matching(p, result) == 0) {
                out.add(new Failure(at(p.pointer()), "no result row has " + describe(p) + (n == 0 ? " (the result is empty)"
                        : "; rows: " + sample(result, p.values().keySet()))));
            }
        }
        for (Expectations.RowPattern p : expect.excludes()) {
            String problem = unusable(p, result);
            if (problem != null) continue; // a column the result lacks cannot hold the value: the row is absent
            int hits = matching(p, result);
            if (hits > 0) {
                out.add(new Failure(at(p.pointer()), hits + " result row" + (hits == 1 ? " has " : "s have ") + describe(p)
                        + ", which must not be present"));
            }
        }
        if (expect.entitiesNonEmpty()) nonEmpty("entity mapping", shape.entityColumns(), result, expect.pointer() + "/entitiesNonEmpty", out);
        if (expect.customDetailsNonEmpty()) nonEmpty("custom detail", shape.customDetails(), result, expect.pointer() + "/customDetailsNonEmpty", out);
        return out;
    }

    private void nonEmpty(String what, List<String> columns, ResultTable result, String pointer, List<Failure> out) {
        if (columns.isEmpty()) {
            out.add(new Failure(at(pointer), "the item has no " + what + " columns to check"));
            return;
        }
        for (String column : new LinkedHashSet<>(columns)) {
            int c = result.columnIndex(column);
            if (c < 0) {
                out.add(new Failure(at(pointer), what + " column '" + column + "' is not in the result (columns: " + names(result) + ")"));
                continue;
            }
            int empty = 0;
            for (int r = 0; r < result.rowCount(); r++) {
                if (isEmpty(result.value(r, c))) empty++;
            }
            if (empty > 0) {
                out.add(new Failure(at(pointer), what + " column '" + column + "' is empty in " + empty + " of " + result.rowCount()
                        + " rows; Sentinel drops an entity or detail without a value"));
            }
        }
    }

    private static boolean isEmpty(Object v) {
        if (v == null) return true;
        if (v instanceof String s) return s.isEmpty();
        if (v instanceof JsonNode j) return j.isNull() || (j.isString() && j.asString().isEmpty()) || (j.isContainer() && j.isEmpty());
        return false;
    }

    /** Why a pattern cannot be compared: a column the result does not have, or a value its column cannot hold. */
    private String unusable(Expectations.RowPattern p, ResultTable result) {
        for (Map.Entry<String, JsonNode> e : p.values().entrySet()) {
            int c = result.columnIndex(e.getKey());
            if (c < 0) return "the result has no column '" + e.getKey() + "' (columns: " + names(result) + ")";
            try {
                values.fromNode(e.getValue(), type(result.columns().get(c)));
            } catch (FixtureValues.BadValue bad) {
                return "column '" + e.getKey() + "' is " + type(result.columns().get(c)).kustoName() + ": " + bad.getMessage();
            }
        }
        return null;
    }

    private int matching(Expectations.RowPattern p, ResultTable result) {
        int[] cols = new int[p.values().size()];
        Object[] want = new Object[cols.length];
        int i = 0;
        for (Map.Entry<String, JsonNode> e : p.values().entrySet()) {
            cols[i] = result.columnIndex(e.getKey());
            try {
                want[i] = values.fromNode(e.getValue(), type(result.columns().get(cols[i])));
            } catch (FixtureValues.BadValue bad) {
                return 0;
            }
            i++;
        }
        int hits = 0;
        for (int r = 0; r < result.rowCount(); r++) {
            boolean all = true;
            for (int k = 0; k < cols.length && all; k++) all = same(want[k], result.value(r, cols[k]));
            if (all) hits++;
        }
        return hits;
    }

    /** Kusto equality for an expected and an actual value of one column type (numbers compared by value). */
    static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return isNullish(expected) && isNullish(actual);
        }
        if (expected instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (actual instanceof JsonNode j && expected instanceof JsonNode e) {
            return j.equals(e) || (e.isString() && j.isString() && j.asString().equals(e.asString()));
        }
        return expected.equals(actual);
    }

    private static boolean isNullish(Object v) {
        return v == null || (v instanceof String s && s.isEmpty());
    }

    private static ScalarType type(Column c) {
        return c.type() instanceof ScalarType s ? s : ScalarType.DYNAMIC;
    }

    private static String describe(Expectations.RowPattern p) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        p.values().forEach((k, v) -> j.add(k + ": " + (v.isString() ? v.asString() : v.toString())));
        return j.toString();
    }

    private static Set<String> allColumns(ResultTable result) {
        Set<String> out = new LinkedHashSet<>();
        for (Column c : result.columns()) {
            out.add(c.name());
            if (out.size() == 6) break;
        }
        return out;
    }

    /** The first rows, showing only the named columns, so a failure shows what came back instead. */
    static String sample(ResultTable result, Set<String> columns) {
        StringJoiner rows = new StringJoiner("; ");
        for (int r = 0; r < Math.min(SHOWN_ROWS, result.rowCount()); r++) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            for (String name : columns) {
                int c = result.columnIndex(name);
                if (c >= 0) j.add(name + ": " + text(result.value(r, c)));
            }
            rows.add(j.toString());
        }
        if (result.rowCount() > SHOWN_ROWS) rows.add("… " + (result.rowCount() - SHOWN_ROWS) + " more");
        return rows.toString();
    }

    static String text(Object v) {
        return v == null ? "null" : dev.sentinelctl.kql.eval.ValueFormat.text(v);
    }

    private static String names(ResultTable result) {
        StringJoiner j = new StringJoiner(", ");
        result.columns().forEach(c -> j.add(c.name()));
        return j.toString();
    }

    private Location at(String pointer) {
        return YamlPositions.at(document, pointer, true);
    }
}

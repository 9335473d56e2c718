package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.UUID;

/** Ordering and equality of internal values of one type (sort, min/max, arg_max, comparisons). */
final class Compare {

    private Compare() {
    }

    /** Total order of non-null values of the same type. */
    @SuppressWarnings("unchecked")
    static int compare(ScalarType t, Object a, Object b) {
        return switch (t) {
            case BOOL -> Boolean.compare((Boolean) a, (Boolean) b);
            case INT, LONG, DATETIME, TIMESPAN -> Long.compare((Long) a, (Long) b);
            case REAL -> Double.compare((Double) a, (Double) b);
            case DECIMAL -> ((BigDecimal) a).compareTo((BigDecimal) b);
            case STRING -> ((String) a).compareTo((String) b);
            case GUID -> a.toString().compareTo(b.toString());
            case DYNAMIC -> {
                JsonNode x = (JsonNode) a, y = (JsonNode) b;
                if (x.isNumber() && y.isNumber()) yield Double.compare(x.doubleValue(), y.doubleValue());
                yield Values.toStr(ScalarType.DYNAMIC, x).compareTo(Values.toStr(ScalarType.DYNAMIC, y));
            }
        };
    }

    /** Nulls first, then by value. */
    static Comparator<Object> nullsFirst(ScalarType t) {
        return (a, b) -> a == null ? (b == null ? 0 : -1) : b == null ? 1 : compare(t, a, b);
    }

    static boolean equal(ScalarType t, Object a, Object b) {
        if (t == ScalarType.DECIMAL) return ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
        if (t == ScalarType.GUID) return ((UUID) a).equals(b);
        return a.equals(b);
    }
}

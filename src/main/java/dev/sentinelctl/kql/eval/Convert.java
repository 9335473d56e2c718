package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/** Kusto's conversion functions ({@code tolong}, {@code todatetime} ...): a failed conversion is null, never an error. */
final class Convert {

    private Convert() {
    }

    static Boolean toBool(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> null;
        };
    }

    static Long parseLong(String s) {
        String t = s.trim();
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            try {
                if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseLong(t.substring(2), 16);
                double d = Double.parseDouble(t);
                return Double.isFinite(d) ? (long) d : null;
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    static Double parseDouble(String s) {
        String t = s.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan": return Double.NaN;
            case "inf", "infinity", "+inf": return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        try {
            if (t.isEmpty() || t.endsWith("d") || t.endsWith("f") || t.endsWith("D") || t.endsWith("F")) return null;
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Converts an internal value of type {@code from} to {@code to}; null when Kusto's conversion gives null. */
    static Object to(ScalarType to, ScalarType from, Object v) {
        if (to == ScalarType.STRING) return Values.toStr(from, v);
        if (v == null) return null;
        if (from == to) return v;
        if (from == ScalarType.DYNAMIC) {
            JsonNode j = (JsonNode) v;
            if (j.isNull() || j.isMissingNode()) return null;
            if (j.isString()) return to(to, ScalarType.STRING, j.stringValue());
            if (j.isBoolean()) return to(to, ScalarType.BOOL, j.booleanValue());
            if (j.isIntegralNumber() && j.canConvertToLong()) return to(to, ScalarType.LONG, j.longValue());
            if (j.isNumber()) return to(to, ScalarType.REAL, j.doubleValue());
            return to == ScalarType.DYNAMIC ? j : null;
        }
        return switch (to) {
            case BOOL -> switch (from) {
                case STRING -> toBool((String) v);
                case INT, LONG -> (Long) v != 0;
                case REAL -> (Double) v != 0;
                case DECIMAL -> ((BigDecimal) v).signum() != 0;
                default -> null;
            };
            case INT -> {
                Object l = to(ScalarType.LONG, from, v);
                yield l == null ? null : (long) (int) (long) (Long) l;
            }
            case LONG -> switch (from) {
                case STRING -> parseLong((String) v);
                case INT, LONG, DATETIME, TIMESPAN -> v;
                case REAL -> Double.isFinite((Double) v) ? (Object) (long) (double) (Double) v : null;
                case DECIMAL -> ((BigDecimal) v).longValue();
                case BOOL -> ((Boolean) v) ? 1L : 0L;
                default -> null;
            };
            case REAL -> switch (from) {
                case STRING -> parseDouble((String) v);
                case INT, LONG, DATETIME, TIMESPAN -> (double) (Long) v;
                case DECIMAL -> ((BigDecimal) v).doubleValue();
                case BOOL -> ((Boolean) v) ? 1.0 : 0.0;
                default -> null;
            };
            case DECIMAL -> switch (from) {
                case STRING -> {
                    try {
                        yield new BigDecimal(((String) v).trim());
                    } catch (NumberFormatException e) {
                        yield null;
                    }
                }
                case INT, LONG -> BigDecimal.valueOf((Long) v);
                case REAL -> Double.isFinite((Double) v) ? BigDecimal.valueOf((Double) v) : null;
                case BOOL -> ((Boolean) v) ? BigDecimal.ONE : BigDecimal.ZERO;
                default -> null;
            };
            case DATETIME -> switch (from) {
                case STRING -> Values.parseDatetime((String) v);
                case INT, LONG -> v; // ticks, as Kusto's todatetime(long) reads them
                default -> null;
            };
            case TIMESPAN -> switch (from) {
                case STRING -> Values.parseTimespan((String) v);
                case INT, LONG -> v; // ticks
                case REAL -> (long) (double) (Double) v;
                default -> null;
            };
            case GUID -> {
                if (from != ScalarType.STRING) yield null;
                String g = ((String) v).trim();
                if (g.matches("[0-9a-fA-F]{32}")) {
                    g = g.substring(0, 8) + "-" + g.substring(8, 12) + "-" + g.substring(12, 16) + "-" + g.substring(16, 20) + "-" + g.substring(20);
                }
                if (!g.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) yield null;
                try {
                    yield UUID.fromString(g);
                } catch (IllegalArgumentException e) {
                    yield null;
                }
            }
            case DYNAMIC -> from == ScalarType.STRING ? Values.parseJsonOrString((String) v) : Values.toJson(from, v);
            case STRING -> Values.toStr(from, v);
        };
    }
}

package dev.sentinelctl.testing.realengine;

import dev.sentinelctl.kql.eval.ValueFormat;
import dev.sentinelctl.kql.semantic.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * KQL literals for the values a fixture holds (the Java types of {@code FixtureValues}), so a real Kusto engine reads
 * back exactly the value our engine was given. Every non-string literal carries its type ({@code long(5)},
 * {@code real(0.5)}), so a column's type never depends on how a number happens to print; null is the typed null
 * ({@code long(null)}), except for strings, which Kusto cannot hold null and store as "".
 */
public final class KqlLiterals {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private KqlLiterals() {}

    public static String literal(ScalarType type, Object value) {
        if (value == null) return type == ScalarType.STRING ? "\"\"" : type.kustoName() + "(null)";
        return switch (type) {
            case STRING -> string(value.toString());
            case BOOL -> "bool(" + value + ")";
            case INT, LONG -> type.kustoName() + "(" + ((Number) value).longValue() + ")";
            case REAL -> real(((Number) value).doubleValue());
            case DECIMAL -> "decimal(" + (value instanceof BigDecimal b ? b.toPlainString() : value.toString()) + ")";
            case DATETIME -> "datetime(" + ValueFormat.text((Instant) value) + ")";
            case TIMESPAN -> "timespan(" + ValueFormat.text((Duration) value) + ")";
            case GUID -> "guid(" + ((UUID) value) + ")";
            case DYNAMIC -> dynamic(value);
        };
    }

    /** A double-quoted string literal: every character that is not plain printable ASCII is escaped. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // control characters and line/paragraph separators would break a line or the lexer
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String real(double d) {
        if (Double.isNaN(d)) return "real(nan)";
        if (Double.isInfinite(d)) return d > 0 ? "real(+inf)" : "real(-inf)";
        // the shortest text that reads back as the same double
        return "real(" + Double.toString(d).replace("E", "e") + ")";
    }

    private static String dynamic(Object value) {
        if (!(value instanceof JsonNode node)) return "dynamic(" + string(value.toString()) + ")";
        if (node.isNull() || node.isMissingNode()) return "dynamic(null)";
        // JSON text is a valid dynamic literal; its strings use JSON escapes, which Kusto's JSON reader takes
        return "dynamic(" + node.toString() + ")";
    }

    /** A name bracket-quoted ({@code ["a b"]}): always valid, also for names that are keywords ({@code where}). */
    public static String quotedName(String name) {
        return "[" + string(name) + "]";
    }

    /** A name for a let statement: bare when it is a plain identifier, else bracket-quoted. */
    public static String letName(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : quotedName(name);
    }
}

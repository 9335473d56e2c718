package dev.sentinelctl.testing;

import dev.sentinelctl.kql.semantic.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns a fixture value (a YAML/JSON node, or the text of a CSV cell) into the Java value the engine holds for a
 * column of a given Kusto type: BOOL Boolean, INT Integer, LONG Long, REAL Double, DECIMAL BigDecimal, STRING
 * String, DATETIME Instant, TIMESPAN Duration, GUID UUID, DYNAMIC JsonNode; null is Kusto's null. A value that does
 * not fit its column is a {@link BadValue}, never a silent null: a fixture that quietly loses a field tests nothing.
 */
public final class FixtureValues {

    /** The value cannot be a value of the column's type; the message says what was expected. */
    public static final class BadValue extends Exception {
        public BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RELATIVE = Pattern.compile("(?i)now\\s*(?:([+-])\\s*(.+))?");
    private static final Pattern SPAN = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(d|h|m|s|ms|microsecond|tick|days?|hours?|minutes?|seconds?)");
    private static final Pattern CLOCK = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?");
    /** What the Log Analytics portal writes into "Export to CSV (displayed columns)": 5/1/2024, 12:00:00.000 PM. */
    private static final DateTimeFormatter PORTAL = DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss[.SSS] a", Locale.US);
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Instant now;

    /** @param now what {@code now} in a relative datetime ({@code now-10m}) means: the test's pinned clock */
    public FixtureValues(Instant now) {
        this.now = now;
    }

    /** The clock relative datetimes count from. */
    public Instant now() {
        return now;
    }

    /** A YAML or JSON value for a column of {@code type}. */
    public Object fromNode(JsonNode node, ScalarType type) throws BadValue {
        if (node == null || node.isNull() || node.isMissingNode()) return type == ScalarType.STRING ? "" : null;
        if (type == ScalarType.DYNAMIC) {
            if (node.isString()) return dynamicFromText(node.asString());
            return node;
        }
        if ((node.isArray() || node.isObject())) {
            throw new BadValue("a " + (node.isArray() ? "list" : "mapping") + " is not a " + type.kustoName() + " value");
        }
        if (node.isBoolean()) {
            if (type == ScalarType.BOOL) return node.asBoolean();
            if (type == ScalarType.STRING) return node.asBoolean() ? "true" : "false";
            throw new BadValue("true/false is not a " + type.kustoName() + " value");
        }
        if (node.isNumber()) {
            return switch (type) {
                case INT -> {
                    if (!node.isIntegralNumber() || !node.canConvertToInt()) throw new BadValue(node + " is not an int (32-bit whole number)");
                    yield node.asInt();
                }
                case LONG -> {
                    if (!node.isIntegralNumber() || !node.canConvertToLong()) throw new BadValue(node + " is not a long (64-bit whole number)");
                    yield node.asLong();
                }
                case REAL -> node.asDouble();
                case DECIMAL -> node.decimalValue();
                case STRING -> node.asString();
                case BOOL -> {
                    if (node.isIntegralNumber() && (node.asLong() == 0 || node.asLong() == 1)) yield node.asLong() == 1;
                    throw new BadValue(node + " is not a bool (true or false)");
                }
                case TIMESPAN -> throw new BadValue(node + " is a number; write a timespan with its unit (10m, 1h, 2d or 00:10:00)");
                default -> throw new BadValue(node + " is a number, not a " + type.kustoName() + " value");
            };
        }
        return fromText(node.asString(), type);
    }

    /**
     * The text of a cell (CSV, or a string in YAML/JSON) for a column of {@code type}. An empty cell is null for
     * every type but string, as Log Analytics exports nulls.
     */
    public Object fromText(String text, ScalarType type) throws BadValue {
        if (type == ScalarType.STRING) return text;
        String t = text.trim();
        if (t.isEmpty()) return null;
        switch (type) {
            case BOOL -> {
                String l = t.toLowerCase(Locale.ROOT);
                if (l.equals("true") || l.equals("1")) return Boolean.TRUE;
                if (l.equals("false") || l.equals("0")) return Boolean.FALSE;
                throw new BadValue("'" + text + "' is not a bool (true or false)");
            }
            case INT -> {
                try {
                    return Integer.valueOf(t);
                } catch (NumberFormatException e) {
                    throw new BadValue("'" + text + "' is not an int (32-bit whole number)");
                }
            }
            case LONG -> {
                try {
                    return Long.valueOf(t);
                } catch (NumberFormatException e) {
                    throw new BadValue("'" + text + "' is not a long (64-bit whole number)");
                }
            }
            case REAL -> {
                try {
                    return Double.valueOf(t);
                } catch (NumberFormatException e) {
                    throw new BadValue("'" + text + "' is not a real number");
                }
            }
            case DECIMAL -> {
                try {
                    return new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw new BadValue("'" + text + "' is not a decimal number");
                }
            }
            case DATETIME -> {
                return datetime(t);
            }
            case TIMESPAN -> {
                return timespan(t);
            }
            case GUID -> {
                if (!GUID.matcher(t).matches()) throw new BadValue("'" + text + "' is not a guid (8-4-4-4-12 hex digits)");
                return UUID.fromString(t);
            }
            case DYNAMIC -> {
                return dynamicFromText(t);
            }
            default -> throw new BadValue("unsupported column type " + type.kustoName());
        }
    }

    /**
     * ISO-8601 (with Z, an offset, or none meaning UTC; a space for the T is fine), the portal's CSV export format,
     * or {@code now}, {@code now-1h}, {@code now+2d3h} relative to the test's clock.
     */
    public Instant datetime(String text) throws BadValue {
        String t = text.trim();
        Matcher rel = RELATIVE.matcher(t);
        if (rel.matches()) {
            if (rel.group(1) == null) return now;
            Duration d = timespan(rel.group(2).trim());
            return rel.group(1).equals("-") ? now.minus(d) : now.plus(d);
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset: Kusto datetimes are UTC
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the date alone, then the portal format
        }
        try {
            if (iso.length() == 10) return java.time.LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDateTime.parse(t.toUpperCase(Locale.ROOT), PORTAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadValue("'" + text + "' is not a datetime: write ISO-8601 (2024-05-01T12:00:00Z) or relative to the "
                    + "test's now (now-10m)");
        }
    }

    /** Kusto timespan literals: {@code 10m}, {@code 1.5h}, {@code 2d}, {@code 100ms}, or {@code [d.]hh:mm[:ss[.fffffff]]}. */
    public static Duration timespan(String text) throws BadValue {
        String t = text.trim();
        Matcher clock = CLOCK.matcher(t);
        if (clock.matches()) {
            long days = clock.group(2) == null ? 0 : Long.parseLong(clock.group(2));
            Duration d = Duration.ofDays(days).plusHours(Long.parseLong(clock.group(3))).plusMinutes(Long.parseLong(clock.group(4)));
            if (clock.group(5) != null) d = d.plusSeconds(Long.parseLong(clock.group(5)));
            if (clock.group(6) != null) {
                String frac = (clock.group(6) + "0000000").substring(0, 7);
                d = d.plusNanos(Long.parseLong(frac) * 100);
            }
            return clock.group(1) != null ? d.negated() : d;
        }
        Matcher m = SPAN.matcher(t);
        Duration total = Duration.ZERO;
        int at = 0;
        boolean any = false;
        while (at < t.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new BadValue("'" + text + "' is not a timespan: write 10m, 1h, 2d, 30s, 100ms or 00:10:00");
            }
            total = total.plus(unit(new BigDecimal(m.group(1)), m.group(2).toLowerCase(Locale.ROOT)));
            any = true;
            at = m.end();
            while (at < t.length() && t.charAt(at) == ' ') at++;
        }
        if (!any) throw new BadValue("'" + text + "' is not a timespan: write 10m, 1h, 2d, 30s, 100ms or 00:10:00");
        return total;
    }

    private static Duration unit(BigDecimal amount, String unit) {
        long nanosPer = switch (unit) {
            case "d", "day", "days" -> 86_400_000_000_000L;
            case "h", "hour", "hours" -> 3_600_000_000_000L;
            case "m", "minute", "minutes" -> 60_000_000_000L;
            case "s", "second", "seconds" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "microsecond" -> 1_000L;
            default -> 100L; // tick
        };
        return Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPer)).longValue());
    }

    /** Dynamic cells hold JSON text in exports; anything that is not JSON is a string value. */
    private static JsonNode dynamicFromText(String text) {
        String t = text.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readTree(t);
            } catch (RuntimeException e) {
                // not JSON after all: keep the text
            }
        }
        return JsonNodeFactory.instance.stringNode(text);
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between public Java values, internal values, strings and JSON. */
final class Values {

    /** .NET ticks of 1970-01-01T00:00:00Z (Kusto datetimes count 100 ns ticks from 0001-01-01). */
    static final long EPOCH_TICKS = 621_355_968_000_000_000L;
    static final long TICKS_PER_SECOND = 10_000_000L;
    static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
    static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
    static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;
    static final long MAX_TICKS = 3_155_378_975_999_999_999L; // 9999-12-31T23:59:59.9999999

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Values() {
    }

    static Object toPublic(ScalarType t, Object v) {
        if (v == null) return t == ScalarType.STRING ? "" : null;
        return switch (t) {
            case INT -> (int) (long) (Long) v;
            case DATETIME -> instant((Long) v);
            case TIMESPAN -> Duration.ofSeconds(Math.floorDiv((Long) v, TICKS_PER_SECOND), Math.floorMod((Long) v, TICKS_PER_SECOND) * 100);
            default -> v;
        };
    }

    static Object fromPublic(ScalarType t, Object v, String column) {
        if (v == null) return t == ScalarType.STRING ? "" : null;
        try {
            return switch (t) {
                case BOOL -> v instanceof Boolean b ? b : Convert.toBool(v.toString());
                case INT, LONG -> v instanceof Number n ? (Object) n.longValue() : Convert.parseLong(v.toString());
                case REAL -> v instanceof Number n ? (Object) n.doubleValue() : Convert.parseDouble(v.toString());
                case DECIMAL -> v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
                case STRING -> v.toString();
                case DATETIME -> v instanceof Instant i ? ticks(i) : parseDatetime(v.toString());
                case TIMESPAN -> v instanceof Duration d ? ticks(d) : parseTimespan(v.toString());
                case GUID -> v instanceof UUID u ? u : UUID.fromString(v.toString());
                case DYNAMIC -> v instanceof JsonNode j ? j : parseJsonOrString(v.toString());
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("column " + column + ": '" + v + "' is not a " + t.kustoName());
        }
    }

    static long ticks(Instant i) {
        return EPOCH_TICKS + i.getEpochSecond() * TICKS_PER_SECOND + i.getNano() / 100;
    }

    static long ticks(Duration d) {
        return d.getSeconds() * TICKS_PER_SECOND + d.getNano() / 100;
    }

    static Instant instant(long ticks) {
        long rel = ticks - EPOCH_TICKS;
        return Instant.ofEpochSecond(Math.floorDiv(rel, TICKS_PER_SECOND), Math.floorMod(rel, TICKS_PER_SECOND) * 100);
    }

    static LocalDateTime local(long ticks) {
        return LocalDateTime.ofInstant(instant(ticks), ZoneOffset.UTC);
    }

    static long ticks(LocalDateTime t) {
        return ticks(t.toInstant(ZoneOffset.UTC));
    }

    // --- datetime -------------------------------------------------------------------------------------------

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern US = Pattern.compile(
            "(\\d{1,2})[-/](\\d{1,2})[-/](\\d{4})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?\\s*(Z|UTC|GMT)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[T ]?(\\d{2})(\\d{2})(\\d{2})?)?Z?");

    /** Kusto's datetime parsing of the forms content uses; null when not a datetime (conversions give null). */
    static Long parseDatetime(String s) {
        String text = s.trim();
        if (text.isEmpty()) return null;
        Matcher m = ISO.matcher(text);
        if (m.matches()) return build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        m = US.matcher(text);
        if (m.matches()) return build(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
        m = COMPACT.matcher(text);
        if (m.matches() && text.length() >= 8) return build(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null, null);
        for (DateTimeFormatter f : new DateTimeFormatter[]{DateTimeFormatter.RFC_1123_DATE_TIME}) {
            try {
                return ticks(ZonedDateTime.parse(text, f).toInstant());
            } catch (RuntimeException ignored) {
                // not this form
            }
        }
        try {
            return ticks(ZonedDateTime.parse(text.replace("GMT", "+0000"), DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)).toInstant());
        } catch (RuntimeException ignored) {
            // fall through
        }
        try {
            return ticks(ZonedDateTime.parse(text, DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z", Locale.ROOT)).toInstant());
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static Long build(String y, String mo, String d, String h, String mi, String sec, String frac, String zone) {
        try {
            LocalDateTime t = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d))
                    .atTime(h == null ? 0 : Integer.parseInt(h), mi == null ? 0 : Integer.parseInt(mi), sec == null ? 0 : Integer.parseInt(sec));
            long ticks = ticks(t);
            if (frac != null) {
                String f = (frac + "0000000").substring(0, 7);
                ticks += Long.parseLong(f);
            }
            if (zone != null && (zone.startsWith("+") || zone.startsWith("-"))) {
                String z = zone.replace(":", "");
                int sign = z.startsWith("-") ? -1 : 1;
                long off = Integer.parseInt(z.substring(1, 3)) * TICKS_PER_HOUR + Integer.parseInt(z.substring(3, 5)) * TICKS_PER_MINUTE;
                ticks -= sign * off;
            }
            return ticks;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code 2018-07-01T00:00:00.0000000Z}: how Kusto prints a datetime (tostring and the query API). */
    static String formatDatetime(long ticks) {
        LocalDateTime t = local(ticks);
        long frac = Math.floorMod(ticks, TICKS_PER_SECOND);
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%07dZ", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), frac);
    }

    // --- timespan -------------------------------------------------------------------------------------------

    private static final Pattern SPAN_CLOCK = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?");
    private static final Pattern SPAN_UNIT = Pattern.compile("(-)?(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*([a-zA-Z]+)");

    /** A timespan literal ({@code 1d}, {@code 1.5h}, {@code 10ms}) or {@code [-][d.]hh:mm[:ss[.f]]}; null if neither. */
    static Long parseTimespan(String s) {
        String text = s.trim();
        Matcher m = SPAN_CLOCK.matcher(text);
        if (m.matches()) {
            long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long t = days * TICKS_PER_DAY + Long.parseLong(m.group(3)) * TICKS_PER_HOUR + Long.parseLong(m.group(4)) * TICKS_PER_MINUTE
                    + (m.group(5) == null ? 0 : Long.parseLong(m.group(5)) * TICKS_PER_SECOND)
                    + (m.group(6) == null ? 0 : Long.parseLong((m.group(6) + "0000000").substring(0, 7)));
            return m.group(1) != null ? -t : t;
        }
        m = SPAN_UNIT.matcher(text);
        if (m.matches()) {
            Long unit = unitTicks(m.group(3).toLowerCase(Locale.ROOT));
            if (unit == null) return null;
            BigDecimal v = new BigDecimal(m.group(2).endsWith(".") ? m.group(2) + "0" : m.group(2)).multiply(BigDecimal.valueOf(unit));
            long t = v.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
            return m.group(1) != null ? -t : t;
        }
        return null; // a bare number is not a documented timespan form: the conversion fails (null)
    }

    static Long unitTicks(String unit) {
        return switch (unit) {
            case "d", "day", "days" -> TICKS_PER_DAY;
            case "h", "hr", "hrs", "hour", "hours" -> TICKS_PER_HOUR;
            case "m", "min", "minute", "minutes" -> TICKS_PER_MINUTE;
            case "s", "sec", "second", "seconds" -> TICKS_PER_SECOND;
            case "ms", "milli", "millis", "millisecond", "milliseconds" -> 10_000L;
            case "microsecond", "microseconds" -> 10L;
            case "tick", "ticks" -> 1L;
            default -> null;
        };
    }

    /** {@code [-][d.]hh:mm:ss[.fffffff]}, as Kusto prints a timespan. */
    static String formatTimespan(long ticks) {
        StringBuilder sb = new StringBuilder();
        BigInteger abs = BigInteger.valueOf(ticks).abs();
        if (ticks < 0) sb.append('-');
        long a = abs.longValue();
        long days = a / TICKS_PER_DAY;
        long rest = a % TICKS_PER_DAY;
        if (days > 0) sb.append(days).append('.');
        sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d", rest / TICKS_PER_HOUR, rest % TICKS_PER_HOUR / TICKS_PER_MINUTE,
                rest % TICKS_PER_MINUTE / TICKS_PER_SECOND));
        long frac = rest % TICKS_PER_SECOND;
        if (frac != 0) sb.append(String.format(Locale.ROOT, ".%07d", frac));
        return sb.toString();
    }

    // --- strings --------------------------------------------------------------------------------------------

    /** Kusto's {@code tostring}: "" for null. */
    static String toStr(ScalarType t, Object v) {
        if (v == null) return "";
        return switch (t) {
            case STRING -> (String) v;
            case BOOL -> ((Boolean) v) ? "True" : "False"; // .NET's spelling, as measured on the emulator (notes §5.2)
            case INT, LONG -> Long.toString((Long) v);
            case REAL -> formatReal((Double) v);
            case DECIMAL -> ((BigDecimal) v).toPlainString();
            case DATETIME -> formatDatetime((Long) v);
            case TIMESPAN -> formatTimespan((Long) v);
            case GUID -> v.toString();
            case DYNAMIC -> {
                JsonNode j = (JsonNode) v;
                yield j.isString() ? j.stringValue() : j.isNull() ? "" : j.toString();
            }
        };
    }

    static String formatReal(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        String s = BigDecimal.valueOf(d).toPlainString();
        if (Math.abs(d) >= 1e15 || Math.abs(d) < 1e-5) {
            s = Double.toString(d).replace("E", "E+").replace("E+-", "E-");
        }
        return s;
    }

    // --- JSON -----------------------------------------------------------------------------------------------

    static JsonNode parseJsonOrString(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (RuntimeException e) {
            return JSON.stringNode(s);
        }
    }

    /** A value as a dynamic element (datetime/timespan/guid become strings, as Kusto serialises them). */
    static JsonNode toJson(ScalarType t, Object v) {
        if (v == null) return JSON.nullNode();
        return switch (t) {
            case BOOL -> JSON.booleanNode((Boolean) v);
            case INT, LONG -> JSON.numberNode((Long) v);
            case REAL -> JSON.numberNode((Double) v);
            case DECIMAL -> JSON.numberNode((BigDecimal) v);
            case STRING -> JSON.stringNode((String) v);
            case DATETIME -> JSON.stringNode(formatDatetime((Long) v));
            case TIMESPAN -> JSON.stringNode(formatTimespan((Long) v));
            case GUID -> JSON.stringNode(v.toString());
            case DYNAMIC -> (JsonNode) v;
        };
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }
}

package dev.sentinelctl.content;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule duration as written ({@code 5m}, {@code 1h}, {@code 1d}, {@code 01:00:00}, {@code 1.00:00:00},
 * {@code PT1H}, {@code P1D}) and its value. The form matters: Microsoft's content CI takes only the short
 * and TimeSpan forms, while the ARM API takes ISO-8601.
 */
public record RuleDuration(String text, Duration value, Form form) {

    public enum Form { SHORT, TIMESPAN, ISO8601 }

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([mhdMHD])");
    private static final Pattern TIMESPAN = Pattern.compile("(?:([0-9]{1,5})\\.)?([0-9]{1,2}):([0-9]{2}):([0-9]{2})");
    private static final Pattern ISO = Pattern.compile("P(?:([0-9]{1,6})D)?(?:T(?:([0-9]{1,7})H)?(?:([0-9]{1,9})M)?(?:([0-9]{1,9})S)?)?");

    public static Optional<RuleDuration> parse(String text) {
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (Character.toLowerCase(m.group(2).charAt(0))) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Optional.of(new RuleDuration(text, d, Form.SHORT));
        }
        m = TIMESPAN.matcher(t);
        if (m.matches()) {
            long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            Duration d = Duration.ofDays(days).plusHours(Long.parseLong(m.group(2)))
                    .plusMinutes(Long.parseLong(m.group(3))).plusSeconds(Long.parseLong(m.group(4)));
            return Optional.of(new RuleDuration(text, d, Form.TIMESPAN));
        }
        m = ISO.matcher(t);
        if (m.matches() && t.length() > 1 && !t.endsWith("T")) {
            Duration d = Duration.ZERO;
            if (m.group(1) != null) d = d.plusDays(Long.parseLong(m.group(1)));
            if (m.group(2) != null) d = d.plusHours(Long.parseLong(m.group(2)));
            if (m.group(3) != null) d = d.plusMinutes(Long.parseLong(m.group(3)));
            if (m.group(4) != null) d = d.plusSeconds(Long.parseLong(m.group(4)));
            return Optional.of(new RuleDuration(text, d, Form.ISO8601));
        }
        return Optional.empty();
    }

    /** The shortest Azure-Sentinel form of a duration: {@code 1d}, {@code 5h}, {@code 90m}. */
    public static String shortForm(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (60 * 24) == 0) return (minutes / (60 * 24)) + "d";
        if (minutes % 60 == 0) return (minutes / 60) + "h";
        return minutes + "m";
    }

    /** ISO-8601 as ARM writes it: {@code PT5M}, {@code PT1H}, {@code P1D}, {@code P1DT12H}. */
    public static String isoForm(Duration d) {
        long days = d.toDays();
        Duration rest = d.minusDays(days);
        StringBuilder sb = new StringBuilder("P");
        if (days > 0) sb.append(days).append('D');
        if (!rest.isZero()) {
            sb.append('T');
            if (rest.toHours() > 0) sb.append(rest.toHours()).append('H');
            if (rest.toMinutesPart() > 0) sb.append(rest.toMinutesPart()).append('M');
            if (rest.toSecondsPart() > 0) sb.append(rest.toSecondsPart()).append('S');
        }
        return sb.length() == 1 ? "PT0S" : sb.toString();
    }
}

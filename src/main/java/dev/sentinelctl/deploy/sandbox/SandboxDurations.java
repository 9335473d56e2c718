package dev.sentinelctl.deploy.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the sandbox's setup and Log Analytics write them: ISO 8601 ({@code P7D}, {@code PT12H}) or KQL ({@code 7d}). */
final class SandboxDurations {
    private static final Pattern KQL = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(d|h|m|s|ms)");

    private SandboxDurations() {
    }

    static Optional<Duration> parse(String text) {
        Matcher m = KQL.matcher(text);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long millis = switch (m.group(2)) {
                case "d" -> (long) (n * 86_400_000L);
                case "h" -> (long) (n * 3_600_000L);
                case "m" -> (long) (n * 60_000L);
                case "s" -> (long) (n * 1_000L);
                default -> (long) n;
            };
            return Optional.of(Duration.ofMillis(millis));
        }
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

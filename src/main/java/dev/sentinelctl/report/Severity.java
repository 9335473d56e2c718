package dev.sentinelctl.report;

import java.util.Locale;

/** How serious a finding is. Ordered from least to most severe so thresholds compare with {@code compareTo}. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "note", "suggestion" -> INFO;
            default -> throw new IllegalArgumentException("unknown severity '" + text + "' (use error, warning or info)");
        };
    }
}

package dev.sentinelctl.fleet;

import java.util.Locale;
import java.util.Optional;

/** How an exclusion compares a column with its values. Case-insensitive unless a declaration says otherwise. */
public enum ExclusionMatch {
    /** The column equals one of the values ({@code in~}, or {@code in} when case-sensitive). */
    EQUALS("equals"),
    /** The column has one of the values as a whole term ({@code has_any}; Kusto has no case-sensitive form). */
    HAS("has"),
    STARTSWITH("startswith"),
    ENDSWITH("endswith"),
    /** The column is an IPv4 address inside one of the CIDR ranges ({@code ipv4_is_in_any_range}). */
    IN_IPV4_RANGE("in_ipv4_range");

    private final String yamlName;

    ExclusionMatch(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<ExclusionMatch> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ExclusionMatch m : values()) {
            if (m.yamlName.equals(t)) return Optional.of(m);
        }
        return Optional.empty();
    }
}

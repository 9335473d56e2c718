package dev.sentinelctl.kql.semantic;

import java.util.Locale;
import java.util.Optional;

/** The ten KQL scalar types. Column types are always one of these. */
public enum ScalarType implements KqlType {
    BOOL, INT, LONG, REAL, DECIMAL, STRING, DATETIME, TIMESPAN, GUID, DYNAMIC;

    private final String kustoName = name().toLowerCase(Locale.ROOT);

    /** Kusto's canonical spelling, as used in {@code getschema} and in our resource files. */
    public String kustoName() {
        return kustoName;
    }

    @Override
    public String displayName() {
        return kustoName;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == REAL || this == DECIMAL;
    }

    public boolean isInteger() {
        return this == INT || this == LONG;
    }

    /** Types {@code sum()} and {@code +} accept: numbers and the time types. */
    public boolean isSummable() {
        return isNumeric() || this == TIMESPAN || this == DATETIME;
    }

    /** Types with a total order ({@code <}, {@code max()}, {@code arg_max}). */
    public boolean isOrderable() {
        return isNumeric() || this == DATETIME || this == TIMESPAN || this == STRING || this == BOOL;
    }

    /** Exact Kusto name only (no aliases); see {@link TypeNames#parse} for everything else. */
    public static Optional<ScalarType> fromKustoName(String name) {
        for (ScalarType t : values()) {
            if (t.kustoName.equals(name)) return Optional.of(t);
        }
        return Optional.empty();
    }
}

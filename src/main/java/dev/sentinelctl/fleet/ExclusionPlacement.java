package dev.sentinelctl.fleet;

import java.util.Locale;
import java.util.Optional;

/**
 * Where in the query's output pipeline an exclusion filter goes. The default is {@link #AFTER_TABLE}: an
 * excluded event must never be counted, so thresholds and aggregations see the same rows a customer would
 * see if the benign sender never existed.
 */
public enum ExclusionPlacement {
    /** Right after the source of the last statement's pipeline (a table, a union, a let-bound name). */
    AFTER_TABLE("after-table"),
    /** Just before the first {@code summarize} of the last statement's pipeline, after the filters and extends before it. */
    BEFORE_SUMMARIZE("before-summarize"),
    /** After the last operator: filters the query's output rows. */
    END("end");

    private final String yamlName;

    ExclusionPlacement(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<ExclusionPlacement> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ExclusionPlacement p : values()) {
            if (p.yamlName.equals(t)) return Optional.of(p);
        }
        return Optional.empty();
    }
}

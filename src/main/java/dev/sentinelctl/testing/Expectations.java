package dev.sentinelctl.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * What a test asserts about the query's result. Every part is optional; pointers locate each in the tests file so a
 * failure is reported at the expectation that failed.
 */
public record Expectations(String pointer, Optional<Boolean> fires, Optional<RowCount> rows, List<RowPattern> contains,
                           List<RowPattern> excludes, List<String> columns, boolean entitiesNonEmpty,
                           boolean customDetailsNonEmpty) {

    public Expectations {
        contains = List.copyOf(contains);
        excludes = List.copyOf(excludes);
        columns = List.copyOf(columns);
    }

    /** An exact count (min = max) or a range with either end open. */
    public record RowCount(OptionalInt min, OptionalInt max) {
        public boolean accepts(int n) {
            return (min.isEmpty() || n >= min.getAsInt()) && (max.isEmpty() || n <= max.getAsInt());
        }

        public String describe() {
            if (min.isPresent() && max.isPresent() && min.getAsInt() == max.getAsInt()) return "exactly " + min.getAsInt();
            if (min.isPresent() && max.isPresent()) return "between " + min.getAsInt() + " and " + max.getAsInt();
            if (min.isPresent()) return "at least " + min.getAsInt();
            return "at most " + max.orElse(0);
        }
    }

    /** Some columns of a row and the values they must hold. */
    public record RowPattern(String pointer, Map<String, JsonNode> values) {
        public RowPattern {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /**
     * Which polarity the test proves: a firing test (positive), a silent test (negative), or neither when it only
     * checks shapes. {@code fires} decides; without it, an expected row count of 0 is silent and rows that must be
     * present make it firing.
     */
    public Optional<Boolean> polarity() {
        if (fires.isPresent()) return fires;
        if (rows.isPresent() && rows.get().max().isPresent() && rows.get().max().getAsInt() == 0) return Optional.of(false);
        if (!contains.isEmpty() || rows.isPresent() && rows.get().min().orElse(0) > 0) return Optional.of(true);
        return Optional.empty();
    }
}

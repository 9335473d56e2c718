package dev.sentinelctl.fleet;

import java.util.List;

/** What one workspace supplies for one exclusion parameter: literal values, or a watchlist it already has. */
public sealed interface ExclusionValues {

    /** Values written in the fleet config; an empty list means "no exclusion here" (no filter is added). */
    record Literals(List<String> values) implements ExclusionValues {
        public Literals {
            values = List.copyOf(values);
        }
    }

    /** {@code _GetWatchlist(alias)}, compared on {@code keyColumn} (Sentinel's {@code SearchKey} by default). */
    record Watchlist(String alias, String keyColumn) implements ExclusionValues {
        public static final String DEFAULT_KEY = "SearchKey";
    }

    default boolean isEmpty() {
        return this instanceof Literals l && l.values().isEmpty();
    }
}

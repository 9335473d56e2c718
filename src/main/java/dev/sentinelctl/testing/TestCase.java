package dev.sentinelctl.testing;

import dev.sentinelctl.fleet.ExclusionValues;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/**
 * One test of a tests file, with the file's defaults merged in.
 *
 * @param pointer    the test's JSON pointer in its file ({@code /tests/2}), for positions
 * @param exclusions exclusion values the test gives itself, on top of its workspace's
 * @param tables     table name → fixture
 * @param watchlists watchlist alias → fixture
 * @param seasonality the period series_decompose* use where the query asks to autodetect it ({@code seasonality:}),
 *                    like {@code now} an input the test pins; empty when the test does not
 */
public record TestCase(String name, String pointer, Location location, Optional<Instant> now, Optional<String> workspace,
                       Map<String, ExclusionValues> exclusions, Map<String, Fixture> tables, Map<String, Fixture> watchlists,
                       Expectations expect, OptionalInt seasonality) {

    public TestCase(String name, String pointer, Location location, Optional<Instant> now, Optional<String> workspace,
                    Map<String, ExclusionValues> exclusions, Map<String, Fixture> tables, Map<String, Fixture> watchlists,
                    Expectations expect) {
        this(name, pointer, location, now, workspace, exclusions, tables, watchlists, expect, OptionalInt.empty());
    }

    public TestCase {
        if (seasonality == null) seasonality = OptionalInt.empty();
        exclusions = Map.copyOf(exclusions);
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        watchlists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(watchlists));
    }

    /** A fixture as written: its node and where it is in the tests file. */
    public record Fixture(String pointer, JsonNode node) {}
}

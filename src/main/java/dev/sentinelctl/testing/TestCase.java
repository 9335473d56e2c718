package dev.sentinelctl.testing;

import dev.sentinelctl.fleet.ExclusionValues;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One test of a tests file, with the file's defaults merged in.
 *
 * @param pointer    the test's JSON pointer in its file ({@code /tests/2}), for positions
 * @param exclusions exclusion values the test gives itself, on top of its workspace's
 * @param tables     table name → fixture
 * @param watchlists watchlist alias → fixture
 */
public record TestCase(String name, String pointer, Location location, Optional<Instant> now, Optional<String> workspace,
                       Map<String, ExclusionValues> exclusions, Map<String, Fixture> tables, Map<String, Fixture> watchlists,
                       Expectations expect) {

    public TestCase {
        exclusions = Map.copyOf(exclusions);
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        watchlists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(watchlists));
    }

    /** A fixture as written: its node and where it is in the tests file. */
    public record Fixture(String pointer, JsonNode node) {}
}

package dev.sentinelctl.fleet;

import java.util.List;

/**
 * A query with a workspace's exclusions spliced in.
 *
 * @param applied the exclusion names that added a filter (declarations without values add none)
 */
public record CompiledQuery(String text, List<String> applied) {
    public CompiledQuery {
        applied = List.copyOf(applied);
    }
}

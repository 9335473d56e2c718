package dev.sentinelctl.testing;

import java.util.Map;

/**
 * One fixture row before typing: column name → a YAML/JSON node or the text of a CSV cell, and where each came
 * from (a cell's value for a bad value, its key or header for an unknown column).
 */
public record RawRow(Map<String, Object> cells, Locator locator) {

    /** Where a row's parts are; computed only when something is wrong there. */
    public interface Locator {
        Location key(String column);

        Location value(String column);
    }
}

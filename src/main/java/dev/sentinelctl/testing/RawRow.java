package dev.sentinelctl.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fixture row before typing: column names and values (YAML/JSON nodes, or the text of CSV cells), and where each
 * came from (a cell's value for a bad value, its key or header for an unknown column). Rows read from one CSV
 * header or one generator share their {@code names} list, so typing resolves the columns once per list, not per row.
 */
public record RawRow(List<String> names, Object[] values, Locator locator) {

    /** Where a row's parts are; computed only when something is wrong there. */
    public interface Locator {
        Location key(String column);

        Location value(String column);
    }

    public static RawRow of(Map<String, Object> cells, Locator locator) {
        return new RawRow(new ArrayList<>(cells.keySet()), cells.values().toArray(), locator);
    }

    /** The row as column → value (made on each call; for the rare callers that look columns up by name). */
    public Map<String, Object> cells() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) out.putIfAbsent(names.get(i), values[i]);
        return out;
    }
}

package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.TableSchema;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in tables, parsed one line at a time on demand. Opening the store reads the resource's bytes
 * and notes where each line starts (names only); a single-file check that touches three tables parses
 * three lines, not 1,400 tables and 30,000 columns.
 */
final class TableStore {

    private final byte[] data;
    /** exact name → {start, end, sourcesEnd} byte offsets of the table's line */
    private final Map<String, int[]> lines;
    private final Map<String, String> lowerToName;
    private final ConcurrentHashMap<String, TableSchema> parsed = new ConcurrentHashMap<>();

    TableStore(byte[] data) {
        this.data = data;
        Map<String, int[]> index = new LinkedHashMap<>(2048);
        Map<String, String> lower = new HashMap<>(2048);
        int pos = 0;
        while (pos < data.length) {
            int end = pos;
            while (end < data.length && data[end] != '\n') end++;
            if (end > pos && data[pos] != '#') {
                int tab = pos;
                while (tab < end && data[tab] != '\t') tab++;
                String name = new String(data, pos, tab - pos, StandardCharsets.UTF_8);
                index.put(name, new int[] {pos, end});
                lower.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
            pos = end + 1;
        }
        this.lines = Collections.unmodifiableMap(index);
        this.lowerToName = lower;
    }

    static TableStore fromResource(String path) {
        return new TableStore(Resources.bytes(path));
    }

    Optional<TableSchema> table(String name) {
        TableSchema cached = parsed.get(name);
        if (cached != null) return Optional.of(cached);
        int[] span = lines.get(name);
        if (span == null) return Optional.empty();
        return Optional.of(parsed.computeIfAbsent(name, n -> CatalogFormat.parseTableLine(
                new String(data, span[0], span[1] - span[0], StandardCharsets.UTF_8))));
    }

    Optional<String> nameIgnoringCase(String name) {
        return Optional.ofNullable(lowerToName.get(name.toLowerCase(Locale.ROOT)));
    }

    Set<String> names() {
        return lines.keySet();
    }

    /** Which sources defined a table (codes as in catalog/README.md), for messages about stale schemas. */
    List<String> sources(String name) {
        int[] span = lines.get(name);
        if (span == null) return List.of();
        String line = new String(data, span[0], span[1] - span[0], StandardCharsets.UTF_8);
        String[] f = line.split("\t", 3);
        return f.length < 2 || f[1].isEmpty() ? List.of() : List.of(f[1].split(","));
    }

    int parsedCount() {
        return parsed.size();
    }
}

package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.util.Lazy;

import dev.sentinelctl.kql.semantic.TableSchema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * The built-in tables, read and parsed on demand. Opening the store reads only the small index
 * (name → shard, byte offset, length); a lookup reads the one shard file that holds the table (~70 KB of
 * the 1.2 MB) and parses the one line. A single-file check touching three tables parses three lines, not
 * 1,400 tables and 50,000 columns.
 */
final class TableStore {

    private record Location(int shard, int start, int length) {
    }

    private final String shardPattern;
    private final Map<String, Location> index;
    private final Map<String, String> lowerToName;
    private final List<Lazy<byte[]>> shards;
    private final ConcurrentHashMap<String, TableSchema> parsed = new ConcurrentHashMap<>();

    TableStore(String indexResource, String shardPattern) {
        this.shardPattern = shardPattern;
        Map<String, Location> idx = new LinkedHashMap<>(2048);
        Map<String, String> lower = new HashMap<>(2048);
        int maxShard = -1;
        for (String line : Resources.lines(indexResource)) {
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            int a = line.indexOf('\t');
            int b = line.indexOf('\t', a + 1);
            int c = line.indexOf('\t', b + 1);
            String name = line.substring(0, a);
            Location loc = new Location(Integer.parseInt(line, a + 1, b, 10), Integer.parseInt(line, b + 1, c, 10),
                    Integer.parseInt(line, c + 1, line.length(), 10));
            idx.put(name, loc);
            lower.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            maxShard = Math.max(maxShard, loc.shard());
        }
        this.index = Collections.unmodifiableMap(idx);
        this.lowerToName = lower;
        List<Lazy<byte[]>> s = new ArrayList<>(maxShard + 1);
        for (int i = 0; i <= maxShard; i++) {
            String path = shardResource(shardPattern, i);
            s.add(new Lazy<>(() -> Resources.bytes(path)));
        }
        this.shards = List.copyOf(s);
    }

    /** {@code /catalog/tables-%02d.tsv} → resource path of shard {@code i} (no Formatter: it costs ~10 ms cold). */
    static String shardResource(String pattern, int i) {
        return pattern.replace("%02d", (i < 10 ? "0" : "") + i);
    }

    Optional<TableSchema> table(String name) {
        TableSchema cached = parsed.get(name);
        if (cached != null) return Optional.of(cached);
        Location loc = index.get(name);
        if (loc == null) return Optional.empty();
        return Optional.of(parsed.computeIfAbsent(name, n -> CatalogFormat.parseTableLine(line(loc))));
    }

    private String line(Location loc) {
        return new String(shards.get(loc.shard()).get(), loc.start(), loc.length(), StandardCharsets.UTF_8);
    }

    Optional<String> nameIgnoringCase(String name) {
        return Optional.ofNullable(lowerToName.get(name.toLowerCase(Locale.ROOT)));
    }

    Set<String> names() {
        return index.keySet();
    }

    /** Which sources defined a table (codes as in catalog/README.md), for messages about stale schemas. */
    List<String> sources(String name) {
        Location loc = index.get(name);
        if (loc == null) return List.of();
        String[] f = line(loc).split("\t", 3);
        return f.length < 2 || f[1].isEmpty() ? List.of() : List.of(f[1].split(","));
    }

    int parsedCount() {
        return parsed.size();
    }

    int loadedShardCount() {
        int n = 0;
        for (Lazy<byte[]> s : shards) if (s.isComputed()) n++;
        return n;
    }

    String shardPattern() {
        return shardPattern;
    }
}

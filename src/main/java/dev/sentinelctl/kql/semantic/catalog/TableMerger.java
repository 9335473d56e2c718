package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.TableSchema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges table definitions the way the oracle (shared/kql-oracle/kusto.js) does, so both see the same
 * schema: a table defined by several sources gets the union of their columns; a later source wins on a
 * column's type (and spelling) but the column keeps its first position; names match case-insensitively
 * and the first spelling of the table name is kept. Within the first definition, columns differing only
 * in case both stay (Kusto column names are case-sensitive; BitSightCompanyDetails has Type and type);
 * a later definition merges case-insensitively, as the oracle does. Not thread-safe; build-time only.
 */
public final class TableMerger {

    private static final class Entry {
        final String name;
        List<Column> columns = new ArrayList<>();
        final List<String> sources = new ArrayList<>();

        Entry(String name) {
            this.name = name;
        }
    }

    private final Map<String, Entry> tables = new LinkedHashMap<>();

    public void add(String tableName, Collection<Column> columns, String source) {
        Entry e = tables.get(key(tableName));
        if (e == null) {
            e = new Entry(tableName);
            tables.put(key(tableName), e);
            e.columns.addAll(columns);
        } else {
            // put() on an existing key keeps the first position and takes the later column, like a JS Map
            LinkedHashMap<String, Column> merged = new LinkedHashMap<>();
            for (Column c : e.columns) merged.put(key(c.name()), c);
            for (Column c : columns) merged.put(key(c.name()), c);
            e.columns = new ArrayList<>(merged.values());
        }
        if (!e.sources.contains(source)) e.sources.add(source);
    }

    public List<TableSchema> tables() {
        List<TableSchema> out = new ArrayList<>(tables.size());
        for (Entry e : tables.values()) out.add(new TableSchema(e.name, List.copyOf(e.columns)));
        return out;
    }

    /** Sources that contributed to a table, in the order they were added. */
    public List<String> sources(String tableName) {
        Entry e = tables.get(key(tableName));
        return e == null ? List.of() : List.copyOf(e.sources);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

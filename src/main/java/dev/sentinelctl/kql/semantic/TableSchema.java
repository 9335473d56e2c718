package dev.sentinelctl.kql.semantic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's name and ordered columns. A final class rather than a record only because it carries a
 * precomputed name index: the binder looks columns up for every name reference, and SecurityEvent alone
 * has more than 200 columns.
 */
public final class TableSchema {

    private final String name;
    private final List<Column> columns;
    private final Map<String, Column> byName;

    public TableSchema(String name, List<Column> columns) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = List.copyOf(columns);
        Map<String, Column> index = new HashMap<>(this.columns.size() * 2);
        // first definition wins, like Kusto when a schema repeats a column
        for (Column c : this.columns) index.putIfAbsent(c.name(), c);
        this.byName = index;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Exact (case-sensitive) lookup, as Kusto resolves column names. */
    public Optional<Column> column(String columnName) {
        return Optional.ofNullable(byName.get(columnName));
    }

    /** For "did you mean": the column whose name differs only in case. */
    public Optional<Column> columnIgnoreCase(String columnName) {
        Column exact = byName.get(columnName);
        if (exact != null) return Optional.of(exact);
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public boolean hasColumn(String columnName) {
        return byName.containsKey(columnName);
    }

    /** Columns whose names are close to {@code misspelt}, best first (for "did you mean"). */
    public List<String> suggestColumns(String misspelt) {
        return Suggestions.closest(misspelt, byName.keySet());
    }

    public TabularType asType() {
        return new TabularType(columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema t && t.name.equals(name) && t.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + columns.hashCode();
    }

    @Override
    public String toString() {
        return name + asType().displayName();
    }
}

package dev.sentinelctl.testing;

import dev.sentinelctl.kql.semantic.Column;
import java.util.List;

/**
 * Rows built from a fixture with the columns of the table's catalog schema (columns a fixture leaves out are null),
 * so the query sees the table as Log Analytics would give it.
 */
public record FixtureTable(String name, List<Column> columns, List<Object[]> rows) implements ResultTable {
    public FixtureTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    @Override
    public int rowCount() {
        return rows.size();
    }

    @Override
    public Object value(int row, int column) {
        return rows.get(row)[column];
    }
}

package dev.sentinelctl.testing;

import dev.sentinelctl.kql.semantic.Column;
import java.util.List;

/**
 * A table as expectations read it: ordered typed columns and values by row and column, in the engine's Java types
 * (see {@link FixtureValues}). Implemented by fixtures and by the engine's result.
 */
public interface ResultTable {
    List<Column> columns();

    int rowCount();

    Object value(int row, int column);

    /** The index of the column named exactly {@code name}, or -1. */
    default int columnIndex(String name) {
        List<Column> cols = columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) return i;
        }
        return -1;
    }
}

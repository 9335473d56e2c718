package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable columnar table: one typed vector per column. Public values by type: BOOL Boolean, INT Integer,
 * LONG Long, REAL Double, DECIMAL BigDecimal, STRING String (never null; Kusto strings have no null),
 * DATETIME Instant, TIMESPAN Duration, GUID UUID, DYNAMIC tools.jackson JsonNode; null is Kusto null.
 */
public final class Table {

    private final String name;
    private final List<Column> columns;
    private final Vec[] vecs;
    private final int rows;

    Table(String name, List<Column> columns, Vec[] vecs, int rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.vecs = vecs;
        this.rows = rows;
        if (vecs.length != this.columns.size()) throw new IllegalArgumentException("column count mismatch");
        for (int i = 0; i < vecs.length; i++) {
            if (vecs[i].size() != rows) throw new IllegalArgumentException("column " + columns.get(i).name() + " has " + vecs[i].size() + " rows, expected " + rows);
        }
    }

    /** Columns must have scalar types ({@link ScalarType}). */
    public static Builder builder(String name, List<Column> columns) {
        return new Builder(name, columns);
    }

    /** An empty table with these columns. */
    public static Table empty(String name, List<Column> columns) {
        return builder(name, columns).build();
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rows;
    }

    /** The public Java value of a cell (see the class comment). */
    public Object value(int row, int column) {
        return Values.toPublic(vecs[column].type, vecs[column].get(row));
    }

    /** The column index of a name, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) return i;
        }
        return -1;
    }

    ScalarType type(int column) {
        return vecs[column].type;
    }

    Vec vec(int column) {
        return vecs[column];
    }

    Vec[] vecs() {
        return vecs;
    }

    Table renamed(String newName) {
        return new Table(newName, columns, vecs, rows);
    }

    static Table of(String name, List<Column> columns, List<Vec> vecs, int rows) {
        return new Table(name, columns, vecs.toArray(new Vec[0]), rows);
    }

    /** Rows at the given indexes (-1 = all-null row). */
    Table gather(int[] idx, int n) {
        Vec[] out = new Vec[vecs.length];
        for (int i = 0; i < vecs.length; i++) out[i] = vecs[i].gather(idx, n);
        return new Table(name, columns, out, n);
    }

    @Override
    public String toString() {
        return "Table[" + name + ", " + columns.size() + " columns, " + rows + " rows]";
    }

    public static final class Builder {
        private final String name;
        private final List<Column> columns;
        private final Vec.Builder[] builders;
        private int rows;

        private Builder(String name, List<Column> columns) {
            this.name = name;
            this.columns = new ArrayList<>(columns);
            this.builders = new Vec.Builder[columns.size()];
            for (int i = 0; i < builders.length; i++) {
                if (!(columns.get(i).type() instanceof ScalarType st)) {
                    throw new IllegalArgumentException("column " + columns.get(i).name() + " has no scalar type: " + columns.get(i).type());
                }
                builders[i] = Vec.builder(st, 16);
            }
        }

        /**
         * One row in column order, as public Java values (see {@link Table}); numbers are converted between
         * Integer/Long/Double where the column type asks for it, and ISO strings are accepted for datetime.
         */
        public Builder add(Object... values) {
            if (values.length != builders.length) {
                throw new IllegalArgumentException("row " + (rows + 1) + " of " + name + " has " + values.length + " values, expected " + builders.length);
            }
            for (int i = 0; i < values.length; i++) {
                ScalarType t = (ScalarType) columns.get(i).type();
                builders[i].add(Values.fromPublic(t, values[i], columns.get(i).name()));
            }
            rows++;
            return this;
        }

        public Table build() {
            Vec[] vecs = new Vec[builders.length];
            for (int i = 0; i < vecs.length; i++) vecs[i] = builders[i].build();
            return new Table(name, columns, vecs, rows);
        }
    }
}

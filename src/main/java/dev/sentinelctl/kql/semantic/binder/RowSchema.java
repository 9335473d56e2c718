package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.TabularType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows flowing through one pipe: ordered visible columns, plus the Log Analytics standard columns the
 * catalog added to the source table ({@code _ItemId}, {@code _BilledSize} ...), which resolve by name but
 * are not part of the output (Kusto's schema sources do not list them, so Microsoft's result has none).
 * {@code open} marks a schema we do not fully know (a table without schema, {@code bag_unpack}, an unknown
 * function): any name then resolves to an unknown-typed column instead of being reported.
 * Immutable; the name index is built on the first lookup.
 */
public final class RowSchema {

    public static final RowSchema EMPTY = new RowSchema(List.of(), Map.of(), false);
    public static final RowSchema OPEN = new RowSchema(List.of(), Map.of(), true);

    private final List<Column> columns;
    private final Map<String, Column> hidden;
    private final boolean open;
    private Map<String, Column> index;

    public RowSchema(List<Column> columns, Map<String, Column> hidden, boolean open) {
        this.columns = List.copyOf(columns);
        this.hidden = hidden;
        this.open = open;
    }

    public static RowSchema of(List<Column> columns) {
        return new RowSchema(columns, Map.of(), false);
    }

    /** Splits a catalog table's columns into visible ones and the standard columns the catalog added. */
    static RowSchema ofTable(List<Column> tableColumns) {
        List<Column> visible = new ArrayList<>(tableColumns.size());
        Map<String, Column> hidden = new HashMap<>();
        for (Column c : tableColumns) {
            if (c.standard()) hidden.put(c.name(), c);
            else visible.add(c);
        }
        return new RowSchema(visible, hidden, false);
    }

    public List<Column> columns() {
        return columns;
    }

    public boolean isOpen() {
        return open;
    }

    Map<String, Column> hidden() {
        return hidden;
    }

    /** The visible column with this exact name, else a hidden standard column, else null. */
    public Column find(String name) {
        Map<String, Column> ix = index;
        if (ix == null) {
            ix = new HashMap<>(columns.size() * 2);
            for (Column c : columns) ix.putIfAbsent(c.name(), c);
            index = ix;
        }
        Column c = ix.get(name);
        return c != null ? c : hidden.get(name);
    }

    /** Same hidden columns and openness, new visible columns. */
    RowSchema with(List<Column> newColumns) {
        return new RowSchema(newColumns, hidden, open);
    }

    RowSchema withOpen(boolean isOpen) {
        return new RowSchema(columns, hidden, isOpen);
    }

    RowSchema withoutHidden() {
        return hidden.isEmpty() ? this : new RowSchema(columns, Map.of(), open);
    }

    public TabularType asType() {
        return new TabularType(columns);
    }

    @Override
    public String toString() {
        return asType().displayName() + (open ? "+open" : "");
    }
}

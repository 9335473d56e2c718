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
 * Closed schemas are immutable. An open schema also collects the names the query reads from it that it does
 * not declare ("inferred" columns, typed unknown, as Kusto's binder does): they then flow on through
 * operators that keep all columns, so {@code ... | evaluate bag_unpack(x) | extend y = z} still lists
 * {@code z}. Open schemas are therefore never shared between queries: use {@link #open()}.
 */
public final class RowSchema {

    public static final RowSchema EMPTY = new RowSchema(List.of(), Map.of(), false);

    /** A fresh open schema with no known columns. */
    public static RowSchema open() {
        return new RowSchema(List.of(), Map.of(), true);
    }

    private final List<Column> columns;
    private final Map<String, Column> hidden;
    private final boolean open;
    /**
     * A schema whose columns' names are a prefix of ours, position by position (extend appends and replaces
     * in place): lookups of those names go to its index, so a 200-column table extended five times is not
     * re-indexed five times. Null for a schema indexed on its own.
     */
    private final RowSchema prefix;
    /** Name to position, for the columns after {@code prefix}'s (or all of them). Built on first lookup. */
    private Map<String, Integer> index;
    private List<Column> inferred;
    private Map<String, Column> inferredIndex;

    public RowSchema(List<Column> columns, Map<String, Column> hidden, boolean open) {
        this(columns, hidden, open, null);
    }

    private RowSchema(List<Column> columns, Map<String, Column> hidden, boolean open, RowSchema prefix) {
        this.columns = List.copyOf(columns);
        this.hidden = hidden;
        this.open = open;
        this.prefix = prefix;
    }

    /**
     * {@code base}'s hidden columns and openness with {@code cols}, which keep base's column names at base's
     * positions (replaced in place) and may append more; falls back to a plain schema otherwise.
     */
    static RowSchema extending(RowSchema base, List<Column> cols) {
        List<Column> b = base.columns;
        boolean prefixOk = base.inferred == null && cols.size() >= b.size();
        for (int i = 0; prefixOk && i < b.size(); i++) prefixOk = cols.get(i).name().equals(b.get(i).name());
        return new RowSchema(cols, base.hidden, base.open, prefixOk ? base : null);
    }

    /** Position of the first declared column with this name, or -1. */
    int indexOf(String name) {
        if (prefix != null) {
            int p = prefix.indexOf(name);
            if (p >= 0) return p;
        }
        Map<String, Integer> ix = index;
        if (ix == null) {
            int start = prefix == null ? 0 : prefix.columns.size();
            ix = new HashMap<>((columns.size() - start) * 2 + 2);
            for (int i = start; i < columns.size(); i++) ix.putIfAbsent(columns.get(i).name(), i);
            index = ix;
        }
        Integer p = ix.get(name);
        return p == null ? -1 : p;
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
        RowSchema rows = new RowSchema(visible, hidden, false);
        // Table schemas are shared by the threads of a run: their lazy fields are filled before publication.
        rows.hasUniqueNames();
        return rows;
    }

    /** Declared columns, then (for an open schema) the inferred ones in the order the query first read them. */
    public List<Column> columns() {
        if (inferred == null) return columns;
        List<Column> all = new ArrayList<>(columns.size() + inferred.size());
        all.addAll(columns);
        all.addAll(inferred);
        return all;
    }

    int declaredCount() {
        return columns.size();
    }

    /**
     * For an open schema: the column a name refers to although it is not declared; it joins the schema
     * (typed like a known hidden column of that name, else unknown). Null for closed schemas.
     */
    Column infer(String name) {
        if (!open) return null;
        Column known = find(name);
        if (known != null && !hidden.containsKey(name)) return known;
        if (known != null && hidden.get(name) != known) return known;
        if (inferred == null) {
            inferred = new ArrayList<>(4);
            inferredIndex = new HashMap<>();
        }
        Column c = new Column(name, known != null ? known.type() : dev.sentinelctl.kql.semantic.ErrorType.UNKNOWN);
        inferred.add(c);
        inferredIndex.put(name, c);
        return c;
    }

    public boolean isOpen() {
        return open;
    }

    Map<String, Column> hidden() {
        return hidden;
    }

    /**
     * How a name read by the query resolves: a visible column; a hidden column (a closed schema's standard
     * column, or an open schema's known-typed column, which then joins the output); else null.
     */
    Column resolve(String name) {
        Column c = find(name);
        if (c == null || !open || hidden.get(name) != c) return c;
        return infer(name);
    }

    /** The visible column with this exact name, else a hidden standard column, else null. */
    public Column find(String name) {
        int p = indexOf(name);
        if (p >= 0) return columns.get(p);
        if (inferredIndex != null) {
            Column c = inferredIndex.get(name);
            if (c != null) return c;
        }
        return hidden.get(name);
    }

    boolean hasInferred() {
        return inferred != null;
    }

    /** True when no two declared columns share a name (parse can declare one twice; Kusto renames later). */
    boolean hasUniqueNames() {
        Boolean u = uniqueNames;
        if (u == null) {
            indexOf("");
            int start = prefix == null ? 0 : prefix.columns.size();
            boolean ok = index.size() == columns.size() - start;
            if (ok && prefix != null) {
                ok = prefix.hasUniqueNames();
                for (String n : index.keySet()) ok &= prefix.indexOf(n) < 0;
            }
            uniqueNames = u = ok;
        }
        return u;
    }

    private Boolean uniqueNames;

    /** The declared column at a position (for builders that start from this schema). */
    Column declaredAt(int position) {
        return columns.get(position);
    }

    /** Same hidden columns and openness, new visible columns. */
    RowSchema with(List<Column> newColumns) {
        return new RowSchema(newColumns, hidden, open);
    }

    /** A copy that is open; its hidden columns (if any) resolve with their types when read. */
    RowSchema withOpen(boolean isOpen) {
        return new RowSchema(columns(), hidden, isOpen);
    }

    /** Open, with {@code known} columns typed but not part of the output until read (plugins of unknown output). */
    static RowSchema openOver(RowSchema known) {
        Map<String, Column> h = new HashMap<>(known.hidden);
        for (Column c : known.columns()) h.put(c.name(), c);
        return new RowSchema(List.of(), h, true);
    }

    RowSchema withoutHidden() {
        return hidden.isEmpty() ? this : new RowSchema(columns(), Map.of(), open);
    }

    public TabularType asType() {
        return new TabularType(columns());
    }

    @Override
    public String toString() {
        return asType().displayName() + (open ? "+open" : "");
    }
}

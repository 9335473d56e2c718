package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an operator's output column list with Kusto's naming rules: a name already in use gets the next
 * free numeric suffix ({@code Column1}, {@code Column2}; {@code Account1}); "replace" puts a new column in
 * the slot of an existing one of the same name (extend); columns marked do-not-add are skipped later
 * (summarize's by-columns are not repeated by {@code arg_max(T, *)}).
 */
final class ProjectionBuilder {

    private final List<Column> projection;
    private final Map<String, Integer> indexByName;
    private final Set<String> declared = new HashSet<>();
    private Set<Column> doNotAdd;
    private final UniqueNames names;

    /** Columns of the input this builder started from (extend, serialize, mv-expand), looked up in its index. */
    private final RowSchema base;
    /** Names of base columns no longer under their name (renamed); null when none. */
    private Set<String> baseNamesGone;

    ProjectionBuilder() {
        this(8);
    }

    /**
     * Starts from all of {@code input}'s columns, none to be repeated (Kusto's AddRange(..., doNotRepeat)),
     * without copying them into this builder's maps. {@code input} must have no inferred columns yet.
     */
    ProjectionBuilder(RowSchema input) {
        List<Column> cols = input.columns();
        ArrayList<Column> list = new ArrayList<>(cols.size() + 8);
        list.addAll(cols);
        projection = list;
        indexByName = new HashMap<>();
        base = input;
        names = new UniqueNames(16, input);
    }

    /** Sized for about {@code expected} columns: extend on a 200-column table should not rehash. */
    ProjectionBuilder(int expected) {
        projection = new ArrayList<>(expected + 4);
        indexByName = new HashMap<>(expected * 2 + 8);
        names = new UniqueNames(expected * 2 + 8);
        base = null;
    }

    /** Current position of a column name, or null. */
    private Integer position(String name) {
        Integer p = indexByName.get(name);
        if (p != null || base == null) return p;
        if (baseNamesGone != null && baseNamesGone.contains(name)) return null;
        int q = base.indexOf(name);
        return q >= 0 ? q : null;
    }

    private Set<Column> doNotAddSet() {
        if (doNotAdd == null) doNotAdd = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(projection.size() + 8));
        return doNotAdd;
    }

    List<Column> columns() {
        return projection;
    }

    boolean has(String name) {
        return position(name) != null;
    }

    void addAll(List<Column> cols, boolean doNotRepeat) {
        for (Column c : cols) add(c, null, false, doNotRepeat);
    }

    void doNotAdd(Column c) {
        if (c != null) doNotAddSet().add(c);
    }

    boolean isDoNotAdd(Column c) {
        if (doNotAdd != null && doNotAdd.contains(c)) return true;
        if (base == null) return false;
        int q = base.indexOf(c.name());
        return q >= 0 && base.declaredAt(q) == c;
    }

    void doNotAddAll(List<Column> cols) {
        doNotAddSet().addAll(cols);
    }

    /** Adds a column, renaming it when the name is taken (unless {@code replace}). Returns the added column. */
    Column add(Column column, String baseName, boolean replace, boolean doNotRepeat) {
        if (isDoNotAdd(column)) return column;
        Column c = column;
        Integer at = position(c.name());
        if (replace && at != null) {
            projection.set(at, c);
        } else {
            String unique = names.getOrAdd(c.name(), baseName);
            if (!unique.equals(c.name())) c = new Column(unique, c.type(), c.standard());
            projection.add(c);
            indexByName.put(c.name(), projection.size() - 1);
        }
        if (doNotRepeat) doNotAddSet().add(column);
        return c;
    }

    /**
     * A column named explicitly ({@code x = ...}, or a column reference). A second explicit declaration of
     * the same name is Kusto's KS???-duplicate error; we keep the first quietly (returns false).
     */
    boolean declare(Column column, boolean replace) {
        if (declared.contains(column.name())) return false;
        Integer at = position(column.name());
        if (replace && at != null) {
            projection.set(at, column);
            declared.add(column.name());
        } else {
            Column added = add(column, null, false, false);
            declared.add(added.name());
        }
        return true;
    }

    /** project-rename: the column keeps its slot under the new name. */
    boolean rename(String oldName, String newName) {
        Integer at = position(oldName);
        if (at == null || declared.contains(newName)) return false;
        Column old = projection.get(at);
        projection.set(at, new Column(newName, old.type(), old.standard()));
        indexByName.remove(oldName);
        if (base != null) {
            if (baseNamesGone == null) baseNamesGone = new HashSet<>();
            baseNamesGone.add(oldName);
        }
        indexByName.put(newName, at);
        declared.add(newName);
        names.addName(newName);
        return true;
    }

    void markDeclared(String name) {
        declared.add(name);
    }

    /** Kusto's UniqueNameTable: remembers the last suffix used per name. */
    static final class UniqueNames {
        private final Map<String, Integer> used;
        /** Names already in use through a base schema (suffix 0 until a collision records one). */
        private final RowSchema base;

        UniqueNames() {
            this(16);
        }

        UniqueNames(int capacity) {
            this(capacity, null);
        }

        UniqueNames(int capacity, RowSchema base) {
            used = new HashMap<>(capacity);
            this.base = base;
        }

        private boolean taken(String name) {
            return used.containsKey(name) || (base != null && base.indexOf(name) >= 0);
        }

        void addName(String name) {
            if (name != null && !name.isEmpty()) used.putIfAbsent(name, 0);
        }

        String getOrAdd(String name, String baseName) {
            Integer last = used.get(name);
            if (last == null && base != null && base.indexOf(name) >= 0) last = 0;
            if (last == null) {
                used.put(name, 0);
                return name;
            }
            String stem = baseName != null ? baseName : name;
            for (int suffix = last + 1; ; suffix++) {
                String candidate = stem + suffix;
                if (!taken(candidate)) {
                    used.put(name, suffix);
                    used.put(candidate, 0);
                    return candidate;
                }
            }
        }
    }
}

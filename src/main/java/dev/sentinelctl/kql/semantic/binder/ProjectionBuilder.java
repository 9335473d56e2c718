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

    private final List<Column> projection = new ArrayList<>();
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Set<String> declared = new HashSet<>();
    private final Set<Column> doNotAdd = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final UniqueNames names = new UniqueNames();

    List<Column> columns() {
        return projection;
    }

    boolean has(String name) {
        return indexByName.containsKey(name);
    }

    void addAll(List<Column> cols, boolean doNotRepeat) {
        for (Column c : cols) add(c, null, false, doNotRepeat);
    }

    void doNotAdd(Column c) {
        if (c != null) doNotAdd.add(c);
    }

    boolean isDoNotAdd(Column c) {
        return doNotAdd.contains(c);
    }

    void doNotAddAll(List<Column> cols) {
        doNotAdd.addAll(cols);
    }

    /** Adds a column, renaming it when the name is taken (unless {@code replace}). Returns the added column. */
    Column add(Column column, String baseName, boolean replace, boolean doNotRepeat) {
        if (doNotAdd.contains(column)) return column;
        Column c = column;
        Integer at = indexByName.get(c.name());
        if (replace && at != null) {
            projection.set(at, c);
        } else {
            String unique = names.getOrAdd(c.name(), baseName);
            if (!unique.equals(c.name())) c = new Column(unique, c.type(), c.standard());
            projection.add(c);
            indexByName.put(c.name(), projection.size() - 1);
        }
        if (doNotRepeat) doNotAdd.add(column);
        return c;
    }

    /**
     * A column named explicitly ({@code x = ...}, or a column reference). A second explicit declaration of
     * the same name is Kusto's KS???-duplicate error; we keep the first quietly (returns false).
     */
    boolean declare(Column column, boolean replace) {
        if (declared.contains(column.name())) return false;
        Integer at = indexByName.get(column.name());
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
        Integer at = indexByName.get(oldName);
        if (at == null || declared.contains(newName)) return false;
        Column old = projection.get(at);
        projection.set(at, new Column(newName, old.type(), old.standard()));
        indexByName.remove(oldName);
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
        private final Map<String, Integer> used = new HashMap<>();

        void addName(String name) {
            if (name != null && !name.isEmpty()) used.putIfAbsent(name, 0);
        }

        String getOrAdd(String name, String baseName) {
            Integer last = used.get(name);
            if (last == null) {
                used.put(name, 0);
                return name;
            }
            String base = baseName != null ? baseName : name;
            for (int suffix = last + 1; ; suffix++) {
                String candidate = base + suffix;
                if (!used.containsKey(candidate)) {
                    used.put(name, suffix);
                    used.put(candidate, 0);
                    return candidate;
                }
            }
        }
    }
}

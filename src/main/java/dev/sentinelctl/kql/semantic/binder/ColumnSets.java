package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.KqlType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column-list rules several operators share: name patterns ({@code Sec*}), Kusto's unique naming of merged
 * columns (join, lookup, evaluate) and its unification of columns by name and type (union, search, find).
 */
final class ColumnSets {

    private ColumnSets() {
    }

    /** A column or table name against a pattern where {@code *} matches any run of characters. */
    static boolean glob(String pattern, String name) {
        int star = pattern.indexOf('*');
        if (star < 0) return pattern.equals(name);
        String[] parts = pattern.split("\\*", -1);
        int pos = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == 0) {
                if (!name.startsWith(p)) return false;
                pos = p.length();
            } else if (i == parts.length - 1) {
                return name.length() - p.length() >= pos && name.endsWith(p);
            } else {
                int at = name.indexOf(p, pos);
                if (at < 0) return false;
                pos = at + p.length();
            }
        }
        return true;
    }

    /** The hidden (standard) columns of two inputs, either of which may be absent; {@code a}'s win a clash. */
    static Map<String, Column> mergeHidden(RowSchema a, RowSchema b) {
        if (a == null) return b == null ? Map.of() : b.hidden();
        if (b == null || b.hidden().isEmpty()) return a.hidden();
        if (a.hidden().isEmpty()) return b.hidden();
        Map<String, Column> m = new java.util.HashMap<>(b.hidden());
        m.putAll(a.hidden());
        return m;
    }

    /** Kusto's MakeColumnNamesUnique: later duplicates get the next free numeric suffix. */
    static List<Column> makeUnique(List<Column> cols) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) first.putIfAbsent(cols.get(i).name(), i);
        if (first.size() == cols.size()) return cols;
        ProjectionBuilder.UniqueNames names = new ProjectionBuilder.UniqueNames();
        for (String n : first.keySet()) names.addName(n);
        List<Column> out = new ArrayList<>(cols.size());
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            if (first.get(col.name()) != i) {
                out.add(new Column(names.getOrAdd(col.name(), null), col.type(), col.standard()));
            } else {
                out.add(col);
            }
        }
        return out;
    }

    /**
     * Kusto's UnifyColumnsWithSameNameAndType over the concatenated columns of all inputs: one column per name
     * and type, a name seen with several types becomes {@code name_type} per type. Reproduces a quirk of
     * Kusto.Language's ColumnMap on purpose (Microsoft's result is the reference): once a name has been seen
     * twice with the same type, later columns of that name with another type are dropped.
     */
    static List<Column> unifyByNameAndType(List<RowSchema> inputs) {
        if (inputs.size() == 1) return inputs.get(0).columns();
        int total = 0;
        for (RowSchema r : inputs) total += r.columns().size();
        Map<String, NameTypes> byName = new java.util.HashMap<>(total * 2);
        List<NameTypes> order = new ArrayList<>();
        for (RowSchema r : inputs) {
            for (Column col : r.columns()) {
                NameTypes nt = byName.get(col.name());
                if (nt == null) {
                    nt = new NameTypes(col);
                    byName.put(col.name(), nt);
                    order.add(nt);
                } else {
                    nt.add(col.type());
                }
            }
        }
        ProjectionBuilder.UniqueNames unique = new ProjectionBuilder.UniqueNames(order.size() * 2);
        List<Column> out = new ArrayList<>(order.size());
        for (NameTypes nt : order) {
            String name = nt.first.name();
            if (nt.types != null && nt.types.size() > 1) {
                for (KqlType t : nt.types) out.add(new Column(unique.getOrAdd(name + "_" + t.displayName(), null), t));
            } else {
                String n = unique.getOrAdd(name, null);
                out.add(n.equals(name) ? nt.first : new Column(n, nt.first.type()));
            }
        }
        return out;
    }

    /** Kusto's ColumnMap entry for one name: a column, a same-typed list, or several types (in first-seen order). */
    private static final class NameTypes {
        final Column first;
        int sameTypeCount = 1;
        List<KqlType> types;

        NameTypes(Column first) {
            this.first = first;
        }

        void add(KqlType t) {
            if (types == null) {
                if (t.equals(first.type())) {
                    sameTypeCount++;
                } else if (sameTypeCount == 1) {
                    types = new ArrayList<>(3);
                    types.add(first.type());
                    types.add(t);
                }
                // else: a list of same-typed columns; Kusto's ColumnMap drops other types here
            } else if (!types.contains(t)) {
                types.add(t);
            }
        }
    }
}

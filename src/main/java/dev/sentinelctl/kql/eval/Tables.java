package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.NameTarget;

import java.util.ArrayList;
import java.util.List;

/** Small table-building helpers shared by the operators. */
final class Tables {

    private Tables() {
    }

    /** Evaluates an expression for every row into a vector. */
    static Vec materialize(Ev e, int rows) {
        Vec.Builder b = Vec.builder(e.type(), rows);
        if (e.isConstant()) {
            Object v = e.eval(0);
            for (int r = 0; r < rows; r++) b.add(v);
        } else {
            for (int r = 0; r < rows; r++) b.add(e.eval(r));
        }
        return b.build();
    }

    /** A table with column {@code name} set to {@code vec}: replaced in place if it exists, else appended. */
    static Table withColumn(Table t, String name, Vec vec) {
        List<Column> cols = new ArrayList<>(t.columns());
        List<Vec> vecs = new ArrayList<>(List.of(t.vecs()));
        int i = t.columnIndex(name);
        Column c = new Column(name, vec.type);
        if (i >= 0) {
            cols.set(i, c);
            vecs.set(i, vec);
        } else {
            cols.add(c);
            vecs.add(vec);
        }
        return Table.of(t.name(), cols, vecs, t.rowCount());
    }

    static Table select(Table t, List<Integer> columns) {
        List<Column> cols = new ArrayList<>();
        List<Vec> vecs = new ArrayList<>();
        for (int i : columns) {
            cols.add(t.columns().get(i));
            vecs.add(t.vec(i));
        }
        return Table.of(t.name(), cols, vecs, t.rowCount());
    }

    /** The output name of an unnamed expression, as Kusto derives it: a column keeps its name, a path joins with _. */
    static String derivedName(Expr e) {
        if (e instanceof Expr.Named n) {
            NameTarget target = n.target();
            if (target instanceof Name nm) return nm.simpleName();
            return null;
        }
        if (e instanceof Expr.NameRef n) return n.simpleName();
        if (e instanceof Expr.Paren p) return derivedName(p.inner());
        if (e instanceof Expr.MemberAccess m && m.member() instanceof Expr.NameRef mn) {
            String left = derivedName(m.target());
            return left == null ? null : left + "_" + mn.simpleName();
        }
        if (e instanceof Expr.ElementAccess a && a.target() != null && a.index() instanceof Expr.Literal lit) {
            String left = derivedName(a.target());
            return left == null ? null : left + "_" + lit.value();
        }
        return null;
    }

    /** A name not yet in {@code taken}: {@code base}, else {@code base1}, {@code base2} ... */
    static String unique(String base, java.util.Collection<String> taken) {
        if (!taken.contains(base)) return base;
        for (int i = 1; ; i++) {
            if (!taken.contains(base + i)) return base + i;
        }
    }

    static List<String> names(Table t) {
        List<String> out = new ArrayList<>();
        for (Column c : t.columns()) out.add(c.name());
        return out;
    }

    static Table concat(String name, List<Column> columns, List<Table> parts) {
        int rows = 0;
        for (Table p : parts) rows += p.rowCount();
        List<Vec> vecs = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ScalarType t = (ScalarType) columns.get(c).type();
            Vec.Builder b = Vec.builder(t, rows);
            for (Table p : parts) {
                Vec v = p.vec(c);
                for (int r = 0; r < p.rowCount(); r++) b.add(v.get(r));
            }
            vecs.add(b.build());
        }
        return Table.of(name, columns, vecs, rows);
    }
}

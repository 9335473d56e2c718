package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.NameTarget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kusto's CreateProjectionColumns: the columns an operator's expression list declares (extend, project,
 * summarize, print, mv-expand ...), named and typed as Kusto does, with tuple results spread over columns.
 */
final class Projection {

    private final TreeBinder tb;
    private final ColumnNames names;
    /** True while mv-expand/mv-apply items are projected: their columns hold elements, not arrays. */
    private boolean expanding;

    Projection(TreeBinder tb, ColumnNames names) {
        this.tb = tb;
        this.names = names;
    }

    /** A builder holding all input columns, not to be repeated (extend, serialize, mv-expand). */
    static ProjectionBuilder startFrom(RowSchema in) {
        if (!in.hasInferred() && in.hasUniqueNames()) return new ProjectionBuilder(in);
        ProjectionBuilder b = new ProjectionBuilder(in.columns().size() + 4);
        b.addAll(in.columns(), true);
        return b;
    }

    /**
     * Columns an open input gained while this operator's expressions were bound belong, as in Kusto, right
     * after the input's columns, before the ones the operator adds.
     */
    static List<Column> withInferred(List<Column> built, RowSchema in, int before) {
        List<Column> now = in.columns();
        if (now.size() == before) return built;
        Set<String> present = new HashSet<>();
        for (Column col : built) present.add(col.name());
        List<Column> out = new ArrayList<>(built);
        int at = Math.min(before, out.size());
        for (Column col : now.subList(before, now.size())) {
            if (present.add(col.name())) out.add(at++, col);
        }
        return out;
    }

    void project(List<Expr> exprs, ProjectionBuilder b, TreeBinder.Style style, boolean doNotRepeat, TreeBinder.Ctx c) {
        for (Expr e : exprs) projectOne(e, b, style, doNotRepeat, null, null, c);
    }

    void projectOne(Expr e, ProjectionBuilder b, TreeBinder.Style style, boolean doNotRepeat, KqlType columnType,
                    String columnName, TreeBinder.Ctx c) {
        boolean replaceStyle = style == TreeBinder.Style.REPLACE || style == TreeBinder.Style.EXTEND;
        if (e instanceof Expr.Named n) {
            Value v = tb.bind(n.value(), c);
            FunctionSymbol fs = n.value() instanceof Expr.FunctionCall fc ? tb.calls.get(fc) : null;
            if (n.target() instanceof NameTarget.Tuple t) {
                List<Name> declared = t.names().items();
                if (v.tuple() != null) {
                    for (int i = 0; i < v.tuple().size(); i++) {
                        Column col = v.tuple().get(i);
                        KqlType type = columnType != null ? columnType : col.type();
                        if (i < declared.size()) {
                            b.declare(new Column(declared.get(i).simpleName(), type), replaceStyle);
                        } else if (style != TreeBinder.Style.PRINT) {
                            addTupleColumn(fs, col, b, doNotRepeat);
                        }
                    }
                } else if (!declared.isEmpty()) {
                    b.declare(new Column(declared.get(0).simpleName(), columnType != null ? columnType : TreeBinder.scalarOf(v)), replaceStyle);
                }
                return;
            }
            String name = n.target() instanceof Name nm ? nm.simpleName() : "";
            if (v.tuple() != null) {
                KqlType type = columnType != null ? columnType : (v.tuple().isEmpty() ? ErrorType.UNKNOWN : v.tuple().get(0).type());
                b.declare(new Column(name, type), true);
                if (style != TreeBinder.Style.PRINT) {
                    for (int i = 1; i < v.tuple().size(); i++) addTupleColumn(fs, v.tuple().get(i), b, doNotRepeat);
                }
            } else if (v.column() != null) {
                b.declare(mk(name, columnType != null ? columnType : v.column().type(), v, columnType), true);
                if (doNotRepeat) b.doNotAdd(v.column());
            } else {
                b.declare(mk(name, columnType != null ? columnType : TreeBinder.scalarOf(v), v, columnType), replaceStyle);
            }
            return;
        }
        if (e instanceof Expr.Star) {
            if (c.row() != null) {
                for (Column col : c.row().columns()) b.add(col, null, true, doNotRepeat);
            }
            return;
        }
        Value v = tb.bind(e, c);
        if (v.isTabular()) {
            // a table where a value is needed; Kusto says "scalar value expected" — rare, keep quiet
            v = Value.UNKNOWN;
        }
        Column col = resultColumn(e, v);
        if (col != null) {
            Column typed = columnType != null && !columnType.equals(col.type()) ? new Column(col.name(), columnType, col.standard()) : col;
            // mv-expand of an array column yields its elements: a new column that is no longer an array
            if (style == TreeBinder.Style.REPLACE && v.array()) {
                typed = new Column(col.name(), typed.type(), col.standard());
                if (columnType == null && v.shape() == DynamicShape.STRING_ARRAY) tb.shapes.put(typed, DynamicShape.STRING_ELEMENT);
            }
            b.declare(typed, style == TreeBinder.Style.REPLACE);
            if (doNotRepeat) b.doNotAdd(col);
            return;
        }
        if (e instanceof Expr.FunctionCall f) {
            if (style == TreeBinder.Style.PRINT && columnName != null && (v.tuple() == null || v.tuple().size() == 1)) {
                KqlType t = v.tuple() != null ? v.tuple().get(0).type() : TreeBinder.scalarOf(v);
                b.add(mk(columnName, columnType != null ? columnType : t, v, columnType), columnName, false, false);
            } else if (v.tuple() != null) {
                FunctionSymbol fs = tb.calls.get(f);
                for (Column tc : v.tuple()) addTupleColumn(fs, columnType != null ? new Column(tc.name(), columnType) : tc, b, doNotRepeat);
            } else {
                String name = names.ofCall(f, null, c.row());
                KqlType t = columnType != null ? columnType : TreeBinder.scalarOf(v);
                // a generated ColumnN name never replaces an existing column (Kusto numbers them on)
                b.add(mk(name != null ? name : columnName != null ? columnName : "Column1", t, v, columnType),
                        name != null ? name : "Column", replaceStyle && name != null, false);
            }
            return;
        }
        KqlType t = columnType != null ? columnType : TreeBinder.scalarOf(v);
        if (style == TreeBinder.Style.PRINT && columnName != null) {
            b.add(new Column(columnName, t), columnName, false, false);
            return;
        }
        String name = names.of(e, null);
        b.add(mk(name != null ? name : columnName != null ? columnName : "Column1", t, v, columnType),
                name != null ? name : "Column", replaceStyle && name != null, false);
    }

    /** A new output column; remembers when it holds a dynamic array (not after mv-expand retyping). */
    private Column mk(String name, KqlType type, Value v, KqlType forcedType) {
        Column col = new Column(name, type);
        if (forcedType == null && !expanding && v.shape() != DynamicShape.PLAIN) tb.shapes.put(col, v.shape());
        if (expanding && forcedType == null && v.shape() == DynamicShape.STRING_ARRAY) tb.shapes.put(col, DynamicShape.STRING_ELEMENT);
        return col;
    }

    /** Kusto's GetResultColumn: a column reference (through parentheses) or a no-op conversion of one. */
    private static Column resultColumn(Expr e, Value v) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef || x instanceof Expr.FunctionCall || isJoinSideColumn(x)) return v.column();
        return null;
    }

    private static boolean isJoinSideColumn(Expr x) {
        return x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef n
                && (n.simpleName().equals("$left") || n.simpleName().equals("$right"));
    }

    private void addTupleColumn(FunctionSymbol fs, Column col, ProjectionBuilder b, boolean doNotRepeat) {
        String prefix = fs == null ? "" : fs.resultNamePrefix();
        if (!prefix.isEmpty() && !fs.name().startsWith("series_")) {
            if (b.isDoNotAdd(col)) return;
            b.add(new Column(prefix + "_" + col.name(), col.type()), null, false, doNotRepeat);
        } else {
            b.add(col, null, false, doNotRepeat);
        }
    }

    /** An mv-expand item: like REPLACE, but the columns it declares hold elements of the expanded arrays. */
    void projectExpanded(Expr e, ProjectionBuilder b, KqlType columnType, TreeBinder.Ctx c) {
        expanding = true;
        try {
            projectOne(e, b, TreeBinder.Style.REPLACE, false, columnType, null, c);
        } finally {
            expanding = false;
        }
    }
}

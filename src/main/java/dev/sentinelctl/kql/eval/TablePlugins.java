package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** rows_near and schema_merge (rows-near-plugin.md, schema-merge-plugin.md). */
final class TablePlugins {

    private TablePlugins() {
    }

    /** rows_near(Condition, NumRows [, RowsAfter]): the rows within NumRows before (RowsAfter after) a true row, in order. */
    static Table rowsNear(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        if (args.size() < 2 || args.size() > 3) throw EvalException.bind("rows_near(Condition, NumRows [, RowsAfter])", call);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        Ev cond = cx.compile(args.get(0));
        if (cond.type() != ScalarType.BOOL) throw EvalException.bind("rows_near's condition must be bool", args.get(0));
        int before = count(cx, args.get(1));
        int after = args.size() == 3 ? count(cx, args.get(2)) : before;
        boolean[] keep = new boolean[in.rowCount()];
        for (int r = 0; r < in.rowCount(); r++) {
            if (!Boolean.TRUE.equals(cond.eval(r))) continue;
            for (int k = Math.max(0, r - before); k <= Math.min(in.rowCount() - 1, r + after); k++) keep[k] = true;
        }
        int[] idx = new int[in.rowCount()];
        int n = 0;
        for (int r = 0; r < keep.length; r++) if (keep[r]) idx[n++] = r;
        return in.gather(idx, n);
    }

    private static int count(ExprCompiler cx, Expr e) {
        Ev v = cx.compile(e);
        if (!v.isConstant() || !(v.eval(0) instanceof Long l) || l < 0) throw EvalException.bind("a number of rows (0 or more) is expected", e);
        return (int) Math.min(l, Integer.MAX_VALUE);
    }

    private static final String OUT_OF_ORDER = "ERROR(columns are out of order)";

    /**
     * schema_merge([PreserveOrder]) over getschema rows (several schemas one after another; each starts at ordinal 0):
     * a column new to the merge is inserted at its ordinal; with PreserveOrder (default) a column met again at another
     * ordinal than where it first appeared is an error row (ordinal -1), as the docs print it. Differing types are
     * refused: the docs do not say how each pair of types reduces.
     */
    static Table schemaMerge(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        boolean preserve = true;
        if (args.size() > 1) throw EvalException.bind("schema_merge([PreserveOrder])", call);
        if (args.size() == 1) {
            Expr a = args.get(0) instanceof Expr.Named n ? n.value() : args.get(0);
            Ev v = new ExprCompiler(evaluator, in, scope).compile(a);
            if (v.type() != ScalarType.BOOL || !v.isConstant()) throw EvalException.bind("PreserveOrder is a bool constant", a);
            preserve = Boolean.TRUE.equals(v.eval(0));
        }
        int name = column(in, "ColumnName", call), ordinal = column(in, "ColumnOrdinal", call);
        int dataType = column(in, "DataType", call), columnType = column(in, "ColumnType", call);
        List<String> merged = new ArrayList<>();
        Map<String, String[]> types = new LinkedHashMap<>();
        Map<String, Long> firstOrdinal = new LinkedHashMap<>();
        Map<String, Boolean> outOfOrder = new LinkedHashMap<>();
        for (int r = 0; r < in.rowCount(); r++) {
            String n = (String) in.vec(name).get(r);
            Object o = in.vec(ordinal).get(r);
            if (!(o instanceof Long ord)) throw EvalException.runtime("schema_merge: row " + (r + 1) + " has no ColumnOrdinal", call);
            String dt = (String) in.vec(dataType).get(r), ct = (String) in.vec(columnType).get(r);
            if (!types.containsKey(n)) {
                merged.add((int) Math.min(Math.max(ord, 0), merged.size()), n);
                types.put(n, new String[]{dt, ct});
                firstOrdinal.put(n, ord);
                continue;
            }
            if (!types.get(n)[1].equals(ct)) {
                throw EvalException.unsupported("schema_merge of column '" + n + "' with types " + types.get(n)[1] + " and " + ct, call);
            }
            if (preserve && !firstOrdinal.get(n).equals(ord)) outOfOrder.put(n, true);
        }
        Table.Builder b = Table.builder("schema_merge", List.of(new Column("ColumnName", ScalarType.STRING),
                new Column("ColumnOrdinal", ScalarType.INT), new Column("DataType", ScalarType.STRING),
                new Column("ColumnType", ScalarType.STRING)));
        int next = 0;
        for (String n : merged) {
            if (outOfOrder.containsKey(n)) b.add(n, -1, "ERROR(unknown CSL type:" + OUT_OF_ORDER + ")", OUT_OF_ORDER);
            else b.add(n, next++, types.get(n)[0], types.get(n)[1]);
        }
        return b.build();
    }

    private static int column(Table in, String name, Expr where) {
        int c = in.columnIndex(name);
        if (c < 0) throw EvalException.bind("schema_merge reads getschema rows: the input has no column '" + name + "'", where);
        return c;
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Operators that reorder, cut or describe rows: sort/order, top, take/limit, count, distinct, serialize, as, render, getschema. */
final class RowOperators {

    private RowOperators() {
    }

    /**
     * Row order for sort items: {@code desc} by default; nulls first when ascending and last when descending unless
     * {@code nulls first|last} says otherwise (sort-operator.md). Stable.
     */
    static int[] order(Table in, List<Clause.SortItem> items, Evaluator evaluator, Scope scope) {
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        int n = in.rowCount();
        Comparator<Integer> cmp = null;
        for (Clause.SortItem item : items) {
            Ev e = cx.compile(item.expression());
            Object[] keys = new Object[n];
            for (int r = 0; r < n; r++) keys[r] = e.eval(r);
            boolean asc = item.direction() != null && item.direction().text().equals("asc");
            boolean nullsFirst = item.nullsPosition() != null ? item.nullsPosition().text().equals("first") : asc;
            ScalarType t = e.type();
            Comparator<Integer> c = (a, b) -> {
                Object x = keys[a], y = keys[b];
                if (x == null || y == null) {
                    if (x == y) return 0;
                    return (x == null) == nullsFirst ? -1 : 1;
                }
                int v = Compare.compare(t, x, y);
                return asc ? v : -v;
            };
            cmp = cmp == null ? c : cmp.thenComparing(c);
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        if (cmp != null) Arrays.sort(idx, cmp);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = idx[i];
        return out;
    }

    static long count(Expr e, Evaluator evaluator, Scope scope) {
        Ev c = new ExprCompiler(evaluator, null, scope).compile(e);
        Object v = Convert.to(ScalarType.LONG, c.type(), c.eval(0));
        if (v == null) throw EvalException.runtime("the row count is null", e);
        return Math.max(0, (Long) v);
    }

    static final class Sort implements TabularOperator<QueryOperator.Sort> {
        @Override
        public Class<QueryOperator.Sort> syntax() {
            return QueryOperator.Sort.class;
        }

        @Override
        public Table apply(QueryOperator.Sort op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            int[] idx = order(in, op.items().items(), evaluator, scope);
            return in.gather(idx, idx.length);
        }
    }

    static final class Top implements TabularOperator<QueryOperator.Top> {
        @Override
        public Class<QueryOperator.Top> syntax() {
            return QueryOperator.Top.class;
        }

        @Override
        public Table apply(QueryOperator.Top op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            long n = count(op.count(), evaluator, scope);
            int[] idx = order(in, List.of(op.sort()), evaluator, scope);
            return in.gather(idx, (int) Math.min(n, idx.length));
        }
    }

    static final class Take implements TabularOperator<QueryOperator.Take> {
        @Override
        public Class<QueryOperator.Take> syntax() {
            return QueryOperator.Take.class;
        }

        @Override
        public Table apply(QueryOperator.Take op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            long n = count(op.count(), evaluator, scope);
            if (n >= in.rowCount()) return in;
            int[] idx = new int[(int) n];
            for (int i = 0; i < n; i++) idx[i] = i;
            return in.gather(idx, (int) n);
        }
    }

    static final class Count implements TabularOperator<QueryOperator.Count> {
        @Override
        public Class<QueryOperator.Count> syntax() {
            return QueryOperator.Count.class;
        }

        @Override
        public Table apply(QueryOperator.Count op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            Vec v = Vec.builder(ScalarType.LONG, 1).add((long) in.rowCount()).build();
            return Table.of(in.name(), List.of(new Column("Count", ScalarType.LONG)), List.of(v), 1);
        }
    }

    static final class Distinct implements TabularOperator<QueryOperator.Distinct> {
        @Override
        public Class<QueryOperator.Distinct> syntax() {
            return QueryOperator.Distinct.class;
        }

        @Override
        public Table apply(QueryOperator.Distinct op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            Table t = in;
            boolean star = op.columns().size() == 1 && op.columns().get(0) instanceof Expr.Star;
            if (!star) {
                List<Expr> items = op.columns().items();
                List<Column> cols = new ArrayList<>();
                List<Vec> vecs = new ArrayList<>();
                ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
                int auto = 1;
                for (Expr e : items) {
                    Ev v = cx.compile(e);
                    String name = evaluator.names.of(e);
                    if (name == null) name = "Column" + auto++;
                    cols.add(new Column(name, v.type()));
                    vecs.add(Tables.materialize(v, in.rowCount()));
                }
                t = Table.of(in.name(), cols, vecs, in.rowCount());
            }
            Set<List<Object>> seen = new HashSet<>();
            int[] keep = new int[t.rowCount()];
            int k = 0;
            int width = t.columns().size();
            for (int r = 0; r < t.rowCount(); r++) {
                Object[] key = new Object[width];
                for (int c = 0; c < width; c++) key[c] = Comparisons.normalise(t.type(c), t.vec(c).get(r));
                if (seen.add(Arrays.asList(key))) keep[k++] = r;
            }
            return t.gather(keep, k);
        }
    }

    static final class Serialize implements TabularOperator<QueryOperator.Serialize> {
        @Override
        public Class<QueryOperator.Serialize> syntax() {
            return QueryOperator.Serialize.class;
        }

        @Override
        public Table apply(QueryOperator.Serialize op, Table input, Evaluator evaluator, Scope scope) {
            Table t = Operators.requireInput(input, op);
            for (Expr e : op.expressions().items()) {
                Ev v = new ExprCompiler(evaluator, t, scope).compile(e);
                String name = Tables.derivedName(e);
                if (name == null) throw EvalException.bind("serialize expressions need a name (name = expression)", e);
                t = Tables.withColumn(t, name, Tables.materialize(v, t.rowCount()));
            }
            return t;
        }
    }

    static final class As implements TabularOperator<QueryOperator.As> {
        @Override
        public Class<QueryOperator.As> syntax() {
            return QueryOperator.As.class;
        }

        @Override
        public Table apply(QueryOperator.As op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            Table named = in.renamed(op.name().simpleName());
            scope.put(op.name().simpleName(), new Scope.TabularValue(() -> named));
            return named;
        }
    }

    /** {@code render} only describes a chart: the rows are unchanged. */
    static final class Render implements TabularOperator<QueryOperator.Render> {
        @Override
        public Class<QueryOperator.Render> syntax() {
            return QueryOperator.Render.class;
        }

        @Override
        public Table apply(QueryOperator.Render op, Table input, Evaluator evaluator, Scope scope) {
            return Operators.requireInput(input, op);
        }
    }

    static final class GetSchema implements TabularOperator<QueryOperator.GetSchema> {
        @Override
        public Class<QueryOperator.GetSchema> syntax() {
            return QueryOperator.GetSchema.class;
        }

        @Override
        public Table apply(QueryOperator.GetSchema op, Table input, Evaluator evaluator, Scope scope) {
            Table in = Operators.requireInput(input, op);
            Table.Builder b = Table.builder("getschema", List.of(new Column("ColumnName", ScalarType.STRING),
                    new Column("ColumnOrdinal", ScalarType.INT), new Column("DataType", ScalarType.STRING),
                    new Column("ColumnType", ScalarType.STRING)));
            for (int i = 0; i < in.columns().size(); i++) {
                ScalarType t = in.type(i);
                b.add(in.columns().get(i).name(), i, "System." + dotnet(t), t.kustoName());
            }
            return b.build();
        }

        private static String dotnet(ScalarType t) {
            return switch (t) {
                case BOOL -> "Boolean";
                case INT -> "Int32";
                case LONG -> "Int64";
                case REAL -> "Double";
                case DECIMAL -> "Data.SqlTypes.SqlDecimal";
                case STRING -> "String";
                case DATETIME -> "DateTime";
                case TIMESPAN -> "TimeSpan";
                case GUID -> "Guid";
                case DYNAMIC -> "Object";
            };
        }
    }
}

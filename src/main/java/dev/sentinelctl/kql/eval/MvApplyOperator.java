package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mv-apply items on (subquery)}: per input row, expands the items into a small table, runs the subquery
 * over it, and emits the subquery's rows (mv-apply-operator.md). Rows whose subquery gives nothing are dropped.
 */
final class MvApplyOperator implements TabularOperator<QueryOperator.MvApply> {

    @Override
    public Class<QueryOperator.MvApply> syntax() {
        return QueryOperator.MvApply.class;
    }

    @Override
    public Table apply(QueryOperator.MvApply op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        String bag = JoinOperator.param(op.parameters(), "bagexpansion", JoinOperator.param(op.parameters(), "kind", "bag", evaluator, scope), evaluator, scope);
        String index = JoinOperator.param(op.parameters(), "with_itemindex", null, evaluator, scope);
        long limit = MvExpandOperator.limit(op.limit(), evaluator, scope);
        List<MvExpandOperator.Item> items = MvExpandOperator.items(op.items().items(), in, evaluator, scope);
        List<Table> outputs = new ArrayList<>();
        List<Column> schema = null;
        for (int r = 0; r < in.rowCount(); r++) {
            Table one = in.gather(new int[]{r}, 1);
            List<MvExpandOperator.Item> rowItems = new ArrayList<>();
            for (MvExpandOperator.Item it : items) {
                Object v = it.value().eval(r);
                rowItems.add(new MvExpandOperator.Item(it.name(), Ev.constant(it.value().type(), v), it.to()));
            }
            Table expanded = MvExpandOperator.expand(one, rowItems, bag.equals("array"), index, limit);
            Table out = withRow(one, items, subquery(op.subquery(), expanded, evaluator, scope));
            if (schema == null) schema = out.columns();
            else if (!sameTypes(schema, out.columns())) {
                throw EvalException.unsupported("mv-apply whose subquery gives different schemas for different rows", op.subquery());
            }
            outputs.add(out);
        }
        if (schema == null) {
            // no rows: the schema is what the subquery gives for an empty expansion
            Table none = in.gather(new int[0], 0);
            Table expanded = MvExpandOperator.expand(none, items, bag.equals("array"), index, limit);
            return withRow(none, items, subquery(op.subquery(), expanded, evaluator, scope));
        }
        return Tables.concat(in.name(), schema, outputs);
    }

    /**
     * The input row's columns repeated for each subquery row, then the subquery's. The expanded columns belong to
     * the subquery: they are in the output only when it keeps them (a summarize inside drops them).
     */
    private static Table withRow(Table row, List<MvExpandOperator.Item> items, Table sub) {
        java.util.Set<String> expanded = new java.util.HashSet<>();
        for (MvExpandOperator.Item it : items) expanded.add(it.name());
        java.util.List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < row.columns().size(); i++) {
            String name = row.columns().get(i).name();
            if (sub.columnIndex(name) < 0 && !expanded.contains(name)) keep.add(i);
        }
        int[] idx = new int[sub.rowCount()];
        if (row.rowCount() == 0) java.util.Arrays.fill(idx, -1);
        Table left = Tables.select(row, keep).gather(idx, idx.length);
        return JoinOperator.combine(left, sub, List.of());
    }

    private static boolean sameTypes(List<Column> a, List<Column> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || !a.get(i).type().equals(b.get(i).type())) return false;
        }
        return true;
    }

    /** Runs a subquery of operators ({@code (take 1 | extend ...)}) over {@code input}. */
    static Table subquery(Expr e, Table input, Evaluator evaluator, Scope scope) {
        if (e instanceof Expr.Paren p) return subquery(p.inner(), input, evaluator, scope);
        if (e instanceof Expr.Pipe p) {
            Table t = subquery(p.source(), input, evaluator, scope);
            return Operators.apply(p.operator(), t, evaluator, scope);
        }
        if (e instanceof QueryOperator op) return Operators.apply(op, input, evaluator, scope);
        throw EvalException.unsupported("subquery '" + ExprCompiler.text(e) + "'", e);
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code union}: rows of all operands. {@code kind=outer} (default) takes every column, a name that has different
 * types in different operands becomes {@code name_type} per type; {@code kind=inner} keeps common columns.
 * {@code withsource=C} adds the operand's name as the first column; {@code isfuzzy=true} skips operands that
 * cannot be resolved (union-operator.md).
 */
final class UnionOperator implements TabularOperator<QueryOperator.Union> {

    @Override
    public Class<QueryOperator.Union> syntax() {
        return QueryOperator.Union.class;
    }

    /** An operand ending in {@code as T} is named T; other pipelines union_argN. */
    private static String asName(Expr e, int arg) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.Pipe p && p.operator() instanceof QueryOperator.As as) return as.name().simpleName();
        return "union_arg" + arg;
    }

    @Override
    public Table apply(QueryOperator.Union op, Table input, Evaluator evaluator, Scope scope) {
        String kind = JoinOperator.param(op.parameters(), "kind", "outer", evaluator, scope);
        String source = JoinOperator.param(op.parameters(), "withsource", null, evaluator, scope);
        boolean fuzzy = "true".equalsIgnoreCase(JoinOperator.param(op.parameters(), "isfuzzy", "false", evaluator, scope));
        List<Table> parts = new ArrayList<>();
        List<String> sourceNames = new ArrayList<>();
        if (input != null) {
            parts.add(input);
            sourceNames.add(input.name());
        }
        int arg = 0;
        for (Expr e : op.tables().items()) {
            if (e instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard) {
                for (String t : evaluator.tablesMatching(n.simpleName())) {
                    parts.add(evaluator.tableNamed(t, e, scope));
                    sourceNames.add(t);
                }
                continue;
            }
            try {
                Table t = evaluator.table(e, scope);
                parts.add(t);
                sourceNames.add(e instanceof Expr.NameRef n ? n.simpleName() : asName(e, arg));
            } catch (EvalException ex) {
                if (!fuzzy || !ex.code().equals(EvalResult.BIND)) throw ex;
            }
            arg++;
        }
        // output schema
        Map<String, Set<ScalarType>> types = new LinkedHashMap<>();
        for (Table t : parts) {
            for (int c = 0; c < t.columns().size(); c++) {
                types.computeIfAbsent(t.columns().get(c).name(), k -> new LinkedHashSet<>()).add(t.type(c));
            }
        }
        List<Column> cols = new ArrayList<>();
        List<String[]> origin = new ArrayList<>(); // {name, type}
        for (Map.Entry<String, Set<ScalarType>> en : types.entrySet()) {
            String name = en.getKey();
            if (kind.equals("inner")) {
                boolean everywhere = parts.stream().allMatch(t -> t.columnIndex(name) >= 0);
                if (!everywhere) continue;
            }
            for (ScalarType t : en.getValue()) {
                String out = en.getValue().size() == 1 ? name : name + "_" + t.kustoName();
                cols.add(new Column(out, t));
                origin.add(new String[]{name, t.kustoName()});
            }
        }
        int rows = parts.stream().mapToInt(Table::rowCount).sum();
        List<Vec> vecs = new ArrayList<>();
        List<Column> outCols = new ArrayList<>();
        if (source != null) {
            Vec.Builder b = Vec.builder(ScalarType.STRING, rows);
            for (int p = 0; p < parts.size(); p++) for (int r = 0; r < parts.get(p).rowCount(); r++) b.add(sourceNames.get(p));
            outCols.add(new Column(source, ScalarType.STRING));
            vecs.add(b.build());
        }
        for (int c = 0; c < cols.size(); c++) {
            ScalarType t = (ScalarType) cols.get(c).type();
            Vec.Builder b = Vec.builder(t, rows);
            for (Table p : parts) {
                int i = p.columnIndex(origin.get(c)[0]);
                boolean match = i >= 0 && p.type(i) == t;
                for (int r = 0; r < p.rowCount(); r++) b.add(match ? p.vec(i).get(r) : null);
            }
            outCols.add(cols.get(c));
            vecs.add(b.build());
        }
        return Table.of("union", outCols, vecs, rows);
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.SyntaxElement;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code find [withsource=C] in (T1, T2, ...) where P [project-smart | project c1, c2 [, pack_all()]]}
 * (find-operator.md, "Output schema"). Tables that have none of the predicate's columns are left out; in the others
 * a predicate column the table lacks reads as null, so {@code Version == 'v1' or EventName == 'E1'} filters each table
 * by the part it has. The output starts with {@code source_} (or C): the table's name.
 * <ul>
 *   <li>project-smart (the default): the predicate's columns and the columns common to all kept tables, then
 *       {@code pack_}, a bag of each row's other columns;</li>
 *   <li>project list: those columns (null where a table lacks one), and with {@code pack_all()} a {@code pack_} bag of
 *       the columns not listed.</li>
 * </ul>
 * Refused explicitly: find without {@code in (...)} (every table of the workspace), operands that are not table names
 * or wildcards, typed project items ({@code c:type}) and a column with different types in different tables.
 */
final class FindOperator implements TabularOperator<QueryOperator.Find> {

    static final String PACK = "pack_";

    @Override
    public Class<QueryOperator.Find> syntax() {
        return QueryOperator.Find.class;
    }

    @Override
    public Table apply(QueryOperator.Find op, Table input, Evaluator evaluator, Scope scope) {
        if (input != null) throw EvalException.bind("find starts a query: it takes no piped input", op);
        if (op.in() == null) throw EvalException.unsupported("find without in (...) (a search of every table)", op);
        String source = JoinOperator.param(op.parameters(), "withsource", "source_", evaluator, scope);
        Map<String, Table> operands = new LinkedHashMap<>();
        for (Expr e : op.in().tables().items()) {
            if (e instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard) {
                for (String t : evaluator.tablesMatching(n.simpleName())) operands.put(t, evaluator.tableNamed(t, e, scope));
            } else if (e instanceof Expr.NameRef n) {
                operands.put(n.simpleName(), evaluator.tableNamed(n.simpleName(), e, scope));
            } else {
                throw EvalException.unsupported("find over a tabular expression (give table names)", e);
            }
        }
        Set<String> predicateColumns = new LinkedHashSet<>();
        collectNames(op.predicate(), predicateColumns, scope);
        Map<String, ScalarType> typeOf = new LinkedHashMap<>();
        for (Table t : operands.values()) {
            for (int c = 0; c < t.columns().size(); c++) {
                String name = t.columns().get(c).name();
                ScalarType was = typeOf.putIfAbsent(name, t.type(c));
                if (was != null && was != t.type(c) && predicateColumns.contains(name)) {
                    throw EvalException.unsupported("find over column '" + name + "' that has several types (" + was.kustoName()
                            + ", " + t.type(c).kustoName() + ")", op.predicate());
                }
            }
        }
        predicateColumns.retainAll(typeOf.keySet());
        // the predicate of each table that has at least one of its columns; the rest of its columns read as null
        Map<String, Table> matched = new LinkedHashMap<>();
        for (Map.Entry<String, Table> en : operands.entrySet()) {
            Table t = en.getValue();
            boolean uses = predicateColumns.isEmpty() || predicateColumns.stream().anyMatch(c -> t.columnIndex(c) >= 0);
            if (!uses) continue;
            Table wide = withNulls(t, predicateColumns, typeOf);
            Ev p = ExprCompiler.bool(new ExprCompiler(evaluator, wide, scope).compile(op.predicate()), op.predicate());
            int[] keep = new int[t.rowCount()];
            int k = 0;
            for (int r = 0; r < t.rowCount(); r++) if (p.eval(r) == Boolean.TRUE) keep[k++] = r;
            matched.put(en.getKey(), t.gather(keep, k));
        }
        List<Column> out = new ArrayList<>();
        boolean pack;
        boolean smart = op.columns() == null;
        if (smart) {
            for (Map.Entry<String, ScalarType> c : typeOf.entrySet()) {
                String name = c.getKey();
                boolean common = !matched.isEmpty() && matched.values().stream().allMatch(t -> typeIn(t, name) == c.getValue());
                if (predicateColumns.contains(name) || common) out.add(new Column(name, c.getValue()));
            }
            pack = true;
        } else {
            pack = false;
            for (Expr item : op.columns().items()) {
                if (item instanceof Expr.FunctionCall f && f.functionName().equals("pack_all") && f.arguments().items().isEmpty()) {
                    pack = true;
                } else if (item instanceof Expr.NameRef n && !(n.name() instanceof Name.Wildcard)) {
                    String name = n.simpleName();
                    if (!typeOf.containsKey(name)) {
                        throw EvalException.bind("find project: no table of the find has a column '" + name + "'", item);
                    }
                    for (Table t : operands.values()) {
                        ScalarType ty = typeIn(t, name);
                        if (ty != null && ty != typeOf.get(name)) {
                            throw EvalException.unsupported("find project of column '" + name + "' that has several types", item);
                        }
                    }
                    out.add(new Column(name, typeOf.get(name)));
                } else {
                    throw EvalException.unsupported("find project item '" + ExprCompiler.text(item) + "' (give column names and pack_all())", item);
                }
            }
        }
        return assemble(source, matched, out, pack);
    }

    private static Table assemble(String source, Map<String, Table> matched, List<Column> out, boolean pack) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column(source, ScalarType.STRING));
        cols.addAll(out);
        if (pack) cols.add(new Column(PACK, ScalarType.DYNAMIC));
        List<Vec.Builder> b = new ArrayList<>();
        for (Column c : cols) b.add(Vec.builder((ScalarType) c.type(), 16));
        Set<String> shown = new LinkedHashSet<>();
        for (Column c : out) shown.add(c.name());
        int n = 0;
        for (Map.Entry<String, Table> en : matched.entrySet()) {
            Table t = en.getValue();
            int[] at = new int[out.size()];
            for (int i = 0; i < out.size(); i++) at[i] = t.columnIndex(out.get(i).name());
            for (int r = 0; r < t.rowCount(); r++) {
                b.get(0).add(en.getKey());
                for (int i = 0; i < out.size(); i++) b.get(i + 1).add(at[i] < 0 ? null : t.vec(at[i]).get(r));
                if (pack) {
                    ObjectNode bag = Values.object();
                    for (int c = 0; c < t.columns().size(); c++) {
                        String name = t.columns().get(c).name();
                        if (!shown.contains(name)) bag.set(name, Values.toJson(t.type(c), t.vec(c).get(r)));
                    }
                    b.get(cols.size() - 1).add(bag);
                }
                n++;
            }
        }
        List<Vec> vecs = new ArrayList<>();
        for (Vec.Builder x : b) vecs.add(x.build());
        return Table.of("find", cols, vecs, n);
    }

    private static ScalarType typeIn(Table t, String name) {
        int i = t.columnIndex(name);
        return i < 0 ? null : t.type(i);
    }

    private static Table withNulls(Table t, Set<String> needed, Map<String, ScalarType> typeOf) {
        List<Column> cols = new ArrayList<>(t.columns());
        List<Vec> vecs = new ArrayList<>(List.of(t.vecs()));
        for (String c : needed) {
            if (t.columnIndex(c) >= 0) continue;
            cols.add(new Column(c, typeOf.get(c)));
            vecs.add(Vec.constant(typeOf.get(c), null, t.rowCount()));
        }
        return cols.size() == t.columns().size() ? t : Table.of(t.name(), cols, vecs, t.rowCount());
    }

    /** Plain names the predicate reads that are not lets or parameters: its column references. */
    private static void collectNames(SyntaxElement e, Set<String> out, Scope scope) {
        if (e instanceof Expr.NameRef n && !(n.name() instanceof Name.Wildcard)) {
            if (scope.get(n.simpleName()) == null) out.add(n.simpleName());
            return;
        }
        if (e instanceof Expr.FunctionCall f) {
            for (Expr a : f.arguments().items()) collectNames(a, out, scope);
            return;
        }
        if (e instanceof SyntaxNode node) {
            for (SyntaxElement child : node.children()) collectNames(child, out, scope);
        }
    }
}

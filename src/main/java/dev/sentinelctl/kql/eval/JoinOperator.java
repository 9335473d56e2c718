package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code join}: every kind. The default {@code innerunique} keeps one left row per key (the first; Kusto picks any,
 * join-innerunique.md) and then joins inner. Output: left columns, then right columns, a right name already taken
 * gets the next free suffix ({@code k} → {@code k1}). Semi and anti kinds keep one side's columns.
 */
final class JoinOperator implements TabularOperator<QueryOperator.Join> {

    @Override
    public Class<QueryOperator.Join> syntax() {
        return QueryOperator.Join.class;
    }

    static String param(List<Clause.OperatorParam> params, String name, String dflt, Evaluator evaluator, Scope scope) {
        for (Clause.OperatorParam p : params) {
            if (p.parameterName().equals(name)) {
                if (p.value() instanceof dev.sentinelctl.kql.syntax.Expr.NameRef n) return n.simpleName();
                Ev v = new ExprCompiler(evaluator, null, scope).compile(p.value());
                return Values.toStr(v.type(), v.eval(0));
            }
        }
        return dflt;
    }

    @Override
    public Table apply(QueryOperator.Join op, Table input, Evaluator evaluator, Scope scope) {
        Table left = Operators.requireInput(input, op);
        String kind = param(op.parameters(), "kind", "innerunique", evaluator, scope);
        Table right = evaluator.table(op.right(), scope);
        JoinKeys keys = new JoinKeys(op.on(), left, right, evaluator, scope, op);
        return join(kind, left, right, keys, op);
    }

    static Table join(String kind, Table left, Table right, JoinKeys keys, QueryOperator op) {
        Map<Object, List<Integer>> rightIndex = keys.index(right.rowCount(), keys.right);
        int ln = left.rowCount();
        switch (kind) {
            case "leftsemi", "semi", "leftanti", "anti", "leftantisemi" -> {
                boolean semi = kind.endsWith("semi") && !kind.contains("anti");
                int[] keep = new int[ln];
                int k = 0;
                for (int r = 0; r < ln; r++) {
                    Object key = JoinKeys.key(keys.left, r);
                    boolean hit = key != null && rightIndex.containsKey(key);
                    if (hit == semi) keep[k++] = r;
                }
                return left.gather(keep, k);
            }
            case "rightsemi", "rightanti", "rightantisemi" -> {
                boolean semi = kind.equals("rightsemi");
                Set<Object> leftKeys = new HashSet<>();
                for (int r = 0; r < ln; r++) {
                    Object key = JoinKeys.key(keys.left, r);
                    if (key != null) leftKeys.add(key);
                }
                int[] keep = new int[right.rowCount()];
                int k = 0;
                for (int r = 0; r < right.rowCount(); r++) {
                    Object key = JoinKeys.key(keys.right, r);
                    boolean hit = key != null && leftKeys.contains(key);
                    if (hit == semi) keep[k++] = r;
                }
                return right.gather(keep, k);
            }
            case "inner", "innerunique", "leftouter", "rightouter", "fullouter" -> {
                IntList li = new IntList(), ri = new IntList();
                boolean unique = kind.equals("innerunique");
                boolean keepLeft = kind.equals("leftouter") || kind.equals("fullouter");
                boolean keepRight = kind.equals("rightouter") || kind.equals("fullouter");
                boolean[] rightMatched = new boolean[right.rowCount()];
                Set<Object> seenLeft = unique ? new HashSet<>() : null;
                for (int r = 0; r < ln; r++) {
                    Object key = JoinKeys.key(keys.left, r);
                    if (unique && key != null && !seenLeft.add(key)) continue;
                    List<Integer> matches = key == null ? null : rightIndex.get(key);
                    if (matches == null) {
                        if (keepLeft) {
                            li.add(r);
                            ri.add(-1);
                        }
                        continue;
                    }
                    for (int m : matches) {
                        li.add(r);
                        ri.add(m);
                        rightMatched[m] = true;
                    }
                }
                if (keepRight) {
                    for (int r = 0; r < right.rowCount(); r++) {
                        if (!rightMatched[r]) {
                            li.add(-1);
                            ri.add(r);
                        }
                    }
                }
                return combine(left.gather(li.a, li.n), right.gather(ri.a, ri.n), List.of());
            }
            default -> throw EvalException.bind("unknown join kind '" + kind + "'", op);
        }
    }

    /** Left columns then right columns; right names that collide get a numeric suffix; {@code drop} right columns are omitted. */
    static Table combine(Table l, Table r, List<String> drop) {
        List<Column> cols = new ArrayList<>(l.columns());
        List<Vec> vecs = new ArrayList<>(List.of(l.vecs()));
        List<String> taken = Tables.names(l);
        for (int i = 0; i < r.columns().size(); i++) {
            String name = r.columns().get(i).name();
            if (drop.contains(name)) continue;
            String n = Tables.unique(name, taken);
            taken.add(n);
            cols.add(new Column(n, r.type(i)));
            vecs.add(r.vec(i));
        }
        return Table.of(l.name(), cols, vecs, l.rowCount());
    }

    /** A growable int array. */
    static final class IntList {
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }
    }
}

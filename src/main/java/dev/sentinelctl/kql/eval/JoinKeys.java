package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Equality keys of join/lookup: {@code on a} (same column both sides) or {@code on $left.a == $right.b}.
 * A null key matches nothing; anything but equality conjunctions is refused.
 */
final class JoinKeys {

    final List<Ev> left = new ArrayList<>();
    final List<Ev> right = new ArrayList<>();
    final List<String> sameNameColumns = new ArrayList<>();

    JoinKeys(Clause.On on, Table l, Table r, Evaluator evaluator, Scope scope, Expr op) {
        if (on == null) throw EvalException.bind("join needs an on clause", op);
        ExprCompiler lc = new ExprCompiler(evaluator, l, scope), rc = new ExprCompiler(evaluator, r, scope);
        for (Expr c : on.conditions().items()) add(c, lc, rc);
    }

    private void add(Expr c, ExprCompiler lc, ExprCompiler rc) {
        if (c instanceof Expr.NameRef n) {
            String name = n.simpleName();
            if (lc.input.columnIndex(name) < 0) throw EvalException.bind("join key '" + name + "' is not a column of the left side", c);
            if (rc.input.columnIndex(name) < 0) throw EvalException.bind("join key '" + name + "' is not a column of the right side", c);
            addPair(lc.compile(c), rc.compile(c), c);
            sameNameColumns.add(name);
            return;
        }
        if (c instanceof Expr.Binary b && b.op() == BinaryOp.AND) {
            add(b.left(), lc, rc);
            add(b.right(), lc, rc);
            return;
        }
        if (c instanceof Expr.Binary b && b.op() == BinaryOp.EQUAL) {
            String ls = side(b.left()), rs = side(b.right());
            if ("$left".equals(ls) && "$right".equals(rs)) {
                addPair(lc.compile(strip(b.left())), rc.compile(strip(b.right())), c);
                return;
            }
            if ("$right".equals(ls) && "$left".equals(rs)) {
                addPair(lc.compile(strip(b.right())), rc.compile(strip(b.left())), c);
                return;
            }
        }
        throw EvalException.unsupported("join condition '" + ExprCompiler.text(c) + "' (only equality of $left/$right columns)", c);
    }

    private void addPair(Ev l, Ev r, Expr where) {
        ScalarType t = Comparisons.common(l.type(), r.type());
        if (t == null) throw EvalException.bind("join keys have different types (" + l.type().kustoName() + ", " + r.type().kustoName() + ")", where);
        left.add(Comparisons.cast(l, t));
        right.add(Comparisons.cast(r, t));
    }

    private static String side(Expr e) {
        if (e instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef n) return n.simpleName();
        return null;
    }

    private static Expr strip(Expr e) {
        return ((Expr.MemberAccess) e).member();
    }

    /** The key of a row, or null when any part is null (never matches). */
    static Object key(List<Ev> evs, int row) {
        if (evs.size() == 1) {
            Object v = evs.get(0).eval(row);
            return v == null ? null : Comparisons.normalise(evs.get(0).type(), v);
        }
        Object[] k = new Object[evs.size()];
        for (int i = 0; i < k.length; i++) {
            Object v = evs.get(i).eval(row);
            if (v == null) return null;
            k[i] = Comparisons.normalise(evs.get(i).type(), v);
        }
        return Arrays.asList(k);
    }

    Map<Object, List<Integer>> index(int rows, List<Ev> side) {
        Map<Object, List<Integer>> m = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            Object k = key(side, r);
            if (k != null) m.computeIfAbsent(k, x -> new ArrayList<>(1)).add(r);
        }
        return m;
    }
}

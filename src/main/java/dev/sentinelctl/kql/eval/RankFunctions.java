package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;

import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;

/**
 * {@code row_rank_dense(term [, restart])} and {@code row_rank_min(term [, restart])} over the rows in their order
 * (row-rank-dense-function.md, row-rank-min-function.md): the rank starts at 1; dense adds 1 each time the term
 * differs from the previous row's, min takes the row's number (from 1) each time it differs, so equal neighbours
 * share the first one's number; restart starts over at 1. {@code row_rank(term)}, which kusto-builtins marks obsolete
 * with {@code row_rank_dense} as its alternative, is the dense rank; its two-argument form is refused.
 */
final class RankFunctions {

    private RankFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("row_rank_dense", (cx, args, call) -> rank(cx, args, call, true));
        m.put("row_rank_min", (cx, args, call) -> rank(cx, args, call, false));
        m.put("row_rank", (cx, args, call) -> {
            if (args.size() != 1) throw EvalException.unsupported("row_rank with its 'dense' argument (obsolete; use row_rank_dense or row_rank_min)", call);
            return rank(cx, args, call, true);
        });
    }

    private static Ev rank(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean dense) {
        Functions.arity(args, 1, 2, call);
        Ev term = cx.compile(args.get(0));
        Ev restart = args.size() > 1 ? ExprCompiler.bool(cx.compile(args.get(1)), args.get(1)) : Ev.constant(BOOL, false);
        int n = cx.input == null ? 1 : cx.input.rowCount();
        long[] ranks = new long[n];
        Object prev = null;
        long rank = 0, rowInRun = 0;
        for (int r = 0; r < n; r++) {
            Object v = term.eval(r);
            boolean fresh = r == 0 || Boolean.TRUE.equals(restart.eval(r));
            if (fresh) {
                rank = 1;
                rowInRun = 1;
            } else {
                rowInRun++;
                if (!same(term, prev, v)) rank = dense ? rank + 1 : rowInRun;
            }
            ranks[r] = rank;
            prev = v;
        }
        return Ev.of(LONG, r -> ranks[r]);
    }

    private static boolean same(Ev term, Object a, Object b) {
        if (a == null || b == null) return a == b;
        return Comparisons.normalise(term.type(), a).equals(Comparisons.normalise(term.type(), b));
    }
}

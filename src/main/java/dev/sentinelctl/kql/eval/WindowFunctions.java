package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.LONG;

/**
 * Window functions over the current row set in its order (window-functions.md): prev, next, row_number,
 * row_cumsum. Kusto requires a serialized input (after sort/serialize); the engine uses the rows as they are.
 */
final class WindowFunctions {

    private WindowFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("prev", (cx, args, call) -> shift(cx, args, call, -1));
        m.put("next", (cx, args, call) -> shift(cx, args, call, 1));
        m.put("row_number", (cx, args, call) -> {
            Functions.arity(args, 0, 2, call);
            if (args.size() >= 1) {
                Ev start = Comparisons.cast(cx.compile(args.get(0)), LONG);
                Object s = Functions.constant(start, args.get(0), "row_number start");
                long base = s == null ? 1 : (Long) s;
                if (args.size() == 2) {
                    // row_number(start, restart) (row-number-function.md): numbering goes back to start where restart is true
                    Ev restart = ExprCompiler.bool(cx.compile(args.get(1)), args.get(1));
                    int n = cx.input == null ? 1 : cx.input.rowCount();
                    long[] numbers = new long[n];
                    for (int r = 0; r < n; r++) numbers[r] = r == 0 || Boolean.TRUE.equals(restart.eval(r)) ? base : numbers[r - 1] + 1;
                    return Ev.of(LONG, r -> numbers[r]);
                }
                return Ev.of(LONG, r -> base + r);
            }
            return Ev.of(LONG, r -> 1L + r);
        });
        m.put("row_window_session", (cx, args, call) -> {
            // row_window_session(t, maxFromFirst, maxBetweenNeighbours [, restart]) (row-window-session-function.md):
            // the start of the session each row belongs to; a session ends when the next value is farther than
            // maxFromFirst from its first value or maxBetweenNeighbours from the previous one, or restart is true
            Functions.arity(args, 3, 4, call);
            Ev t = cx.compile(args.get(0));
            if (t.type() != ScalarType.DATETIME) throw EvalException.bind("row_window_session needs a datetime", args.get(0));
            Ev first = Comparisons.cast(cx.compile(args.get(1)), ScalarType.TIMESPAN);
            Ev between = Comparisons.cast(cx.compile(args.get(2)), ScalarType.TIMESPAN);
            Ev restart = args.size() > 3 ? ExprCompiler.bool(cx.compile(args.get(3)), args.get(3)) : Ev.constant(ScalarType.BOOL, false);
            int n = cx.input == null ? 1 : cx.input.rowCount();
            Object[] starts = new Object[n];
            Long start = null, prev = null;
            for (int r = 0; r < n; r++) {
                Long v = (Long) t.eval(r);
                Long f = (Long) first.eval(r), b = (Long) between.eval(r);
                if (v == null || f == null || b == null) {
                    starts[r] = null;
                    continue;
                }
                boolean fresh = start == null || Boolean.TRUE.equals(restart.eval(r)) || Math.abs(v - start) > f || Math.abs(v - prev) > b;
                if (fresh) start = v;
                prev = v;
                starts[r] = start;
            }
            return Ev.of(ScalarType.DATETIME, r -> starts[r]);
        });
        m.put("row_cumsum", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev x = cx.compile(args.get(0));
            ScalarType t = x.type() == ScalarType.INT ? LONG : x.type();
            int n = cx.input == null ? 1 : cx.input.rowCount();
            Object[] sums = new Object[n];
            long l = 0;
            double d = 0;
            for (int r = 0; r < n; r++) {
                Object v = x.eval(r);
                if (t == ScalarType.REAL) {
                    if (v != null) d += (Double) v;
                    sums[r] = d;
                } else if (t == LONG || t == ScalarType.TIMESPAN) {
                    if (v != null) l += (Long) v;
                    sums[r] = l;
                } else {
                    throw EvalException.bind("row_cumsum needs a number", args.get(0));
                }
            }
            return Ev.of(t, r -> sums[r]);
        });
    }

    private static Ev shift(ExprCompiler cx, java.util.List<dev.sentinelctl.kql.syntax.Expr> args, dev.sentinelctl.kql.syntax.Expr.FunctionCall call, int sign) {
        Functions.arity(args, 1, 3, call);
        Ev x = cx.compile(args.get(0));
        long offset = 1;
        if (args.size() > 1) {
            Ev o = Comparisons.cast(cx.compile(args.get(1)), LONG);
            Object ov = Functions.constant(o, args.get(1), call.functionName() + " offset");
            offset = ov == null ? 1 : (Long) ov;
        }
        Ev dflt = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), x.type()) : Ev.constant(x.type(), null);
        int n = cx.input == null ? 1 : cx.input.rowCount();
        long delta = sign * offset;
        return Ev.of(x.type(), r -> {
            long at = r + delta;
            return at < 0 || at >= n ? dflt.eval(r) : x.eval((int) at);
        });
    }
}

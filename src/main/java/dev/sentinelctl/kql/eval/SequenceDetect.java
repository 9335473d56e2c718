package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate sequence_detect(Timeline, MaxStepWindow, MaxSpan, s1=(pred1), s2=(pred2), ..., Dim1, ...)}
 * (sequence-detect-plugin.md): per combination of the dimensions, every chain of rows where row k satisfies step k,
 * each step comes later than the one before by at most MaxStepWindow and the last comes at most MaxSpan after the
 * first — the page's StormEvents output lists every such pairing. Output: the dimensions, one {@code step_Timeline}
 * column per step, and {@code Duration}. The page does not say whether two steps may share a timestamp: a chain
 * that would need that is refused (EVAL-unsupported) instead of being counted or dropped by guess.
 */
final class SequenceDetect {

    private static final int MAX_CHAINS = 1_000_000;

    private SequenceDetect() {
    }

    static Table apply(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        if (args.size() < 4) throw EvalException.bind("sequence_detect needs the timeline column, the step window, the span and at least one step", call);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        Ev time = cx.compile(args.get(0));
        if (time.type() != ScalarType.DATETIME && time.type() != ScalarType.TIMESPAN && !time.type().isNumeric()) {
            throw EvalException.bind("sequence_detect: the timeline must be a datetime, timespan or number column", args.get(0));
        }
        String timeName = evaluator.names.of(args.get(0));
        long window = span(cx, args.get(1), "the step window"), total = span(cx, args.get(2), "the span");
        List<String> stepNames = new ArrayList<>();
        List<Ev> steps = new ArrayList<>();
        List<Ev> dims = new ArrayList<>();
        List<String> dimNames = new ArrayList<>();
        for (Expr a : args.subList(3, args.size())) {
            Ev e = cx.compile(a instanceof Expr.Named n ? n.value() : a);
            if (dims.isEmpty() && e.type() == ScalarType.BOOL) {
                if (!(a instanceof Expr.Named n && n.target() instanceof dev.sentinelctl.kql.syntax.Name nm)) {
                    throw EvalException.unsupported("a sequence_detect step without a name (write name=(predicate))", a);
                }
                stepNames.add(nm.simpleName());
                steps.add(e);
            } else {
                String name = evaluator.names.of(a);
                if (name == null) throw EvalException.unsupported("a sequence_detect dimension without a name", a);
                dims.add(e);
                dimNames.add(name);
            }
        }
        if (steps.isEmpty()) throw EvalException.bind("sequence_detect needs at least one boolean step predicate", call);
        // rows with a time, grouped by dimensions, in time order
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < in.rowCount(); r++) {
            if (time.eval(r) == null) continue;
            List<Object> key = new ArrayList<>();
            for (Ev d : dims) {
                Object v = d.eval(r);
                key.add(v == null ? List.of() : Comparisons.normalise(d.type(), v));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) cols.add(new Column(dimNames.get(i), dims.get(i).type()));
        for (String s : stepNames) cols.add(new Column(s + "_" + timeName, time.type()));
        cols.add(new Column("Duration", time.type() == ScalarType.DATETIME ? ScalarType.TIMESPAN : time.type()));
        List<Vec.Builder> out = new ArrayList<>();
        for (Column c : cols) out.add(Vec.builder((ScalarType) c.type(), 16));
        int[] count = {0};
        for (List<Integer> rows : groups.values()) {
            rows.sort((x, y) -> Long.compare(ticks(time.eval(x)), ticks(time.eval(y))));
            List<List<Integer>> byStep = new ArrayList<>();
            for (Ev s : steps) {
                List<Integer> match = new ArrayList<>();
                for (int r : rows) if (s.eval(r) == Boolean.TRUE) match.add(r);
                byStep.add(match);
            }
            for (int r0 : byStep.get(0)) {
                int[] chain = new int[steps.size()];
                chain[0] = r0;
                extend(chain, 1, byStep, time, window, total, dims, out, count, call);
            }
        }
        List<Vec> vecs = new ArrayList<>();
        for (Vec.Builder b : out) vecs.add(b.build());
        return Table.of("sequence_detect", cols, vecs, count[0]);
    }

    private static void extend(int[] chain, int k, List<List<Integer>> byStep, Ev time, long window, long total,
                               List<Ev> dims, List<Vec.Builder> out, int[] count, Expr.FunctionCall call) {
        long first = ticks(time.eval(chain[0]));
        if (k == chain.length) {
            if (++count[0] > MAX_CHAINS) throw EvalException.unsupported("sequence_detect with more than " + MAX_CHAINS + " sequences", call);
            int c = 0;
            for (Ev d : dims) out.get(c++).add(d.eval(chain[0]));
            for (int r : chain) out.get(c++).add(time.eval(r));
            out.get(c).add(ticks(time.eval(chain[k - 1])) - first);
            return;
        }
        long prev = ticks(time.eval(chain[k - 1]));
        for (int r : byStep.get(k)) {
            if (r == chain[k - 1]) continue; // one event is one step
            long t = ticks(time.eval(r));
            if (t < prev) continue;
            if (t - prev > window || t - first > total) break;
            if (t == prev) {
                throw EvalException.unsupported("sequence_detect where two steps share a timestamp (the docs do not say whether they chain)", call);
            }
            chain[k] = r;
            extend(chain, k + 1, byStep, time, window, total, dims, out, count, call);
        }
    }

    private static long ticks(Object v) {
        return v instanceof Double d ? (long) (double) d : (Long) v;
    }

    private static long span(ExprCompiler cx, Expr e, String what) {
        Ev v = cx.compile(e);
        Object x = Functions.constant(v, e, "sequence_detect " + what);
        if (x == null) throw EvalException.bind("sequence_detect: " + what + " is null", e);
        return v.type() == ScalarType.REAL ? (long) (double) (Double) x : (Long) x;
    }
}

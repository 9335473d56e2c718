package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.SyntaxWalker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scan} (scan-operator.md): a state machine over the rows in their current order. Each step keeps a state
 * (one record per step up to itself, plus a match id) or none. A row is checked against the steps from the last to
 * the first: Check 1 — the previous step has a state and the row meets this step's condition (read against that
 * state): the state is promoted to this step and extended by the row; Check 2 — this step has a state (or is the
 * first step) and the row meets the condition read against it: the step's own record is replaced, and a first step
 * without a state starts a new sequence (a new match id). {@code sK.col} reads record K of the state the condition
 * is checked against; a record not there reads the declared default (or null for an input column).
 */
final class ScanOperator implements TabularOperator<QueryOperator.Scan> {

    private enum Output { ALL, LAST, NONE }

    @Override
    public Class<QueryOperator.Scan> syntax() {
        return QueryOperator.Scan.class;
    }

    @Override
    public Table apply(QueryOperator.Scan op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        int inputWidth = in.columns().size();

        // the input extended by the declared columns, filled with their defaults (what a bare name reads)
        Table ext = in;
        List<Object> defaults = new ArrayList<>();
        for (int c = 0; c < inputWidth; c++) defaults.add(null);
        if (op.declarations() != null) {
            for (Clause.Parameter p : op.declarations().parameters().items()) {
                String name = p.name().simpleName();
                if (!(p.type() instanceof Clause.TypeName tn)) throw EvalException.bind("a scan column is declared with a scalar type: " + name + ":long", p);
                ScalarType type = Evaluator.typeName(tn.token().text());
                if (type == null) throw EvalException.bind("unknown type '" + tn.token().text() + "' for scan column '" + name + "'", p);
                if (ext.columnIndex(name) >= 0) {
                    throw EvalException.bind("scan declares '" + name + "', which the input already has; declare a new name", p);
                }
                Object def = null;
                if (p.defaultValue() != null) {
                    Ev d = new ExprCompiler(evaluator, null, scope).compile(p.defaultValue());
                    def = Convert.to(type, d.type(), d.eval(0));
                }
                defaults.add(def);
                ext = Tables.withColumn(ext, name, Vec.constant(type, def, in.rowCount()));
            }
        }
        int width = ext.columns().size();
        String matchIdName = null;
        for (Clause.OperatorParam p : op.parameters()) {
            if (p.parameterName().equals("with_match_id")) {
                if (!(p.value() instanceof Expr.NameRef n)) throw EvalException.bind("with_match_id names a column: with_match_id=m_id", p);
                matchIdName = n.simpleName();
                if (ext.columnIndex(matchIdName) >= 0) throw EvalException.bind("with_match_id names an existing column '" + matchIdName + "'", p);
            }
        }

        List<Clause.ScanStep> steps = op.steps();
        if (steps.isEmpty()) throw EvalException.bind("scan needs at least one step", op);
        Map<String, Integer> stepIndex = new HashMap<>();
        for (int k = 0; k < steps.size(); k++) {
            Clause.ScanStep s = steps.get(k);
            if (stepIndex.put(s.name().simpleName(), k) != null) throw EvalException.bind("step name '" + s.name().simpleName() + "' is used twice", s.name());
        }

        View view = new View();
        Map<Expr, Ev> refs = new IdentityHashMap<>();
        Table extFinal = ext;
        for (Clause.ScanStep s : steps) {
            SyntaxWalker.walkNodes(s, n -> {
                if (n instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && m.member() instanceof Expr.NameRef col
                        && stepIndex.containsKey(t.simpleName()) && extFinal.columnIndex(t.simpleName()) < 0) {
                    int step = stepIndex.get(t.simpleName());
                    int c = extFinal.columnIndex(col.simpleName());
                    if (c < 0) throw EvalException.bind("step '" + t.simpleName() + "' has no column '" + col.simpleName() + "'", m);
                    Object def = defaults.get(c);
                    ScalarType type = extFinal.type(c);
                    refs.put(m, Ev.of(type, row -> {
                        Object[][] recs = view.records;
                        if (recs == null || recs[step] == null) return type == ScalarType.STRING && def == null ? "" : def;
                        return recs[step][c];
                    }));
                }
            });
        }
        ExprCompiler cx = new ExprCompiler(evaluator, ext, scope, Set.of(), refs);

        int n = steps.size();
        Ev[] conditions = new Ev[n];
        Output[] outputs = new Output[n];
        int[][] targets = new int[n][];
        Ev[][] values = new Ev[n][];
        for (int k = 0; k < n; k++) {
            Clause.ScanStep s = steps.get(k);
            conditions[k] = cx.compile(s.condition());
            if (conditions[k].type() != ScalarType.BOOL) throw EvalException.bind("a scan step's condition must be bool, not " + conditions[k].type().kustoName(), s.condition());
            outputs[k] = output(s);
            List<Expr> assignments = s.assignments().items();
            targets[k] = new int[assignments.size()];
            values[k] = new Ev[assignments.size()];
            Set<String> seen = new HashSet<>();
            for (int a = 0; a < assignments.size(); a++) {
                Expr e = assignments.get(a);
                if (!(e instanceof Expr.Named named) || !(named.target() instanceof Name target)) {
                    throw EvalException.bind("a scan assignment reads: column = expression", e);
                }
                int c = ext.columnIndex(target.simpleName());
                if (c < 0) throw EvalException.bind("scan assigns '" + target.simpleName() + "', which is neither a declared nor an input column; declare it: declare (" + target.simpleName() + ":type)", e);
                if (!seen.add(target.simpleName())) throw EvalException.bind("step '" + s.name().simpleName() + "' assigns '" + target.simpleName() + "' twice", e);
                targets[k][a] = c;
                values[k][a] = cx.compile(named.value());
            }
        }

        List<Column> outColumns = new ArrayList<>(ext.columns());
        if (matchIdName != null) outColumns.add(new Column(matchIdName, ScalarType.LONG));
        Vec.Builder[] out = new Vec.Builder[outColumns.size()];
        for (int c = 0; c < out.length; c++) out[c] = Vec.builder((ScalarType) outColumns.get(c).type(), 16);
        int[] outRows = {0};

        State[] state = new State[n];
        long nextMatchId = 0;
        for (int r = 0; r < in.rowCount(); r++) {
            for (int k = n - 1; k >= 0; k--) {
                boolean matched = false;
                if (k > 0 && state[k - 1] != null) {
                    view.records = state[k - 1].records;
                    if (Boolean.TRUE.equals(conditions[k].eval(r))) {
                        State promoted = state[k - 1];
                        state[k - 1] = null;
                        if (state[k] != null) flush(state[k], k, outputs, out, outRows, width);
                        Object[] rec = record(ext, r, width, targets[k], values[k]);
                        promoted.records[k] = rec;
                        flush(promoted, k - 1, outputs, out, outRows, width);
                        state[k] = promoted;
                        emit(promoted, k, rec, outputs, out, outRows, width);
                        matched = true;
                    }
                }
                if (!matched && (state[k] != null || k == 0)) {
                    view.records = state[k] == null ? null : state[k].records;
                    if (Boolean.TRUE.equals(conditions[k].eval(r))) {
                        Object[] rec = record(ext, r, width, targets[k], values[k]);
                        if (state[k] == null) state[k] = new State(nextMatchId++, n);
                        state[k].records[k] = rec;
                        emit(state[k], k, rec, outputs, out, outRows, width);
                    }
                }
                view.records = null;
            }
        }
        for (int k = 0; k < n; k++) if (state[k] != null) flush(state[k], k, outputs, out, outRows, width);

        List<Vec> vecs = new ArrayList<>();
        for (Vec.Builder b : out) vecs.add(b.build());
        return Table.of(in.name(), outColumns, vecs, outRows[0]);
    }

    private static Output output(Clause.ScanStep s) {
        if (s.output() == null) return Output.ALL;
        String v = s.output().value() instanceof Expr.NameRef n ? n.simpleName() : "";
        return switch (v) {
            case "all" -> Output.ALL;
            case "last" -> Output.LAST;
            case "none" -> Output.NONE;
            default -> throw EvalException.bind("a step's output is all, last or none", s.output());
        };
    }

    /** The row extended by the step's assignments (computed against the state the condition was checked on). */
    private static Object[] record(Table ext, int r, int width, int[] targets, Ev[] values) {
        Object[] rec = new Object[width];
        for (int c = 0; c < width; c++) rec[c] = ext.vec(c).get(r);
        Object[] assigned = new Object[targets.length];
        for (int a = 0; a < targets.length; a++) {
            assigned[a] = Convert.to(ext.type(targets[a]), values[a].type(), values[a].eval(r));
        }
        for (int a = 0; a < targets.length; a++) rec[targets[a]] = assigned[a];
        return rec;
    }

    private static void emit(State s, int k, Object[] rec, Output[] outputs, Vec.Builder[] out, int[] rows, int width) {
        switch (outputs[k]) {
            case ALL -> add(out, rows, rec, s.matchId, width);
            case LAST -> s.pending = rec;
            case NONE -> { }
        }
    }

    /** output=last: the step's last record of a run of matches is written when the sequence leaves the step. */
    private static void flush(State s, int k, Output[] outputs, Vec.Builder[] out, int[] rows, int width) {
        if (outputs[k] == Output.LAST && s.pending != null) add(out, rows, s.pending, s.matchId, width);
        s.pending = null;
    }

    private static void add(Vec.Builder[] out, int[] rows, Object[] rec, long matchId, int width) {
        for (int c = 0; c < width; c++) out[c].add(rec[c]);
        if (out.length > width) out[width].add(matchId);
        rows[0]++;
    }

    /** One step's state: the records of the steps up to it and the sequence's match id. */
    private static final class State {
        final long matchId;
        final Object[][] records;
        Object[] pending;

        State(long matchId, int steps) {
            this.matchId = matchId;
            this.records = new Object[steps][];
        }
    }

    /** The state a condition or assignment is read against while one row is checked. */
    private static final class View {
        Object[][] records;
    }
}

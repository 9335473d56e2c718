package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;

/** Operators that produce rows from nothing: print, range. */
final class SourceOperators {

    private SourceOperators() {
    }

    static final class Print implements TabularOperator<QueryOperator.Print> {
        @Override
        public Class<QueryOperator.Print> syntax() {
            return QueryOperator.Print.class;
        }

        @Override
        public Table apply(QueryOperator.Print op, Table input, Evaluator evaluator, Scope scope) {
            if (input != null) throw EvalException.bind("print starts a query; it takes no input", op);
            List<Column> cols = new ArrayList<>();
            List<Vec> vecs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int i = 0;
            Table one = Table.of("print", List.of(), List.of(), 1);
            for (Expr e : op.expressions().items()) {
                ExprCompiler cx = new ExprCompiler(evaluator, one, scope);
                List<TupleFunctions.Out> tuple = TupleFunctions.expand(e, cx, 1, evaluator.names, false);
                if (tuple != null) {
                    for (TupleFunctions.Out o : tuple) {
                        String name = Tables.unique(o.name(), names);
                        names.add(name);
                        cols.add(new Column(name, o.vec().type));
                        vecs.add(o.vec());
                    }
                    i++;
                    continue;
                }
                Ev v = cx.compile(e);
                String name = e instanceof Expr.Named ? Tables.derivedName(e) : null;
                if (name == null) name = Tables.unique("print_" + i, names);
                i++;
                names.add(name);
                cols.add(new Column(name, v.type()));
                vecs.add(Vec.builder(v.type(), 1).add(v.eval(0)).build());
            }
            return Table.of("print", cols, vecs, 1);
        }
    }

    static final class Range implements TabularOperator<QueryOperator.Range> {
        private static final int MAX_ROWS = 10_000_000;

        @Override
        public Class<QueryOperator.Range> syntax() {
            return QueryOperator.Range.class;
        }

        @Override
        public Table apply(QueryOperator.Range op, Table input, Evaluator evaluator, Scope scope) {
            if (input != null) throw EvalException.bind("range starts a query; it takes no input", op);
            ExprCompiler cx = new ExprCompiler(evaluator, null, scope);
            Ev from = cx.compile(op.fromValue()), to = cx.compile(op.toValue()), step = cx.compile(op.stepValue());
            Object f = from.eval(0), t = to.eval(0), s = step.eval(0);
            ScalarType type = from.type() == ScalarType.INT ? ScalarType.LONG : from.type();
            Vec.Builder b = Vec.builder(type, 16);
            if (f != null && t != null && s != null) {
                if (type == ScalarType.REAL || to.type() == ScalarType.REAL || step.type() == ScalarType.REAL) {
                    type = ScalarType.REAL;
                    b = Vec.builder(type, 16);
                    double a = Arith.d(f), z = Arith.d(t), d = Arith.d(s);
                    if (d == 0) throw EvalException.runtime("range step is zero", op.stepValue());
                    for (double x = a; d > 0 ? x <= z : x >= z; x += d) {
                        b.add(x);
                        if (b.size() > MAX_ROWS) throw EvalException.runtime("range gives more than " + MAX_ROWS + " rows", op);
                    }
                } else {
                    long a = (Long) f, z = (Long) Convert.to(type, to.type(), t), d = (Long) s;
                    if (d == 0) throw EvalException.runtime("range step is zero", op.stepValue());
                    for (long x = a; d > 0 ? x <= z : x >= z; x += d) {
                        b.add(x);
                        if (b.size() > MAX_ROWS) throw EvalException.runtime("range gives more than " + MAX_ROWS + " rows", op);
                    }
                }
            }
            Vec v = b.build();
            return Table.of("range", List.of(new Column(op.name().simpleName(), type)), List.of(v), v.size());
        }
    }
}

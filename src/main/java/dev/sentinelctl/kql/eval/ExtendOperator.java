package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.List;

/** {@code extend}: adds (or replaces) computed columns; later expressions see earlier ones. */
final class ExtendOperator implements TabularOperator<QueryOperator.Extend> {

    @Override
    public Class<QueryOperator.Extend> syntax() {
        return QueryOperator.Extend.class;
    }

    @Override
    public Table apply(QueryOperator.Extend op, Table input, Evaluator evaluator, Scope scope) {
        Table t = Operators.requireInput(input, op);
        ExprCompiler base = new ExprCompiler(evaluator, t, scope);
        int auto = 1;
        for (Expr e : op.expressions().items()) {
            List<TupleFunctions.Out> tuple = TupleFunctions.expand(e, base.withColumns(t), t.rowCount(), evaluator.names, false);
            if (tuple != null) {
                for (TupleFunctions.Out o : tuple) t = Tables.withColumn(t, o.name(), o.vec());
                continue;
            }
            Ev v = base.withColumns(t).compile(e);
            String name = evaluator.names.of(e);
            if (name == null) name = Tables.unique("Column" + auto++, Tables.names(t));
            t = Tables.withColumn(t, name, Tables.materialize(v, t.rowCount()));
        }
        return t;
    }
}

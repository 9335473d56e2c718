package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TypeNames;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * scan: the input's columns, then the declared columns with their types, then the {@code with_match_id} column
 * (long) — the order the engine's ScanOperator writes. The steps' conditions and assignments are not bound: a
 * step reads the previous row of any step ({@code s1.Col}), which the binder's row scope does not model.
 */
final class ScanRule implements OperatorRule<QueryOperator.Scan> {

    @Override
    public Class<QueryOperator.Scan> syntax() {
        return QueryOperator.Scan.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Scan op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        RowSchema input = in == null ? RowSchema.open() : in;
        List<Column> cols = new ArrayList<>(input.columns());
        if (op.declarations() != null) {
            for (Clause.Parameter p : op.declarations().parameters().items()) {
                ScalarType t = p.type() instanceof Clause.TypeName tn ? TypeNames.toScalar(tn.token().text()) : null;
                cols.add(new Column(p.name().simpleName(), t == null ? ScalarType.DYNAMIC : t));
            }
        }
        for (Clause.OperatorParam p : op.parameters()) {
            if (p.parameterName().equals("with_match_id") && p.value() instanceof Expr.NameRef n) {
                cols.add(new Column(n.simpleName(), ScalarType.LONG));
            }
        }
        return new RowSchema(cols, input.hidden(), input.isOpen());
    }
}

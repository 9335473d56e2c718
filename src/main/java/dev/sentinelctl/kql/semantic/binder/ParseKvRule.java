package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;

/** parse-kv: the input's columns plus the declared key columns with their types. */
final class ParseKvRule implements OperatorRule<QueryOperator.ParseKv> {

    @Override
    public Class<QueryOperator.ParseKv> syntax() {
        return QueryOperator.ParseKv.class;
    }

    @Override
    public RowSchema bind(QueryOperator.ParseKv p, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        ob.tb.bind(p.input(), c);
        List<Column> cols = new ArrayList<>(in.columns());
        if (p.columns() != null) {
            for (Clause cl : p.columns().columns().items()) {
                if (cl instanceof Clause.ColumnDecl d) {
                    KqlType t = d.type() instanceof Clause.TypeName tn ? TreeBinder.typeName(tn.token()) : ErrorType.UNKNOWN;
                    cols.add(new Column(d.name().simpleName(), t));
                } else if (cl instanceof Clause.TypeName tn) {
                    cols.add(new Column(tn.token().text(), ErrorType.UNKNOWN));
                }
            }
        }
        return in.with(cols);
    }
}

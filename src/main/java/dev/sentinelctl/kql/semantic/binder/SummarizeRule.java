package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.Map;

/** summarize: the group-by columns, then the aggregates (bound in aggregate context); a dynamic key is KS116. */
final class SummarizeRule implements OperatorRule<QueryOperator.Summarize> {

    @Override
    public Class<QueryOperator.Summarize> syntax() {
        return QueryOperator.Summarize.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Summarize s, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        ProjectionBuilder b = new ProjectionBuilder();
        if (s.by() != null) {
            for (Expr e : s.by().expressions().items()) {
                ob.projection.projectOne(e, b, TreeBinder.Style.DEFAULT, false, null, null, c);
                KqlType t = tb.types.get(e instanceof Expr.Named n ? n.value() : e);
                if (t == ScalarType.DYNAMIC) {
                    tb.diags.error("KS116", e instanceof Expr.Named n ? n.value() : e,
                            "The value of type 'dynamic' is not allowed in this context.",
                            "summarize cannot group by a dynamic value; group by tostring(" + (e instanceof Expr.Named n ? n.value() : e).text() + ") instead.");
                }
            }
            b.doNotAddAll(b.columns());
        }
        ob.projection.project(s.aggregates().items(), b, TreeBinder.Style.SUMMARIZE, false, c.aggregate(true));
        return new RowSchema(b.columns(), Map.of(), in.isOpen());
    }
}

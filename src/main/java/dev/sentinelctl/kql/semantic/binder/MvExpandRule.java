package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.List;

/**
 * mv-expand: the input's columns with each expanded item in place (its element type, or {@code to typeof()}),
 * plus the {@code with_itemindex} column; expanding a non-dynamic value is KS141.
 */
final class MvExpandRule implements OperatorRule<QueryOperator.MvExpand> {

    @Override
    public Class<QueryOperator.MvExpand> syntax() {
        return QueryOperator.MvExpand.class;
    }

    @Override
    public RowSchema bind(QueryOperator.MvExpand mv, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        return expand(mv.parameters(), mv.items().items(), mv.limit(), in, ob, c);
    }

    /** Shared with mv-apply, whose subquery sees the expanded rows. */
    static RowSchema expand(List<Clause.OperatorParam> params, List<Clause.ExpandItem> items, Clause.Limit limit,
                            RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        ProjectionBuilder b = Projection.startFrom(in);
        int before = in.columns().size();
        for (Clause.ExpandItem it : items) {
            KqlType newType = it.type() != null ? TreeBinder.typeofType(it.type()) : null;
            // without 'to typeof()' the expanded column keeps the expression's type (dynamic for dynamic)
            ob.projection.projectExpanded(it.expression(), b, newType, c);
            Expr inner = it.expression() instanceof Expr.Named n ? n.value() : it.expression();
            KqlType t = tb.types.get(inner);
            if (t instanceof ScalarType st && st != ScalarType.DYNAMIC) {
                tb.diags.error("KS141", inner, "The expression must have the type dynamic.",
                        "mv-expand expands arrays and property bags; convert with parse_json() or split() first.");
            }
        }
        String index = OperatorChecks.param(params, "with_itemindex");
        if (index != null) b.add(new Column(index, ScalarType.LONG), null, false, false);
        if (limit != null && limit.value() != null) tb.bind(limit.value(), c);
        return RowSchema.extending(in, Projection.withInferred(b.columns(), in, before));
    }
}

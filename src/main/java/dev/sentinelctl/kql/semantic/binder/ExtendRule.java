package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/** extend: the input's columns, then the new ones (a new column of an existing name replaces it in place). */
final class ExtendRule implements OperatorRule<QueryOperator.Extend> {

    @Override
    public Class<QueryOperator.Extend> syntax() {
        return QueryOperator.Extend.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Extend e, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        ProjectionBuilder b = Projection.startFrom(in);
        int before = in.columns().size();
        ob.projection.project(e.expressions().items(), b, TreeBinder.Style.EXTEND, false, c);
        return RowSchema.extending(in, Projection.withInferred(b.columns(), in, before));
    }
}

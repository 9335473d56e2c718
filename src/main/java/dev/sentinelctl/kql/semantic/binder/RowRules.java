package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.List;
import java.util.Map;

/**
 * Operators that pick, order or count rows (sort, top, take, count, distinct, serialize, as, render,
 * getschema): most pass their columns on unchanged.
 */
final class RowRules {

    private static final RowSchema GETSCHEMA = RowSchema.of(List.of(new Column("ColumnName", ScalarType.STRING),
            new Column("ColumnOrdinal", ScalarType.LONG), new Column("DataType", ScalarType.STRING),
            new Column("ColumnType", ScalarType.STRING)));

    private RowRules() {
    }

    static final class Sort implements OperatorRule<QueryOperator.Sort> {
        @Override
        public Class<QueryOperator.Sort> syntax() {
            return QueryOperator.Sort.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Sort s, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            for (Clause.SortItem it : s.items().items()) {
                OperatorChecks.checkNotDynamic(ob.tb.diags, ob.tb.bind(it.expression(), c), it.expression(), "sort");
            }
            return in;
        }
    }

    static final class Top implements OperatorRule<QueryOperator.Top> {
        @Override
        public Class<QueryOperator.Top> syntax() {
            return QueryOperator.Top.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Top t, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            OperatorChecks.checkInteger(ob.tb.diags, ob.tb.bind(t.count(), c), t.count());
            if (t.sort() != null) {
                OperatorChecks.checkNotDynamic(ob.tb.diags, ob.tb.bind(t.sort().expression(), c), t.sort().expression(), "top");
            }
            return in;
        }
    }

    static final class Take implements OperatorRule<QueryOperator.Take> {
        @Override
        public Class<QueryOperator.Take> syntax() {
            return QueryOperator.Take.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Take t, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            OperatorChecks.checkInteger(ob.tb.diags, ob.tb.bind(t.count(), c), t.count());
            return in;
        }
    }

    /** count: one long column, {@code Count} unless named with {@code as}. */
    static final class Count implements OperatorRule<QueryOperator.Count> {
        @Override
        public Class<QueryOperator.Count> syntax() {
            return QueryOperator.Count.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Count n, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return RowSchema.of(List.of(new Column(n.columnName(), ScalarType.LONG)));
        }
    }

    /** distinct: the listed columns, as project names them. */
    static final class Distinct implements OperatorRule<QueryOperator.Distinct> {
        @Override
        public Class<QueryOperator.Distinct> syntax() {
            return QueryOperator.Distinct.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Distinct d, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ProjectionBuilder b = new ProjectionBuilder();
            ob.projection.project(d.columns().items(), b, TreeBinder.Style.DEFAULT, false, c);
            return new RowSchema(b.columns(), Map.of(), in.isOpen());
        }
    }

    /** serialize: the input's columns plus the ones it declares (like extend, with project's naming). */
    static final class Serialize implements OperatorRule<QueryOperator.Serialize> {
        @Override
        public Class<QueryOperator.Serialize> syntax() {
            return QueryOperator.Serialize.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Serialize s, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ProjectionBuilder b = Projection.startFrom(in);
            int before = in.columns().size();
            ob.projection.project(s.expressions().items(), b, TreeBinder.Style.DEFAULT, false, c);
            return RowSchema.extending(in, Projection.withInferred(b.columns(), in, before));
        }
    }

    /** as: names the rows so far for the rest of the query. */
    static final class As implements OperatorRule<QueryOperator.As> {
        @Override
        public Class<QueryOperator.As> syntax() {
            return QueryOperator.As.class;
        }

        @Override
        public RowSchema bind(QueryOperator.As as, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            if (as.name() != null && as.name().firstToken() != null && !as.name().firstToken().missing()) {
                c.scope().declare(as.name().simpleName(), new LocalSymbol.Variable(Value.tabular(in)));
            }
            return in;
        }
    }

    /** render: checked by {@link RenderBinder}; the rows pass on. */
    static final class Render implements OperatorRule<QueryOperator.Render> {
        @Override
        public Class<QueryOperator.Render> syntax() {
            return QueryOperator.Render.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Render r, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ob.renders.check(r, c);
            return in;
        }
    }

    /** getschema: one row per input column, in Kusto's four fixed columns. */
    static final class GetSchema implements OperatorRule<QueryOperator.GetSchema> {
        @Override
        public Class<QueryOperator.GetSchema> syntax() {
            return QueryOperator.GetSchema.class;
        }

        @Override
        public RowSchema bind(QueryOperator.GetSchema g, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return GETSCHEMA;
        }
    }
}

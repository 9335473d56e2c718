package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.List;

/** sample and sample-distinct: the engine refuses them (nondeterministic), but their schema is known. */
final class SampleRules {

    private SampleRules() {
    }

    /** sample: some of the input's rows, columns unchanged. */
    static final class Sample implements OperatorRule<QueryOperator.Sample> {
        @Override
        public Class<QueryOperator.Sample> syntax() {
            return QueryOperator.Sample.class;
        }

        @Override
        public RowSchema bind(QueryOperator.Sample t, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ob.tb.bind(t.count(), c);
            return in;
        }
    }

    /** sample-distinct: one column, the sampled expression. */
    static final class SampleDistinct implements OperatorRule<QueryOperator.SampleDistinct> {
        @Override
        public Class<QueryOperator.SampleDistinct> syntax() {
            return QueryOperator.SampleDistinct.class;
        }

        @Override
        public RowSchema bind(QueryOperator.SampleDistinct sd, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ob.tb.bind(sd.count(), c);
            ProjectionBuilder b = new ProjectionBuilder();
            ob.projection.project(List.of(sd.expression()), b, TreeBinder.Style.DEFAULT, false, c);
            return RowSchema.of(b.columns());
        }
    }
}

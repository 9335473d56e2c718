package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TypePromotion;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.List;

/** Operators that make rows from nothing: print and range. */
final class SourceRules {

    private SourceRules() {
    }

    /** print: one row of its expressions, unnamed ones {@code print_<i>}. */
    static final class Print implements OperatorRule<QueryOperator.Print> {
        @Override
        public Class<QueryOperator.Print> syntax() {
            return QueryOperator.Print.class;
        }

        @Override
        public boolean startsQuery() {
            return true;
        }

        @Override
        public RowSchema bind(QueryOperator.Print p, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            ProjectionBuilder b = new ProjectionBuilder();
            List<Expr> items = p.expressions().items();
            TreeBinder.Ctx pc = c.withRow(null);
            for (int i = 0; i < items.size(); i++) {
                ob.projection.projectOne(items.get(i), b, TreeBinder.Style.PRINT, false, null, "print_" + i, pc);
            }
            return RowSchema.of(b.columns());
        }
    }

    /** range: one column of the promoted type of from, to and step. */
    static final class Range implements OperatorRule<QueryOperator.Range> {
        @Override
        public Class<QueryOperator.Range> syntax() {
            return QueryOperator.Range.class;
        }

        @Override
        public boolean startsQuery() {
            return true;
        }

        @Override
        public RowSchema bind(QueryOperator.Range r, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            TreeBinder tb = ob.tb;
            TreeBinder.Ctx rc = c.withRow(null);
            Value from = tb.bind(r.fromValue(), rc);
            Value to = tb.bind(r.toValue(), rc);
            Value step = tb.bind(r.stepValue(), rc);
            KqlType ft = TypePromotion.common(List.of(TreeBinder.scalarOf(from), TreeBinder.scalarOf(to)));
            KqlType st = TreeBinder.scalarOf(step);
            KqlType t = ft == ScalarType.INT && st == ScalarType.INT ? ScalarType.INT : TypePromotion.arithmetic(TypePromotion.ArithmeticOp.ADD, ft, st);
            String name = r.name() == null ? "" : r.name().simpleName();
            return RowSchema.of(List.of(new Column(name, t)));
        }
    }
}

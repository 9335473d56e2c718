package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code on} clause of join and lookup: common column names (KS145, KS227), {@code $left.A == $right.B}
 * equalities (KS183, KS182) or, after {@code where}, any predicate over both sides.
 */
final class JoinConditions {

    private final TreeBinder tb;

    private JoinConditions(TreeBinder tb) {
        this.tb = tb;
    }

    static void check(TreeBinder tb, Clause.On on, RowSchema left, RowSchema right, TreeBinder.Ctx c, QueryOperator at) {
        new JoinConditions(tb).checkOn(on, left, right, c, at);
    }

    private void checkOn(Clause.On on, RowSchema left, RowSchema right, TreeBinder.Ctx c, QueryOperator at) {
        if (on == null) {
            tb.diags.error("KS006", at, "Missing join on condition clause",
                    "Add on CommonColumn or on $left.A == $right.B after the right-hand table.");
            return;
        }
        TreeBinder.Ctx jc = c.withRow(null).withJoinSides(left, right);
        boolean predicate = on.on().is("where");
        for (Expr e : on.conditions().items()) {
            if (predicate) bindJoinPredicate(e, left, right, jc);
            else checkJoinCondition(e, left, right, jc);
        }
    }

    /** 'join ... where predicate' (and lookup's): any condition, with the columns of both sides in scope. */
    private void bindJoinPredicate(Expr x, RowSchema left, RowSchema right, TreeBinder.Ctx jc) {
        List<Column> both = new ArrayList<>(left.columns());
        both.addAll(right.columns());
        tb.bind(x, jc.withRow(new RowSchema(both, ColumnSets.mergeHidden(left, right), left.isOpen() || right.isOpen()))
                .withJoinSides(left, right));
    }

    /**
     * One side of an 'on' equality: Kusto wants {@code $left.<column> == $right.<column>} in that order
     * (KS183 otherwise, at the operand). Binds the operand only when it has that shape, so one mistake
     * gives one message.
     */
    private boolean checkJoinOperand(Expr operand, String side, TreeBinder.Ctx jc) {
        Expr x = operand;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && t.simpleName().equals(side)
                && m.member() instanceof Expr.NameRef) {
            return true;
        }
        String other = side.equals("$left") ? "$right" : "$left";
        String hint = x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && t.simpleName().equals(other)
                ? "Put the left table's column first: on $left.A == $right.B."
                : "Compare columns as they are: on $left.A == $right.B; compute a changed key with extend before the join.";
        tb.diags.error("KS183", operand, "The join condition operand must be: " + side + ".<column>", hint);
        return false;
    }

    private void checkJoinCondition(Expr e, RowSchema left, RowSchema right, TreeBinder.Ctx jc) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef n && !(n.name() instanceof Name.Wildcard)) {
            String name = n.simpleName();
            Column l = left.find(name);
            Column r = right.find(name);
            if (l == null && r == null && !left.isOpen() && !right.isOpen()) {
                // on neither side: Kusto reports the unknown name itself
                tb.diags.error("KS142", n, "The name '" + name + "' does not refer to any known column, table, variable or function.",
                        Diagnostics.didYouMean(TreeBinder.suggest(name, left)) + "The join key must be a column of both sides.");
                tb.types.put(n, ErrorType.UNKNOWN);
                return;
            }
            if ((l == null && !left.isOpen()) || (r == null && !right.isOpen())) {
                tb.diags.error("KS145", n, "The column '" + name + "' must exist on both sides of the join.",
                        "Rename one side with project-rename, or use on $left.A == $right.B.");
                tb.types.put(n, ErrorType.UNKNOWN);
                return;
            }
            if (l != null && r != null && !l.type().equals(r.type()) && !l.type().isUnknown() && !r.type().isUnknown()) {
                tb.diags.error("KS227", n, "The common column '" + name + "' must have the same type on both sides of the join.",
                        "It is " + l.type().displayName() + " on the left and " + r.type().displayName()
                                + " on the right; convert one side (e.g. extend " + name + " = tostring(" + name + ")).");
            }
            tb.types.put(n, l != null ? l.type() : r != null ? r.type() : ErrorType.UNKNOWN);
            return;
        }
        if (x instanceof Expr.Binary b && b.op() == BinaryOp.AND) {
            checkJoinCondition(b.left(), left, right, jc);
            checkJoinCondition(b.right(), left, right, jc);
            return;
        }
        if (x instanceof Expr.Binary b && b.op() == BinaryOp.EQUAL) {
            boolean leftOk = checkJoinOperand(b.left(), "$left", jc);
            boolean rightOk = checkJoinOperand(b.right(), "$right", jc);
            if (leftOk && rightOk) {
                tb.bind(x, jc);
            } else {
                if (leftOk) tb.bind(b.left(), jc);
                if (rightOk) tb.bind(b.right(), jc);
            }
            return;
        }
        tb.diags.error("KS182", x, "The join condition must be either the name of a column common to both tables or"
                + " in the form $left.<column> == $right.<column>.",
                "Write on CommonColumn, or on $left.A == $right.B (and more such equalities joined with 'and' or ',');"
                        + " for other conditions use join ... where.");
        bindJoinPredicate(x, left, right, jc);
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** lookup: the left columns, then the right ones but its keys, made unique; kinds inner and leftouter only. */
final class LookupRule implements OperatorRule<QueryOperator.Lookup> {

    private static final List<String> KINDS = List.of("inner", "leftouter");

    @Override
    public Class<QueryOperator.Lookup> syntax() {
        return QueryOperator.Lookup.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Lookup l, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        OperatorChecks.checkKind(tb.diags, l.parameters(), KINDS,
                "Use leftouter (the default: rows without a match keep empty columns) or inner.");
        Value right = tb.bind(l.right(), c.tabular(), true);
        RowSchema r = right.isTabular() ? right.rows() : RowSchema.open();
        JoinConditions.check(tb, l.on(), in, r, c, l);
        Set<String> rightKeys = new HashSet<>();
        if (l.on() != null) {
            for (Expr e : l.on().conditions().items()) collectRightKeys(e, rightKeys);
        }
        List<Column> cols = new ArrayList<>(in.columns());
        for (Column col : r.columns()) if (!rightKeys.contains(col.name())) cols.add(col);
        return new RowSchema(ColumnSets.makeUnique(cols), in.hidden(), in.isOpen() || r.isOpen());
    }

    private static void collectRightKeys(Expr e, Set<String> out) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef n) {
            out.add(n.simpleName());
        } else if (x instanceof Expr.Binary b) {
            collectRightKeys(b.left(), out);
            collectRightKeys(b.right(), out);
        } else if (x instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && t.simpleName().equals("$right")
                && m.member() instanceof Expr.NameRef mn) {
            out.add(mn.simpleName());
        }
    }
}

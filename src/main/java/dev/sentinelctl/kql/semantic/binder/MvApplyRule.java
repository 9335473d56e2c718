package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** mv-apply: the expanded rows go through the subquery; its output is merged back over the input's columns. */
final class MvApplyRule implements OperatorRule<QueryOperator.MvApply> {

    @Override
    public Class<QueryOperator.MvApply> syntax() {
        return QueryOperator.MvApply.class;
    }

    @Override
    public RowSchema bind(QueryOperator.MvApply ma, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        RowSchema expanded = MvExpandRule.expand(ma.parameters(), ma.items().items(), ma.limit(), in, ob, c);
        Value sub = ma.subquery() == null ? Value.UNKNOWN : ob.tb.bind(ma.subquery(), c.withImplicitInput(expanded), true);
        if (!sub.isTabular()) return expanded.withOpen(true);
        Set<String> expandedNames = new HashSet<>();
        for (Clause.ExpandItem it : ma.items().items()) {
            Expr x = it.expression();
            if (x instanceof Expr.Named n && n.target() instanceof Name nm) expandedNames.add(nm.simpleName());
            else expandedNames.add(ob.names.of(x, ""));
        }
        // input columns keep their place (taking the subquery's version); expanded ones the subquery
        // dropped are gone; then the subquery's new columns
        RowSchema subRows = sub.rows();
        List<Column> out = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Column col : in.columns()) {
            Column fromSub = subRows.find(col.name());
            if (fromSub != null && !subRows.hidden().containsKey(col.name())) {
                out.add(fromSub);
                present.add(col.name());
            } else if (!expandedNames.contains(col.name())) {
                out.add(col);
                present.add(col.name());
            }
        }
        for (Column col : subRows.columns()) if (present.add(col.name())) out.add(col);
        return new RowSchema(out, in.hidden(), in.isOpen() || subRows.isOpen());
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * join: the left columns then the right ones, made unique (anti and semi kinds keep one side only); the
 * kind and the {@code on} clause are checked as Kusto does.
 */
final class JoinRule implements OperatorRule<QueryOperator.Join> {

    private static final List<String> KINDS = List.of("inner", "fullouter", "innerunique", "leftanti", "leftantisemi",
            "anti", "leftouter", "leftsemi", "rightanti", "rightantisemi", "rightouter", "rightsemi");

    @Override
    public Class<QueryOperator.Join> syntax() {
        return QueryOperator.Join.class;
    }

    @Override
    public RowSchema bind(QueryOperator.Join j, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        OperatorChecks.checkKind(tb.diags, j.parameters(), KINDS,
                "Use one of these kinds; the default join kind is innerunique, which drops duplicate left keys.");
        Value right = tb.bind(j.right(), c.tabular(), true);
        RowSchema r = right.isTabular() ? right.rows() : RowSchema.open();
        String kind = OperatorChecks.param(j.parameters(), "kind");
        if (kind != null) kind = kind.toLowerCase(Locale.ROOT);
        JoinConditions.check(tb, j.on(), in, r, c, j);
        boolean rightOnly = "rightanti".equals(kind) || "rightsemi".equals(kind) || "rightantisemi".equals(kind);
        boolean leftOnly = "anti".equals(kind) || "leftanti".equals(kind) || "leftsemi".equals(kind) || "leftantisemi".equals(kind);
        List<Column> cols = new ArrayList<>();
        if (!rightOnly) cols.addAll(in.columns());
        if (!leftOnly) cols.addAll(r.columns());
        boolean open = (!rightOnly && in.isOpen()) || (!leftOnly && r.isOpen());
        return new RowSchema(ColumnSets.makeUnique(cols), ColumnSets.mergeHidden(rightOnly ? null : in, leftOnly ? null : r), open);
    }
}

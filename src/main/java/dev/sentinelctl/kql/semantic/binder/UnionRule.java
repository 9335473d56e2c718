package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.report.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * union: the piped input (if any) and every operand, columns unified by name and type, after the
 * {@code withsource=} column; with {@code isfuzzy=true} an unknown table is Kusto's KS205 warning.
 */
final class UnionRule implements OperatorRule<QueryOperator.Union> {

    private static final List<String> KINDS = List.of("inner", "outer");

    @Override
    public Class<QueryOperator.Union> syntax() {
        return QueryOperator.Union.class;
    }

    @Override
    public boolean startsQuery() {
        return true;
    }

    @Override
    public RowSchema bind(QueryOperator.Union u, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        OperatorChecks.checkKind(tb.diags, u.parameters(), KINDS,
                "Use outer (the default: every column of every input) or inner (only the columns all inputs share).");
        String withSource = OperatorChecks.param(u.parameters(), "withsource");
        String fuzzy = OperatorChecks.param(u.parameters(), "isfuzzy");
        boolean isFuzzy = fuzzy != null && fuzzy.equalsIgnoreCase("true");
        List<RowSchema> inputs = new ArrayList<>();
        if (in != null) inputs.add(in);
        for (Expr e : u.tables().items()) {
            Expr x = e;
            while (x instanceof Expr.Paren p) x = p.inner();
            if (x instanceof Expr.NameRef n && n.name() instanceof Name.Wildcard w) {
                inputs.add(wildcardTables(tb, w.simpleName()));
                continue;
            }
            if (isFuzzy && x instanceof Expr.NameRef n && isUnresolvable(tb, n.simpleName(), c)) {
                tb.diags.add("KS205", Severity.WARNING, n, "The fuzzy name '" + n.simpleName()
                                + "' does not refer to any known or currently accessible table.",
                        "With isfuzzy=true the query still runs without this table; declare it with --schema DIR to check its columns.");
                continue;
            }
            // with isfuzzy=true an unknown table anywhere in an operand is Kusto's KS205 warning
            if (isFuzzy) tb.fuzzyDepth++;
            try {
                Value v = tb.bind(e, c.tabular(), true);
                inputs.add(v.isTabular() ? v.rows() : RowSchema.open());
            } finally {
                if (isFuzzy) tb.fuzzyDepth--;
            }
        }
        List<Column> unified = ColumnSets.unifyByNameAndType(inputs);
        boolean open = false;
        for (RowSchema r : inputs) open |= r.isOpen();
        if (withSource != null) {
            List<Column> withCol = new ArrayList<>(unified.size() + 1);
            withCol.add(new Column(withSource, ScalarType.STRING));
            withCol.addAll(unified);
            unified = withCol;
        }
        return new RowSchema(unified, Map.of(), open);
    }

    private static boolean isUnresolvable(TreeBinder tb, String name, TreeBinder.Ctx c) {
        return c.scope().lookup(name) == null && tb.catalog.table(name).isEmpty()
                && tb.catalog.sentinelFunction(name).isEmpty() && !tb.catalog.hasTableWithoutSchema(name);
    }

    /** The catalog tables a pattern names (union, search, find), as one unified schema; open when none match. */
    static RowSchema wildcardTables(TreeBinder tb, String pattern) {
        List<RowSchema> matches = new ArrayList<>();
        for (String t : tb.catalog.tableNames()) {
            if (ColumnSets.glob(pattern, t)) {
                // not listed in tables(): Microsoft's binder lists only tables named directly
                matches.add(tb.cache.rows(tb.catalog.table(t).orElseThrow()));
            }
        }
        return new RowSchema(ColumnSets.unifyByNameAndType(matches), Map.of(), matches.isEmpty());
    }
}

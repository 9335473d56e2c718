package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * evaluate: the plugin's declared output schema when given, the output of the plugins whose shape is known
 * (bag_unpack, pivot, basket, autocluster, ipv4/ipv6_lookup, narrow), else an open schema over the input.
 */
final class EvaluateRule implements OperatorRule<QueryOperator.Evaluate> {

    @Override
    public Class<QueryOperator.Evaluate> syntax() {
        return QueryOperator.Evaluate.class;
    }

    @Override
    public boolean startsQuery() {
        return true;
    }

    @Override
    public RowSchema bind(QueryOperator.Evaluate ev, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        TreeBinder tb = ob.tb;
        if (ev.outputSchema() != null) {
            bindPluginArgs(tb, ev, in, c);
            return tb.schemaOf(ev.outputSchema(), false);
        }
        if (!(ev.plugin() instanceof Expr.FunctionCall f)) return RowSchema.open();
        String name = f.functionName();
        bindPluginArgs(tb, ev, in, c);
        RowSchema input = in == null ? RowSchema.EMPTY : in;
        switch (name) {
            case "bag_unpack": {
                List<Expr> args = f.arguments().items();
                List<Column> cols = new ArrayList<>(input.columns());
                if (!args.isEmpty()) {
                    Value v = tb.bind(args.get(0), c.withRow(input));
                    if (v.column() != null) cols.remove(v.column());
                }
                return new RowSchema(cols, input.hidden(), true);
            }
            case "pivot": {
                // pivot(column[, aggregate[, group columns...]]): the group columns (all others when none are
                // named), then one column per distinct value, which only the data knows
                List<Expr> args = f.arguments().items();
                List<Column> cols = new ArrayList<>();
                if (args.size() > 2) {
                    for (int i = 2; i < args.size(); i++) {
                        Value v = tb.bind(args.get(i), c.withRow(input));
                        if (v.column() != null) cols.add(v.column());
                    }
                } else {
                    Value pivot = args.isEmpty() ? Value.UNKNOWN : tb.bind(args.get(0), c.withRow(input));
                    for (Column col : input.columns()) if (col != pivot.column()) cols.add(col);
                }
                return new RowSchema(cols, Map.of(), true);
            }
            case "basket":
            case "autocluster": {
                List<Column> cols = new ArrayList<>();
                cols.add(new Column("SegmentId", ScalarType.LONG));
                cols.add(new Column("Count", ScalarType.LONG));
                cols.add(new Column("Percent", ScalarType.REAL));
                cols.addAll(input.columns());
                return RowSchema.of(ColumnSets.makeUnique(cols));
            }
            case "ipv4_lookup":
            case "ipv6_lookup": {
                // the input rows extended with the lookup table's columns
                List<Expr> args = f.arguments().items();
                Value table = args.isEmpty() ? Value.UNKNOWN : tb.bind(args.get(0), c.tabular(), true);
                List<Column> cols = new ArrayList<>(input.columns());
                if (!table.isTabular()) return new RowSchema(cols, input.hidden(), true);
                cols.addAll(table.rows().columns());
                return new RowSchema(ColumnSets.makeUnique(cols), input.hidden(), input.isOpen() || table.rows().isOpen());
            }
            case "narrow":
                return RowSchema.of(List.of(new Column("Row", ScalarType.INT), new Column("Column", ScalarType.STRING),
                        new Column("Value", ScalarType.STRING)));
            default:
                // output not modelled: open, but input columns read later keep their types
                return RowSchema.openOver(input);
        }
    }

    private static void bindPluginArgs(TreeBinder tb, QueryOperator.Evaluate ev, RowSchema in, TreeBinder.Ctx c) {
        if (ev.plugin() instanceof Expr.FunctionCall f) {
            if (tb.catalog.plugin(f.functionName()).isEmpty() && !f.name().firstToken().missing()) {
                tb.diags.error("KS124", f.name(), "The plug-in function '" + f.functionName() + "' is not defined.",
                        "Check the plugin name (evaluate bag_unpack(...), evaluate pivot(...) ...).");
            }
            // plugin arguments may be aggregates (pivot); ipv4_lookup's name columns of its lookup table too
            String pn = f.functionName();
            boolean otherTable = pn.equals("ipv4_lookup") || pn.equals("ipv6_lookup") || pn.startsWith("geo_");
            RowSchema row = in == null ? RowSchema.open() : otherTable ? in.withOpen(true) : in;
            TreeBinder.Ctx pc = c.withRow(row).aggregate(true);
            for (Expr a : f.arguments().items()) {
                if (!(a instanceof Expr.Star)) tb.bind(a, pc);
            }
        }
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code evaluate plugin(...)}: bag_unpack, pivot, ipv4_lookup here; the window plugins in {@link WindowPlugins},
 * rows_near and schema_merge in {@link TablePlugins}; other plugins are refused by name.
 */
final class EvaluateOperator implements TabularOperator<QueryOperator.Evaluate> {

    @Override
    public Class<QueryOperator.Evaluate> syntax() {
        return QueryOperator.Evaluate.class;
    }

    @Override
    public Table apply(QueryOperator.Evaluate op, Table input, Evaluator evaluator, Scope scope) {
        if (!(op.plugin() instanceof Expr.FunctionCall call)) throw EvalException.unsupported("evaluate '" + ExprCompiler.text(op.plugin()) + "'", op);
        String name = call.functionName();
        if (name.equals("bag_unpack")) {
            Table in = Operators.requireInput(input, op);
            List<Column> declared = op.outputSchema() == null ? null : DataTables.schema(op.outputSchema());
            return bagUnpack(in, call, declared, evaluator, scope);
        }
        if (name.equals("pivot")) return pivot(Operators.requireInput(input, op), call, evaluator, scope);
        if (name.equals("ipv4_lookup")) return ipv4Lookup(Operators.requireInput(input, op), call, evaluator, scope);
        if (name.equals("geo_polygon_lookup")) return GeoLookup.polygons(Operators.requireInput(input, op), call, evaluator, scope);
        if (name.equals("geo_line_lookup")) return GeoLookup.lines(Operators.requireInput(input, op), call, evaluator, scope);
        switch (name) {
            case "sequence_detect" -> { return SequenceDetect.apply(Operators.requireInput(input, op), call, evaluator, scope); }
            case "rolling_percentile" -> { return WindowPlugins.rollingPercentile(Operators.requireInput(input, op), call, evaluator, scope); }
            case "sliding_window_counts" -> { return WindowPlugins.slidingWindowCounts(Operators.requireInput(input, op), call, evaluator, scope); }
            case "active_users_count" -> { return WindowPlugins.activeUsersCount(Operators.requireInput(input, op), call, evaluator, scope); }
            case "rows_near" -> { return TablePlugins.rowsNear(Operators.requireInput(input, op), call, evaluator, scope); }
            case "schema_merge" -> { return TablePlugins.schemaMerge(Operators.requireInput(input, op), call, evaluator, scope); }
            default -> { }
        }
        throw EvalException.unsupported("plugin '" + name + "'", call);
    }

    /**
     * ipv4_lookup(LookupTable, SourceIp, RangeColumn [, extra keys...] [, return_unmatched]) (ipv4-lookup-plugin.md):
     * a lookup whose key is "the source address lies in the row's IPv4 range (CIDR or single address)", plus
     * equality of the extra keys; input columns then the lookup table's other columns; rows without a match are
     * dropped unless return_unmatched is true. Every matching range gives a row, as lookup does.
     */
    private static Table ipv4Lookup(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = new ArrayList<>(call.arguments().items());
        if (args.size() < 3) throw EvalException.bind("ipv4_lookup needs the lookup table, the source address column and the range column", call);
        boolean returnUnmatched = false;
        Expr last = args.get(args.size() - 1);
        if (args.size() > 3 && last instanceof dev.sentinelctl.kql.syntax.Expr.Literal lit && lit.kind() == dev.sentinelctl.kql.syntax.LiteralKind.BOOL) {
            returnUnmatched = Boolean.TRUE.equals(Literals.value(lit));
            args.remove(args.size() - 1);
        }
        Table lookup = evaluator.table(args.get(0), scope);
        Ev src = ExprCompiler.str(new ExprCompiler(evaluator, in, scope).compile(args.get(1)));
        Ev range = ExprCompiler.str(new ExprCompiler(evaluator, lookup, scope).compile(args.get(2)));
        List<Ev[]> extra = new ArrayList<>();
        List<String> extraNames = new ArrayList<>();
        for (Expr k : args.subList(3, args.size())) {
            String n = Tables.derivedName(k);
            extra.add(new Ev[]{new ExprCompiler(evaluator, in, scope).compile(k), new ExprCompiler(evaluator, lookup, scope).compile(k)});
            extraNames.add(n);
        }
        List<long[]> ranges = new ArrayList<>();
        for (int r = 0; r < lookup.rowCount(); r++) ranges.add(IpFunctions.parse((String) range.eval(r)));
        JoinOperator.IntList li = new JoinOperator.IntList(), ri = new JoinOperator.IntList();
        for (int r = 0; r < in.rowCount(); r++) {
            long[] ip = IpFunctions.parse((String) src.eval(r));
            boolean hit = false;
            if (ip != null) {
                for (int x = 0; x < ranges.size(); x++) {
                    long[] rg = ranges.get(x);
                    if (rg == null) continue;
                    long m = IpFunctions.mask((int) rg[1]);
                    if ((ip[0] & m) != (rg[0] & m)) continue;
                    boolean keys = true;
                    for (Ev[] k : extra) {
                        Object a = k[0].eval(r), b = k[1].eval(x);
                        if (a == null || !a.equals(b)) {
                            keys = false;
                            break;
                        }
                    }
                    if (!keys) continue;
                    li.add(r);
                    ri.add(x);
                    hit = true;
                }
            }
            if (!hit && returnUnmatched) {
                li.add(r);
                ri.add(-1);
            }
        }
        return JoinOperator.combine(in.gather(li.a, li.n), lookup.gather(ri.a, ri.n), extraNames);
    }

    /**
     * pivot(column [, aggregation] [, keys...]) (pivot-plugin.md): one row per key combination, one column per
     * distinct value of {@code column} (named by its text, in ascending order) holding the aggregation over those
     * rows (count() by default; a cell with no rows holds the aggregate's empty value).
     */
    private static Table pivot(Table in, Expr.FunctionCall call, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        if (args.isEmpty()) throw EvalException.bind("pivot needs the pivot column", call);
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        Ev pivotCol = ExprCompiler.str(cx.compile(args.get(0)));
        int next = 1;
        Expr.FunctionCall agg = null;
        if (args.size() > 1 && args.get(1) instanceof Expr.FunctionCall c && Aggregates.isAggregate(c.functionName())) {
            agg = c;
            next = 2;
        }
        List<Expr> keys = args.subList(next, args.size());
        java.util.TreeSet<String> values = new java.util.TreeSet<>();
        for (int r = 0; r < in.rowCount(); r++) values.add((String) pivotCol.eval(r));
        // each pivot value is a countif/aggregate over the rows with that value, grouped by the keys
        List<Ev> keyEvs = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        for (Expr k : keys) {
            keyEvs.add(cx.compile(k));
            String n = evaluator.names.of(k);
            keyNames.add(n == null ? "Column" + (keyNames.size() + 1) : n);
        }
        Map<List<Object>, Integer> groups = new LinkedHashMap<>();
        int[] group = new int[in.rowCount()];
        for (int r = 0; r < in.rowCount(); r++) {
            Object[] key = new Object[keyEvs.size()];
            for (int i = 0; i < key.length; i++) key[i] = keyEvs.get(i).eval(r);
            group[r] = groups.computeIfAbsent(java.util.Arrays.asList(key), x -> groups.size());
        }
        List<String> valueList = new ArrayList<>(values);
        Aggregates.Agg a = agg == null ? null : Aggregates.compile(agg, cx);
        if (a != null && a.outputs().size() != 1) throw EvalException.unsupported("pivot with a multi-column aggregate", agg);
        ScalarType outType = a == null ? ScalarType.LONG : a.outputs().get(0).type();
        int g = groups.size();
        Aggregates.Acc[][] accs = new Aggregates.Acc[g][valueList.size()];
        long[][] counts = new long[g][valueList.size()];
        Map<String, Integer> valueIndex = new java.util.HashMap<>();
        for (int i = 0; i < valueList.size(); i++) valueIndex.put(valueList.get(i), i);
        for (int r = 0; r < in.rowCount(); r++) {
            int v = valueIndex.get((String) pivotCol.eval(r));
            if (a == null) {
                counts[group[r]][v]++;
            } else {
                if (accs[group[r]][v] == null) accs[group[r]][v] = a.newAcc();
                accs[group[r]][v].add(r);
            }
        }
        List<Column> cols = new ArrayList<>();
        List<Vec> vecs = new ArrayList<>();
        List<List<Object>> keyRows = new ArrayList<>(groups.keySet());
        for (int i = 0; i < keyEvs.size(); i++) {
            Vec.Builder b = Vec.builder(keyEvs.get(i).type(), g);
            for (List<Object> k : keyRows) b.add(k.get(i));
            cols.add(new Column(keyNames.get(i), keyEvs.get(i).type()));
            vecs.add(b.build());
        }
        List<String> taken = new ArrayList<>(keyNames);
        for (int v = 0; v < valueList.size(); v++) {
            Vec.Builder b = Vec.builder(outType, g);
            for (int gi = 0; gi < g; gi++) {
                if (a == null) b.add(counts[gi][v]);
                else b.add(accs[gi][v] == null ? a.newAcc().result()[0] : accs[gi][v].result()[0]);
            }
            String colName = Tables.unique(valueList.get(v), taken);
            taken.add(colName);
            cols.add(new Column(colName, outType));
            vecs.add(b.build());
        }
        return Table.of(in.name(), cols, vecs, g);
    }

    /**
     * bag_unpack(column [, prefix]): the input without the bag column, then one column per property (dynamic, or
     * the declared output schema's type); a property that equals an existing column name is an error as in Kusto.
     */
    private static Table bagUnpack(Table in, Expr.FunctionCall call, List<Column> declared, Evaluator evaluator, Scope scope) {
        List<Expr> args = call.arguments().items();
        if (args.isEmpty() || !(args.get(0) instanceof Expr.NameRef col)) throw EvalException.bind("bag_unpack needs the bag column", call);
        int bag = in.columnIndex(col.simpleName());
        if (bag < 0) throw EvalException.bind("unknown column '" + col.simpleName() + "'", col);
        String prefix = "";
        if (args.size() > 1) {
            Ev p = new ExprCompiler(evaluator, null, scope).compile(args.get(1));
            prefix = Values.toStr(p.type(), p.eval(0));
        }
        if (args.size() > 2) throw EvalException.unsupported("bag_unpack column-conflict and ignored-property arguments", args.get(2));
        Set<String> keys = new LinkedHashSet<>();
        Vec v = in.vec(bag);
        for (int r = 0; r < in.rowCount(); r++) {
            Object o = v.get(r);
            if (o instanceof JsonNode j && j.isObject()) keys.addAll(j.propertyNames());
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < in.columns().size(); i++) if (i != bag) keep.add(i);
        Table t = Tables.select(in, keep);
        Map<String, ScalarType> types = new LinkedHashMap<>();
        if (declared != null) {
            for (Column c : declared) {
                if (t.columnIndex(c.name()) < 0) types.put(c.name(), (ScalarType) c.type());
            }
        } else {
            for (String k : keys) types.put(prefix + k, ScalarType.DYNAMIC);
        }
        for (Map.Entry<String, ScalarType> en : types.entrySet()) {
            String key = en.getKey().substring(declared != null ? 0 : prefix.length());
            if (declared == null && t.columnIndex(en.getKey()) >= 0) {
                throw EvalException.runtime("bag_unpack: property '" + en.getKey() + "' collides with an existing column", call);
            }
            Vec.Builder b = Vec.builder(en.getValue(), in.rowCount());
            for (int r = 0; r < in.rowCount(); r++) {
                Object o = v.get(r);
                JsonNode val = o instanceof JsonNode j ? Dynamics.get(j, declared != null && !prefix.isEmpty() && key.startsWith(prefix) ? key.substring(prefix.length()) : key) : null;
                b.add(en.getValue() == ScalarType.DYNAMIC ? val : Convert.to(en.getValue(), ScalarType.DYNAMIC, val));
            }
            t = Tables.withColumn(t, en.getKey(), b.build());
        }
        return t;
    }
}

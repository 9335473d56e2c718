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

/** {@code evaluate plugin(...)}: bag_unpack; other plugins are refused by name. */
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
        throw EvalException.unsupported("plugin '" + name + "'", call);
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

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mv-expand}: one row per array element (several items expand in parallel, shorter ones padded with null);
 * a property bag gives one single-key bag per property ({@code bagexpansion=array}: a [key, value] pair); an
 * empty array gives no row, a null or scalar value one row (mv-expand-operator.md).
 */
final class MvExpandOperator implements TabularOperator<QueryOperator.MvExpand> {

    @Override
    public Class<QueryOperator.MvExpand> syntax() {
        return QueryOperator.MvExpand.class;
    }

    /** The compiled items of mv-expand / mv-apply. */
    record Item(String name, Ev value, ScalarType to) {
    }

    static List<Item> items(List<Clause.ExpandItem> items, Table in, Evaluator evaluator, Scope scope) {
        ExprCompiler cx = new ExprCompiler(evaluator, in, scope);
        List<Item> out = new ArrayList<>();
        for (Clause.ExpandItem it : items) {
            Expr e = it.expression();
            String name = evaluator.names.of(e);
            Expr inner = e;
            while (inner instanceof Expr.Paren p) inner = p.inner();
            if (name == null && inner instanceof Expr.FunctionCall c && !c.arguments().isEmpty()) {
                name = Tables.derivedName(c.arguments().get(0)); // mv-expand todynamic(Entities) keeps the name Entities
            }
            if (name == null) throw EvalException.unsupported("mv-expand of an unnamed expression (write name = expression)", e);
            ScalarType to = ScalarType.DYNAMIC;
            if (it.type() != null) {
                if (it.type().schema().columns().size() != 1 || !(it.type().schema().columns().get(0) instanceof Clause.TypeName tn)) {
                    throw EvalException.bind("to typeof(type) expects one type", it.type());
                }
                to = Evaluator.typeName(tn.token().text());
            }
            out.add(new Item(name, cx.compile(e), to));
        }
        return out;
    }

    static List<JsonNode> elements(Object v, ScalarType type, boolean bagAsArray) {
        List<JsonNode> out = new ArrayList<>();
        if (v == null) {
            out.add(null);
            return out;
        }
        JsonNode j = type == ScalarType.DYNAMIC ? (JsonNode) v : Values.toJson(type, v);
        if (j.isArray()) {
            for (JsonNode el : j) out.add(el);
        } else if (j.isObject()) {
            for (Map.Entry<String, JsonNode> en : j.properties()) {
                if (bagAsArray) {
                    ArrayNode pair = Values.array();
                    pair.add(en.getKey());
                    pair.add(en.getValue());
                    out.add(pair);
                } else {
                    ObjectNode one = Values.object();
                    one.set(en.getKey(), en.getValue());
                    out.add(one);
                }
            }
        } else {
            out.add(j);
        }
        return out;
    }

    /** Expands rows of {@code in}; returns the expanded table (input columns, expanded ones replaced or added). */
    static Table expand(Table in, List<Item> items, boolean bagAsArray, String indexColumn, long limit) {
        JoinOperator.IntList rows = new JoinOperator.IntList();
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) values.add(new ArrayList<>());
        List<Long> index = new ArrayList<>();
        for (int r = 0; r < in.rowCount(); r++) {
            List<List<JsonNode>> els = new ArrayList<>();
            int max = 0;
            for (Item it : items) {
                List<JsonNode> e = elements(it.value().eval(r), it.value().type(), bagAsArray);
                els.add(e);
                max = Math.max(max, e.size());
            }
            max = (int) Math.min(max, limit);
            for (int k = 0; k < max; k++) {
                rows.add(r);
                index.add((long) k);
                for (int i = 0; i < items.size(); i++) {
                    List<JsonNode> e = els.get(i);
                    JsonNode el = k < e.size() ? Dynamics.norm(e.get(k)) : null;
                    ScalarType to = items.get(i).to();
                    values.get(i).add(to == ScalarType.DYNAMIC ? el : Convert.to(to, ScalarType.DYNAMIC, el));
                }
            }
        }
        Table t = in.gather(rows.a, rows.n);
        for (int i = 0; i < items.size(); i++) {
            Vec.Builder b = Vec.builder(items.get(i).to(), rows.n);
            for (Object v : values.get(i)) b.add(v);
            t = Tables.withColumn(t, items.get(i).name(), b.build());
        }
        if (indexColumn != null) {
            Vec.Builder b = Vec.builder(ScalarType.LONG, rows.n);
            for (Long v : index) b.add(v);
            t = Tables.withColumn(t, indexColumn, b.build());
        }
        return t;
    }

    static long limit(Clause.Limit l, Evaluator evaluator, Scope scope) {
        return l == null ? Long.MAX_VALUE : RowOperators.count(l.value(), evaluator, scope);
    }

    @Override
    public Table apply(QueryOperator.MvExpand op, Table input, Evaluator evaluator, Scope scope) {
        Table in = Operators.requireInput(input, op);
        String bag = JoinOperator.param(op.parameters(), "bagexpansion", JoinOperator.param(op.parameters(), "kind", "bag", evaluator, scope), evaluator, scope);
        String index = JoinOperator.param(op.parameters(), "with_itemindex", null, evaluator, scope);
        List<Item> items = items(op.items().items(), in, evaluator, scope);
        return expand(in, items, bag.equals("array"), index, limit(op.limit(), evaluator, scope));
    }

}

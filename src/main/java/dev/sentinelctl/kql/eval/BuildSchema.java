package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;

/**
 * {@code buildschema(d)} (buildschema-aggregation-function.md): the minimal schema admitting every value. A
 * container is a bag of its properties' schemas, arrays add the {@code `indexer`} property for their elements; a
 * primitive is its type name ({@code long}, {@code double}, {@code string}); several kinds of one property form a
 * union list in the order first seen, in which all containers merge into one. Nulls add nothing (every property is
 * optional); a boolean is refused, since the page does not name its schema type.
 */
final class BuildSchema {

    static final String INDEXER = "`indexer`";

    private BuildSchema() {
    }

    /** A schema under construction: primitive names and at most one container, in first-seen order. */
    private static final class Node {
        final List<Object> kinds = new ArrayList<>(); // String or Map<String, Node>

        void add(JsonNode v, Expr.FunctionCall call) {
            if (v == null || v.isNull() || v.isMissingNode()) return;
            if (v.isObject() || v.isArray()) {
                Map<String, Node> box = container();
                if (v.isObject()) {
                    for (Map.Entry<String, JsonNode> p : v.properties()) box.computeIfAbsent(p.getKey(), k -> new Node()).add(p.getValue(), call);
                } else {
                    Node el = box.computeIfAbsent(INDEXER, k -> new Node());
                    for (JsonNode x : v) el.add(x, call);
                }
                return;
            }
            String t;
            if (v.isIntegralNumber()) t = "long";
            else if (v.isNumber()) t = "double";
            else if (v.isString()) t = "string";
            else throw EvalException.unsupported("buildschema of a " + v.getNodeType().name().toLowerCase() + " value", call);
            if (!kinds.contains(t)) kinds.add(t);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Node> container() {
            for (Object k : kinds) if (k instanceof Map<?, ?> m) return (Map<String, Node>) m;
            Map<String, Node> m = new LinkedHashMap<>();
            kinds.add(m);
            return m;
        }

        JsonNode toJson() {
            if (kinds.size() == 1) return one(kinds.get(0));
            ArrayNode a = Values.array();
            for (Object k : kinds) a.add(one(k));
            return a;
        }

        @SuppressWarnings("unchecked")
        private static JsonNode one(Object k) {
            if (k instanceof String s) return Values.JSON.stringNode(s);
            ObjectNode o = Values.object();
            for (Map.Entry<String, Node> e : ((Map<String, Node>) k).entrySet()) {
                if (!e.getValue().kinds.isEmpty()) o.set(e.getKey(), e.getValue().toJson());
            }
            return o;
        }
    }

    static Aggregates.Agg compile(List<Expr> a, ExprCompiler cx, Expr.FunctionCall c) {
        Functions.arity(a, 1, 1, c);
        Ev e = Comparisons.cast(cx.compile(a.get(0)), DYNAMIC);
        String d = cx.evaluator.names.of(a.get(0));
        List<Aggregates.Out> outs = List.of(new Aggregates.Out("schema_" + (d == null ? "" : d), DYNAMIC));
        return new Aggregates.Agg() {
            public List<Aggregates.Out> outputs() {
                return outs;
            }

            public Aggregates.Acc newAcc() {
                return new Aggregates.Acc() {
                    final Node root = new Node();

                    public void add(int r) {
                        Object v = e.eval(r);
                        if (v instanceof JsonNode j) root.add(j, c);
                    }

                    public Object[] result() {
                        return new Object[]{root.kinds.isEmpty() ? null : root.toJson()};
                    }
                };
            }
        };
    }
}

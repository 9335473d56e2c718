package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.SyntaxElement;
import tools.jackson.databind.JsonNode;

import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;

/**
 * Dynamic paths: {@code d.a}, {@code d['a']}, {@code d[0]}. A missing property or an out-of-range index is null,
 * never an error; a negative index counts from the end (scalar-data-types/dynamic.md).
 */
final class Dynamics {

    private Dynamics() {
    }

    static Ev property(Ev target, String key, SyntaxElement where) {
        Ev t = asDynamic(target, where);
        return Ev.of(DYNAMIC, row -> get((JsonNode) t.eval(row), key));
    }

    static Ev element(Ev target, Ev index, SyntaxElement where) {
        Ev t = asDynamic(target, where);
        ScalarType it = index.type();
        return Ev.of(DYNAMIC, row -> {
            JsonNode j = (JsonNode) t.eval(row);
            Object i = index.eval(row);
            if (j == null || i == null) return null;
            if (it == ScalarType.STRING) return get(j, (String) i);
            if (it == ScalarType.INT || it == ScalarType.LONG) return at(j, (Long) i);
            if (it == DYNAMIC) {
                JsonNode k = (JsonNode) i;
                if (k.isString()) return get(j, k.stringValue());
                if (k.isIntegralNumber()) return at(j, k.longValue());
            }
            return null;
        });
    }

    static Ev asDynamic(Ev e, SyntaxElement where) {
        if (e.type() == DYNAMIC) return e;
        if (e.type() == ScalarType.STRING) {
            // a string column holding JSON (custom logs, string-typed schema columns): read as parse_json would
            return Ev.of(DYNAMIC, r -> Convert.to(DYNAMIC, ScalarType.STRING, e.eval(r)));
        }
        throw EvalException.bind("a property or index of a " + e.type().kustoName() + " value: only dynamic values have them", where);
    }

    static JsonNode get(JsonNode j, String key) {
        if (j == null || !j.isObject()) return null;
        return norm(j.get(key));
    }

    static JsonNode at(JsonNode j, long index) {
        if (j == null || !j.isArray()) return null;
        long i = index < 0 ? j.size() + index : index;
        if (i < 0 || i >= j.size()) return null;
        return norm(j.get((int) i));
    }

    /** JSON null and missing nodes are Kusto null. */
    static JsonNode norm(JsonNode j) {
        return j == null || j.isNull() || j.isMissingNode() ? null : j;
    }
}

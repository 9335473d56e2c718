package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tables from JSON rows (objects keyed by column name), as {@code kql run} and fixtures give them. A table the
 * catalog knows takes its catalog schema (a key it does not have is an error); another table's columns and
 * types come from the values (string, long, real, bool, dynamic for objects and arrays).
 */
public final class JsonTables {

    private JsonTables() {
    }

    public static Table fromRows(String name, JsonNode rows, Catalog catalog) {
        if (rows == null || !rows.isArray()) throw new IllegalArgumentException("table " + name + ": rows must be a JSON array of objects");
        Optional<TableSchema> schema = catalog.table(name);
        List<Column> cols;
        if (schema.isPresent()) {
            cols = Evaluator.scalarColumns(schema.get().columns());
            for (JsonNode row : rows) {
                if (!row.isObject()) throw new IllegalArgumentException("table " + name + ": each row must be a JSON object");
                for (String k : row.propertyNames()) {
                    if (cols.stream().noneMatch(c -> c.name().equals(k))) {
                        throw new IllegalArgumentException("table " + name + ": column '" + k + "' is not in its schema");
                    }
                }
            }
        } else {
            Map<String, ScalarType> inferred = new LinkedHashMap<>();
            for (JsonNode row : rows) {
                if (!row.isObject()) throw new IllegalArgumentException("table " + name + ": each row must be a JSON object");
                for (Map.Entry<String, JsonNode> en : row.properties()) {
                    ScalarType t = infer(en.getValue());
                    if (t == null) continue;
                    ScalarType prev = inferred.get(en.getKey());
                    if (prev == null) inferred.put(en.getKey(), t);
                    else if (prev != t) inferred.put(en.getKey(), prev == ScalarType.LONG && t == ScalarType.REAL || prev == ScalarType.REAL && t == ScalarType.LONG ? ScalarType.REAL : ScalarType.DYNAMIC);
                }
                for (String k : row.propertyNames()) inferred.putIfAbsent(k, ScalarType.STRING);
            }
            cols = new ArrayList<>();
            for (Map.Entry<String, ScalarType> en : inferred.entrySet()) cols.add(new Column(en.getKey(), en.getValue()));
        }
        List<Vec.Builder> bs = new ArrayList<>();
        for (Column c : cols) bs.add(Vec.builder((ScalarType) c.type(), rows.size()));
        int r = 0;
        for (JsonNode row : rows) {
            r++;
            for (int i = 0; i < cols.size(); i++) {
                Column c = cols.get(i);
                JsonNode v = row.get(c.name());
                Object internal = fromJson((ScalarType) c.type(), v);
                if (internal == BAD) {
                    throw new IllegalArgumentException("table " + name + " row " + r + ": '" + v + "' is not a " + ((ScalarType) c.type()).kustoName() + " (column " + c.name() + ")");
                }
                bs.get(i).add(internal);
            }
        }
        List<Vec> vecs = new ArrayList<>();
        for (Vec.Builder b : bs) vecs.add(b.build());
        return Table.of(name, cols, vecs, rows.size());
    }

    private static ScalarType infer(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return ScalarType.BOOL;
        if (v.isIntegralNumber()) return ScalarType.LONG;
        if (v.isNumber()) return ScalarType.REAL;
        if (v.isString()) return ScalarType.STRING;
        return ScalarType.DYNAMIC;
    }

    private static final Object BAD = new Object();

    private static Object fromJson(ScalarType t, JsonNode v) {
        if (v == null || v.isNull()) return t == ScalarType.STRING ? "" : null;
        if (t == ScalarType.DYNAMIC) return v;
        Object out = Convert.to(t, ScalarType.DYNAMIC, v);
        if (out == null && !(v.isString() && v.stringValue().isEmpty())) return BAD;
        return out;
    }
}

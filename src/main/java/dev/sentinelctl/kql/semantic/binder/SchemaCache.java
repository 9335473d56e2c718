package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.TableSchema;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Row schemas of catalog tables and stored functions, split once into visible and standard columns. Owned
 * by one {@link Binder} (one catalog), shared by its concurrent calls; values are immutable.
 */
final class SchemaCache {

    private final ConcurrentHashMap<String, RowSchema> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, RowSchema> functions = new ConcurrentHashMap<>();

    RowSchema rows(TableSchema t) {
        return tables.computeIfAbsent(t.name(), k -> RowSchema.ofTable(t.columns()));
    }

    RowSchema rows(String functionName, List<Column> columns) {
        return functions.computeIfAbsent(functionName, k -> RowSchema.ofTable(columns));
    }
}

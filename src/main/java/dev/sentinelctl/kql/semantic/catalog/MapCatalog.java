package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.TableSchema;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory catalog of given definitions: user schemas, tests. Immutable. */
public final class MapCatalog implements Catalog {

    public static final MapCatalog EMPTY = new MapCatalog(List.of(), List.of(), Map.of());

    private final Map<String, TableSchema> tables;
    private final Map<FunctionKind, Map<String, FunctionSymbol>> functions;
    private final Map<String, TableSchema> watchlists;

    public MapCatalog(Collection<TableSchema> tables, Collection<FunctionSymbol> functions,
                      Map<String, TableSchema> watchlists) {
        Map<String, TableSchema> t = new LinkedHashMap<>();
        for (TableSchema s : tables) t.put(s.name(), s);
        this.tables = Collections.unmodifiableMap(t);
        Map<FunctionKind, Map<String, FunctionSymbol>> f = new EnumMap<>(FunctionKind.class);
        for (FunctionKind k : FunctionKind.values()) f.put(k, new LinkedHashMap<>());
        for (FunctionSymbol s : functions) f.get(s.kind()).put(s.name(), s);
        f.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        this.functions = Collections.unmodifiableMap(f);
        this.watchlists = Collections.unmodifiableMap(new LinkedHashMap<>(watchlists));
    }

    @Override
    public Optional<TableSchema> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Set<String> tableNames() {
        return tables.keySet();
    }

    @Override
    public Optional<FunctionSymbol> function(FunctionKind kind, String name) {
        return Optional.ofNullable(functions.get(kind).get(name));
    }

    @Override
    public Set<String> functionNames(FunctionKind kind) {
        return functions.get(kind).keySet();
    }

    @Override
    public Optional<TableSchema> watchlist(String alias) {
        return Optional.ofNullable(watchlists.get(alias));
    }

    @Override
    public Set<String> watchlistNames() {
        return watchlists.keySet();
    }
}

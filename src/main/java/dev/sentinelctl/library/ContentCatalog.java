package dev.sentinelctl.library;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.Suggestions;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.util.Lazy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The base catalog with the content's parsers and watchlists on top. A parser's result columns are computed on first
 * use (binding its query, which looks up the parsers it calls in this same catalog), so checking a tree that holds
 * hundreds of parsers binds only those its queries call. Cycles are cut before (their members have fixed symbols);
 * a lookup that would still re-enter a parser being bound on this thread gets its unbound symbol.
 */
final class ContentCatalog implements Catalog {
    private final Catalog base;
    private final Map<String, TableSchema> watchlists;
    private final Map<String, Lazy<FunctionSymbol>> functions;
    private final Map<String, FunctionSymbol> unbound;
    private final ThreadLocal<Set<String>> binding = ThreadLocal.withInitial(HashSet::new);

    /**
     * @param unbound  each parser's symbol with an unknown result (what cycle members and re-entrant lookups get)
     * @param bind     computes a parser's symbol with its result columns, given this catalog
     */
    ContentCatalog(Catalog base, Map<String, TableSchema> watchlists, Map<String, FunctionSymbol> unbound, Set<String> fixed,
                   java.util.function.BiFunction<String, Catalog, FunctionSymbol> bind) {
        this.base = base;
        this.watchlists = Map.copyOf(watchlists);
        this.unbound = Map.copyOf(unbound);
        Map<String, Lazy<FunctionSymbol>> f = new java.util.HashMap<>();
        for (String alias : unbound.keySet()) {
            f.put(alias, fixed.contains(alias) ? new Lazy<>(() -> this.unbound.get(alias)) : new Lazy<>(() -> bindOnce(alias, bind)));
        }
        this.functions = Map.copyOf(f);
    }

    private FunctionSymbol bindOnce(String alias, java.util.function.BiFunction<String, Catalog, FunctionSymbol> bind) {
        Set<String> active = binding.get();
        active.add(alias);
        try {
            return bind.apply(alias, this);
        } finally {
            active.remove(alias);
        }
    }

    @Override
    public Optional<TableSchema> table(String name) {
        return base.table(name);
    }

    @Override
    public Set<String> tableNames() {
        return base.tableNames();
    }

    @Override
    public boolean hasTableWithoutSchema(String name) {
        return base.hasTableWithoutSchema(name);
    }

    @Override
    public Optional<TableSchema> tableIgnoreCase(String name) {
        return base.tableIgnoreCase(name);
    }

    @Override
    public Optional<FunctionSymbol> function(FunctionKind kind, String name) {
        if (kind == FunctionKind.STORED) {
            Lazy<FunctionSymbol> f = functions.get(name);
            if (f != null) return Optional.of(binding.get().contains(name) ? unbound.get(name) : f.get());
        }
        return base.function(kind, name);
    }

    @Override
    public Set<String> functionNames(FunctionKind kind) {
        if (kind != FunctionKind.STORED) return base.functionNames(kind);
        return union(functions.keySet(), base.functionNames(kind));
    }

    @Override
    public List<String> suggestFunctions(FunctionKind kind, String misspelt) {
        List<String> out = new ArrayList<>(kind == FunctionKind.STORED ? Suggestions.closest(misspelt, functions.keySet()) : List.of());
        for (String s : base.suggestFunctions(kind, misspelt)) if (!out.contains(s)) out.add(s);
        return List.copyOf(out.subList(0, Math.min(out.size(), Suggestions.MAX_RESULTS)));
    }

    @Override
    public Optional<TableSchema> watchlist(String alias) {
        TableSchema w = watchlists.get(alias);
        return w != null ? Optional.of(w) : base.watchlist(alias);
    }

    @Override
    public Set<String> watchlistNames() {
        return union(watchlists.keySet(), base.watchlistNames());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return Collections.unmodifiableSet(out);
    }
}

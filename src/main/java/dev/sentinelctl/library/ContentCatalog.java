package dev.sentinelctl.library;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.Suggestions;
import dev.sentinelctl.kql.semantic.TableSchema;
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
    private final Map<String, FunctionSymbol> unbound;
    private final Set<String> fixed;
    private final java.util.function.BiFunction<String, Catalog, FunctionSymbol> bind;
    /**
     * Bound symbols. Not a lock per parser: two threads may bind the same parser once each (the same result), but a
     * missed call edge can never make two threads wait on each other.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, FunctionSymbol> bound = new java.util.concurrent.ConcurrentHashMap<>();
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
        this.fixed = Set.copyOf(fixed);
        this.bind = bind;
    }

    private FunctionSymbol symbol(String alias) {
        if (fixed.contains(alias)) return unbound.get(alias);
        FunctionSymbol done = bound.get(alias);
        if (done != null) return done;
        Set<String> active = binding.get();
        if (!active.add(alias)) return unbound.get(alias);
        try {
            FunctionSymbol s = bind.apply(alias, this);
            FunctionSymbol raced = bound.putIfAbsent(alias, s);
            return raced != null ? raced : s;
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

    /** Tables are the base catalog's: so is whether the user declared one (an unknown _CL column's severity). */
    @Override
    public boolean declares(String table) {
        return base.declares(table);
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
        if (kind == FunctionKind.STORED && unbound.containsKey(name)) return Optional.of(symbol(name));
        return base.function(kind, name);
    }

    @Override
    public Set<String> functionNames(FunctionKind kind) {
        if (kind != FunctionKind.STORED) return base.functionNames(kind);
        return union(unbound.keySet(), base.functionNames(kind));
    }

    @Override
    public List<String> suggestFunctions(FunctionKind kind, String misspelt) {
        List<String> out = new ArrayList<>(kind == FunctionKind.STORED ? Suggestions.closest(misspelt, unbound.keySet()) : List.of());
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

package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.Suggestions;
import dev.sentinelctl.kql.semantic.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A catalog on top of another: the top one wins on equal names. User tables replace built-in tables of the
 * same name entirely (no column union): a user describing their own table means exactly that schema.
 */
public final class OverlayCatalog implements Catalog {

    private final Catalog top;
    private final Catalog base;

    public OverlayCatalog(Catalog top, Catalog base) {
        this.top = top;
        this.base = base;
    }

    @Override
    public Optional<TableSchema> table(String name) {
        Optional<TableSchema> t = top.table(name);
        return t.isPresent() ? t : base.table(name);
    }

    @Override
    public Set<String> tableNames() {
        return union(Catalog::tableNames);
    }

    @Override
    public boolean declares(String table) {
        return top.declares(table) || base.declares(table);
    }

    @Override
    public boolean hasTableWithoutSchema(String name) {
        // a user schema for the table answers the question
        return top.table(name).isEmpty() && (top.hasTableWithoutSchema(name) || base.hasTableWithoutSchema(name));
    }

    @Override
    public Optional<FunctionSymbol> function(FunctionKind kind, String name) {
        Optional<FunctionSymbol> f = top.function(kind, name);
        return f.isPresent() ? f : base.function(kind, name);
    }

    @Override
    public Set<String> functionNames(FunctionKind kind) {
        return union(c -> c.functionNames(kind));
    }

    @Override
    public List<String> suggestFunctions(FunctionKind kind, String misspelt) {
        // keep the base's notion of which names to offer (BuiltInCatalog leaves hidden ones out)
        List<String> out = new ArrayList<>(top.suggestFunctions(kind, misspelt));
        for (String s : base.suggestFunctions(kind, misspelt)) if (!out.contains(s)) out.add(s);
        return List.copyOf(out.subList(0, Math.min(out.size(), Suggestions.MAX_RESULTS)));
    }

    @Override
    public Optional<TableSchema> tableIgnoreCase(String name) {
        Optional<TableSchema> t = top.tableIgnoreCase(name);
        return t.isPresent() ? t : base.tableIgnoreCase(name);
    }

    @Override
    public Optional<TableSchema> watchlist(String alias) {
        Optional<TableSchema> w = top.watchlist(alias);
        return w.isPresent() ? w : base.watchlist(alias);
    }

    @Override
    public Set<String> watchlistNames() {
        return union(Catalog::watchlistNames);
    }

    private Set<String> union(Function<Catalog, Set<String>> names) {
        Set<String> out = new LinkedHashSet<>(names.apply(top));
        out.addAll(names.apply(base));
        return Collections.unmodifiableSet(out);
    }
}

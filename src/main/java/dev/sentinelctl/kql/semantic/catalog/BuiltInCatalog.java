package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.util.Lazy;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.Suggestions;
import dev.sentinelctl.kql.semantic.TableSchema;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog generated into src/main/resources/catalog. Tables and functions load independently and
 * lazily: binding {@code SigninLogs | take 1} never reads the function file, and a function lookup never
 * indexes the tables.
 */
public final class BuiltInCatalog implements Catalog {

    static final String TABLE_INDEX = "/catalog/tables.idx";
    static final String TABLE_SHARDS = "/catalog/tables-%02d.tsv";
    static final String FUNCTIONS = "/catalog/functions.tsv";
    static final String WITHOUT_SCHEMA = "/catalog/tables-without-schema.tsv";

    // Initialization-on-demand holder: the JVM runs this once, on first use, without locks afterwards.
    private static final class Shared {
        static final BuiltInCatalog INSTANCE = new BuiltInCatalog(TABLE_INDEX, TABLE_SHARDS, FUNCTIONS);
    }

    private final Lazy<TableStore> tables;
    private final Lazy<FunctionStore> functions;
    private final Lazy<Set<String>> withoutSchema = new Lazy<>(BuiltInCatalog::readWithoutSchema);

    BuiltInCatalog(String tableIndex, String tableShards, String functionsResource) {
        this.tables = new Lazy<>(() -> new TableStore(tableIndex, tableShards));
        this.functions = new Lazy<>(() -> new FunctionStore(functionsResource));
    }

    public static BuiltInCatalog shared() {
        return Shared.INSTANCE;
    }

    /** A fresh, unshared instance (tests measure cold loading with it). */
    public static BuiltInCatalog load() {
        return new BuiltInCatalog(TABLE_INDEX, TABLE_SHARDS, FUNCTIONS);
    }

    @Override
    public Optional<TableSchema> table(String name) {
        return tables.get().table(name);
    }

    @Override
    public Optional<TableSchema> tableIgnoreCase(String name) {
        return tables.get().nameIgnoringCase(name).flatMap(this::table);
    }

    @Override
    public Set<String> tableNames() {
        return tables.get().names();
    }

    @Override
    public boolean declares(String table) {
        return false;
    }

    @Override
    public boolean hasTableWithoutSchema(String name) {
        return withoutSchema.get().contains(name);
    }

    private static Set<String> readWithoutSchema() {
        Set<String> names = new java.util.HashSet<>();
        for (String line : Resources.lines(WITHOUT_SCHEMA)) {
            if (line.isEmpty() || line.charAt(0) == '#') continue;
            int tab = line.indexOf('\t');
            names.add(tab < 0 ? line : line.substring(0, tab));
        }
        return Set.copyOf(names);
    }

    /** Source codes of a built-in table ({@code ks}, {@code ast}, {@code csv}); see catalog/README.md. */
    public List<String> tableSources(String name) {
        return tables.get().sources(name);
    }

    /** How many tables have been parsed so far; lets tests verify that lookups stay lazy. */
    public int parsedTableCount() {
        return tables.get().parsedCount();
    }

    /** How many table shard files have been read; a first lookup reads one. */
    public int loadedShardCount() {
        return tables.get().loadedShardCount();
    }

    public int parsedFunctionCount() {
        return functions.get().parsedCount();
    }

    @Override
    public Optional<FunctionSymbol> function(FunctionKind kind, String name) {
        return functions.get().function(kind, name);
    }

    @Override
    public Set<String> functionNames(FunctionKind kind) {
        return functions.get().names(kind);
    }

    /** Offers only functions Kusto does not hide, so {@code parse_jsn} suggests parse_json, not parsejson. */
    @Override
    public List<String> suggestFunctions(FunctionKind kind, String misspelt) {
        return Suggestions.closest(misspelt, functions.get().visibleNames(kind));
    }

    @Override
    public Optional<TableSchema> watchlist(String alias) {
        return Optional.empty();
    }

    @Override
    public Set<String> watchlistNames() {
        return Set.of();
    }
}

package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.kql.semantic.catalog.BuiltInCatalog;
import dev.sentinelctl.kql.semantic.catalog.MapCatalog;
import dev.sentinelctl.kql.semantic.catalog.OverlayCatalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the binder may refer to: tables, functions (four namespaces, see {@link FunctionKind}) and
 * watchlists. Implementations are immutable and thread-safe. Lookups are exact and case-sensitive, as
 * Kusto resolves names; the {@code suggest*} methods and {@link #tableIgnoreCase} serve "did you mean".
 */
public interface Catalog {

    /** Built-in Sentinel/Log Analytics tables and Kusto/Sentinel functions; loaded lazily, shared. */
    static Catalog builtIn() {
        return BuiltInCatalog.shared();
    }

    static Catalog empty() {
        return MapCatalog.EMPTY;
    }

    /** A catalog of exactly these definitions (user schemas, tests). Later duplicates replace earlier ones. */
    static Catalog of(Collection<TableSchema> tables, Collection<FunctionSymbol> functions,
                      Map<String, TableSchema> watchlists) {
        return new MapCatalog(tables, functions, watchlists);
    }

    Optional<TableSchema> table(String name);

    Set<String> tableNames();

    /**
     * True when Sentinel content or connectors name this table but no schema source describes it (mostly
     * newer {@code _CL} tables). The binder should then report "schema unknown" (a warning) and give the
     * table an open schema ({@link ErrorType#UNKNOWN}) rather than "unknown table".
     */
    default boolean hasTableWithoutSchema(String name) {
        return false;
    }

    /**
     * True when the table's schema was given by the user (--schema, config {@code schemas:}) or by a catalog built for
     * the purpose, rather than taken from the built-in catalog, whose custom {@code _CL} schemas are one workspace's
     * copy and may differ from the user's. Decides whether an unknown column of such a table is an error or a warning.
     */
    default boolean declares(String table) {
        return table(table).isPresent();
    }

    Optional<FunctionSymbol> function(FunctionKind kind, String name);

    Set<String> functionNames(FunctionKind kind);

    /** Columns a watchlist defines (without the columns {@code _GetWatchlist} adds itself). */
    Optional<TableSchema> watchlist(String alias);

    Set<String> watchlistNames();

    default Optional<FunctionSymbol> scalarFunction(String name) {
        return function(FunctionKind.SCALAR, name);
    }

    default Optional<FunctionSymbol> aggregate(String name) {
        return function(FunctionKind.AGGREGATE, name);
    }

    default Optional<FunctionSymbol> plugin(String name) {
        return function(FunctionKind.PLUGIN, name);
    }

    /** Sentinel built-ins ({@code _GetWatchlist}), ASIM parsers ({@code _Im_Dns}, {@code imDns}), user parsers. */
    default Optional<FunctionSymbol> sentinelFunction(String name) {
        return function(FunctionKind.STORED, name);
    }

    /** The table whose name equals {@code name} ignoring case, for "did you mean 'SigninLogs'?". */
    default Optional<TableSchema> tableIgnoreCase(String name) {
        Optional<TableSchema> exact = table(name);
        if (exact.isPresent()) return exact;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String n : tableNames()) {
            if (n.toLowerCase(Locale.ROOT).equals(lower)) return table(n);
        }
        return Optional.empty();
    }

    /** The function of this kind whose name equals {@code name} ignoring case ({@code toLower} → tolower). */
    default Optional<FunctionSymbol> functionIgnoreCase(FunctionKind kind, String name) {
        Optional<FunctionSymbol> exact = function(kind, name);
        if (exact.isPresent()) return exact;
        for (String n : functionNames(kind)) {
            if (n.equalsIgnoreCase(name)) return function(kind, n);
        }
        return Optional.empty();
    }

    /** Up to five table names close to {@code misspelt} (case-insensitive edit distance), best first. */
    default List<String> suggestTables(String misspelt) {
        return Suggestions.closest(misspelt, tableNames());
    }

    default List<String> suggestFunctions(FunctionKind kind, String misspelt) {
        return Suggestions.closest(misspelt, functionNames(kind));
    }

    /**
     * The rows {@code _GetWatchlist(alias)} yields: the function's own result columns (SearchKey, _DTItemId,
     * ...) followed by the watchlist's columns when the alias is known. An unknown alias gives the function's
     * columns only; the binder decides whether that deserves a warning.
     */
    default TableSchema watchlistRows(String alias) {
        List<Column> cols = new ArrayList<>(sentinelFunction("_GetWatchlist")
                .map(FunctionSymbol::resultColumns).orElse(List.of()));
        watchlist(alias).ifPresent(w -> {
            for (Column c : w.columns()) {
                if (cols.stream().noneMatch(x -> x.name().equals(c.name()))) cols.add(c);
            }
        });
        return new TableSchema("_GetWatchlist('" + alias + "')", cols);
    }

    /** This catalog with {@code user} on top: the user's tables, functions and watchlists win on equal names. */
    default Catalog withOverlay(Catalog user) {
        return new OverlayCatalog(user, this);
    }
}

package dev.sentinelctl.library;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.report.Diagnostic;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions and watchlists a content tree defines itself, as catalog entries: each parser under its alias with
 * its parameters and the result columns its query binds to, each watchlist folder with its CSV's columns. Queries
 * checked against {@link #catalog()} call the repository's own parsers instead of guessing.
 *
 * @param catalog      {@code base} with the content's parsers and watchlists on top
 * @param diagnostics  what the parser graph shows across files: cycles, aliases defined twice
 * @param dependencies each parser alias → the aliases of the content's parsers it calls
 * @param order        parser aliases in dependency order (called parsers first); parsers in a cycle come last
 * @param functions    each parser alias → its KQL function text {@code (a:string='x', T:(*)) { query }}, as the
 *                     in-process engine runs it (parsers in a cycle are left out: they cannot run)
 * @param watchlists   each watchlist alias → its items, for engines that read {@code _GetWatchlist} from the content
 */
public record ContentLibrary(Catalog catalog, List<Diagnostic> diagnostics, Map<String, List<String>> dependencies,
                             List<String> order, Map<String, String> functions, Map<String, WatchlistRows> watchlists) {
    public ContentLibrary {
        diagnostics = List.copyOf(diagnostics);
        dependencies = Map.copyOf(dependencies);
        order = List.copyOf(order);
        functions = Map.copyOf(functions);
        watchlists = Map.copyOf(watchlists);
    }

    /** A library of nothing: the base catalog as it is. */
    public static ContentLibrary none(Catalog base) {
        return new ContentLibrary(base, List.of(), Map.of(), List.of(), Map.of(), Map.of());
    }

    /**
     * The content's parsers a query reaches, directly or through other parsers, called ones first (the order a
     * self-contained query declares them in); only parsers that can run (see {@link #functions()}).
     *
     * @param tokens the query's tokens: a name counts as a call as {@link ContentLibraryLoader#references} reads it
     */
    public List<String> parsersReachedFrom(List<Token> tokens) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(ContentLibraryLoader.references(tokens, functions.keySet()));
        while (!todo.isEmpty()) {
            String alias = todo.pop();
            if (!functions.containsKey(alias) || !reached.add(alias)) continue;
            todo.addAll(dependencies.getOrDefault(alias, List.of()));
        }
        return order.stream().filter(reached::contains).toList();
    }
}

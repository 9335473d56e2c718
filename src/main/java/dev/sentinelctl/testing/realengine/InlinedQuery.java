package dev.sentinelctl.testing.realengine;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.SyntaxElement;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.library.ContentLibrary;
import dev.sentinelctl.library.WatchlistRows;
import dev.sentinelctl.testing.ContentWatchlists;
import dev.sentinelctl.testing.FixtureTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A test's query made self-contained for a real Kusto engine: every fixture table (and every other table the query
 * reads, empty, with its catalog schema, so a workspace's real data never leaks into a test) declared with
 * {@code let T = datatable(…)[…];}, each watchlist as its own datatable that {@code _GetWatchlist('alias')} calls are
 * rewritten to, and the clock pinned: {@code now()} → {@code __sentinelctl_now}, {@code now(d)} → {@code (now + d)},
 * {@code ago(d)} → {@code (now - d)}. A database has neither the repository's parsers nor its watchlists, so the
 * content parsers the query reaches are declared as let-bound functions (rewritten the same way) and the content
 * watchlists it reads are inlined like watchlist fixtures. The rewrite walks the syntax tree, so a {@code now()} inside a string or a
 * comment, or a column named {@code ago}, is left alone.
 */
public final class InlinedQuery {
    public static final String NOW = "__sentinelctl_now";
    private static final String WATCHLIST = "__sentinelctl_watchlist_";

    private InlinedQuery() {}

    /**
     * The query for a workspace: fixture tables and watchlists inlined; the parsers it calls and the other watchlists it
     * reads are the ones deployed there.
     */
    public static String inline(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now,
                                Catalog catalog) {
        return inline(query, tables, watchlists, now, ContentLibrary.none(catalog), false);
    }

    /**
     * The query for a database that has neither the repository's parsers nor any watchlist (ADX): the content parsers
     * the query reaches are declared as {@code let alias = (…) {…};} (called ones first, each rewritten like the query),
     * and every watchlist the query or those parsers read is inlined — the test's fixture, else the content's items,
     * else empty with the catalog's columns — which is what the in-process engine reads.
     */
    public static String inline(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now,
                                ContentLibrary library) {
        return inline(query, tables, watchlists, now, library, true);
    }

    private static String inline(String query, Map<String, FixtureTable> tables, Map<String, FixtureTable> watchlists, Instant now,
                                 ContentLibrary library, boolean noWatchlistsThere) {
        Catalog catalog = library.catalog();
        ParsedQuery parsed = KqlParser.parse(query);
        List<ParsedQuery> parsers = new ArrayList<>();
        for (String alias : library.parsersReachedFrom(parsed.tokens())) {
            parsers.add(KqlParser.parse("let " + KqlLiterals.letName(alias) + " = " + library.functions().get(alias) + ";\n"));
        }
        List<ParsedQuery> all = new ArrayList<>(parsers);
        all.add(parsed);
        StringBuilder out = new StringBuilder();
        out.append("let ").append(NOW).append(" = ").append(KqlLiterals.literal(dev.sentinelctl.kql.semantic.ScalarType.DATETIME, now))
                .append(";\n");
        Map<String, FixtureTable> declared = new LinkedHashMap<>(tables);
        for (ParsedQuery q : all) {
            for (String name : q.referencedTables()) {
                if (declared.containsKey(name)) continue;
                catalog.table(name).ifPresent(schema -> declared.put(name, empty(schema)));
            }
        }
        declared.forEach((name, t) -> out.append("let ").append(KqlLiterals.letName(name)).append(" = ").append(datatable(t)).append(";\n"));
        Map<String, FixtureTable> lists = new LinkedHashMap<>();
        watchlists.forEach((alias, t) -> lists.put(alias.toLowerCase(Locale.ROOT), t));
        for (ParsedQuery q : all) {
            for (String alias : watchlistsRead(q.root(), new LinkedHashSet<>())) {
                WatchlistRows rows = library.watchlists().get(alias);
                String key = alias.toLowerCase(Locale.ROOT);
                if (rows != null) {
                    lists.putIfAbsent(key, ContentWatchlists.table(rows, catalog));
                } else if (noWatchlistsThere) {
                    lists.putIfAbsent(key, new FixtureTable(alias, catalog.watchlistRows(alias).columns(), List.of()));
                }
            }
        }
        Map<String, String> watchlistNames = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, FixtureTable> w : lists.entrySet()) {
            String let = WATCHLIST + i++;
            watchlistNames.put(w.getKey(), let);
            out.append("let ").append(let).append(" = ").append(datatable(w.getValue())).append(";\n");
        }
        for (ParsedQuery p : parsers) rewrite(p.root(), watchlistNames, out);
        rewrite(parsed.root(), watchlistNames, out);
        return out.toString();
    }

    /** The aliases of the {@code _GetWatchlist('alias')} calls in a tree. */
    private static Set<String> watchlistsRead(SyntaxElement e, Set<String> found) {
        if (e instanceof Expr.FunctionCall call) {
            String alias = watchlistAlias(call);
            if (alias != null) found.add(alias);
        }
        if (e instanceof SyntaxNode n) {
            for (SyntaxElement child : n.children()) watchlistsRead(child, found);
        }
        return found;
    }

    private static String watchlistAlias(Expr.FunctionCall call) {
        List<Expr> args = call.arguments().items();
        return call.functionName().equals("_GetWatchlist") && args.size() == 1 && args.get(0) instanceof Expr.Literal lit
                && lit.kind() == dev.sentinelctl.kql.syntax.LiteralKind.STRING ? lit.value() : null;
    }

    /** {@code now()}/{@code ago()} pinned to {@link #NOW}, nothing else declared (for a query over real data). */
    public static String pinned(String query, Instant now) {
        StringBuilder out = new StringBuilder("let ").append(NOW).append(" = ")
                .append(KqlLiterals.literal(dev.sentinelctl.kql.semantic.ScalarType.DATETIME, now)).append(";\n");
        rewrite(KqlParser.parse(query).root(), Map.of(), out);
        return out.toString();
    }

    /** {@code datatable(['c']:type, …)[v, v, …]}, one line per row. */
    public static String datatable(FixtureTable t) {
        StringBuilder sb = new StringBuilder("datatable(");
        List<Column> cols = t.columns();
        for (int c = 0; c < cols.size(); c++) {
            if (c > 0) sb.append(", ");
            sb.append(KqlLiterals.quotedName(cols.get(c).name())).append(':').append(scalar(cols.get(c)).kustoName());
        }
        sb.append(")[");
        for (int r = 0; r < t.rowCount(); r++) {
            sb.append(r == 0 ? "\n  " : ",\n  ");
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) sb.append(", ");
                sb.append(KqlLiterals.literal(scalar(cols.get(c)), t.value(r, c)));
            }
        }
        return sb.append(t.rowCount() == 0 ? "]" : "\n]").toString();
    }

    private static dev.sentinelctl.kql.semantic.ScalarType scalar(Column c) {
        return c.type() instanceof dev.sentinelctl.kql.semantic.ScalarType s ? s : dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
    }

    private static FixtureTable empty(TableSchema schema) {
        return new FixtureTable(schema.name(), schema.columns(), List.of());
    }

    private static void rewrite(SyntaxElement e, Map<String, String> watchlists, StringBuilder out) {
        if (e instanceof Token t) {
            t.appendFullText(out);
            return;
        }
        if (e instanceof Expr.FunctionCall call && replaced(call, watchlists, out)) return;
        for (SyntaxElement child : ((SyntaxNode) e).children()) rewrite(child, watchlists, out);
    }

    private static boolean replaced(Expr.FunctionCall call, Map<String, String> watchlists, StringBuilder out) {
        String name = call.functionName();
        List<Expr> args = call.arguments().items();
        String replacement = null;
        if (name.equals("now") && args.isEmpty()) {
            replacement = NOW;
        } else if (name.equals("now") && args.size() == 1) {
            replacement = "(" + NOW + " + (" + text(args.get(0), watchlists) + "))";
        } else if (name.equals("ago") && args.size() == 1) {
            replacement = "(" + NOW + " - (" + text(args.get(0), watchlists) + "))";
        } else if (watchlistAlias(call) != null) {
            replacement = watchlists.get(watchlistAlias(call).toLowerCase(Locale.ROOT));
        }
        if (replacement == null) return false;
        Token first = call.firstToken();
        out.append(first.source(), first.fullStart(), first.start()).append(replacement);
        Token last = call.lastToken();
        out.append(last.source(), last.end(), last.fullEnd());
        return true;
    }

    private static String text(Expr e, Map<String, String> watchlists) {
        StringBuilder sb = new StringBuilder();
        rewrite(e, watchlists, sb);
        return sb.toString().strip();
    }
}

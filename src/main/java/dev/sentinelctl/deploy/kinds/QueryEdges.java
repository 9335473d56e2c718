package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.content.ContentIndex;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.Parser;
import dev.sentinelctl.kql.syntax.Lexer;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The edges any query implies, whatever its kind: {@code _GetWatchlist('x')} needs watchlist {@code x}, and a name
 * that is one of the content's parser aliases needs that parser (ASIM union parsers name their source parsers with
 * or without parentheses). Read from the query's tokens, so a name in a comment or a string is no call, a name the
 * query declares itself ({@code let imDns = ...}) shadows the parser as in Kusto, and {@code x.imDns} is a member.
 */
public final class QueryEdges {
    /** Kind ids the edges point at; the kinds declare the same ids. */
    public static final String WATCHLIST = "watchlist";
    public static final String PARSER = "parser";

    private QueryEdges() {
    }

    public static List<Edge> of(ContentItem item, ContentIndex index) {
        if (!item.kind().isQueryItem() || item.query() == null || item.query().isEmpty()) return List.of();
        String self = item instanceof Parser p ? p.functionAlias() : null;
        return ofQuery(item.query().text(), alias -> index.parserId(alias)
                .map(id -> new Edge(PARSER, id, "calls " + alias)), self);
    }

    /**
     * The edges of a query text: {@code _GetWatchlist('x')} and each name {@code callee} knows (a parser alias, from
     * the content or from what is deployed).
     *
     * @param callee the edge to the function a name calls, if the name is one
     * @param self   the alias of the function the query is the body of (a call of itself is no edge), or null
     */
    public static List<Edge> ofQuery(String query, Function<String, Optional<Edge>> callee, String self) {
        if (query == null || query.isBlank()) return List.of();
        List<Token> tokens = Lexer.lex(query, new ArrayList<>()).stream()
                .filter(t -> !t.kind().name().endsWith("TRIVIA") && t.kind() != TokenKind.END_OF_TEXT).toList();
        Map<String, Edge> out = new LinkedHashMap<>();
        Set<String> local = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (isName(tokens.get(i), "let")) local.add(tokens.get(i + 1).text());
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != TokenKind.IDENTIFIER) continue;
            TokenKind before = i > 0 ? tokens.get(i - 1).kind() : null;
            TokenKind after = i + 1 < tokens.size() ? tokens.get(i + 1).kind() : null;
            if (before == TokenKind.DOT) continue;
            if (t.text().equals("_GetWatchlist") && after == TokenKind.OPEN_PAREN && i + 2 < tokens.size()
                    && tokens.get(i + 2).kind() == TokenKind.STRING_LITERAL) {
                String alias = unquote(tokens.get(i + 2).text());
                if (!alias.isEmpty()) {
                    out.putIfAbsent(WATCHLIST + "|" + alias.toLowerCase(java.util.Locale.ROOT),
                            new Edge(WATCHLIST, alias, "calls _GetWatchlist('" + alias + "')"));
                }
                continue;
            }
            if (local.contains(t.text()) || t.text().equals(self)) continue;
            if (after == TokenKind.EQUAL || after == TokenKind.COLON) continue;
            Optional<Edge> edge = callee.apply(t.text());
            if (edge.isEmpty()) continue;
            out.putIfAbsent(edge.get().kindId() + "|" + edge.get().name().toLowerCase(java.util.Locale.ROOT), edge.get());
        }
        return List.copyOf(out.values());
    }

    private static boolean isName(Token t, String text) {
        return t.kind() == TokenKind.IDENTIFIER && t.text().equals(text);
    }

    /** 'x', "x", @'x', h'x' → x (watchlist aliases carry no escapes). */
    private static String unquote(String literal) {
        int open = 0;
        while (open < literal.length() && literal.charAt(open) != '\'' && literal.charAt(open) != '"') open++;
        if (open >= literal.length() - 1) return "";
        return literal.substring(open + 1, literal.length() - 1);
    }
}

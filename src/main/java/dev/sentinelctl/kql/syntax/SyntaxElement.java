package dev.sentinelctl.kql.syntax;

/** A token or a node. Spans are offsets into the query text, end exclusive, trivia excluded. */
public sealed interface SyntaxElement permits Token, SyntaxNode {

    /** First token in text order, or null for an empty node (an empty list). */
    Token firstToken();

    /** Last token in text order, or null for an empty node. */
    Token lastToken();

    /** Appends the exact source text of this element, leading trivia included. */
    void appendFullText(StringBuilder out);

    default int start() {
        Token t = firstToken();
        return t == null ? -1 : t.start();
    }

    default int end() {
        Token t = lastToken();
        return t == null ? -1 : t.end();
    }

    /** The element's text including its leading trivia. */
    default String fullText() {
        StringBuilder sb = new StringBuilder();
        appendFullText(sb);
        return sb.toString();
    }

    /** The element's text without leading trivia. */
    default String text() {
        Token f = firstToken();
        Token l = lastToken();
        return f == null ? "" : f.source().substring(f.start(), Math.max(f.start(), l.end()));
    }
}

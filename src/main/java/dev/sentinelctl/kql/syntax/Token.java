package dev.sentinelctl.kql.syntax;

/**
 * One token with its leading trivia (whitespace and {@code //} comments before it). Offsets index the
 * query text: trivia is {@code [fullStart, start)}, the token text {@code [start, end)}. Text is not copied
 * per token; {@link #text()} slices the shared source on demand.
 *
 * @param missing true for a token the parser synthesised where one was required (zero width, no trivia)
 * @param word    for keywords and word operators ({@code where}, {@code has}, {@code !in~}), the canonical
 *                text, so callers can compare and look it up without slicing the source; null otherwise
 */
public record Token(TokenKind kind, int fullStart, int start, int end, String source, boolean missing, String word)
        implements SyntaxElement {

    static Token missing(TokenKind kind, int at, String source) {
        return new Token(kind, at, at, at, source, true, null);
    }

    public String text() {
        return source.substring(start, end);
    }

    public String leadingTrivia() {
        return source.substring(fullStart, start);
    }

    public int width() {
        return end - start;
    }

    public boolean hasLeadingTrivia() {
        return fullStart < start;
    }

    /** True when the token's text is exactly {@code word} (case-sensitive, as KQL keywords are). */
    public boolean is(String word) {
        int len = end - start;
        return len == word.length() && source.startsWith(word, start);
    }

    /** Case-insensitive text comparison, for the few places Kusto accepts any case ({@code true}, {@code False}). */
    public boolean isIgnoreCase(String word) {
        int len = end - start;
        return len == word.length() && source.regionMatches(true, start, word, 0, len);
    }

    public boolean is(TokenKind k) {
        return kind == k;
    }

    public char firstChar() {
        return start < end ? source.charAt(start) : '\0';
    }

    @Override
    public Token firstToken() {
        return this;
    }

    @Override
    public Token lastToken() {
        return this;
    }

    @Override
    public void appendFullText(StringBuilder out) {
        out.append(source, fullStart, end);
    }

    @Override
    public String toString() {
        return kind + (missing ? "<missing>" : "'" + text() + "'") + "@" + start;
    }

    // Records compare all components; the shared source string would make that expensive and meaningless.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

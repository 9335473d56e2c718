package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parser's position in the token array and its diagnostics: peeking, consuming, synthesising missing
 * tokens, reporting "expected" errors where Kusto reports them, and the nesting guard. The parsing layers
 * ({@link ExpressionParser}, {@link OperatorParser}, {@link Parser}) build on it.
 */
abstract class TokenCursor {

    /** Nesting levels (parentheses, unary chains, calls, dynamic values) before we stop descending. */
    static final int MAX_DEPTH = 160;

    final String text;
    final Token[] tokens;
    final int last;
    final List<KqlDiagnostic> diagnostics;
    /** Lexical diagnostics by token index, reported when the token is consumed so all come in tree order. */
    final KqlDiagnostic[] lexical;
    int pos;
    int depth;

    TokenCursor(String text, List<Token> tokens, KqlDiagnostic[] lexicalByToken, List<KqlDiagnostic> diagnostics) {
        this.text = text;
        this.tokens = tokens.toArray(new Token[0]);
        this.last = this.tokens.length - 1;
        this.lexical = lexicalByToken;
        this.diagnostics = diagnostics;
    }

    // ---------------------------------------------------------------- token helpers

    Token cur() {
        return tokens[pos];
    }

    Token peek(int n) {
        return tokens[Math.min(pos + n, last)];
    }

    Token take() {
        Token t = tokens[pos];
        KqlDiagnostic d = lexical[pos];
        if (d != null) {
            diagnostics.add(d);
            lexical[pos] = null;
        }
        if (pos < last) pos++;
        return t;
    }

    boolean at(TokenKind k) {
        return tokens[pos].kind() == k;
    }

    boolean atWord(String w) {
        Token t = tokens[pos];
        return t.kind() == TokenKind.IDENTIFIER && t.is(w);
    }

    static boolean isWord(Token t, String w) {
        return t.kind() == TokenKind.IDENTIFIER && t.is(w);
    }

    boolean atEnd() {
        return at(TokenKind.END_OF_TEXT);
    }

    /** End offset of the last consumed token: where Kusto places missing elements. */
    int prevEnd() {
        return pos == 0 ? 0 : tokens[pos - 1].end();
    }

    Token missing(TokenKind kind) {
        return Token.missing(kind, prevEnd(), text);
    }

    void error(String code, int start, int end, String message, String hint) {
        diagnostics.add(KqlDiagnostic.error(code, start, end, message, hint));
    }

    /** Consumes a token of {@code kind} or reports "Expected" on the token found there (KS005). */
    Token expect(TokenKind kind, String hint) {
        if (at(kind)) return take();
        expectedError("'" + kind.display() + "'", hint);
        return missing(kind);
    }

    Token expectWord(String word, String hint) {
        if (atWord(word)) return take();
        expectedError("'" + word + "'", hint);
        return missing(TokenKind.IDENTIFIER);
    }

    /**
     * KS005 as Kusto places it: on the unexpected token when at most one blank separates it from the previous
     * token, otherwise (line break, comment, wider gap, end of text) zero-width right after the previous
     * token, where the missing piece belongs.
     */
    void expectedError(String what, String hint) {
        Token c = cur();
        int gapStart = prevEnd();
        int gap = c.start() - gapStart;
        boolean oneBlank = gap == 1 && (text.charAt(gapStart) == ' ' || text.charAt(gapStart) == '\t');
        if (c.kind() == TokenKind.END_OF_TEXT || !(oneBlank || gap == 0)) {
            error("KS005", prevEnd(), prevEnd(), "Expected " + what + " " + found(c), hint);
        } else {
            error("KS005", c.start(), c.end(), "Expected " + what + " " + found(c), hint);
        }
    }



    static String found(Token t) {
        if (t.kind() == TokenKind.END_OF_TEXT) return "but the query ends here.";
        String s = t.text();
        if (s.length() > 30) s = s.substring(0, 30) + "...";
        return "but found '" + s + "'.";
    }

    boolean enter() {
        depth++;
        return depth <= MAX_DEPTH;
    }

    void exit() {
        depth--;
    }

    // ---------------------------------------------------------------- names

    boolean isBracketedNameAt(int p) {
        return tokens[Math.min(p, last)].kind() == TokenKind.OPEN_BRACKET
                && tokens[Math.min(p + 1, last)].kind() == TokenKind.STRING_LITERAL
                && tokens[Math.min(p + 2, last)].kind() == TokenKind.CLOSE_BRACKET;
    }

    /** {@code ['name']} starts here. */
    boolean atBracketedName() {
        return isBracketedNameAt(pos);
    }

    // ---------------------------------------------------------------- depth guard

    /**
     * Called when nesting exceeds {@link #MAX_DEPTH}: reports once per occurrence and swallows the rest of
     * the nested region (balanced brackets) iteratively, so the tree stays lossless and the stack shallow.
     */
    Expr tooDeep() {
        Token c = cur();
        error("KS245", c.start(), c.end(), "The query nests more than " + MAX_DEPTH + " levels deep; it was not analysed"
                + " beyond this point.", "Reduce the nesting of parentheses, calls or signs.");
        List<Token> skipped = takeBalanced(EnumSet.of(TokenKind.BAR, TokenKind.SEMICOLON, TokenKind.COMMA), true);
        if (skipped.isEmpty()) return new Expr.Missing(missing(TokenKind.IDENTIFIER));
        return new Expr.Unparsed(skipped);
    }

    /**
     * Consumes tokens, keeping brackets balanced, up to (not including) a token of {@code stops} outside any
     * bracket or a closing bracket that belongs to an enclosing group. With {@code oneGroup} it also stops
     * right after the first complete bracketed group. Used wherever tokens are kept without being modelled.
     */
    List<Token> takeBalanced(Set<TokenKind> stops, boolean oneGroup) {
        List<Token> out = new ArrayList<>();
        int nesting = 0;
        while (!atEnd()) {
            TokenKind k = cur().kind();
            if (nesting == 0 && stops.contains(k)) break;
            boolean closer = k == TokenKind.CLOSE_PAREN || k == TokenKind.CLOSE_BRACKET || k == TokenKind.CLOSE_BRACE;
            if (k == TokenKind.OPEN_PAREN || k == TokenKind.OPEN_BRACKET || k == TokenKind.OPEN_BRACE) nesting++;
            if (closer) {
                if (nesting == 0) break;
                nesting--;
            }
            out.add(take());
            if (oneGroup && closer && nesting == 0) break;
        }
        return out;
    }
}

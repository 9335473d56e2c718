package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Entry point: text in, tree and diagnostics out. Never throws on any input; thread-safe (no shared state). */
public final class KqlParser {

    private static final Comparator<KqlDiagnostic> BY_POSITION =
            Comparator.comparingInt(KqlDiagnostic::start).thenComparingInt(KqlDiagnostic::end);

    private KqlParser() {
    }

    public static ParsedQuery parse(String text) {
        String src = text == null ? "" : text;
        List<KqlDiagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = Lexer.lex(src, diagnostics);
        Parser parser = new Parser(src, tokens, diagnostics);
        QueryBlock root = parser.parseQueryBlock();
        diagnostics.sort(BY_POSITION);
        return new ParsedQuery(src, root, tokens, diagnostics, parser.tables());
    }

    /** Lexes only: tokens (ending with END_OF_TEXT) plus lexical diagnostics appended to {@code diagnostics}. */
    public static List<Token> tokenize(String text, List<KqlDiagnostic> diagnostics) {
        return Lexer.lex(text == null ? "" : text, diagnostics);
    }
}

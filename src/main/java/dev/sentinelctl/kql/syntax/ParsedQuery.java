package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.List;

/**
 * The result of parsing one query text: the text, the complete syntax tree (always present, also for
 * broken input), the token list (last token is {@link TokenKind#END_OF_TEXT}) and syntax diagnostics sorted
 * by position, and the table names it reads by position alone ({@link TableReferences}; gathered while
 * parsing, so no second walk is needed).
 */
public record ParsedQuery(String text, QueryBlock root, List<Token> tokens, List<KqlDiagnostic> diagnostics,
                          List<String> referencedTables) {

    public ParsedQuery {
        tokens = List.copyOf(tokens);
        diagnostics = List.copyOf(diagnostics);
        referencedTables = List.copyOf(referencedTables);
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty();
    }

    /** The statements of the query block, in order (skipped fragments included). */
    public List<Statement> statements() {
        return root.statements().items();
    }
}

package dev.sentinelctl.kql.syntax;

import java.util.List;

/** The whole query text: statements separated by {@code ;}, then the end-of-text token holding trailing trivia. */
public record QueryBlock(SeparatedList<Statement> statements, Token endOfText) implements SyntaxNode {
    @Override
    public List<SyntaxElement> children() {
        return Children.of(statements, endOfText);
    }
}

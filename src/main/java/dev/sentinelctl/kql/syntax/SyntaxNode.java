package dev.sentinelctl.kql.syntax;

import java.util.List;

/**
 * An immutable syntax node. {@link #children()} lists tokens and child nodes in text order, so a walk that
 * concatenates every token's full text reproduces the input exactly. The subtypes are sealed so a binder can
 * switch exhaustively over {@link Expr}, {@link QueryOperator} and {@link Statement}.
 */
public sealed interface SyntaxNode extends SyntaxElement
        permits Expr, Statement, Clause, Name, NameTarget, Json, SeparatedList, QueryBlock {

    List<SyntaxElement> children();

    @Override
    default Token firstToken() {
        for (SyntaxElement c : children()) {
            Token t = c.firstToken();
            if (t != null) return t;
        }
        return null;
    }

    @Override
    default Token lastToken() {
        List<SyntaxElement> cs = children();
        for (int i = cs.size() - 1; i >= 0; i--) {
            Token t = cs.get(i).lastToken();
            if (t != null) return t;
        }
        return null;
    }

    @Override
    default void appendFullText(StringBuilder out) {
        for (SyntaxElement c : children()) c.appendFullText(out);
    }
}

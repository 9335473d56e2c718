package dev.sentinelctl.kql.syntax;

import java.util.List;

/** What a {@code name = value} assigns to: one name, or a tuple {@code (a, b) = ...}. */
public sealed interface NameTarget extends SyntaxNode permits Name, NameTarget.Tuple {

    record Tuple(Token open, SeparatedList<Name> names, Token close) implements NameTarget {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, names, close);
        }
    }
}

package dev.sentinelctl.kql.syntax;

import java.util.List;

/** A name as written: a plain identifier (keywords included), {@code ['bracketed name']}, or a wildcard {@code Sec*}. */
public sealed interface Name extends SyntaxNode, NameTarget {

    /** The name's value: identifier text, or the unquoted content of a bracketed name. */
    String simpleName();

    record Identifier(Token token) implements Name {
        @Override
        public String simpleName() {
            return token.text();
        }

        @Override
        public List<SyntaxElement> children() {
            return List.of(token);
        }
    }

    /** {@code ['a b']} or {@code ["x"]}. */
    record Bracketed(Token open, Token string, Token close) implements Name {
        @Override
        public String simpleName() {
            return StringValues.decode(string.text());
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, string, close);
        }
    }

    /** A name pattern such as {@code Security*} or {@code *_CL}: adjacent name and {@code *} tokens. */
    record Wildcard(List<Token> parts) implements Name {
        public Wildcard {
            parts = List.copyOf(parts);
        }

        @Override
        public String simpleName() {
            StringBuilder sb = new StringBuilder();
            for (Token t : parts) sb.append(t.text());
            return sb.toString();
        }

        @Override
        public List<SyntaxElement> children() {
            return List.copyOf(parts);
        }
    }
}

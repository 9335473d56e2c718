package dev.sentinelctl.kql.syntax;

import java.util.List;

/** The content of a {@code dynamic(...)} literal: JSON-like values as KQL accepts them. */
public sealed interface Json extends SyntaxNode {

    record JObject(Token open, SeparatedList<Pair> pairs, Token close) implements Json {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, pairs, close);
        }
    }

    record JArray(Token open, SeparatedList<Json> values, Token close) implements Json {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, values, close);
        }
    }

    /** A scalar: string, number (optionally signed), true/false/null, typed literal such as {@code datetime(...)}. */
    record JScalar(List<Token> tokens) implements Json {
        public JScalar {
            tokens = List.copyOf(tokens);
        }

        @Override
        public List<SyntaxElement> children() {
            return List.copyOf(tokens);
        }
    }

    /** A key/value pair inside an object; the key is a string literal (a missing token when it was not one). */
    record Pair(Token key, Token colon, Json value) implements Json {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(key, colon, value);
        }
    }

    /** A nested {@code dynamic(...)} literal: {@code dynamic({'a': dynamic({})})}. */
    record JDynamic(Expr.DynamicLiteral literal) implements Json {
        @Override
        public List<SyntaxElement> children() {
            return List.of(literal);
        }
    }

    /** A value that is absent where one was required. */
    record JMissing(Token token) implements Json {
        @Override
        public List<SyntaxElement> children() {
            return List.of(token);
        }
    }
}

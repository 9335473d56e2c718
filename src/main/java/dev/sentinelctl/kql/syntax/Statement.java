package dev.sentinelctl.kql.syntax;

import java.util.List;

/** Statements of a query block, separated by {@code ;}. */
public sealed interface Statement extends SyntaxNode {

    /** {@code let name = value}; value may be a scalar, a tabular expression or a {@link Expr.FunctionDecl}. */
    record Let(Token let, Name name, Token equal, Expr value) implements Statement {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(let, name, equal, value);
        }
    }

    /** A tabular or scalar expression whose result is the query's output. */
    record Query(Expr expression) implements Statement {
        @Override
        public List<SyntaxElement> children() {
            return List.of(expression);
        }
    }

    /** {@code declare query_parameters (a:string = "x")}. */
    record DeclareQueryParameters(Token declare, Token queryParameters, Clause.Parameters parameters)
            implements Statement {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(declare, queryParameters, parameters);
        }
    }

    /** {@code set name [= value]}. */
    record Set(Token set, Name name, Token equal, Expr value) implements Statement {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(set, name, equal, value);
        }
    }

    /** {@code alias database name = cluster('c').database('d')}. */
    record Alias(Token alias, Token database, Name name, Token equal, Expr value) implements Statement {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(alias, database, name, equal, value);
        }
    }

    /**
     * {@code declare pattern name [= (a:type, ...) [[p:type]] { (value, ...)[.[path]] = { query }; ... }]}
     * (pattern-statement.md); everything after the name is absent in a bare declaration.
     */
    record DeclarePattern(Token declare, Token pattern, Name name, Token equal, Clause.Parameters parameters,
                          Token pathOpen, Clause.Parameter pathParameter, Token pathClose, Token open,
                          List<Clause.PatternRule> rules, Token close) implements Statement {
        public DeclarePattern {
            rules = Children.copy(rules);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(declare, pattern, name, equal, parameters, pathOpen, pathParameter, pathClose, open, rules, close);
        }
    }

    /**
     * Statements we keep but do not model ({@code restrict access to}), and a bare
     * {@code let} with no name after it (Kusto then reports the next token as an unexpected fragment).
     */
    record Other(Token keyword, List<Token> tokens) implements Statement {
        public Other {
            tokens = List.copyOf(tokens);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, tokens);
        }
    }

    /** Tokens between statements that could not be parsed (reported as KS198). */
    record Skipped(Clause.Skipped skipped) implements Statement {
        @Override
        public List<SyntaxElement> children() {
            return List.of(skipped);
        }
    }
}

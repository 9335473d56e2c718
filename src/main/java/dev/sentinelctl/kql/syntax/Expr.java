package dev.sentinelctl.kql.syntax;

import java.util.List;

/**
 * Scalar and tabular expressions. Query operators are expressions too ({@link QueryOperator}): a pipeline is
 * a left-nested chain of {@link Pipe} nodes whose head is a table expression or an operator that may start a
 * query ({@code union}, {@code print}, {@code range}, {@code search}, {@code find}, {@code evaluate}).
 */
public sealed interface Expr extends SyntaxNode permits Expr.NameRef, Expr.Literal, Expr.DynamicLiteral,
        Expr.FunctionCall, Expr.MemberAccess, Expr.ElementAccess, Expr.Binary, Expr.InList, Expr.Between,
        Expr.Unary, Expr.Paren, Expr.Named, Expr.Star, Expr.Pipe, Expr.Typeof, Expr.DataTable, Expr.ExternalData,
        Expr.FunctionDecl, Expr.Missing, Expr.Unparsed, QueryOperator {

    /** A name used as a value: column, table, variable, {@code $left}. */
    record NameRef(Name name) implements Expr {
        public String simpleName() {
            return name.simpleName();
        }

        @Override
        public List<SyntaxElement> children() {
            return List.of(name);
        }
    }

    /**
     * A literal. Adjacent string literals ({@code 'a' 'b'}) form one literal with several tokens; typed
     * literals ({@code datetime(...)}) are one token whose text includes the parentheses.
     */
    record Literal(LiteralKind kind, List<Token> tokens) implements Expr {
        public Literal {
            tokens = List.copyOf(tokens);
        }

        /** For string literals: the concatenated value; otherwise the literal's text. */
        public String value() {
            if (kind != LiteralKind.STRING || tokens.get(0).kind() != TokenKind.STRING_LITERAL) return text();
            StringBuilder sb = new StringBuilder();
            for (Token t : tokens) sb.append(StringValues.decode(t.text()));
            return sb.toString();
        }

        @Override
        public List<SyntaxElement> children() {
            return List.copyOf(tokens);
        }
    }

    /** {@code dynamic({"a": [1, 2]})}, {@code dynamic(null)}. */
    record DynamicLiteral(Token keyword, Token open, Json value, Token close) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, open, value, close);
        }
    }

    /** {@code f(a, b)}, {@code count()}, {@code arg_max(TimeGenerated, *)}, {@code _Im_Dns(starttime=ago(1d))}. */
    record FunctionCall(Name name, Token open, SeparatedList<Expr> arguments, Token close) implements Expr {
        public String functionName() {
            return name.simpleName();
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(name, open, arguments, close);
        }
    }

    /** {@code a.b}, {@code $left.x}, {@code cluster('c').database('d')}: member is a NameRef or FunctionCall. */
    record MemberAccess(Expr target, Token dot, Expr member) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(target, dot, member);
        }
    }

    /**
     * {@code a['b']}, {@code a[0]}; {@code dot} is set for the {@code a.[0]} spelling. A null target is a
     * bracketed expression standing alone ({@code [expr]}), which Kusto parses as a computed name.
     */
    record ElementAccess(Expr target, Token dot, Token open, Expr index, Token close) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(target, dot, open, index, close);
        }
    }

    /** {@code left op right}; {@code matches regex} is two tokens, so {@code operator2} is set only for it. */
    record Binary(Expr left, Token operator, Token operator2, BinaryOp op, Expr right) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(left, operator, operator2, right);
        }
    }

    /** {@code x in ('a', 'b')}, {@code x !in~ (T | project y)}, {@code x has_any (list)}. */
    record InList(Expr left, Token operator, BinaryOp op, Token open, SeparatedList<Expr> values, Token close)
            implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(left, operator, open, values, close);
        }
    }

    /** {@code x between (low .. high)}, {@code x !between (low .. high)}. */
    record Between(Expr left, Token operator, BinaryOp op, Token open, Expr low, Token dotDot, Expr high, Token close)
            implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(left, operator, open, low, dotDot, high, close);
        }
    }

    /** {@code -x}, {@code +x}. ({@code not(x)} is a function call in KQL.) */
    record Unary(Token operator, Expr operand) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(operator, operand);
        }
    }

    /** {@code ( expr )}; inside parentheses a full pipeline is allowed. */
    record Paren(Token open, Expr inner, Token close) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, inner, close);
        }
    }

    /** {@code name = value} in extend/project/summarize/print and named arguments; {@code (a, b) = value}. */
    record Named(NameTarget target, Token equal, Expr value) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(target, equal, value);
        }
    }

    /** {@code *} as an argument ({@code arg_max(T, *)}) or a search/union target. */
    record Star(Token star) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return List.of(star);
        }
    }

    /** {@code source | operator}. */
    record Pipe(Expr source, Token bar, QueryOperator operator) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(source, bar, operator);
        }
    }

    /** {@code typeof(string)}, {@code typeof(a:string, b:long)}. */
    record Typeof(Token keyword, Clause.Schema schema) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, schema);
        }
    }

    /** {@code datatable (a:string, b:long) [ 'x', 1, 'y', 2 ]}. */
    record DataTable(Token keyword, List<Clause.OperatorParam> parameters, Clause.Schema schema, Token open,
                     SeparatedList<Expr> values, Token close) implements Expr {
        public DataTable {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, schema, open, values, close);
        }
    }

    /** {@code externaldata (a:string) [ 'https://...' ] with (format='csv')}. */
    record ExternalData(Token keyword, List<Clause.OperatorParam> parameters, Clause.Schema schema, Token open,
                        SeparatedList<Expr> uris, Token close, Clause.WithProperties with) implements Expr {
        public ExternalData {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, parameters, schema, open, uris, close, with);
        }
    }

    /** The value of {@code let f = (a:string, T:(*)) { body }} or {@code let v = view () { body }}. */
    record FunctionDecl(Token view, Clause.Parameters parameters, Clause.FunctionBody body) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(view, parameters, body);
        }
    }

    /** An expression the parser expected but did not find: zero width, carries a diagnostic. */
    record Missing(Token token) implements Expr {
        @Override
        public List<SyntaxElement> children() {
            return List.of(token);
        }
    }

    /** A region the parser did not descend into (nesting beyond the safe depth); tokens kept, diagnostic given. */
    record Unparsed(List<Token> tokens) implements Expr {
        public Unparsed {
            tokens = List.copyOf(tokens);
        }

        @Override
        public List<SyntaxElement> children() {
            return List.copyOf(tokens);
        }
    }
}

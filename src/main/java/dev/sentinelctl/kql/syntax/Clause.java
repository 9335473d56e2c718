package dev.sentinelctl.kql.syntax;

import java.util.List;

/** Parts of operators and statements that are neither expressions nor operators on their own. */
public sealed interface Clause extends SyntaxNode {

    /** {@code kind=inner}, {@code hint.strategy=shuffle}, {@code withsource=Source}, {@code isfuzzy=true}. */
    record OperatorParam(Token name, Token equal, Expr value) implements Clause {
        public String parameterName() {
            return name.text();
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(name, equal, value);
        }
    }

    /** {@code by a, bin(TimeGenerated, 1h)}. */
    record By(Token by, SeparatedList<Expr> expressions) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(by, expressions);
        }
    }

    /** {@code on a, $left.b == $right.c}; join also accepts the keyword {@code where} here. */
    record On(Token on, SeparatedList<Expr> conditions) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(on, conditions);
        }
    }

    /** {@code in (T1, T2)} of search and find. */
    record InTables(Token in, Token open, SeparatedList<Expr> tables, Token close) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(in, open, tables, close);
        }
    }

    /** One mv-expand/mv-apply item: {@code [name =] expr [to typeof(type)]}. */
    record ExpandItem(Expr expression, Token to, Expr.Typeof type) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(expression, to, type);
        }
    }

    /** {@code limit 100} of mv-expand and mv-apply. */
    record Limit(Token limit, Expr value) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(limit, value);
        }
    }

    /** {@code expr [asc|desc] [nulls first|last]}. */
    record SortItem(Expr expression, Token direction, Token nulls, Token nullsPosition) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(expression, direction, nulls, nullsPosition);
        }
    }

    /** A make-series aggregate with its default: {@code count() default=0}. */
    record SeriesAggregate(Expr expression, Token defaultKeyword, Token equal, Expr defaultValue) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(expression, defaultKeyword, equal, defaultValue);
        }
    }

    /** {@code from a to b step c} or {@code in range(a, b, c)} of make-series; absent parts are null. */
    record SeriesRange(Token from, Expr fromValue, Token to, Expr toValue, Token step, Expr stepValue, Token in,
                       Expr inRange) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(in, inRange, from, fromValue, to, toValue, step, stepValue);
        }
    }

    /** The pattern of parse/parse-where: string literals, {@code *}, and captures {@code name[:type]}. */
    record ParsePattern(List<SyntaxNode> parts) implements Clause {
        public ParsePattern {
            parts = List.copyOf(parts);
        }

        @Override
        public List<SyntaxElement> children() {
            return List.copyOf(parts);
        }
    }

    /** A column captured by a parse pattern: {@code Name} or {@code Name:type}. */
    record Capture(Name name, Token colon, Token type) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(name, colon, type);
        }
    }

    /** {@code with (title="x", kind=stacked)} of render, parse-kv, externaldata. */
    record WithProperties(Token with, Token open, SeparatedList<Expr> properties, Token close) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(with, open, properties, close);
        }
    }

    /** A column list or type list in parentheses: {@code (a:string, b:long)}, {@code (*)}, {@code (string)}. */
    record Schema(Token open, SeparatedList<Clause> columns, Token close) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, columns, close);
        }
    }

    /** {@code name:type} in a schema; type is a type name token or a nested schema ({@code T:(*)}). */
    record ColumnDecl(Name name, Token colon, Clause type) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(name, colon, type);
        }
    }

    /** A scalar type name: {@code string}, {@code dynamic}, {@code long} ... */
    record TypeName(Token token) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return List.of(token);
        }
    }

    /** {@code *} in a schema: {@code (*)}. */
    record StarColumn(Token star) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return List.of(star);
        }
    }

    /** Function parameter list {@code (T:(*), x:string="a")}. */
    record Parameters(Token open, SeparatedList<Parameter> parameters, Token close) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, parameters, close);
        }
    }

    /** {@code name:type [= default]}; type is a {@link TypeName} or a {@link Schema}. */
    record Parameter(Name name, Token colon, Clause type, Token equal, Expr defaultValue) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(name, colon, type, equal, defaultValue);
        }
    }

    /** {@code { let a = 1; T | where x > a }}. */
    record FunctionBody(Token open, SeparatedList<Statement> statements, Token close) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, statements, close);
        }
    }

    /** One top-nested level: {@code [top-nested] [N] of Expr [with others = V] by Agg [asc|desc]}; the keyword repeats from the second level on (null on the first). */
    record TopNestedLevel(Token keyword, Expr count, Token of, Expr expression, Token with, Token others, Token equal,
                          Expr othersValue, Token by, Expr aggregate, Token direction) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(keyword, count, of, expression, with, others, equal, othersValue, by, aggregate, direction);
        }
    }

    /** One scan step: {@code step Name [output=all|last|none] : Condition [=> c = expr, ...] ;}. */
    record ScanStep(Token step, Name name, OperatorParam output, Token colon, Expr condition, Token arrow,
                    SeparatedList<Expr> assignments, Token semicolon) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(step, name, output, colon, condition, arrow, assignments, semicolon);
        }
    }

    /** {@code Nodes on Key} of make-graph's with clause. */
    record GraphNodeTable(Expr table, Token on, Name key) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(table, on, key);
        }
    }

    /** A graph pattern: {@link GraphNode}s joined by {@link GraphEdge}s, {@code (a)-[e]->(b)<-[f*1..3]-(c)}. */
    record GraphPattern(List<Clause> elements) implements Clause {
        public GraphPattern {
            elements = Children.copy(elements);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(elements);
        }
    }

    /** {@code (name)} or {@code ()} in a graph pattern. */
    record GraphNode(Token open, Name name, Token close) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, name, close);
        }
    }

    /**
     * An edge of a graph pattern: {@code -[name]->}, {@code <-[name*1..5]-}, {@code -[e]-}, or bracketless
     * {@code -->}, {@code <--}, {@code --}. {@code left} holds the tokens before the bracket ({@code <-} or
     * {@code -}), {@code right} those after it; without brackets all tokens are in {@code left}.
     */
    record GraphEdge(List<Token> left, Token open, Name name, Token star, Token min, Token dotDot, Token max, Token close,
                     List<Token> right) implements Clause {
        public GraphEdge {
            left = Children.copy(left);
            right = Children.copy(right);
        }

        /** The edge is traversed from the left node to the right node ({@code ->}). */
        public boolean pointsRight() {
            return has(TokenKind.GREATER);
        }

        /** The edge is traversed from the right node to the left node ({@code <-}). */
        public boolean pointsLeft() {
            return has(TokenKind.LESS);
        }

        private boolean has(TokenKind k) {
            for (Token t : left) if (t.kind() == k) return true;
            for (Token t : right) if (t.kind() == k) return true;
            return false;
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(left, open, name, star, min, dotDot, max, close, right);
        }
    }

    /** One output of graph-to-table: {@code nodes|edges [with_node_id=N | with_source_id=S with_target_id=D] [as T]}. */
    record GraphTableOutput(Token entity, List<OperatorParam> parameters, Token as, Name name) implements Clause {
        public GraphTableOutput {
            parameters = Children.copy(parameters);
        }

        @Override
        public List<SyntaxElement> children() {
            return Children.of(entity, parameters, as, name);
        }
    }

    /** One rule of a pattern: {@code (value, ...)[.[path]] = { query };}. */
    record PatternRule(Token open, SeparatedList<Expr> arguments, Token close, Token dot, Token pathOpen, Expr path,
                       Token pathClose, Token equal, Token bodyOpen, Expr body, Token bodyClose, Token semicolon) implements Clause {
        @Override
        public List<SyntaxElement> children() {
            return Children.of(open, arguments, close, dot, pathOpen, path, pathClose, equal, bodyOpen, body, bodyClose, semicolon);
        }
    }

    /** Tokens the parser could not place; reported once (KS198) and kept so the tree stays lossless. */
    record Skipped(List<Token> tokens) implements Clause {
        public Skipped {
            tokens = List.copyOf(tokens);
        }

        @Override
        public List<SyntaxElement> children() {
            return List.copyOf(tokens);
        }
    }
}

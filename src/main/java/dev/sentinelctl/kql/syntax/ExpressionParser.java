package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scalar expressions with Kusto's precedence, names, literals ({@code dynamic}, {@code datatable},
 * {@code externaldata}), comma lists, schemas and {@code name=value} options.
 */
abstract class ExpressionParser extends TokenCursor {

    /** Words that cannot be a plain name in an expression: keywords Kusto does not accept as names. */
    static final Set<String> NOT_EXPRESSION_NAMES = Keywords.NOT_NAMES;

    /** Functions whose (first) argument may be a whole pipeline; elsewhere a '|' inside a call is an error. */
    private static final Set<String> PIPE_ARGUMENT_FUNCTIONS = Set.of("toscalar", "materialize", "totable");

    /** Keywords that are still callable: {@code materialize(T)}, {@code toscalar(T | count)}. */
    private static final Set<String> CALLABLE_KEYWORDS = Set.of("materialize", "toscalar", "totable");

    /** Operators that may start a pipeline without a source. */
    static final Set<String> HEAD_OPERATORS = Set.of("union", "print", "range", "search", "find", "evaluate");

    /** Every keyword that starts a piped operator; used to recognise contextual subqueries. */
    static final Set<String> PIPED_OPERATORS = Set.of(
            "where", "filter", "extend", "project", "project-away", "project-keep", "project-rename",
            "project-reorder", "project-smart", "summarize", "join", "lookup", "union", "mv-expand", "mvexpand",
            "mv-apply", "mvapply", "parse", "parse-where", "parse-kv", "make-series", "top", "top-nested",
            "top-hitters", "sort", "order", "take", "limit", "count", "distinct", "sample", "sample-distinct",
            "serialize", "as", "getschema", "evaluate", "invoke", "render", "search", "find", "fork", "facet",
            "partition", "range", "print", "consume", "reduce", "scan", "make-graph", "graph-match",
            "graph-shortest-paths", "graph-to-table", "graph-mark-components", "graph-where-nodes",
            "graph-where-edges", "assert-schema", "macro-expand", "project-by-names", "__executeAndCache");

    /** Table references gathered as nodes are built (see {@link TableReferences}). */
    final TableReferences.Collector tableCollector = new TableReferences.Collector();
    /** Set while parsing a make-series axis, where {@code in range(...)} is a clause, not the in operator. */
    boolean noInOperator;
    /**
     * Token index where {@code materialize(...)} may be called: the start of a let value. Kusto accepts it
     * nowhere else ({@code join materialize(T)} is a missing expression there).
     */
    int materializeAt = -1;

    ExpressionParser(String text, List<Token> tokens, KqlDiagnostic[] lexicalByToken, List<KqlDiagnostic> diagnostics) {
        super(text, tokens, lexicalByToken, diagnostics);
    }

    /** A full expression including pipes ({@code T | where x}); implemented by the statement layer. */
    abstract Expr parsePipeExpression();

    Expr missingExpression(String hint) {
        Token c = cur();
        if (c.kind() == TokenKind.IDENTIFIER && isNotName(c)) {
            error("KS006", prevEnd(), prevEnd(), "Missing expression: '" + c.text()
                    + "' is a keyword here; to use it as a name write ['" + c.text() + "'].", hint);
        } else {
            error("KS006", prevEnd(), prevEnd(), "Missing expression " + found(c), hint);
        }
        return new Expr.Missing(missing(TokenKind.IDENTIFIER));
    }

    /** Reports a finished node to the table collector and returns it. */
    <T extends SyntaxNode> T seen(T node) {
        tableCollector.visit(node);
        return node;
    }

    Clause parseTypeOrSchema() {
        if (at(TokenKind.OPEN_PAREN)) return parseSchema();
        if (at(TokenKind.IDENTIFIER)) return new Clause.TypeName(take());
        if (at(TokenKind.TYPED_LITERAL)) { // "x:datetime(" cannot happen here, but stay lossless
            return new Clause.TypeName(take());
        }
        Token c = cur();
        error("KS006", prevEnd(), prevEnd(), "Missing type name " + found(c),
                "Write a scalar type such as string, long, datetime, dynamic, or (*) for any table.");
        return new Clause.TypeName(missing(TokenKind.IDENTIFIER));
    }

    Clause.Schema parseSchema() {
        Token open = expect(TokenKind.OPEN_PAREN, "A schema is written in parentheses: (name:type, ...).");
        SeparatedList<Clause> cols;
        if (!enter()) {
            // Nested schemas beyond the safe depth: keep the tokens as one skipped column.
            cols = new SeparatedList<>(List.of(new Clause.Skipped(SyntaxWalker.tokens(tooDeep()))), List.of());
        } else {
            cols = at(TokenKind.CLOSE_PAREN) ? SeparatedList.empty() : parseSeparated(this::parseSchemaItem);
        }
        exit();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the schema with ')'.");
        return new Clause.Schema(open, cols, close);
    }

    /** {@code typeof(string)} holds exactly one type; {@code typeof(a:string, b:long)} a column list. */
    Clause.Schema parseTypeofSchema() {
        boolean singleType = peek(1).kind() == TokenKind.IDENTIFIER && peek(2).kind() != TokenKind.COLON;
        if (!singleType) return parseSchema();
        Token open = take();
        Clause type = new Clause.TypeName(take());
        Token close = expect(TokenKind.CLOSE_PAREN, "typeof takes one type: typeof(string).");
        return new Clause.Schema(open, new SeparatedList<>(List.of(type), List.of()), close);
    }

    /** A schema column: {@code name:type}, {@code name:(nested)}, or {@code *}. */
    Clause parseSchemaItem() {
        if (at(TokenKind.ASTERISK)) {
            if (pos > 0 && tokens[pos - 1].kind() == TokenKind.COMMA) {
                // Kusto takes '*' ("and any other columns") only as the first item: (*, a:string), not (a:string, *)
                Token star = cur();
                error("KS005", star.start(), star.end(), "Expected ')' but found '*': '*' may only come first in a"
                        + " column list.", "Write the '*' first: (*, Name:string), or leave it out.");
            }
            return new Clause.StarColumn(take());
        }
        if (at(TokenKind.IDENTIFIER) || atBracketedName() || at(TokenKind.STRING_LITERAL)) {
            Name name = at(TokenKind.STRING_LITERAL) ? new Name.Identifier(take()) : parseName("Name the column.");
            Token colon = expect(TokenKind.COLON, "Give each column a type: Name:string.");
            return new Clause.ColumnDecl(name, colon, parseTypeOrSchema());
        }
        return parseTypeOrSchema();
    }

    Name parseName(String hint) {
        if (at(TokenKind.IDENTIFIER)) return new Name.Identifier(take());
        if (atBracketedName()) return new Name.Bracketed(take(), take(), take());
        Token c = cur();
        error("KS006", prevEnd(), prevEnd(), "Missing name " + found(c), hint);
        return new Name.Identifier(missing(TokenKind.IDENTIFIER));
    }

    /** A name pattern: adjacent identifier/number/{@code *} tokens with no space between, at least one {@code *}. */
    int wildcardLength() {
        int n = 0;
        boolean star = false;
        int p = pos;
        while (p < last) {
            Token t = tokens[p];
            boolean ok = t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.ASTERISK
                    || t.kind() == TokenKind.LONG_LITERAL;
            if (!ok) break;
            if (n > 0 && tokens[p - 1].end() != t.start()) break;
            if (t.kind() == TokenKind.ASTERISK) star = true;
            n++;
            p++;
        }
        return star && n > 1 ? n : 0;
    }

    Expr parseNamedOrPattern() {
        if (wildcardLength() > 0 || at(TokenKind.ASTERISK)) return parseNameOrPattern();
        return parseNamedExpression();
    }

    /** Column/table name lists where {@code Prefix*} patterns are allowed. */
    Expr parseNameOrPattern() {
        int n = wildcardLength();
        if (n > 0) {
            List<Token> parts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) parts.add(take());
            return new Expr.NameRef(new Name.Wildcard(parts));
        }
        if (at(TokenKind.ASTERISK)) return new Expr.Star(take());
        return parseExpression();
    }

    // ---------------------------------------------------------------- lists

    <T extends SyntaxNode> SeparatedList<T> parseSeparated(Supplier<T> item) {
        return parseSeparated(item, true);
    }

    /**
     * A comma list. With {@code continueWithoutComma}, an item that follows without a comma ({@code a = 1 b = 2})
     * is reported as a missing ',' and parsed as the next item, as Kusto does; only plain names and literals
     * count, so clause words ({@code by}, {@code on}) still end the list.
     */
    <T extends SyntaxNode> SeparatedList<T> parseSeparated(Supplier<T> item, boolean continueWithoutComma) {
        List<T> items = new ArrayList<>();
        List<Token> seps = new ArrayList<>();
        while (true) {
            int before = pos;
            items.add(item.get());
            if (at(TokenKind.COMMA)) {
                seps.add(take());
            } else if (continueWithoutComma && pos > before && canContinueList(cur())) {
                expectedError("','", "Separate list items with ','.");
                seps.add(missing(TokenKind.COMMA));
            } else {
                break;
            }
        }
        return new SeparatedList<>(items, seps);
    }

    static boolean canContinueList(Token t) {
        return switch (t.kind()) {
            case IDENTIFIER -> t.word() == null || !Keywords.ALL.contains(t.word());
            case STRING_LITERAL, LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, TYPED_LITERAL, RAW_GUID_LITERAL -> true;
            default -> false;
        };
    }

    /** Lists Kusto lets be empty (project, summarize): empty when nothing that could start an item follows. */
    <T extends SyntaxNode> SeparatedList<T> optionalList(Supplier<T> item) {
        boolean declaration = at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.EQUAL;
        return canStartArgument(cur()) || declaration ? parseSeparated(item) : SeparatedList.empty();
    }

    /** {@code name=value} options; {@code hint.*} always, plus the operator's own names. */
    List<Clause.OperatorParam> parseParams(Set<String> names) {
        List<Clause.OperatorParam> out = null;
        while (at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.EQUAL) {
            Token nt = cur();
            String n = nt.word();
            boolean hint = nt.source().startsWith("hint.", nt.start());
            if (!hint && (n == null || !names.contains(n))) break;
            Token name = take();
            Token eq = take();
            Expr value;
            Token c = cur();
            if (c.kind() == TokenKind.IDENTIFIER) {
                value = c.isIgnoreCase("true") || c.isIgnoreCase("false")
                        ? new Expr.Literal(LiteralKind.BOOL, List.of(take()))
                        : new Expr.NameRef(new Name.Identifier(take()));
            } else if (c.kind().isLiteral()) {
                value = parsePrimary();
            } else if (atBracketedName()) {
                value = new Expr.NameRef(new Name.Bracketed(take(), take(), take()));
            } else {
                // Kusto puts this one right after the '=', whatever follows.
                error("KS005", prevEnd(), prevEnd(), "Expected a value for " + name.text() + " " + found(cur()),
                        "Give the option a value, e.g. kind=inner.");
                value = new Expr.Missing(missing(TokenKind.IDENTIFIER));
            }
            if (out == null) out = new ArrayList<>(2);
            out.add(new Clause.OperatorParam(name, eq, value));
        }
        return out == null ? List.of() : out;
    }

    Clause.WithProperties parseWithProperties() {
        Token with = take();
        if (at(TokenKind.OPEN_PAREN)) {
            Token open = take();
            SeparatedList<Expr> props = at(TokenKind.CLOSE_PAREN) ? SeparatedList.empty()
                    : parseSeparated(this::parseNamedExpression);
            Token close = expect(TokenKind.CLOSE_PAREN, "Close the with (...) properties with ')'.");
            return new Clause.WithProperties(with, open, props, close);
        }
        // reduce's "with threshold=0.1, characters='x'" has no parentheses.
        return new Clause.WithProperties(with, null, parseSeparated(this::parseNamedExpression), null);
    }

    // ---------------------------------------------------------------- expressions

    /** {@code name = expr}, {@code (a, b) = expr}, or a plain expression. */
    /**
     * {@code toscalar}, {@code totable}, and {@code materialize} in a let value, written without parentheses:
     * Kusto still reads a call and reports the missing '(' after the keyword (elsewhere a bare
     * {@code materialize} is a missing expression).
     */
    Expr parseCallWithoutParentheses() {
        Name name = new Name.Identifier(take());
        Token open = expect(TokenKind.OPEN_PAREN, "Give the input in parentheses: materialize(T | ...), toscalar(...).");
        Expr arg = canStartArgument(cur()) ? parsePipeExpression() : null;
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the argument list with ')'.");
        SeparatedList<Expr> args = arg == null ? SeparatedList.empty() : new SeparatedList<>(List.of(arg), List.of());
        return seen(new Expr.FunctionCall(name, open, args, close));
    }

    Expr parseNamedExpression() {
        if (at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.EQUAL) {
            Token name = take();
            if (name.word() != null && Keywords.NOT_DECLARABLE.contains(name.word())) {
                error("KS228", name.start(), name.end(), "'" + name.text() + "' is a keyword and cannot name a column"
                        + " here.", "Write it in brackets: ['" + name.text() + "'] = ...");
            }
            Name n = new Name.Identifier(name);
            Token eq = take();
            return new Expr.Named(n, eq, parseExpression());
        }
        if (atBracketedName() && peek(3).kind() == TokenKind.EQUAL) {
            Name n = new Name.Bracketed(take(), take(), take());
            Token eq = take();
            return new Expr.Named(n, eq, parseExpression());
        }
        if (at(TokenKind.OPEN_PAREN) && looksLikeNameTuple()) {
            Token open = take();
            SeparatedList<Name> names = parseSeparated(() -> parseName("Name each column of the tuple."));
            Token close = expect(TokenKind.CLOSE_PAREN, "Close the name list with ')'.");
            Token eq = take();
            return new Expr.Named(new NameTarget.Tuple(open, names, close), eq, parseExpression());
        }
        return parseExpression();
    }

    /** {@code (a, b) =}: names separated by commas, then {@code ) =}. */
    boolean looksLikeNameTuple() {
        int p = pos + 1;
        while (p < last) {
            Token t = tokens[p];
            if (t.kind() == TokenKind.IDENTIFIER) {
                p++;
            } else if (t.kind() == TokenKind.OPEN_BRACKET && tokens[Math.min(p + 2, last)].kind() == TokenKind.CLOSE_BRACKET) {
                p += 3;
            } else {
                return false;
            }
            Token n = tokens[Math.min(p, last)];
            if (n.kind() == TokenKind.COMMA) {
                p++;
                Token after = tokens[Math.min(p, last)];
                if (after.kind() == TokenKind.CLOSE_PAREN) {
                    // "(a, b,) = ..." : a tuple with a missing last name
                    return tokens[Math.min(p + 1, last)].kind() == TokenKind.EQUAL;
                }
                continue;
            }
            return n.kind() == TokenKind.CLOSE_PAREN && tokens[Math.min(p + 1, last)].kind() == TokenKind.EQUAL;
        }
        return false;
    }

    /** A scalar expression without pipes. */
    Expr parseExpression() {
        return parseBinary(1);
    }

    Expr parseBinary(int minPrecedence) {
        return parseBinaryRest(parseUnary(), minPrecedence);
    }

    /** The operators that follow an already parsed left operand ({@code search * has "x"} starts with a star). */
    Expr parseBinaryRest(Expr first, int minPrecedence) {
        Expr left = first;
        while (true) {
            BinaryOp op = peekBinaryOperator();
            if (op == null || op.precedence() < minPrecedence) return left;
            Token opToken = take();
            Token op2 = op == BinaryOp.MATCHES_REGEX ? take() : null;
            if (op.takesList()) {
                left = parseInList(left, opToken, op);
            } else if (op == BinaryOp.BETWEEN || op == BinaryOp.NOT_BETWEEN) {
                left = parseBetween(left, opToken, op);
            } else {
                Expr right = parseBinary(op.precedence() + 1);
                left = new Expr.Binary(left, opToken, op2, op, right);
            }
        }
    }

    BinaryOp peekBinaryOperator() {
        Token t = cur();
        switch (t.kind()) {
            case EQUAL_EQUAL: return BinaryOp.EQUAL;
            case COLON: return BinaryOp.COLON;
            case BANG_EQUAL: return BinaryOp.NOT_EQUAL;
            case LESS_GREATER: return BinaryOp.NOT_EQUAL_ALT;
            case EQUAL_TILDE: return BinaryOp.EQUAL_IGNORE_CASE;
            case BANG_TILDE: return BinaryOp.NOT_EQUAL_IGNORE_CASE;
            case LESS: return BinaryOp.LESS;
            case LESS_EQUAL: return BinaryOp.LESS_EQUAL;
            case GREATER: return BinaryOp.GREATER;
            case GREATER_EQUAL: return BinaryOp.GREATER_EQUAL;
            case PLUS: return BinaryOp.ADD;
            case MINUS: return BinaryOp.SUBTRACT;
            case ASTERISK: return BinaryOp.MULTIPLY;
            case SLASH: return BinaryOp.DIVIDE;
            case PERCENT: return BinaryOp.MODULO;
            case OPERATOR_WORD: return t.word() == null ? null : BinaryOp.byText(t.word());
            case IDENTIFIER: {
                String w = t.word();
                if (w == null) return null;
                if (w.equals("matches")) return isWord(peek(1), "regex") ? BinaryOp.MATCHES_REGEX : null;
                if (w.equals("in") && noInOperator) return null;
                BinaryOp op = BinaryOp.byText(w);
                if (op == null || w.charAt(0) == '!' || !Character.isLetter(w.charAt(0))) return null;
                return op;
            }
            default:
                return null;
        }
    }

    Expr parseInList(Expr left, Token opToken, BinaryOp op) {
        Token open = expect(TokenKind.OPEN_PAREN, "List the values in parentheses: in ('a', 'b').");
        SeparatedList<Expr> values = open.missing() && !canStartArgument(cur()) ? SeparatedList.empty()
                : parseFirstMayBePipe(this::parseExpression);
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the value list with ')'.");
        return new Expr.InList(left, opToken, op, open, values, close);
    }

    /**
     * A list whose first item may be a whole pipeline ({@code in (T | project x)}, {@code toscalar(T | count)});
     * later items are scalar expressions, as in Kusto.
     */
    SeparatedList<Expr> parseFirstMayBePipe(Supplier<Expr> later) {
        boolean[] first = {true};
        return parseSeparated(() -> {
            if (first[0]) {
                first[0] = false;
                if (at(TokenKind.ASTERISK) || (at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.EQUAL)
                        || (atBracketedName() && peek(3).kind() == TokenKind.EQUAL)) {
                    return later.get();
                }
                return parsePipeExpression();
            }
            return later.get();
        });
    }

    Expr parseBetween(Expr left, Token opToken, BinaryOp op) {
        Token open = expect(TokenKind.OPEN_PAREN, "between reads: x between (low .. high).");
        Expr low = parseExpression();
        Token dd = expect(TokenKind.DOT_DOT, "Separate the bounds with '..': between (low .. high).");
        Expr high = parseExpression();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the range with ')'.");
        return new Expr.Between(left, opToken, op, open, low, dd, high, close);
    }

    /** Every expression passes through here, so this is where nesting depth is guarded. */
    Expr parseUnary() {
        if (!enter()) {
            exit();
            return tooDeep();
        }
        try {
            if (at(TokenKind.MINUS) || at(TokenKind.PLUS)) {
                Token op = take();
                // Kusto does not stack signs: "- -2" is a missing expression after the first '-'.
                return new Expr.Unary(op, parsePostfix());
            }
            return parsePostfix();
        } finally {
            exit();
        }
    }

    Expr parsePostfix() {
        Expr e = parsePrimary();
        while (true) {
            if (at(TokenKind.DOT) && peek(1).kind() == TokenKind.OPEN_BRACKET && !isBracketedNameAt(pos + 1)) {
                Token dot = take();
                Token open = take();
                Expr index = parseExpression();
                Token close = expect(TokenKind.CLOSE_BRACKET, "Close the index with ']'.");
                e = new Expr.ElementAccess(e, dot, open, index, close);
            } else if (at(TokenKind.DOT)) {
                Token dot = take();
                Expr member;
                if (at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.OPEN_PAREN && !isNotName(cur())) {
                    member = parseCall(new Name.Identifier(take()));
                } else if ((at(TokenKind.IDENTIFIER) && !isNotName(cur())) || atBracketedName()) {
                    member = new Expr.NameRef(parseName(""));
                } else {
                    // a literal (x.2, x.int(1)) is no member name either: Kusto reports the missing name
                    Token c = cur();
                    String why = c.kind() == TokenKind.IDENTIFIER
                            ? "Missing name: '" + c.text() + "' is a keyword; write ['" + c.text() + "'] to use it as a member."
                            : "Missing name after '.' " + found(c);
                    error("KS006", prevEnd(), prevEnd(), why, "Write a member name after '.', e.g. Props.name.");
                    member = new Expr.NameRef(new Name.Identifier(missing(TokenKind.IDENTIFIER)));
                }
                e = new Expr.MemberAccess(e, dot, member);
            } else if (at(TokenKind.OPEN_BRACKET)) {
                Token open = take();
                Expr index = parseExpression();
                Token close = expect(TokenKind.CLOSE_BRACKET, "Close the index with ']'.");
                e = new Expr.ElementAccess(e, null, open, index, close);
            } else {
                return e;
            }
        }
    }

    Expr parsePrimary() {
        Token c = cur();
        switch (c.kind()) {
            case IDENTIFIER:
                return parseWordExpression(c);
            case STRING_LITERAL: {
                List<Token> parts = new ArrayList<>(1);
                parts.add(take());
                while (at(TokenKind.STRING_LITERAL)) parts.add(take());
                return new Expr.Literal(LiteralKind.STRING, parts);
            }
            case LONG_LITERAL:
                return new Expr.Literal(LiteralKind.LONG, List.of(take()));
            case REAL_LITERAL:
                return new Expr.Literal(LiteralKind.REAL, List.of(take()));
            case TIMESPAN_LITERAL:
                return new Expr.Literal(LiteralKind.TIMESPAN, List.of(take()));
            case RAW_GUID_LITERAL: // reported by the lexer; still a guid value, so binding goes on
                return new Expr.Literal(LiteralKind.GUID, List.of(take()));
            case TYPED_LITERAL: {
                String t = c.text();
                int paren = t.indexOf('(');
                return new Expr.Literal(LiteralKind.ofTypeKeyword(paren < 0 ? t : t.substring(0, paren)), List.of(take()));
            }
            case OPEN_PAREN: {
                if (!enter()) {
                    exit();
                    return tooDeep();
                }
                try {
                    Token open = take();
                    Expr inner = parsePipeExpression();
                    Token close = expect(TokenKind.CLOSE_PAREN, "Close the parenthesis with ')'.");
                    return new Expr.Paren(open, inner, close);
                } finally {
                    exit();
                }
            }
            case OPEN_BRACKET:
                if (atBracketedName()) {
                    Name n = new Name.Bracketed(take(), take(), take());
                    if (at(TokenKind.OPEN_PAREN)) return parseCall(n);
                    return new Expr.NameRef(n);
                }
                {
                    // [expr]: Kusto parses a computed bracketed name; the binder decides whether it is allowed.
                    Token open = take();
                    Expr inner = parseExpression();
                    Token close = expect(TokenKind.CLOSE_BRACKET, "Close the bracket with ']'.");
                    return new Expr.ElementAccess(null, null, open, inner, close);
                }
            case ASTERISK: {
                // "* has 'x'", "* == 'x'": a star before a comparison stands for every column (where, search, find)
                Token n = peek(1);
                boolean comparison = switch (n.kind()) {
                    case EQUAL_EQUAL, BANG_EQUAL, LESS_GREATER, EQUAL_TILDE, BANG_TILDE -> true;
                    case IDENTIFIER, OPERATOR_WORD -> n.word() != null && BinaryOp.byText(n.word()) != null;
                    default -> false;
                };
                if (comparison) return new Expr.Star(take());
                return missingExpression("Write a value, column name or function call here.");
            }
            default:
                return missingExpression("Write a value, column name or function call here.");
        }
    }

    Expr parseWordExpression(Token c) {
        String w = c.word() == null ? "" : c.word();
        Token next = peek(1);
        boolean call = next.kind() == TokenKind.OPEN_PAREN;
        switch (w) {
            case "dynamic":
                if (call) return parseDynamic();
                break;
            case "typeof":
                if (call) return new Expr.Typeof(take(), parseTypeofSchema());
                break;
            case "datatable":
                // Never a name: without its schema Kusto reports what is missing after the keyword.
                return parseDataTable();
            case "externaldata", "external_data":
                return parseExternalData();
            default:
                if (c.isIgnoreCase("true") || c.isIgnoreCase("false")) {
                    if (!call) return new Expr.Literal(LiteralKind.BOOL, List.of(take()));
                }
                break;
        }
        if (!call && (w.equals("toscalar") || w.equals("totable"))) return parseCallWithoutParentheses();
        boolean matchesRegex = w.equals("matches") && isWord(next, "regex");
        boolean callable = call && CALLABLE_KEYWORDS.contains(w) && (!w.equals("materialize") || pos == materializeAt);
        if (matchesRegex || (NOT_EXPRESSION_NAMES.contains(w) && !callable)) {
            return missingExpression("Write a value, column name or function call here.");
        }
        if (call) return parseCall(new Name.Identifier(take()));
        return new Expr.NameRef(new Name.Identifier(take()));
    }

    Expr parseCall(Name name) {
        if (!enter()) {
            exit();
            // Keep the already-consumed name in the tree so it stays lossless.
            Expr rest = tooDeep();
            List<Token> tokens = new ArrayList<>(SyntaxWalker.tokens(name));
            tokens.addAll(SyntaxWalker.tokens(rest));
            return new Expr.Unparsed(tokens);
        }
        try {
            Token open = take();
            // toscalar/materialize need their input, so they never take the empty-list shortcut.
            boolean pipeArgument = name instanceof Name.Identifier id && id.token().word() != null
                    && PIPE_ARGUMENT_FUNCTIONS.contains(id.token().word()); // keywords: no substring needed
            SeparatedList<Expr> args = pipeArgument
                    ? parseFirstMayBePipe(this::parseLaterArgument)
                    : at(TokenKind.CLOSE_PAREN) || !canStartArgument(cur()) ? SeparatedList.empty()
                    : parseSeparated(this::parseLaterArgument);
            Token close = expect(TokenKind.CLOSE_PAREN, "Close the function's argument list with ')'.");
            return seen(new Expr.FunctionCall(name, open, args, close));
        } finally {
            exit();
        }
    }

    /** A word that cannot begin an argument ({@code count( by x}) means the argument list is simply empty. */
    static boolean canStartArgument(Token t) {
        return switch (t.kind()) {
            case IDENTIFIER -> canStartExpression(t);
            case STRING_LITERAL, LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, TYPED_LITERAL, RAW_GUID_LITERAL, OPEN_PAREN,
                 OPEN_BRACKET, MINUS, PLUS, ASTERISK, COMMA -> true;
            default -> false;
        };
    }

    static boolean isNotName(Token t) {
        return t.word() != null && NOT_EXPRESSION_NAMES.contains(t.word());
    }

    static boolean isPipedOperator(Token t) {
        return t.word() != null && PIPED_OPERATORS.contains(t.word());
    }

    static boolean canStartExpression(Token t) {
        return t.word() == null || canStartExpression(t.word());
    }

    /** Keywords that still begin an expression: head operators, callable keywords, special literals. */
    static boolean canStartExpression(String word) {
        return !NOT_EXPRESSION_NAMES.contains(word) || HEAD_OPERATORS.contains(word) || CALLABLE_KEYWORDS.contains(word)
                || word.equals("dynamic") || word.equals("datatable") || word.equals("externaldata")
                || word.equals("external_data");
    }

    Expr parseLaterArgument() {
        if (at(TokenKind.ASTERISK)) {
            Token n = peek(1);
            if (n.kind() == TokenKind.COMMA || n.kind() == TokenKind.CLOSE_PAREN) return new Expr.Star(take());
        }
        if ((at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.EQUAL)
                || (atBracketedName() && peek(3).kind() == TokenKind.EQUAL)) {
            return parseNamedExpression();
        }
        return parseExpression();
    }

    /** The column list of datatable/externaldata; without '(' Kusto reports a missing schema after the keyword. */
    Clause.Schema parseTableSchema() {
        if (at(TokenKind.OPEN_PAREN)) return parseSchema();
        error("KS006", prevEnd(), prevEnd(), "Missing schema declaration " + found(cur()),
                "Declare the columns first: datatable(Name:string, Count:long) [...].");
        return new Clause.Schema(missing(TokenKind.OPEN_PAREN), SeparatedList.empty(), missing(TokenKind.CLOSE_PAREN));
    }

    Expr parseDataTable() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(Set.of());
        Clause.Schema schema = parseTableSchema();
        Token open = expect(TokenKind.OPEN_BRACKET, "datatable rows go in brackets: datatable(a:string) ['x', 'y'].");
        SeparatedList<Expr> values = parseDataTableRows();
        Token close = expect(TokenKind.CLOSE_BRACKET, "Close the datatable rows with ']'.");
        return new Expr.DataTable(kw, params, schema, open, values, close);
    }

    /** datatable rows: literals separated by commas; a trailing comma before ']' is allowed. */
    SeparatedList<Expr> parseDataTableRows() {
        List<Expr> items = new ArrayList<>();
        List<Token> seps = new ArrayList<>();
        // Rows hold literals only (signed numbers, dynamic(...), true/false); anything else ends the list.
        while (canStartArgument(cur()) && !at(TokenKind.COMMA) && !at(TokenKind.OPEN_PAREN)
                && !at(TokenKind.OPEN_BRACKET) && !at(TokenKind.ASTERISK)) {
            items.add(parseExpression());
            if (!at(TokenKind.COMMA)) break;
            seps.add(take());
        }
        return new SeparatedList<>(items, seps);
    }

    Expr parseExternalData() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(Set.of("kind"));
        Clause.Schema schema = parseTableSchema();
        Token open = expect(TokenKind.OPEN_BRACKET, "externaldata URIs go in brackets: externaldata(a:string) [@'https://...'].");
        SeparatedList<Expr> uris = at(TokenKind.CLOSE_BRACKET) ? SeparatedList.empty()
                : parseSeparated(this::parseExpression);
        Token close = expect(TokenKind.CLOSE_BRACKET, "Close the URI list with ']'.");
        Clause.WithProperties with = atWord("with") && peek(1).kind() == TokenKind.OPEN_PAREN ? parseWithProperties() : null;
        return new Expr.ExternalData(kw, params, schema, open, uris, close, with);
    }

    // ---------------------------------------------------------------- dynamic literals

    Expr parseDynamic() {
        Token kw = take();
        Token open = take();
        Json value = parseJson();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the dynamic literal with ')'.");
        return new Expr.DynamicLiteral(kw, open, value, close);
    }

    /**
     * A value inside {@code dynamic(...)}. Kusto takes constants only: strings, numbers (a '-' only before a number),
     * timespans, true/false (any of Kusto's spellings), null, the typed literals it can store in a dynamic value,
     * arrays, property bags with string keys, and nested {@code dynamic(...)}. A name or a call is no value:
     * an open array or bag then ends there, as in Kusto ("Expected: ]" at the name).
     */
    Json parseJson() {
        if (!enter()) {
            exit();
            error("KS245", cur().start(), cur().end(), "The dynamic value nests too deeply to analyse.",
                    "Flatten the literal or build it with bag_pack()/pack_array().");
            return new Json.JMissing(missing(TokenKind.IDENTIFIER));
        }
        try {
            Token c = cur();
            switch (c.kind()) {
                case OPEN_BRACE: {
                    Token open = take();
                    SeparatedList<Json.Pair> pairs = canStartJsonPair(cur()) ? parseSeparated(this::parseJsonPair)
                            : SeparatedList.empty();
                    Token close = expect(TokenKind.CLOSE_BRACE, "Close the property bag with '}'; values must be"
                            + " constants: dynamic({\"key\": \"value\"}), or build it with bag_pack().");
                    return new Json.JObject(open, pairs, close);
                }
                case OPEN_BRACKET: {
                    Token open = take();
                    SeparatedList<Json> values = canStartJson(cur()) ? parseSeparated(this::parseJson)
                            : SeparatedList.empty();
                    Token close = expect(TokenKind.CLOSE_BRACKET, "Close the array with ']'; elements must be"
                            + " constants: dynamic([1, \"a\"]), or build it with pack_array().");
                    return new Json.JArray(open, values, close);
                }
                case MINUS: {
                    if (peek(1).kind() == TokenKind.LONG_LITERAL || peek(1).kind() == TokenKind.REAL_LITERAL) {
                        return new Json.JScalar(List.of(take(), take()));
                    }
                    break;
                }
                case STRING_LITERAL: {
                    // Adjacent string literals concatenate, inside dynamic(...) too.
                    List<Token> parts = new ArrayList<>(1);
                    parts.add(take());
                    while (at(TokenKind.STRING_LITERAL)) parts.add(take());
                    return new Json.JScalar(parts);
                }
                case LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, RAW_GUID_LITERAL:
                    return new Json.JScalar(List.of(take()));
                case TYPED_LITERAL:
                    if (isDynamicTypedLiteral(c)) return new Json.JScalar(List.of(take()));
                    break;
                case IDENTIFIER:
                    if (isJsonWord(c)) return new Json.JScalar(List.of(take()));
                    if (c.is("dynamic") && peek(1).kind() == TokenKind.OPEN_PAREN) {
                        return new Json.JDynamic((Expr.DynamicLiteral) parseDynamic());
                    }
                    break;
                default:
                    break;
            }
            error("KS006", prevEnd(), prevEnd(), "Missing JSON value " + found(c),
                    "Write a constant: a string, number, true/false/null, [array] or {\"key\": value};"
                            + " to build a value from columns use pack_array() or bag_pack().");
            return new Json.JMissing(missing(TokenKind.IDENTIFIER));
        } finally {
            exit();
        }
    }

    /** true/false in Kusto's three spellings, and null (lower case only). */
    static boolean isJsonWord(Token t) {
        return switch (t.text()) {
            case "true", "True", "TRUE", "false", "False", "FALSE", "null" -> true;
            default -> false;
        };
    }

    /** Typed literals a dynamic value can hold; {@code int(...)} is not one of them (Kusto refuses it there). */
    static boolean isDynamicTypedLiteral(Token t) {
        String text = t.text();
        int paren = text.indexOf('(');
        String word = paren < 0 ? text : text.substring(0, paren);
        return switch (word) {
            case "datetime", "date", "timespan", "time", "guid", "long", "int64", "real", "double", "decimal", "bool",
                 "boolean" -> true;
            default -> false;
        };
    }

    /** A JSON value can start here; otherwise an open array is simply empty (and its ']' is what is missing). */
    boolean canStartJson(Token t) {
        return switch (t.kind()) {
            case OPEN_BRACE, OPEN_BRACKET, STRING_LITERAL, LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL,
                 RAW_GUID_LITERAL, COMMA -> true;
            case TYPED_LITERAL -> isDynamicTypedLiteral(t);
            case MINUS -> peek(1).kind() == TokenKind.LONG_LITERAL || peek(1).kind() == TokenKind.REAL_LITERAL;
            case IDENTIFIER -> isJsonWord(t) || (t.is("dynamic") && peek(1).kind() == TokenKind.OPEN_PAREN);
            default -> false;
        };
    }

    /** A pair starts with its key: a string, or another literal Kusto then reports as "Missing string". */
    static boolean canStartJsonPair(Token t) {
        return t.kind() == TokenKind.COMMA || t.kind().isLiteral();
    }

    Json.Pair parseJsonPair() {
        Token key;
        if (at(TokenKind.STRING_LITERAL)) {
            key = take();
        } else {
            Token c = cur();
            error("KS006", c.start(), c.end(), "Missing string: a property name is a quoted string " + found(c),
                    "Write each property as \"key\": value.");
            key = missing(TokenKind.STRING_LITERAL);
        }
        Token colon = expect(TokenKind.COLON, "Separate a key from its value with ':'.");
        return new Json.Pair(key, colon, parseJson());
    }

}

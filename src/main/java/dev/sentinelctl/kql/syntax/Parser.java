package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive-descent parser over the token list. It never throws and always terminates: every loop either
 * consumes a token or stops, required-but-absent parts become zero-width missing tokens with a diagnostic,
 * and tokens that fit nowhere are kept in skipped nodes. Nesting is capped ({@link #MAX_DEPTH}) so hostile
 * input cannot overflow the Java stack.
 */
final class Parser {

    /** Nesting levels (parentheses, unary chains, calls, dynamic values) before we stop descending. */
    static final int MAX_DEPTH = 160;

    /** Words that cannot be a plain name in an expression: keywords Kusto does not accept as names. */
    private static final Set<String> NOT_EXPRESSION_NAMES = Keywords.NOT_NAMES;

    /** Functions whose (first) argument may be a whole pipeline; elsewhere a '|' inside a call is an error. */
    private static final Set<String> PIPE_ARGUMENT_FUNCTIONS = Set.of("toscalar", "materialize", "totable");

    /** Keywords that are still callable: {@code materialize(T)}, {@code toscalar(T | count)}. */
    private static final Set<String> CALLABLE_KEYWORDS = Set.of("materialize", "toscalar", "totable");

    /** Operators that may start a pipeline without a source. */
    private static final Set<String> HEAD_OPERATORS = Set.of("union", "print", "range", "search", "find", "evaluate");

    /** Operators we keep token by token: rare in detection content, no structure modelled. */
    private static final Set<String> OPAQUE_OPERATORS = Set.of(
            "scan", "make-graph", "graph-match", "graph-shortest-paths", "graph-to-table", "graph-mark-components",
            "graph-where-nodes", "graph-where-edges", "assert-schema", "macro-expand", "project-by-names",
            "__executeAndCache", "__partitionby", "execute-and-cache");

    /** Every keyword that starts a piped operator; used to recognise contextual subqueries. */
    private static final Set<String> PIPED_OPERATORS = Set.of(
            "where", "filter", "extend", "project", "project-away", "project-keep", "project-rename",
            "project-reorder", "project-smart", "summarize", "join", "lookup", "union", "mv-expand", "mvexpand",
            "mv-apply", "mvapply", "parse", "parse-where", "parse-kv", "make-series", "top", "top-nested",
            "top-hitters", "sort", "order", "take", "limit", "count", "distinct", "sample", "sample-distinct",
            "serialize", "as", "getschema", "evaluate", "invoke", "render", "search", "find", "fork", "facet",
            "partition", "range", "print", "consume", "reduce", "scan", "make-graph", "graph-match",
            "graph-shortest-paths", "graph-to-table", "graph-mark-components", "graph-where-nodes",
            "graph-where-edges", "assert-schema", "macro-expand", "project-by-names");

    private static final Set<String> JOIN_PARAMS = Set.of("kind");
    private static final Set<String> UNION_PARAMS = Set.of("kind", "withsource", "with_source", "isfuzzy");
    private static final Set<String> MV_EXPAND_PARAMS = Set.of("kind", "bagexpansion", "with_itemindex");
    private static final Set<String> MV_APPLY_PARAMS = Set.of("with_itemindex");
    private static final Set<String> PARSE_PARAMS = Set.of("kind", "flags");
    private static final Set<String> KIND_ONLY = Set.of("kind");
    private static final Set<String> HINTS_ONLY = Set.of();
    private static final Set<String> FIND_PARAMS = Set.of("withsource", "with_source");
    private static final Set<String> CONSUME_PARAMS = Set.of("decodeblocks");
    private static final Set<String> RENDER_PARAMS = Set.of("kind", "title", "accumulate", "xcolumn", "ycolumns",
            "series", "ymin", "ymax", "xtitle", "ytitle", "xaxis", "yaxis", "legend", "ysplit");

    private final String text;
    private final Token[] tokens;
    private final int last;
    private final List<KqlDiagnostic> diagnostics;
    private int pos;
    private int depth;
    /** Table references gathered as nodes are built (see {@link TableReferences}). */
    private final TableReferences.Collector tableCollector = new TableReferences.Collector();
    /** Set while parsing a make-series axis, where {@code in range(...)} is a clause, not the in operator. */
    private boolean noInOperator;

    Parser(String text, List<Token> tokens, List<KqlDiagnostic> diagnostics) {
        this.text = text;
        this.tokens = tokens.toArray(new Token[0]);
        this.last = this.tokens.length - 1;
        this.diagnostics = diagnostics;
    }

    // ---------------------------------------------------------------- token helpers

    private Token cur() {
        return tokens[pos];
    }

    private Token peek(int n) {
        return tokens[Math.min(pos + n, last)];
    }

    private Token take() {
        Token t = tokens[pos];
        if (pos < last) pos++;
        return t;
    }

    private boolean at(TokenKind k) {
        return tokens[pos].kind() == k;
    }

    private boolean atWord(String w) {
        Token t = tokens[pos];
        return t.kind() == TokenKind.IDENTIFIER && t.is(w);
    }

    private static boolean isWord(Token t, String w) {
        return t.kind() == TokenKind.IDENTIFIER && t.is(w);
    }

    private boolean atEnd() {
        return at(TokenKind.END_OF_TEXT);
    }

    /** End offset of the last consumed token: where Kusto places missing elements. */
    private int prevEnd() {
        return pos == 0 ? 0 : tokens[pos - 1].end();
    }

    private Token missing(TokenKind kind) {
        return Token.missing(kind, prevEnd(), text);
    }

    private void error(String code, int start, int end, String message, String hint) {
        diagnostics.add(KqlDiagnostic.error(code, start, end, message, hint));
    }

    /** Consumes a token of {@code kind} or reports "Expected" on the token found there (KS005). */
    private Token expect(TokenKind kind, String hint) {
        if (at(kind)) return take();
        expectedError("'" + kind.display() + "'", hint);
        return missing(kind);
    }

    private Token expectWord(String word, String hint) {
        if (atWord(word)) return take();
        expectedError("'" + word + "'", hint);
        return missing(TokenKind.IDENTIFIER);
    }

    /**
     * KS005 as Kusto places it: on the unexpected token when at most one blank separates it from the previous
     * token, otherwise (line break, comment, wider gap, end of text) zero-width right after the previous
     * token, where the missing piece belongs.
     */
    private void expectedError(String what, String hint) {
        Token c = cur();
        boolean oneBlank = c.start() - c.fullStart() == 1 && (c.source().charAt(c.fullStart()) == ' '
                || c.source().charAt(c.fullStart()) == '\t');
        if (c.kind() == TokenKind.END_OF_TEXT || !(oneBlank || c.start() == c.fullStart())) {
            error("KS005", prevEnd(), prevEnd(), "Expected " + what + " " + found(c), hint);
        } else {
            error("KS005", c.start(), c.end(), "Expected " + what + " " + found(c), hint);
        }
    }



    private static String found(Token t) {
        if (t.kind() == TokenKind.END_OF_TEXT) return "but the query ends here.";
        String s = t.text();
        if (s.length() > 30) s = s.substring(0, 30) + "...";
        return "but found '" + s + "'.";
    }

    private Expr missingExpression(String hint) {
        Token c = cur();
        if (c.kind() == TokenKind.IDENTIFIER && isNotName(c)) {
            error("KS006", prevEnd(), prevEnd(), "Missing expression: '" + c.text()
                    + "' is a keyword here; to use it as a name write ['" + c.text() + "'].", hint);
        } else {
            error("KS006", prevEnd(), prevEnd(), "Missing expression " + found(c), hint);
        }
        return new Expr.Missing(missing(TokenKind.IDENTIFIER));
    }

    private boolean enter() {
        depth++;
        return depth <= MAX_DEPTH;
    }

    private void exit() {
        depth--;
    }

    /** Reports a finished node to the table collector and returns it. */
    private <T extends SyntaxNode> T seen(T node) {
        tableCollector.visit(node);
        return node;
    }

    List<String> tables() {
        return tableCollector.result();
    }

    // ---------------------------------------------------------------- statements

    QueryBlock parseQueryBlock() {
        SeparatedList<Statement> statements = parseStatements(false);
        Token eof = cur();
        // parseStatements only stops at the end of text at the top level; anything else is a bug guard.
        while (!atEnd()) take();
        return new QueryBlock(statements, eof.kind() == TokenKind.END_OF_TEXT ? eof : tokens[last]);
    }

    private boolean atStatementListEnd(boolean inBody) {
        return atEnd() || (inBody && at(TokenKind.CLOSE_BRACE));
    }

    private SeparatedList<Statement> parseStatements(boolean inBody) {
        List<Statement> items = new ArrayList<>();
        List<Token> seps = new ArrayList<>();
        while (!atStatementListEnd(inBody)) {
            if (!canStartStatement(cur())) {
                items.add(skipRest(inBody));
                continue;
            }
            int before = pos;
            items.add(parseStatement());
            if (pos == before) { // defensive: a statement must consume something
                items.add(skipRest(inBody));
                continue;
            }
            if (at(TokenKind.SEMICOLON)) {
                seps.add(take());
            } else if (atStatementListEnd(inBody)) {
                break;
            } else if (canStartStatement(cur())) {
                expectedError("';'", "Statements are separated by ';'. If this belongs to the previous statement,"
                        + " check the operator or expression before it (a missing '|' or ',').");
                seps.add(missing(TokenKind.SEMICOLON));
            } else {
                seps.add(missing(TokenKind.SEMICOLON));
            }
        }
        return new SeparatedList<>(items, seps);
    }

    /** Skips to the end of the statement list (Kusto reports the first skipped token only, KS198). */
    private Statement skipRest(boolean inBody) {
        Token first = cur();
        error("KS198", first.start(), first.end(), "Unexpected '" + first.text() + "': the query cannot continue here.",
                "Remove it, or check for an unbalanced parenthesis or a missing operator before it.");
        List<Token> skipped = new ArrayList<>();
        int braces = 0;
        while (!atEnd()) {
            if (inBody) {
                if (at(TokenKind.OPEN_BRACE)) braces++;
                if (at(TokenKind.CLOSE_BRACE)) {
                    if (braces == 0) break;
                    braces--;
                }
            }
            skipped.add(take());
        }
        return new Statement.Skipped(new Clause.Skipped(skipped));
    }

    private boolean canStartStatement(Token t) {
        return switch (t.kind()) {
            case IDENTIFIER -> canStartExpression(t) || (t.is("set") && peek(1).kind() == TokenKind.IDENTIFIER)
                    || t.is("let") || isPipedOperator(t);
            case STRING_LITERAL, LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, TYPED_LITERAL,
                 OPEN_PAREN, OPEN_BRACKET, MINUS, PLUS -> true;
            default -> false;
        };
    }

    private Statement parseStatement() {
        Token c = cur();
        if (c.kind() == TokenKind.IDENTIFIER) {
            Token n = peek(1);
            if (c.is("let")) {
                if (n.kind() == TokenKind.IDENTIFIER || isBracketedNameAt(pos + 1)) return parseLet();
                // "let = 1": Kusto keeps the bare 'let' and reports the next token as an unexpected fragment.
                return new Statement.Other(take(), List.of());
            }
            if (c.is("set") && n.kind() == TokenKind.IDENTIFIER && !n.is("by")) return parseSet();
            if (c.is("declare") && isWord(n, "query_parameters")) {
                Token declare = take();
                Token qp = take();
                return new Statement.DeclareQueryParameters(declare, qp, parseParameters());
            }
            if (c.is("alias") && isWord(n, "database")) return parseAlias();
            if ((c.is("restrict") && isWord(n, "access")) || (c.is("declare") && isWord(n, "pattern"))) {
                Token kw = take();
                return new Statement.Other(kw, takeUntilStatementEnd());
            }
        }
        if (c.kind() == TokenKind.IDENTIFIER && isPipedOperator(c) && !atHeadOperator()
                && (looksLikeOperatorUse() || isNotName(c))) {
            // An operator with no input ("where x" after a forgotten '|'): parse it so later errors still line up.
            return seen(new Statement.Query(parseSubqueryBody()));
        }
        return seen(new Statement.Query(parsePipeExpression()));
    }

    private List<Token> takeUntilStatementEnd() {
        List<Token> out = new ArrayList<>();
        int nesting = 0;
        while (!atEnd()) {
            TokenKind k = cur().kind();
            if (nesting == 0 && (k == TokenKind.SEMICOLON || k == TokenKind.CLOSE_BRACE)) break;
            if (k == TokenKind.OPEN_PAREN || k == TokenKind.OPEN_BRACKET || k == TokenKind.OPEN_BRACE) nesting++;
            if (k == TokenKind.CLOSE_PAREN || k == TokenKind.CLOSE_BRACKET || k == TokenKind.CLOSE_BRACE) nesting--;
            out.add(take());
        }
        return out;
    }

    private Statement parseLet() {
        Token let = take();
        Name name = parseName("Name the variable: let name = value;");
        Token eq = expect(TokenKind.EQUAL, "A let statement reads: let name = value;");
        Expr value;
        if (atWord("view") && peek(1).kind() == TokenKind.OPEN_PAREN) {
            Token view = take();
            value = parseFunctionDecl(view);
        } else if (looksLikeFunctionDecl()) {
            value = parseFunctionDecl(null);
        } else {
            value = parsePipeExpression();
        }
        return seen(new Statement.Let(let, name, eq, value));
    }

    /** {@code (} {@code )} {@code {} or {@code (} name {@code :} starts a function declaration. */
    private boolean looksLikeFunctionDecl() {
        if (!at(TokenKind.OPEN_PAREN)) return false;
        Token a = peek(1);
        if (a.kind() == TokenKind.CLOSE_PAREN) return peek(2).kind() == TokenKind.OPEN_BRACE;
        if (a.kind() == TokenKind.IDENTIFIER) return peek(2).kind() == TokenKind.COLON;
        if (a.kind() == TokenKind.OPEN_BRACKET) {
            return peek(2).kind() == TokenKind.STRING_LITERAL && peek(3).kind() == TokenKind.CLOSE_BRACKET
                    && peek(4).kind() == TokenKind.COLON;
        }
        return false;
    }

    private Expr parseFunctionDecl(Token view) {
        Clause.Parameters params = parseParameters();
        if (!enter()) {
            exit();
            List<Token> kept = new ArrayList<>();
            if (view != null) kept.add(view);
            kept.addAll(SyntaxWalker.tokens(params));
            kept.addAll(SyntaxWalker.tokens(tooDeep()));
            return new Expr.Unparsed(kept);
        }
        try {
            Token open = expect(TokenKind.OPEN_BRACE, "A function body is written in braces: (params) { query }.");
            SeparatedList<Statement> body = parseStatements(true);
            Token close = expect(TokenKind.CLOSE_BRACE, "Close the function body with '}'.");
            return new Expr.FunctionDecl(view, params, new Clause.FunctionBody(open, body, close));
        } finally {
            exit();
        }
    }

    private Clause.Parameters parseParameters() {
        Token open = expect(TokenKind.OPEN_PAREN, "Parameters are listed in parentheses: (name:type, ...).");
        SeparatedList<Clause.Parameter> list = at(TokenKind.CLOSE_PAREN) ? SeparatedList.empty()
                : parseSeparated(this::parseParameter);
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the parameter list with ')'.");
        return new Clause.Parameters(open, list, close);
    }

    private Clause.Parameter parseParameter() {
        Name name = parseName("Each parameter needs a name: name:type.");
        Token colon = expect(TokenKind.COLON, "Give the parameter a type: name:string, or T:(*) for a table.");
        Clause type = parseTypeOrSchema();
        Token eq = null;
        Expr def = null;
        if (at(TokenKind.EQUAL)) {
            eq = take();
            def = parseExpression();
        }
        return seen(new Clause.Parameter(name, colon, type, eq, def));
    }

    private Clause parseTypeOrSchema() {
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

    private Clause.Schema parseSchema() {
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

    private Clause parseSchemaItem() {
        if (at(TokenKind.ASTERISK)) return new Clause.StarColumn(take());
        boolean named = (at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.COLON)
                || (at(TokenKind.OPEN_BRACKET) && peek(3).kind() == TokenKind.COLON)
                || (at(TokenKind.STRING_LITERAL) && peek(1).kind() == TokenKind.COLON);
        if (named) {
            Name name = at(TokenKind.STRING_LITERAL) ? new Name.Identifier(take()) : parseName("Name the column.");
            Token colon = take();
            return new Clause.ColumnDecl(name, colon, parseTypeOrSchema());
        }
        if (at(TokenKind.IDENTIFIER)) return new Clause.TypeName(take());
        return parseTypeOrSchema();
    }

    private Statement parseSet() {
        Token set = take();
        Name name = parseName("Name the option: set name = value;");
        Token eq = null;
        Expr value = null;
        if (at(TokenKind.EQUAL)) {
            eq = take();
            value = parseExpression();
        }
        return new Statement.Set(set, name, eq, value);
    }

    private Statement parseAlias() {
        Token alias = take();
        Token database = take();
        Name name = parseName("Name the alias: alias database name = cluster('c').database('d');");
        Token eq = expect(TokenKind.EQUAL, "An alias reads: alias database name = cluster('c').database('d');");
        return new Statement.Alias(alias, database, name, eq, parseExpression());
    }

    // ---------------------------------------------------------------- names

    private boolean isBracketedNameAt(int p) {
        return tokens[Math.min(p, last)].kind() == TokenKind.OPEN_BRACKET
                && tokens[Math.min(p + 1, last)].kind() == TokenKind.STRING_LITERAL
                && tokens[Math.min(p + 2, last)].kind() == TokenKind.CLOSE_BRACKET;
    }

    private boolean atBracketedName() {
        return at(TokenKind.OPEN_BRACKET) && peek(1).kind() == TokenKind.STRING_LITERAL
                && peek(2).kind() == TokenKind.CLOSE_BRACKET;
    }

    private Name parseName(String hint) {
        if (at(TokenKind.IDENTIFIER)) return new Name.Identifier(take());
        if (atBracketedName()) return new Name.Bracketed(take(), take(), take());
        Token c = cur();
        error("KS006", prevEnd(), prevEnd(), "Missing name " + found(c), hint);
        return new Name.Identifier(missing(TokenKind.IDENTIFIER));
    }

    /** A name pattern: adjacent identifier/number/{@code *} tokens with no space between, at least one {@code *}. */
    private int wildcardLength() {
        int n = 0;
        boolean star = false;
        int p = pos;
        while (p < last) {
            Token t = tokens[p];
            boolean ok = t.kind() == TokenKind.IDENTIFIER || t.kind() == TokenKind.ASTERISK
                    || t.kind() == TokenKind.LONG_LITERAL;
            if (!ok) break;
            if (n > 0 && (t.hasLeadingTrivia() || tokens[p - 1].end() != t.start())) break;
            if (t.kind() == TokenKind.ASTERISK) star = true;
            n++;
            p++;
        }
        return star && n > 1 ? n : 0;
    }

    private Expr parseNamedOrPattern() {
        if (wildcardLength() > 0 || at(TokenKind.ASTERISK)) return parseNameOrPattern();
        return parseNamedExpression();
    }

    /** Column/table name lists where {@code Prefix*} patterns are allowed. */
    private Expr parseNameOrPattern() {
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

    private <T extends SyntaxNode> SeparatedList<T> parseSeparated(Supplier<T> item) {
        return parseSeparated(item, true);
    }

    /**
     * A comma list. With {@code continueWithoutComma}, an item that follows without a comma ({@code a = 1 b = 2})
     * is reported as a missing ',' and parsed as the next item, as Kusto does; only plain names and literals
     * count, so clause words ({@code by}, {@code on}) still end the list.
     */
    private <T extends SyntaxNode> SeparatedList<T> parseSeparated(Supplier<T> item, boolean continueWithoutComma) {
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

    private static boolean canContinueList(Token t) {
        return switch (t.kind()) {
            case IDENTIFIER -> t.word() == null || !Keywords.ALL.contains(t.word());
            case STRING_LITERAL, LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, TYPED_LITERAL -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- pipelines

    /** A full expression including pipes: {@code T | where x | take 5}. */
    Expr parsePipeExpression() {
        if (!enter()) {
            exit();
            return tooDeep();
        }
        try {
            Expr e;
            if (atHeadOperator()) {
                e = parseQueryOperator();
            } else {
                e = parseExpression();
            }
            while (at(TokenKind.BAR)) {
                Token bar = take();
                e = seen(new Expr.Pipe(e, bar, parseQueryOperator()));
            }
            return e;
        } finally {
            exit();
        }
    }

    private boolean atHeadOperator() {
        Token c = cur();
        if (c.kind() != TokenKind.IDENTIFIER || c.word() == null || !HEAD_OPERATORS.contains(c.word())) return false;
        Token n = peek(1);
        if (c.is("range")) return n.kind() == TokenKind.IDENTIFIER || n.kind() == TokenKind.OPEN_BRACKET;
        if (c.is("evaluate")) return n.kind() != TokenKind.EQUAL && n.kind() != TokenKind.DOT;
        return true;
    }

    /** After {@code (}: a contextual subquery ({@code where x | take 1}) or a full pipeline. */
    private Expr parseSubqueryBody() {
        Token c = cur();
        if (c.kind() == TokenKind.IDENTIFIER && isPipedOperator(c) && !atHeadOperator()
                && looksLikeOperatorUse()) {
            if (!enter()) {
                exit();
                return tooDeep();
            }
            try {
                Expr e = parseQueryOperator();
                while (at(TokenKind.BAR)) {
                    Token bar = take();
                    e = seen(new Expr.Pipe(e, bar, parseQueryOperator()));
                }
                return e;
            } finally {
                exit();
            }
        }
        return parsePipeExpression();
    }

    /** Distinguishes {@code (take 5)} from {@code (count)} used as a column or {@code (project)} as a table. */
    private boolean looksLikeOperatorUse() {
        Token n = peek(1);
        return switch (n.kind()) {
            case CLOSE_PAREN, BAR, END_OF_TEXT -> cur().is("count") || cur().is("getschema") || cur().is("serialize")
                    || cur().is("consume");
            case OPEN_PAREN -> cur().is("join") || cur().is("lookup") || cur().is("union") || cur().is("fork");
            case DOT, EQUAL_EQUAL, BANG_EQUAL -> false;
            default -> true;
        };
    }

    private Expr parseParenSubquery(String hint) {
        Token open = expect(TokenKind.OPEN_PAREN, hint);
        Expr inner = parseSubqueryBody();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the subquery with ')'.");
        return new Expr.Paren(open, inner, close);
    }

    // ---------------------------------------------------------------- query operators

    private QueryOperator parseQueryOperator() {
        Token c = cur();
        if (c.kind() != TokenKind.IDENTIFIER) {
            error("KS176", prevEnd(), prevEnd(), "Query operator expected " + found(c),
                    "After '|' write an operator such as where, extend, project or summarize, or remove the extra '|'.");
            return new QueryOperator.Bad(missing(TokenKind.IDENTIFIER));
        }
        String w = c.word() == null ? "" : c.word();
        switch (w) {
            case "where", "filter":
                // Kusto reads "where x = 1" like a named expression (x = value); keep that shape.
                return new QueryOperator.Where(take(), parseNamedExpression());
            case "extend":
                return new QueryOperator.Extend(take(), parseSeparated(this::parseNamedExpression));
            case "project": {
                Token kw = take();
                return new QueryOperator.Project(kw, optionalList(this::parseNamedExpression));
            }
            case "project-away": {
                Token kw = take();
                return new QueryOperator.ProjectAway(kw, optionalList(this::parseNameOrPattern));
            }
            case "project-keep": {
                Token kw = take();
                return new QueryOperator.ProjectKeep(kw, optionalList(this::parseNameOrPattern));
            }
            case "project-rename": {
                Token kw = take();
                return new QueryOperator.ProjectRename(kw, optionalList(this::parseNamedExpression));
            }
            case "project-reorder": {
                Token kw = take();
                return new QueryOperator.ProjectReorder(kw, optionalList(() -> parseSortItem(true)));
            }
            case "summarize":
                return parseSummarize();
            case "join":
                return parseJoin();
            case "lookup":
                return parseLookup();
            case "union":
                return parseUnion();
            case "mv-expand", "mvexpand":
                return parseMvExpand();
            case "mv-apply", "mvapply":
                return parseMvApply();
            case "parse", "parse-where":
                return parseParse();
            case "parse-kv":
                return parseParseKv();
            case "make-series":
                return parseMakeSeries();
            case "top":
                return parseTop();
            case "top-nested":
                return parseTopNested();
            case "top-hitters":
                return parseTopHitters();
            case "sort", "order":
                return parseSort();
            case "take", "limit":
                return new QueryOperator.Take(take(), parseExpression());
            case "count":
                return new QueryOperator.Count(take());
            case "distinct": {
                Token kw = take();
                List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
                return new QueryOperator.Distinct(kw, params, parseSeparated(this::parseNamedOrPattern));
            }
            case "sample":
                return new QueryOperator.Sample(take(), parseExpression());
            case "sample-distinct": {
                Token kw = take();
                Expr n = parseExpression();
                Token of = expectWord("of", "sample-distinct reads: sample-distinct 10 of Column.");
                return new QueryOperator.SampleDistinct(kw, n, of, parseExpression());
            }
            case "serialize": {
                Token kw = take();
                SeparatedList<Expr> list = atOperatorEnd() ? SeparatedList.empty()
                        : parseSeparated(this::parseNamedExpression);
                return new QueryOperator.Serialize(kw, list);
            }
            case "as": {
                Token kw = take();
                List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
                return seen(new QueryOperator.As(kw, params, parseName("Name the result: as Name.")));
            }
            case "getschema":
                return new QueryOperator.GetSchema(take());
            case "evaluate": {
                Token kw = take();
                List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
                Expr plugin = parsePluginCall();
                Token colon = null;
                Clause.Schema schema = null;
                if (at(TokenKind.COLON)) {
                    colon = take();
                    schema = parseSchema();
                }
                return new QueryOperator.Evaluate(kw, params, plugin, colon, schema);
            }
            case "invoke":
                return new QueryOperator.Invoke(take(), parsePostfix());
            case "render":
                return parseRender();
            case "search":
                return parseSearch();
            case "find":
                return parseFind();
            case "fork":
                return parseFork();
            case "facet":
                return parseFacet();
            case "partition":
                return parsePartition();
            case "range":
                return parseRange();
            case "print": {
                Token kw = take();
                SeparatedList<Expr> list = atOperatorEnd() ? SeparatedList.empty()
                        : parseSeparated(this::parseNamedExpression);
                return new QueryOperator.Print(kw, list);
            }
            case "consume": {
                Token kw = take();
                return new QueryOperator.Consume(kw, parseParams(CONSUME_PARAMS));
            }
            case "reduce":
                return parseReduce();
            default:
                break;
        }
        if (OPAQUE_OPERATORS.contains(w)) {
            Token kw = take();
            return new QueryOperator.Other(kw, takeOperatorTokens());
        }
        if (Keywords.ALL.contains(w)) {
            error("KS176", prevEnd(), prevEnd(), "Query operator expected: '" + w + "' cannot follow '|'.",
                    "After '|' write an operator such as where, extend, project or summarize.");
            return new QueryOperator.Bad(missing(TokenKind.IDENTIFIER));
        }
        Token bad = take();
        error("KS176", bad.start(), bad.end(), "Query operator expected: '" + bad.text() + "' is not a query operator.",
                "Check the spelling (where, extend, project, summarize, join ...); a table name cannot follow '|'.");
        return new QueryOperator.Bad(bad);
    }

    /** Lists Kusto lets be empty (project, summarize): empty when nothing that could start an item follows. */
    private <T extends SyntaxNode> SeparatedList<T> optionalList(Supplier<T> item) {
        return canStartArgument(cur()) ? parseSeparated(item) : SeparatedList.empty();
    }

    /** True where an operator's optional trailing list is absent. */
    private boolean atOperatorEnd() {
        return switch (cur().kind()) {
            case BAR, SEMICOLON, END_OF_TEXT, CLOSE_PAREN, CLOSE_BRACE -> true;
            default -> false;
        };
    }

    /** Tokens of an operator we do not model: up to the next top-level {@code |}, {@code ;} or closing bracket. */
    private List<Token> takeOperatorTokens() {
        List<Token> out = new ArrayList<>();
        int nesting = 0;
        while (!atEnd()) {
            TokenKind k = cur().kind();
            if (nesting == 0 && (k == TokenKind.BAR || k == TokenKind.SEMICOLON)) break;
            if (k == TokenKind.OPEN_PAREN || k == TokenKind.OPEN_BRACKET || k == TokenKind.OPEN_BRACE) nesting++;
            if (k == TokenKind.CLOSE_PAREN || k == TokenKind.CLOSE_BRACKET || k == TokenKind.CLOSE_BRACE) {
                if (nesting == 0) break;
                nesting--;
            }
            out.add(take());
        }
        return out;
    }

    /** {@code name=value} options; {@code hint.*} always, plus the operator's own names. */
    private List<Clause.OperatorParam> parseParams(Set<String> names) {
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
                value = missingExpression("Give the option a value, e.g. kind=inner.");
            }
            if (out == null) out = new ArrayList<>(2);
            out.add(new Clause.OperatorParam(name, eq, value));
        }
        return out == null ? List.of() : out;
    }

    private Clause.By parseOptionalBy() {
        if (!atWord("by")) return null;
        Token by = take();
        return new Clause.By(by, parseSeparated(this::parseNamedExpression));
    }

    private QueryOperator parseSummarize() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
        SeparatedList<Expr> aggs = atWord("by") ? SeparatedList.empty() : optionalList(this::parseNamedExpression);
        return new QueryOperator.Summarize(kw, params, aggs, parseOptionalBy());
    }

    private Expr parseTableOperand() {
        if (at(TokenKind.OPEN_PAREN)) {
            Token open = take();
            Expr inner = parsePipeExpression();
            return new Expr.Paren(open, inner, expect(TokenKind.CLOSE_PAREN, "Close the subquery with ')'."));
        }
        int n = wildcardLength();
        if (n > 0) return parseNameOrPattern();
        return parsePostfix();
    }

    /** Join/lookup condition: {@code on ...} or the newer {@code where ...} spelling. */
    private Clause.On parseOptionalOn() {
        if (!atWord("on") && !atWord("where")) return null;
        Token on = take();
        return new Clause.On(on, parseSeparated(this::parseExpression, false));
    }

    private QueryOperator parseJoin() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(JOIN_PARAMS);
        Expr right = parseTableOperand();
        return seen(new QueryOperator.Join(kw, params, right, parseOptionalOn()));
    }

    private QueryOperator parseLookup() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(KIND_ONLY);
        Expr right = parseTableOperand();
        Clause.On on = parseOptionalOn();
        if (on == null) {
            error("KS006", prevEnd(), prevEnd(), "Missing join condition: lookup needs 'on' " + found(cur()),
                    "Add the key columns: lookup kind=leftouter Table on Key.");
        }
        return seen(new QueryOperator.Lookup(kw, params, right, on));
    }

    private QueryOperator parseUnion() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(UNION_PARAMS);
        return seen(new QueryOperator.Union(kw, params, parseSeparated(this::parseTableOperand)));
    }

    private Clause.ExpandItem parseExpandItem() {
        Expr e = parseNamedExpression();
        if (atWord("to")) {
            Token to = take();
            if (!atWord("typeof")) {
                error("KS006", prevEnd(), prevEnd(), "Missing typeof " + found(cur()),
                        "Write the target type as: to typeof(string).");
                return new Clause.ExpandItem(e, to, null);
            }
            Token typeofKw = take();
            return new Clause.ExpandItem(e, to, new Expr.Typeof(typeofKw, parseSchema()));
        }
        return new Clause.ExpandItem(e, null, null);
    }

    private Clause.Limit parseOptionalLimit() {
        if (!atWord("limit")) return null;
        Token limit = take();
        return new Clause.Limit(limit, parseExpression());
    }

    private QueryOperator parseMvExpand() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(MV_EXPAND_PARAMS);
        SeparatedList<Clause.ExpandItem> items = parseSeparated(this::parseExpandItem);
        return new QueryOperator.MvExpand(kw, params, items, parseOptionalLimit());
    }

    private QueryOperator parseMvApply() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(MV_APPLY_PARAMS);
        SeparatedList<Clause.ExpandItem> items = parseSeparated(this::parseExpandItem);
        Clause.Limit limit = parseOptionalLimit();
        Token on = expectWord("on", "mv-apply needs a subquery: mv-apply x on (summarize ...).");
        Expr sub = parseParenSubquery("Put the mv-apply subquery in parentheses: on (where ... | take 1).");
        return new QueryOperator.MvApply(kw, params, items, limit, on, sub);
    }

    private QueryOperator parseParse() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(PARSE_PARAMS);
        Expr input = parseExpression();
        Token with = expectWord("with", "parse reads: parse Column with \"prefix\" Name:type \"suffix\" *.");
        List<SyntaxNode> parts = new ArrayList<>();
        while (true) {
            Token c = cur();
            if (c.kind() == TokenKind.STRING_LITERAL) {
                parts.add(parsePrimary());
            } else if (c.kind() == TokenKind.ASTERISK) {
                parts.add(new Expr.Star(take()));
            } else if (c.kind() == TokenKind.IDENTIFIER || atBracketedName()) {
                Name name = parseName("");
                if (at(TokenKind.COLON)) {
                    Token colon = take();
                    Token type = at(TokenKind.IDENTIFIER) ? take() : missingTypeToken();
                    parts.add(new Clause.Capture(name, colon, type));
                } else {
                    parts.add(new Clause.Capture(name, null, null));
                }
            } else if (c.kind() == TokenKind.COMMA && !parts.isEmpty()) {
                // Kusto tolerates commas between pattern parts; keep them as a separator-free part.
                parts.add(new Clause.Skipped(List.of(take())));
            } else {
                break;
            }
        }
        Clause.ParsePattern pattern = new Clause.ParsePattern(parts);
        return kw.is("parse") ? new QueryOperator.Parse(kw, params, input, with, pattern)
                : new QueryOperator.ParseWhere(kw, params, input, with, pattern);
    }

    private Token missingTypeToken() {
        error("KS006", prevEnd(), prevEnd(), "Missing type name " + found(cur()),
                "Write the capture's type after ':', e.g. Port:int.");
        return missing(TokenKind.IDENTIFIER);
    }

    private QueryOperator parseParseKv() {
        Token kw = take();
        Expr input = parseExpression();
        Token as = expectWord("as", "parse-kv reads: parse-kv Column as (Key1:string, Key2:long) with (...).");
        Clause.Schema cols = parseSchema();
        Clause.WithProperties with = atWord("with") ? parseWithProperties() : null;
        return new QueryOperator.ParseKv(kw, input, as, cols, with);
    }

    private Clause.WithProperties parseWithProperties() {
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

    private Clause.SeriesAggregate parseSeriesAggregate() {
        Expr e = parseNamedExpression();
        if (atWord("default") && peek(1).kind() == TokenKind.EQUAL) {
            Token d = take();
            Token eq = take();
            return new Clause.SeriesAggregate(e, d, eq, parseExpression());
        }
        return new Clause.SeriesAggregate(e, null, null, null);
    }

    private QueryOperator parseMakeSeries() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(KIND_ONLY);
        SeparatedList<Clause.SeriesAggregate> aggs = parseSeparated(this::parseSeriesAggregate);
        Token on = expectWord("on", "make-series needs an axis: make-series count() on TimeGenerated step 1h.");
        boolean saved = noInOperator;
        noInOperator = true;
        Expr axis;
        try {
            axis = parseExpression();
        } finally {
            noInOperator = saved;
        }
        Token from = null, to = null, step = null, in = null;
        Expr fromV = null, toV = null, stepV = null, inV = null;
        if (atWord("in")) {
            in = take();
            inV = parsePostfix();
        } else {
            if (atWord("from")) {
                from = take();
                fromV = parseExpression();
            }
            if (atWord("to")) {
                to = take();
                toV = parseExpression();
            }
            step = expectWord("step", "make-series needs a step: ... on TimeGenerated from a to b step 1h.");
            stepV = parseExpression();
        }
        Clause.SeriesRange range = new Clause.SeriesRange(from, fromV, to, toV, step, stepV, in, inV);
        return new QueryOperator.MakeSeries(kw, params, aggs, on, axis, range, parseOptionalBy());
    }

    private Clause.SortItem parseSortItem(boolean allowPattern) {
        Expr e = allowPattern ? parseNameOrPattern() : parseExpression();
        Token dir = null, nulls = null, pos2 = null;
        if (atWord("asc") || atWord("desc") || (allowPattern && (atWord("granny-asc") || atWord("granny-desc")))) {
            dir = take();
        }
        if (atWord("nulls")) {
            nulls = take();
            if (atWord("first") || atWord("last")) {
                pos2 = take();
            } else {
                Token c = cur();
                error("KS005", c.start(), c.end(), "Expected 'first' or 'last' " + found(c),
                        "Write nulls first or nulls last.");
                pos2 = missing(TokenKind.IDENTIFIER);
            }
        }
        return new Clause.SortItem(e, dir, nulls, pos2);
    }

    private QueryOperator parseTop() {
        Token kw = take();
        Expr count = parseExpression();
        Token by = expectWord("by", "top reads: top 10 by Column desc.");
        return new QueryOperator.Top(kw, count, by, parseSortItem(false));
    }

    private QueryOperator parseSort() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
        Token by = expectWord("by", "Sorting reads: sort by Column desc (or order by ...).");
        return new QueryOperator.Sort(kw, params, by, parseSeparated(() -> parseSortItem(false)));
    }

    private QueryOperator parseTopNested() {
        Token kw = take();
        List<Clause.TopNestedLevel> levels = new ArrayList<>();
        List<Token> seps = new ArrayList<>();
        Token levelKeyword = null;
        while (true) {
            Expr count = atWord("of") ? null : parseExpression();
            Token of = expectWord("of", "top-nested reads: top-nested 3 of Column by count().");
            Expr e = parseNamedExpression();
            Token with = null, others = null, eq = null;
            Expr othersV = null;
            if (atWord("with") && isWord(peek(1), "others")) {
                with = take();
                others = take();
                eq = expect(TokenKind.EQUAL, "Write with others = value.");
                othersV = parseExpression();
            }
            Token by = expectWord("by", "Each top-nested level needs 'by aggregate'.");
            Expr agg = parseNamedExpression();
            Token dir = atWord("asc") || atWord("desc") ? take() : null;
            levels.add(new Clause.TopNestedLevel(levelKeyword, count, of, e, with, others, eq, othersV, by, agg, dir));
            if (!at(TokenKind.COMMA)) break;
            seps.add(take());
            levelKeyword = atWord("top-nested") ? take() : null;
        }
        return new QueryOperator.TopNested(kw, new SeparatedList<>(levels, seps));
    }

    private QueryOperator parseTopHitters() {
        Token kw = take();
        Expr count = parseExpression();
        Token of = expectWord("of", "top-hitters reads: top-hitters 10 of Column [by sum(x)].");
        Expr e = parseExpression();
        return new QueryOperator.TopHitters(kw, count, of, e, parseOptionalBy());
    }

    private Expr parsePluginCall() {
        if (at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.OPEN_PAREN) return parsePostfix();
        if (at(TokenKind.IDENTIFIER)) {
            Name name = new Name.Identifier(take());
            Token open = expect(TokenKind.OPEN_PAREN, "Call the plugin with parentheses: plugin(...).");
            Token close = expect(TokenKind.CLOSE_PAREN, "Close the plugin's argument list with ')'.");
            return new Expr.FunctionCall(name, open, SeparatedList.empty(), close);
        }
        Token c = cur();
        error("KS006", prevEnd(), prevEnd(), "Missing plugin call " + found(c),
                "evaluate takes a plugin call such as bag_unpack(Column) or pivot(Key).");
        return new Expr.Missing(missing(TokenKind.IDENTIFIER));
    }

    private QueryOperator parseRender() {
        Token kw = take();
        Name chart = parseName("Name the chart type: render timechart, render columnchart ...");
        List<Clause.OperatorParam> params = parseParams(RENDER_PARAMS);
        Clause.WithProperties with = atWord("with") && peek(1).kind() == TokenKind.OPEN_PAREN
                ? parseWithProperties() : null;
        return new QueryOperator.Render(kw, chart, params, with);
    }

    private Clause.InTables parseInTables() {
        Token in = take();
        Token open = expect(TokenKind.OPEN_PAREN, "List the tables in parentheses: in (T1, T2).");
        SeparatedList<Expr> tables = parseSeparated(this::parseTableOperand);
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the table list with ')'.");
        return seen(new Clause.InTables(in, open, tables, close));
    }

    private QueryOperator parseSearch() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(UNION_PARAMS);
        Clause.InTables in = atWord("in") && peek(1).kind() == TokenKind.OPEN_PAREN ? parseInTables() : null;
        return new QueryOperator.Search(kw, params, in, parseExpression());
    }

    private QueryOperator parseFind() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(FIND_PARAMS);
        Clause.InTables in = atWord("in") && peek(1).kind() == TokenKind.OPEN_PAREN ? parseInTables() : null;
        Token where = expectWord("where", "find reads: find in (T1, T2) where predicate.");
        Expr pred = parseExpression();
        Token project = null;
        SeparatedList<Expr> cols = null;
        if (atWord("project-smart")) {
            project = take();
        } else if (atWord("project")) {
            project = take();
            cols = parseSeparated(this::parseNameOrPattern);
        }
        return new QueryOperator.Find(kw, params, in, where, pred, project, cols);
    }

    private QueryOperator parseFork() {
        Token kw = take();
        List<Expr> branches = new ArrayList<>();
        while (true) {
            if (at(TokenKind.OPEN_PAREN)) {
                branches.add(parseParenSubquery("Put each fork branch in parentheses."));
            } else if ((at(TokenKind.IDENTIFIER) || atBracketedName()) && nextAfterNameIs(TokenKind.EQUAL)) {
                Name n = parseName("");
                Token eq = take();
                branches.add(new Expr.Named(n, eq, parseParenSubquery("Put each fork branch in parentheses.")));
            } else {
                break;
            }
        }
        if (branches.isEmpty()) {
            branches.add(parseParenSubquery("fork takes subqueries in parentheses: fork (where a) (take 5)."));
        }
        return new QueryOperator.Fork(kw, branches);
    }

    private boolean nextAfterNameIs(TokenKind k) {
        return at(TokenKind.OPEN_BRACKET) ? peek(3).kind() == k : peek(1).kind() == k;
    }

    private QueryOperator parseFacet() {
        Token kw = take();
        Token by = expectWord("by", "facet reads: facet by Column1, Column2.");
        SeparatedList<Expr> cols = parseSeparated(this::parseExpression);
        Token with = null;
        Expr sub = null;
        if (atWord("with")) {
            with = take();
            sub = parseParenSubquery("Put the facet subquery in parentheses: with (take 5).");
        }
        return new QueryOperator.Facet(kw, by, cols, with, sub);
    }

    private QueryOperator parsePartition() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
        Token by = expectWord("by", "partition reads: partition by Column (subquery).");
        Expr col = new Expr.NameRef(parseName("Name the partition column: partition by Column (subquery)."));
        Expr sub;
        if (at(TokenKind.OPEN_BRACE)) {
            Token open = take();
            Expr inner = parseSubqueryBody();
            sub = new Expr.Paren(open, inner, expect(TokenKind.CLOSE_BRACE, "Close the subquery with '}'."));
        } else {
            sub = parseParenSubquery("Put the partition subquery in parentheses: partition by x (top 3 by y).");
        }
        return new QueryOperator.Partition(kw, params, by, col, sub);
    }

    private QueryOperator parseRange() {
        Token kw = take();
        Name name = parseName("Name the column: range x from 1 to 10 step 1.");
        Token from = expectWord("from", "range reads: range x from 1 to 10 step 1.");
        Expr start = parseExpression();
        Token to = expectWord("to", "range reads: range x from 1 to 10 step 1.");
        Expr stop = parseExpression();
        Token step = expectWord("step", "range reads: range x from 1 to 10 step 1.");
        return new QueryOperator.Range(kw, name, from, start, to, stop, step, parseExpression());
    }

    private QueryOperator parseReduce() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(KIND_ONLY);
        Token by = expectWord("by", "reduce reads: reduce by Column.");
        Expr e = parseExpression();
        Clause.WithProperties with = atWord("with") ? parseWithProperties() : null;
        return new QueryOperator.Reduce(kw, params, by, e, with);
    }

    // ---------------------------------------------------------------- expressions

    /** {@code name = expr}, {@code (a, b) = expr}, or a plain expression. */
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
    private boolean looksLikeNameTuple() {
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

    private Expr parseBinary(int minPrecedence) {
        Expr left = parseUnary();
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

    private BinaryOp peekBinaryOperator() {
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

    private Expr parseInList(Expr left, Token opToken, BinaryOp op) {
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
    private SeparatedList<Expr> parseFirstMayBePipe(Supplier<Expr> later) {
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

    private Expr parseBetween(Expr left, Token opToken, BinaryOp op) {
        Token open = expect(TokenKind.OPEN_PAREN, "between reads: x between (low .. high).");
        Expr low = parseExpression();
        Token dd = expect(TokenKind.DOT_DOT, "Separate the bounds with '..': between (low .. high).");
        Expr high = parseExpression();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the range with ')'.");
        return new Expr.Between(left, opToken, op, open, low, dd, high, close);
    }

    /** Every expression passes through here, so this is where nesting depth is guarded. */
    private Expr parseUnary() {
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

    private Expr parsePostfix() {
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
                if (at(TokenKind.IDENTIFIER) && peek(1).kind() == TokenKind.OPEN_PAREN) {
                    member = parseCall(new Name.Identifier(take()));
                } else if ((at(TokenKind.IDENTIFIER) && !isNotName(cur())) || atBracketedName()) {
                    member = new Expr.NameRef(parseName(""));
                } else if (at(TokenKind.TYPED_LITERAL) || at(TokenKind.LONG_LITERAL)) {
                    // a.int(...) cannot be meant; keep the token as a name so the tree stays whole
                    member = new Expr.NameRef(new Name.Identifier(take()));
                } else {
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

    private Expr parsePrimary() {
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
            default:
                return missingExpression("Write a value, column name or function call here.");
        }
    }

    private Expr parseWordExpression(Token c) {
        String w = c.word() == null ? "" : c.word();
        Token next = peek(1);
        boolean call = next.kind() == TokenKind.OPEN_PAREN;
        switch (w) {
            case "dynamic":
                if (call) return parseDynamic();
                break;
            case "typeof":
                if (call) return new Expr.Typeof(take(), parseSchema());
                break;
            case "datatable":
                if (call || (next.kind() == TokenKind.IDENTIFIER && peek(2).kind() == TokenKind.EQUAL)) {
                    return parseDataTable();
                }
                break;
            case "externaldata", "external_data":
                if (call || (next.kind() == TokenKind.IDENTIFIER && peek(2).kind() == TokenKind.EQUAL)) {
                    return parseExternalData();
                }
                break;
            default:
                if (c.isIgnoreCase("true") || c.isIgnoreCase("false")) {
                    if (!call) return new Expr.Literal(LiteralKind.BOOL, List.of(take()));
                }
                break;
        }
        boolean matchesRegex = w.equals("matches") && isWord(next, "regex");
        if (matchesRegex || (NOT_EXPRESSION_NAMES.contains(w) && !(call && CALLABLE_KEYWORDS.contains(w)))) {
            return missingExpression("Write a value, column name or function call here.");
        }
        if (call) return parseCall(new Name.Identifier(take()));
        return new Expr.NameRef(new Name.Identifier(take()));
    }

    private Expr parseCall(Name name) {
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
            SeparatedList<Expr> args = at(TokenKind.CLOSE_PAREN) || !canStartArgument(cur()) ? SeparatedList.empty()
                    : PIPE_ARGUMENT_FUNCTIONS.contains(name.simpleName()) ? parseFirstMayBePipe(this::parseLaterArgument)
                    : parseSeparated(this::parseLaterArgument);
            Token close = expect(TokenKind.CLOSE_PAREN, "Close the function's argument list with ')'.");
            return seen(new Expr.FunctionCall(name, open, args, close));
        } finally {
            exit();
        }
    }

    /** A word that cannot begin an argument ({@code count( by x}) means the argument list is simply empty. */
    private static boolean canStartArgument(Token t) {
        return switch (t.kind()) {
            case IDENTIFIER -> canStartExpression(t);
            case STRING_LITERAL, LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, TYPED_LITERAL, OPEN_PAREN,
                 OPEN_BRACKET, MINUS, PLUS, ASTERISK, COMMA -> true;
            default -> false;
        };
    }

    private static boolean isNotName(Token t) {
        return t.word() != null && NOT_EXPRESSION_NAMES.contains(t.word());
    }

    private static boolean isPipedOperator(Token t) {
        return t.word() != null && PIPED_OPERATORS.contains(t.word());
    }

    private static boolean canStartExpression(Token t) {
        return t.word() == null || canStartExpression(t.word());
    }

    /** Keywords that still begin an expression: head operators, callable keywords, special literals. */
    private static boolean canStartExpression(String word) {
        return !NOT_EXPRESSION_NAMES.contains(word) || HEAD_OPERATORS.contains(word) || CALLABLE_KEYWORDS.contains(word)
                || word.equals("dynamic") || word.equals("datatable") || word.equals("externaldata")
                || word.equals("external_data");
    }

    private Expr parseLaterArgument() {
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

    private Expr parseDataTable() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(Set.of());
        Clause.Schema schema = parseSchema();
        Token open = expect(TokenKind.OPEN_BRACKET, "datatable rows go in brackets: datatable(a:string) ['x', 'y'].");
        SeparatedList<Expr> values = parseValuesAllowingTrailingComma();
        Token close = expect(TokenKind.CLOSE_BRACKET, "Close the datatable rows with ']'.");
        return new Expr.DataTable(kw, params, schema, open, values, close);
    }

    /** datatable rows: a trailing comma before ']' is allowed. */
    private SeparatedList<Expr> parseValuesAllowingTrailingComma() {
        List<Expr> items = new ArrayList<>();
        List<Token> seps = new ArrayList<>();
        while (!at(TokenKind.CLOSE_BRACKET)) {
            items.add(parseExpression());
            if (!at(TokenKind.COMMA)) break;
            seps.add(take());
        }
        return new SeparatedList<>(items, seps);
    }

    private Expr parseExternalData() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(Set.of("kind"));
        Clause.Schema schema = parseSchema();
        Token open = expect(TokenKind.OPEN_BRACKET, "externaldata URIs go in brackets: externaldata(a:string) [@'https://...'].");
        SeparatedList<Expr> uris = at(TokenKind.CLOSE_BRACKET) ? SeparatedList.empty()
                : parseSeparated(this::parseExpression);
        Token close = expect(TokenKind.CLOSE_BRACKET, "Close the URI list with ']'.");
        Clause.WithProperties with = atWord("with") && peek(1).kind() == TokenKind.OPEN_PAREN ? parseWithProperties() : null;
        return new Expr.ExternalData(kw, params, schema, open, uris, close, with);
    }

    // ---------------------------------------------------------------- dynamic literals

    private Expr parseDynamic() {
        Token kw = take();
        Token open = take();
        Json value = parseJson();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the dynamic literal with ')'.");
        return new Expr.DynamicLiteral(kw, open, value, close);
    }

    private Json parseJson() {
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
                    SeparatedList<Json.Pair> pairs = at(TokenKind.CLOSE_BRACE) ? SeparatedList.empty()
                            : parseSeparated(this::parseJsonPair);
                    Token close = expect(TokenKind.CLOSE_BRACE, "Close the property bag with '}'.");
                    return new Json.JObject(open, pairs, close);
                }
                case OPEN_BRACKET: {
                    Token open = take();
                    SeparatedList<Json> values = at(TokenKind.CLOSE_BRACKET) ? SeparatedList.empty()
                            : parseSeparated(this::parseJson);
                    Token close = expect(TokenKind.CLOSE_BRACKET, "Close the array with ']'.");
                    return new Json.JArray(open, values, close);
                }
                case MINUS, PLUS: {
                    Token sign = take();
                    if (at(TokenKind.LONG_LITERAL) || at(TokenKind.REAL_LITERAL) || at(TokenKind.IDENTIFIER)) {
                        return new Json.JScalar(List.of(sign, take()));
                    }
                    return new Json.JScalar(List.of(sign));
                }
                case STRING_LITERAL: {
                    // Adjacent string literals concatenate, inside dynamic(...) too.
                    List<Token> parts = new ArrayList<>(1);
                    parts.add(take());
                    while (at(TokenKind.STRING_LITERAL)) parts.add(take());
                    return new Json.JScalar(parts);
                }
                case LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, TYPED_LITERAL, IDENTIFIER:
                    return new Json.JScalar(List.of(take()));
                default:
                    error("KS006", prevEnd(), prevEnd(), "Missing JSON value " + found(c),
                            "Write a value: a string, number, true/false/null, [array] or {\"key\": value}.");
                    return new Json.JMissing(missing(TokenKind.IDENTIFIER));
            }
        } finally {
            exit();
        }
    }

    private Json.Pair parseJsonPair() {
        Token key;
        if (at(TokenKind.STRING_LITERAL) || at(TokenKind.IDENTIFIER)) {
            key = take();
        } else {
            error("KS006", prevEnd(), prevEnd(), "Missing JSON key " + found(cur()),
                    "Write each property as \"key\": value.");
            key = missing(TokenKind.STRING_LITERAL);
        }
        Token colon = expect(TokenKind.COLON, "Separate a key from its value with ':'.");
        return new Json.Pair(key, colon, parseJson());
    }

    // ---------------------------------------------------------------- depth guard

    /**
     * Called when nesting exceeds {@link #MAX_DEPTH}: reports once per occurrence and swallows the rest of
     * the nested region (balanced brackets) iteratively, so the tree stays lossless and the stack shallow.
     */
    private Expr tooDeep() {
        Token c = cur();
        error("KS245", c.start(), c.end(), "The query nests more than " + MAX_DEPTH + " levels deep; it was not analysed"
                + " beyond this point.", "Reduce the nesting of parentheses, calls or signs.");
        List<Token> skipped = new ArrayList<>();
        int nesting = 0;
        while (!atEnd()) {
            TokenKind k = cur().kind();
            if (nesting == 0 && (k == TokenKind.BAR || k == TokenKind.SEMICOLON || k == TokenKind.COMMA)) break;
            if (k == TokenKind.OPEN_PAREN || k == TokenKind.OPEN_BRACKET || k == TokenKind.OPEN_BRACE) nesting++;
            if (k == TokenKind.CLOSE_PAREN || k == TokenKind.CLOSE_BRACKET || k == TokenKind.CLOSE_BRACE) {
                if (nesting == 0) break;
                nesting--;
            }
            skipped.add(take());
            if (nesting == 0 && (k == TokenKind.CLOSE_PAREN || k == TokenKind.CLOSE_BRACKET || k == TokenKind.CLOSE_BRACE)) {
                break;
            }
        }
        if (skipped.isEmpty()) return new Expr.Missing(missing(TokenKind.IDENTIFIER));
        return new Expr.Unparsed(skipped);
    }
}

package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

/**
 * The top layer of the recursive-descent parser: the query block, statements ({@code let}, functions,
 * {@code declare}, {@code set}, {@code alias}) and pipelines. The parser never throws and always terminates:
 * every loop either consumes a token or stops, required-but-absent parts become zero-width missing tokens
 * with a diagnostic, and tokens that fit nowhere are kept in skipped nodes. Nesting is capped
 * ({@link TokenCursor#MAX_DEPTH}) so hostile input cannot overflow the Java stack.
 */
final class Parser extends OperatorParser {

    Parser(String text, List<Token> tokens, KqlDiagnostic[] lexicalByToken, List<KqlDiagnostic> diagnostics) {
        super(text, tokens, lexicalByToken, diagnostics);
    }

    /** Table names in table position, gathered while parsing. */
    List<String> tables() {
        return tableCollector.result();
    }

    // ---------------------------------------------------------------- statements

    QueryBlock parseQueryBlock() {
        SeparatedList<Statement> statements = parseStatements(false);
        Token eof = cur();
        // parseStatements only stops at the end of text at the top level; anything else is a bug guard.
        while (!atEnd()) take();
        for (KqlDiagnostic d : lexical) {
            if (d != null) diagnostics.add(d);
        }
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
                // In a function body the closing '}' is expected here; the caller reports it and the outer
                // statement list skips what follows, as Kusto does.
                if (inBody) break;
                items.add(skipRest());
                continue;
            }
            int before = pos;
            Statement st = parseStatement();
            items.add(st);
            if (pos == before) { // defensive: a statement must consume something, or the loop could spin
                if (inBody) break;
                items.add(skipRest());
                continue;
            }
            if (inBody && st instanceof Statement.Query) {
                // a function body ends with its one expression (and an optional ';'); the caller expects '}'
                if (at(TokenKind.SEMICOLON)) seps.add(take());
                break;
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

    /**
     * Skips to the end of the text: Kusto reports the first skipped token only (KS198), after that token's
     * own lexical problem if it has one (a stray character's KS002 comes first).
     */
    private Statement skipRest() {
        Token first = cur();
        List<Token> skipped = new ArrayList<>();
        skipped.add(take());
        error("KS198", first.start(), first.end(), "Unexpected '" + first.text() + "': the query cannot continue here.",
                "Remove it, or check for an unbalanced parenthesis or a missing operator before it.");
        while (!atEnd()) skipped.add(take());
        return new Statement.Skipped(new Clause.Skipped(skipped));
    }

    private boolean canStartStatement(Token t) {
        return switch (t.kind()) {
            case IDENTIFIER -> canStartExpression(t) || t.is("set")
                    || t.is("let") || isPipedOperator(t);
            case STRING_LITERAL, LONG_LITERAL, REAL_LITERAL, TIMESPAN_LITERAL, TYPED_LITERAL, RAW_GUID_LITERAL,
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
            if (c.is("set")) return parseSet();
            if (c.is("declare") && isWord(n, "query_parameters")) {
                Token declare = take();
                Token qp = take();
                return new Statement.DeclareQueryParameters(declare, qp, parseParameters());
            }
            if (c.is("alias") && isWord(n, "database")) return parseAlias();
            if (c.is("declare") && isWord(n, "pattern")) return seen(parseDeclarePattern());
            if (c.is("restrict") && isWord(n, "access")) {
                Token kw = take();
                return new Statement.Other(kw, takeUntilStatementEnd());
            }
        }
        if (c.kind() == TokenKind.IDENTIFIER && isPipedOperator(c) && !atHeadOperator()
                && (looksLikeOperatorUse() || isNotName(c))) {
            // An operator with no input ("where x" after a forgotten '|'): parse it so later errors still line up.
            return seen(new Statement.Query(parseOperatorChain()));
        }
        return seen(new Statement.Query(parsePipeExpression()));
    }

    private Statement parseDeclarePattern() {
        Token declare = take();
        Token pattern = take();
        Name name = parseName("Name the pattern: declare pattern name = (arg:type) { ... };");
        if (!at(TokenKind.EQUAL)) {
            return new Statement.DeclarePattern(declare, pattern, name, null, null, null, null, null, null, List.of(), null);
        }
        Token equal = take();
        Clause.Parameters params = parseParameters();
        Token pathOpen = null, pathClose = null;
        Clause.Parameter pathParam = null;
        if (at(TokenKind.OPEN_BRACKET)) {
            pathOpen = take();
            pathParam = parseParameter();
            pathClose = expect(TokenKind.CLOSE_BRACKET, "Close the path parameter with ']': [name:string].");
        }
        Token open = expect(TokenKind.OPEN_BRACE, "The pattern's rules are written in braces: { (\"a\") = { query }; }.");
        List<Clause.PatternRule> rules = new ArrayList<>();
        while (at(TokenKind.OPEN_PAREN)) rules.add(parsePatternRule());
        Token close = expect(TokenKind.CLOSE_BRACE, "Close the pattern's rules with '}'.");
        return new Statement.DeclarePattern(declare, pattern, name, equal, params, pathOpen, pathParam, pathClose, open, rules, close);
    }

    private Clause.PatternRule parsePatternRule() {
        Token open = take();
        SeparatedList<Expr> args = at(TokenKind.CLOSE_PAREN) ? SeparatedList.empty() : parseSeparated(this::parseExpression);
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the rule's arguments with ')'.");
        Token dot = null, pathOpen = null, pathClose = null;
        Expr path = null;
        if (at(TokenKind.DOT)) {
            dot = take();
            pathOpen = expect(TokenKind.OPEN_BRACKET, "A rule's path reads .[\"value\"].");
            path = parseExpression();
            pathClose = expect(TokenKind.CLOSE_BRACKET, "Close the rule's path with ']'.");
        }
        Token equal = expect(TokenKind.EQUAL, "A rule reads: (\"value\") = { query };");
        Token bodyOpen = expect(TokenKind.OPEN_BRACE, "A rule's query is written in braces: = { query };");
        Expr body = parsePipeExpression();
        Token bodyClose = expect(TokenKind.CLOSE_BRACE, "Close the rule's query with '}'.");
        Token semicolon = expect(TokenKind.SEMICOLON, "End each rule with ';'.");
        return new Clause.PatternRule(open, args, close, dot, pathOpen, path, pathClose, equal, bodyOpen, body, bodyClose, semicolon);
    }

    private List<Token> takeUntilStatementEnd() {
        return takeBalanced(EnumSet.of(TokenKind.SEMICOLON), false);
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
        } else if (atWord("materialize") && peek(1).kind() != TokenKind.OPEN_PAREN) {
            value = parseCallWithoutParentheses();
        } else {
            int saved = materializeAt;
            materializeAt = pos;
            try {
                value = parsePipeExpression();
            } finally {
                materializeAt = saved;
            }
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

    @Override
    Clause.Parameters parseParameters() {
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

    // ---------------------------------------------------------------- pipelines

    /** A full expression including pipes: {@code T | where x | take 5}. */
    @Override
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
        if (c.is("evaluate")) {
            return switch (n.kind()) {
                case EQUAL, DOT, BAR, SEMICOLON, END_OF_TEXT, CLOSE_PAREN, COMMA -> false;
                default -> true;
            };
        }
        return true;
    }

    /** After {@code (}: a contextual subquery ({@code where x | take 1}) or a full pipeline. */
    @Override
    Expr parseSubqueryBody() {
        Token c = cur();
        if (c.kind() == TokenKind.IDENTIFIER && isPipedOperator(c) && !atHeadOperator()
                && looksLikeOperatorUse()) {
            return parseOperatorChain();
        }
        return parsePipeExpression();
    }

    /** An operator without a source, then more piped operators: {@code where x | take 1}. */
    @Override
    Expr parseOperatorChain() {
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
}

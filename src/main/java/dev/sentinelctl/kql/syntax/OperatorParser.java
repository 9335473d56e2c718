package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

/** The tabular operators after {@code |} (and those that may start a query), one method per operator. */
abstract class OperatorParser extends ExpressionParser {




    /** Operators we keep token by token: rare in detection content, no structure modelled. */
    private static final Set<String> OPAQUE_OPERATORS = Set.of(
            "graph-mark-components", "graph-where-nodes", "graph-where-edges", "assert-schema", "macro-expand", "project-by-names",
            "__executeAndCache", "__partitionby", "execute-and-cache");

    private static final Set<TokenKind> OPERATOR_END = EnumSet.of(TokenKind.BAR, TokenKind.SEMICOLON);

    /** Opaque operators that are complete on their own. */
    private static final Set<String> EMPTY_BODY_OK = Set.of("graph-mark-components", "project-by-names",
            "__executeAndCache");

    private static final Set<String> JOIN_PARAMS = Set.of("kind");
    private static final Set<String> UNION_PARAMS = Set.of("kind", "withsource", "with_source", "isfuzzy");
    private static final Set<String> MV_EXPAND_PARAMS = Set.of("kind", "bagexpansion", "with_itemindex");
    private static final Set<String> MV_APPLY_PARAMS = Set.of("with_itemindex");
    private static final Set<String> PARSE_PARAMS = Set.of("kind", "flags");
    private static final Set<String> KIND_ONLY = Set.of("kind");
    private static final Set<String> HINTS_ONLY = Set.of();
    private static final Set<String> FIND_PARAMS = Set.of("withsource", "with_source");
    private static final Set<String> SCAN_PARAMS = Set.of("with_match_id");
    private static final Set<String> SCAN_STEP_PARAMS = Set.of("output");
    private static final Set<String> GRAPH_NODE_ID_PARAMS = Set.of("with_node_id");
    private static final Set<String> GRAPH_MATCH_PARAMS = Set.of("cycles");
    private static final Set<String> GRAPH_PATHS_PARAMS = Set.of("output");
    private static final Set<String> GRAPH_TABLE_PARAMS = Set.of("with_node_id", "with_source_id", "with_target_id");
    private static final Set<String> CONSUME_PARAMS = Set.of("decodeblocks");
    private static final Set<String> RENDER_PARAMS = Set.of("kind", "title", "accumulate", "xcolumn", "ycolumns",
            "series", "ymin", "ymax", "xtitle", "ytitle", "xaxis", "yaxis", "legend", "ysplit");

    OperatorParser(String text, List<Token> tokens, KqlDiagnostic[] lexicalByToken, List<KqlDiagnostic> diagnostics) {
        super(text, tokens, lexicalByToken, diagnostics);
    }

    /** An operator without a source, then more piped operators: {@code where x | take 1}. */
    abstract Expr parseOperatorChain();

    /** After {@code (}: a contextual subquery or a full pipeline. */
    abstract Expr parseSubqueryBody();

    /** {@code (name:type [= default], ...)}: function parameters, also scan's declare list. */
    abstract Clause.Parameters parseParameters();

    /** {@code ( operator | operator ... )}: mv-apply, fork and facet subqueries start with an operator. */
    Expr parseOperatorSubquery(String hint) {
        Token open = expect(TokenKind.OPEN_PAREN, hint);
        Expr inner = parseOperatorChain();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the subquery with ')'.");
        return new Expr.Paren(open, inner, close);
    }

    Expr parseParenSubquery(String hint) {
        Token open = expect(TokenKind.OPEN_PAREN, hint);
        Expr inner = parseSubqueryBody();
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the subquery with ')'.");
        return new Expr.Paren(open, inner, close);
    }

    // ---------------------------------------------------------------- query operators

    QueryOperator parseQueryOperator() {
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
                if (peek(1).kind() == TokenKind.OPEN_PAREN) break; // count() after '|' is a call, not the operator
                return parseCount();
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
            case "print":
                return new QueryOperator.Print(take(), parseSeparated(this::parseNamedExpression));
            case "consume": {
                Token kw = take();
                return new QueryOperator.Consume(kw, parseParams(CONSUME_PARAMS));
            }
            case "reduce":
                return parseReduce();
            case "scan":
                return parseScan();
            case "make-graph":
                return parseMakeGraph();
            case "graph-match", "graph-shortest-paths":
                return parseGraphMatch();
            case "graph-to-table":
                return parseGraphToTable();
            default:
                break;
        }
        if (OPAQUE_OPERATORS.contains(w)) {
            Token kw = take();
            List<Token> rest = takeOperatorTokens();
            if (rest.isEmpty() && !EMPTY_BODY_OK.contains(w)) {
                String code = "KS006";
                error(code, prevEnd(), prevEnd(), "Missing the body of '" + w + "' " + found(cur()),
                        "Complete the operator; see the Kusto documentation for " + w + ".");
            }
            return new QueryOperator.Other(kw, rest);
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

    /** True where an operator's optional trailing list is absent. */
    boolean atOperatorEnd() {
        return switch (cur().kind()) {
            case BAR, SEMICOLON, END_OF_TEXT, CLOSE_PAREN, CLOSE_BRACE -> true;
            default -> false;
        };
    }

    /** Tokens of an operator we do not model: up to the next top-level {@code |}, {@code ;} or closing bracket. */
    List<Token> takeOperatorTokens() {
        return takeBalanced(OPERATOR_END, false);
    }

    Clause.By parseOptionalBy() {
        if (!atWord("by")) return null;
        Token by = take();
        return new Clause.By(by, parseSeparated(this::parseNamedExpression));
    }

    QueryOperator parseSummarize() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
        SeparatedList<Expr> aggs = atWord("by") ? SeparatedList.empty() : optionalList(this::parseNamedExpression);
        return new QueryOperator.Summarize(kw, params, aggs, parseOptionalBy());
    }

    Expr parseTableOperand() {
        if (at(TokenKind.OPEN_PAREN)) {
            Token open = take();
            Expr inner = parsePipeExpression();
            return new Expr.Paren(open, inner, expect(TokenKind.CLOSE_PAREN, "Close the subquery with ')'."));
        }
        int n = wildcardLength();
        // `union *` names every table: a lone star is a pattern here, as Kusto accepts it.
        if (n > 0 || at(TokenKind.ASTERISK)) return parseNameOrPattern();
        return parsePostfix();
    }

    /** Join/lookup condition: {@code on ...} or the newer {@code where ...} spelling. */
    Clause.On parseOptionalOn() {
        if (!atWord("on") && !atWord("where")) return null;
        Token on = take();
        return new Clause.On(on, parseSeparated(this::parseExpression, false));
    }

    QueryOperator parseJoin() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(JOIN_PARAMS);
        Expr right = parseTableOperand();
        return seen(new QueryOperator.Join(kw, params, right, parseOptionalOn()));
    }

    QueryOperator parseLookup() {
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

    QueryOperator parseUnion() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(UNION_PARAMS);
        return seen(new QueryOperator.Union(kw, params, parseSeparated(this::parseTableOperand)));
    }

    Clause.ExpandItem parseExpandItem() {
        Expr e = parseNamedExpression();
        if (atWord("to")) {
            Token to = take();
            if (!atWord("typeof")) {
                error("KS006", prevEnd(), prevEnd(), "Missing typeof " + found(cur()),
                        "Write the target type as: to typeof(string).");
                return new Clause.ExpandItem(e, to, null);
            }
            Token typeofKw = take();
            return new Clause.ExpandItem(e, to, new Expr.Typeof(typeofKw, parseTypeofSchema()));
        }
        return new Clause.ExpandItem(e, null, null);
    }

    Clause.Limit parseOptionalLimit() {
        if (!atWord("limit")) return null;
        Token limit = take();
        return new Clause.Limit(limit, parseExpression());
    }

    QueryOperator parseMvExpand() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(MV_EXPAND_PARAMS);
        SeparatedList<Clause.ExpandItem> items = parseSeparated(this::parseExpandItem);
        return new QueryOperator.MvExpand(kw, params, items, parseOptionalLimit());
    }

    QueryOperator parseMvApply() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(MV_APPLY_PARAMS);
        SeparatedList<Clause.ExpandItem> items = parseSeparated(this::parseExpandItem);
        Clause.Limit limit = parseOptionalLimit();
        Token on = expectWord("on", "mv-apply needs a subquery: mv-apply x on (summarize ...).");
        Expr sub = parseOperatorSubquery("Put the mv-apply subquery in parentheses: on (where ... | take 1).");
        return new QueryOperator.MvApply(kw, params, items, limit, on, sub);
    }

    QueryOperator parseParse() {
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
            } else if ((c.kind() == TokenKind.IDENTIFIER && !endsParsePattern(c)) || atBracketedName()) {
                Name name = parseName("");
                if (at(TokenKind.COLON)) {
                    Token colon = take();
                    Token type = at(TokenKind.IDENTIFIER) ? take() : missingTypeToken();
                    parts.add(new Clause.Capture(name, colon, type));
                } else {
                    parts.add(new Clause.Capture(name, null, null));
                }
            } else {
                break;
            }
        }
        Clause.ParsePattern pattern = new Clause.ParsePattern(parts);
        return kw.is("parse") ? new QueryOperator.Parse(kw, params, input, with, pattern)
                : new QueryOperator.ParseWhere(kw, params, input, with, pattern);
    }

    /** Type names and undeclarable keywords cannot name a capture: Kusto ends the pattern there ("x:string string"). */
    private static final Set<String> TYPE_WORDS = Set.of("bool", "boolean", "byte", "char", "date", "datetime",
            "decimal", "double", "dynamic", "float", "guid", "int", "int16", "int32", "int64", "int8", "long", "real",
            "string", "time", "timespan", "uint", "uint16", "uint32", "uint64", "uint8", "ulong", "uniqueid", "uuid");

    private static boolean endsParsePattern(Token t) {
        String w = t.word();
        return w != null && (TYPE_WORDS.contains(w) || Keywords.NOT_DECLARABLE.contains(w));
    }

    Token missingTypeToken() {
        error("KS006", prevEnd(), prevEnd(), "Missing type name " + found(cur()),
                "Write the capture's type after ':', e.g. Port:int.");
        return missing(TokenKind.IDENTIFIER);
    }

    QueryOperator parseParseKv() {
        Token kw = take();
        Expr input = parseExpression();
        Token as = expectWord("as", "parse-kv reads: parse-kv Column as (Key1:string, Key2:long) with (...).");
        Clause.Schema cols = parseSchema();
        Clause.WithProperties with = atWord("with") ? parseWithProperties() : null;
        return new QueryOperator.ParseKv(kw, input, as, cols, with);
    }

    Clause.SeriesAggregate parseSeriesAggregate() {
        Expr e = parseNamedExpression();
        if (atWord("default") && peek(1).kind() == TokenKind.EQUAL) {
            Token d = take();
            Token eq = take();
            return new Clause.SeriesAggregate(e, d, eq, parseExpression());
        }
        return new Clause.SeriesAggregate(e, null, null, null);
    }

    QueryOperator parseMakeSeries() {
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

    Clause.SortItem parseSortItem(boolean allowPattern) {
        Expr e;
        TokenKind after = peek(1).kind();
        if ((atWord("asc") || atWord("desc")) && (after == TokenKind.BAR || after == TokenKind.SEMICOLON
                || after == TokenKind.COMMA || after == TokenKind.CLOSE_PAREN)) {
            // "order by desc": Kusto takes the keyword as the (unbracketed) column name and says so.
            Token kw = cur();
            error("KS228", kw.start(), kw.end(), "'" + kw.text() + "' is a keyword; the column to sort by is missing"
                    + " or needs brackets.", "Write the column before the direction: order by TimeGenerated desc.");
            e = new Expr.NameRef(new Name.Identifier(take()));
        } else {
            e = allowPattern ? parseNameOrPattern() : parseExpression();
        }
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

    /** {@code count [as Name]}: Kusto takes a plain name only (no brackets, no keyword). */
    QueryOperator parseCount() {
        Token kw = take();
        if (!atWord("as")) return new QueryOperator.Count(kw, null, null);
        Token as = take();
        Token c = cur();
        if (c.kind() == TokenKind.IDENTIFIER && (c.word() == null || !Keywords.NOT_DECLARABLE.contains(c.word()))) {
            return new QueryOperator.Count(kw, as, new Name.Identifier(take()));
        }
        int end = c.kind() == TokenKind.END_OF_TEXT ? c.start() : c.end();
        error("KS006", c.start(), end, "Missing name " + found(c),
                "Name the count column with a plain name: count as Events (brackets and keywords are not allowed here).");
        return new QueryOperator.Count(kw, as, new Name.Identifier(missing(TokenKind.IDENTIFIER)));
    }

    QueryOperator parseTop() {
        Token kw = take();
        Expr count = parseExpression();
        Token by = expectWord("by", "top reads: top 10 by Column desc.");
        return new QueryOperator.Top(kw, count, by, parseSortItem(false));
    }

    QueryOperator parseSort() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
        Token by = expectWord("by", "Sorting reads: sort by Column desc (or order by ...).");
        return new QueryOperator.Sort(kw, params, by, parseSeparated(() -> parseSortItem(false)));
    }

    QueryOperator parseTopNested() {
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

    QueryOperator parseTopHitters() {
        Token kw = take();
        Expr count = parseExpression();
        Token of = expectWord("of", "top-hitters reads: top-hitters 10 of Column [by sum(x)].");
        Expr e = parseExpression();
        return new QueryOperator.TopHitters(kw, count, of, e, parseOptionalBy());
    }

    Expr parsePluginCall() {
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

    /**
     * {@code render chart [kind=... title=...] [with (property=value, ...)]}, and the older spellings Kusto still
     * accepts: {@code with "title"} and {@code by Column, ...}.
     */
    QueryOperator parseRender() {
        Token kw = take();
        Name chart;
        if (atWord("with")) {
            // "render with (...)": the chart type is missing; Kusto says which ones it knows, at 'with'
            Token w = cur();
            error("KS005", w.start(), w.end(), "Expected one of: " + String.join(", ", RenderProperties.CHART_TYPES),
                    "Name the chart before its properties: render timechart with (...).");
            chart = new Name.Identifier(missing(TokenKind.IDENTIFIER));
        } else if (at(TokenKind.IDENTIFIER)) {
            chart = new Name.Identifier(take());
        } else {
            expectedError("a chart type", "Name the chart: render timechart, columnchart, barchart, piechart, table ...");
            chart = new Name.Identifier(missing(TokenKind.IDENTIFIER));
        }
        List<Clause.OperatorParam> params = parseParams(RENDER_PARAMS);
        Clause.WithProperties with = null;
        if (atWord("with")) {
            if (peek(1).kind() == TokenKind.OPEN_PAREN) {
                with = parseRenderProperties();
            } else {
                Token w = take();
                Expr title;
                if (at(TokenKind.STRING_LITERAL)) {
                    title = parsePrimary();
                } else {
                    error("KS006", prevEnd(), prevEnd(), "Missing string " + found(cur()),
                            "Write the properties in parentheses: render timechart with (title=\"...\").");
                    title = new Expr.Missing(missing(TokenKind.STRING_LITERAL));
                }
                with = new Clause.WithProperties(w, null, new SeparatedList<>(List.of(title), List.of()), null);
            }
        }
        return new QueryOperator.Render(kw, chart, params, with, parseOptionalBy());
    }

    /**
     * {@code with (name = value, ...)} of render: only Kusto's property names; a column list property takes the
     * names that follow it over commas ({@code ycolumns=a, b, title="x"}); after a comma a property is required.
     */
    Clause.WithProperties parseRenderProperties() {
        Token with = take();
        Token open = take();
        List<Expr> items = new ArrayList<>();
        List<Token> seps = new ArrayList<>();
        while (!items.isEmpty() || !at(TokenKind.CLOSE_PAREN)) {
            Token c = cur();
            RenderProperties.ValueKind kind = renderPropertyAt(0);
            if (kind == null) {
                if (!items.isEmpty()) {
                    error("KS006", prevEnd(), prevEnd(), "Missing render property " + found(c),
                            "Write a property such as title=\"...\", kind=stacked, series=Column, or remove the ','.");
                    items.add(new Expr.Missing(missing(TokenKind.IDENTIFIER)));
                }
                break;
            }
            Name name = new Name.Identifier(take());
            Token eq = take();
            Expr value;
            if (kind == RenderProperties.ValueKind.COLUMN || kind == RenderProperties.ValueKind.COLUMN_LIST) {
                value = new Expr.NameRef(parseName("Name a column of the rendered rows."));
            } else if (kind == RenderProperties.ValueKind.WORD) {
                if (at(TokenKind.IDENTIFIER)) {
                    value = new Expr.NameRef(new Name.Identifier(take()));
                } else {
                    List<String> words = RenderProperties.wordsOf(name.simpleName());
                    expectedError("one of: " + String.join(", ", words), "Write " + name.simpleName() + "=" + words.get(0) + ".");
                    value = new Expr.Missing(missing(TokenKind.IDENTIFIER));
                }
            } else {
                value = parseExpression();
            }
            items.add(new Expr.Named(name, eq, value));
            if (kind == RenderProperties.ValueKind.COLUMN_LIST) {
                // further columns of the list: names not followed by '='
                while (at(TokenKind.COMMA) ? isColumnListContinuation(1) : isColumnListContinuation(0)) {
                    seps.add(commaOrMissing());
                    items.add(new Expr.NameRef(parseName("")));
                }
            }
            if (!at(TokenKind.COMMA) && renderPropertyAt(0) == null) break;
            seps.add(commaOrMissing());
        }
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the render properties with ')'; the properties are"
                + " title, xtitle, ytitle, kind, series, xcolumn, ycolumns, legend, xaxis, yaxis, ysplit, ymin, ymax,"
                + " accumulate.");
        return new Clause.WithProperties(with, open, new SeparatedList<>(items, seps), close);
    }

    /** The value kind of the render property written at {@code peek(offset)}, or null when none starts there. */
    private RenderProperties.ValueKind renderPropertyAt(int offset) {
        Token t = peek(offset);
        return t.kind() == TokenKind.IDENTIFIER && peek(offset + 1).kind() == TokenKind.EQUAL
                ? RenderProperties.kindOf(t.text()) : null;
    }

    /** Another column of a column list at {@code peek(offset)}: a name, not {@code name =}. */
    private boolean isColumnListContinuation(int offset) {
        Token n = peek(offset);
        if (n.kind() == TokenKind.OPEN_BRACKET) return peek(offset + 1).kind() == TokenKind.STRING_LITERAL;
        return n.kind() == TokenKind.IDENTIFIER && peek(offset + 1).kind() != TokenKind.EQUAL && !isNotName(n);
    }

    /** The ',' between two items, or a synthesised one (reported, as Kusto does) when it was left out. */
    private Token commaOrMissing() {
        if (at(TokenKind.COMMA)) return take();
        expectedError("','", "Separate the render properties with ','.");
        return missing(TokenKind.COMMA);
    }

    Clause.InTables parseInTables() {
        Token in = take();
        Token open = expect(TokenKind.OPEN_PAREN, "List the tables in parentheses: in (T1, T2).");
        SeparatedList<Expr> tables = parseSeparated(this::parseTableOperand);
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the table list with ')'.");
        return seen(new Clause.InTables(in, open, tables, close));
    }

    QueryOperator parseSearch() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(UNION_PARAMS);
        Clause.InTables in = atWord("in") && peek(1).kind() == TokenKind.OPEN_PAREN ? parseInTables() : null;
        return new QueryOperator.Search(kw, params, in, parseSearchPredicate());
    }

    /** A search predicate may be (or start with) {@code *}: {@code search *}, {@code search * has "x"}. */
    Expr parseSearchPredicate() {
        if (!at(TokenKind.ASTERISK)) return parseExpression();
        return parseBinaryRest(new Expr.Star(take()), 1);
    }

    QueryOperator parseFind() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(FIND_PARAMS);
        Clause.InTables in = atWord("in") && peek(1).kind() == TokenKind.OPEN_PAREN ? parseInTables() : null;
        // "find 'x'" is short for "find where * has 'x'": 'where' may be left out only right after 'find'
        boolean bare = params.isEmpty() && in == null && !atWord("where") && canStartArgument(cur());
        Token where = bare ? null : expectWord("where", "find reads: find in (T1, T2) where predicate.");
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

    QueryOperator parseFork() {
        Token kw = take();
        List<Expr> branches = new ArrayList<>();
        while (true) {
            if (at(TokenKind.OPEN_PAREN)) {
                branches.add(parseOperatorSubquery("Put each fork branch in parentheses."));
            } else if ((at(TokenKind.IDENTIFIER) || atBracketedName()) && nextAfterNameIs(TokenKind.EQUAL)) {
                Name n = parseName("");
                Token eq = take();
                branches.add(new Expr.Named(n, eq, parseOperatorSubquery("Put each fork branch in parentheses.")));
            } else {
                break;
            }
        }
        if (branches.isEmpty()) {
            branches.add(parseOperatorSubquery("fork takes subqueries in parentheses: fork (where a) (take 5)."));
        }
        return new QueryOperator.Fork(kw, branches);
    }

    boolean nextAfterNameIs(TokenKind k) {
        return at(TokenKind.OPEN_BRACKET) ? peek(3).kind() == k : peek(1).kind() == k;
    }

    QueryOperator parseFacet() {
        Token kw = take();
        Token by = expectWord("by", "facet reads: facet by Column1, Column2.");
        SeparatedList<Expr> cols = parseSeparated(this::parseExpression);
        Token with = null;
        Expr sub = null;
        if (atWord("with")) {
            with = take();
            sub = parseOperatorSubquery("Put the facet subquery in parentheses: with (take 5).");
        }
        return new QueryOperator.Facet(kw, by, cols, with, sub);
    }

    QueryOperator parsePartition() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
        Token by = expectWord("by", "partition reads: partition by Column (subquery).");
        Expr col = new Expr.NameRef(parseName("Name the partition column: partition by Column (subquery)."));
        Expr sub;
        if (at(TokenKind.OPEN_BRACE)) {
            // "{ ... }" holds a whole query (reading the partition through 'as'), not an operator chain
            Token open = take();
            Expr inner = parsePipeExpression();
            sub = new Expr.Paren(open, inner, expect(TokenKind.CLOSE_BRACE, "Close the subquery with '}'."));
        } else {
            sub = parseParenSubquery("Put the partition subquery in parentheses: partition by x (top 3 by y).");
        }
        return new QueryOperator.Partition(kw, params, by, col, sub);
    }

    QueryOperator parseRange() {
        Token kw = take();
        Name name = parseName("Name the column: range x from 1 to 10 step 1.");
        Token from = expectWord("from", "range reads: range x from 1 to 10 step 1.");
        Expr start = parseExpression();
        Token to = expectWord("to", "range reads: range x from 1 to 10 step 1.");
        Expr stop = parseExpression();
        Token step = expectWord("step", "range reads: range x from 1 to 10 step 1.");
        return new QueryOperator.Range(kw, name, from, start, to, stop, step, parseExpression());
    }

    QueryOperator parseReduce() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(KIND_ONLY);
        Token by = expectWord("by", "reduce reads: reduce by Column.");
        Expr e = parseExpression();
        Clause.WithProperties with = atWord("with") ? parseWithProperties() : null;
        return new QueryOperator.Reduce(kw, params, by, e, with);
    }

    // ---------------------------------------------------------------- scan and graphs

    QueryOperator parseScan() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(SCAN_PARAMS);
        Token declare = null;
        Clause.Parameters declarations = null;
        if (atWord("declare")) {
            declare = take();
            declarations = parseParameters();
        }
        Token with = expectWord("with", "scan reads: scan [declare (c:type)] with (step s: condition;).");
        Token open = expect(TokenKind.OPEN_PAREN, "Put the steps in parentheses: with (step s: condition;).");
        List<Clause.ScanStep> steps = new ArrayList<>();
        while (atWord("step")) steps.add(parseScanStep());
        if (steps.isEmpty()) {
            expectedError("'step'", "A scan needs at least one step: with (step s: condition;).");
        }
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the scan steps with ')'.");
        return new QueryOperator.Scan(kw, params, declare, declarations, with, open, steps, close);
    }

    private Clause.ScanStep parseScanStep() {
        Token step = take();
        Name name = parseName("Name the step: step s1: condition;");
        List<Clause.OperatorParam> output = parseGraphParams(SCAN_STEP_PARAMS);
        Token colon = expect(TokenKind.COLON, "A step reads: step s1 [output=all|last|none]: condition [=> c = expr];");
        Expr condition = parseExpression();
        Token arrow = null;
        SeparatedList<Expr> assignments = SeparatedList.empty();
        if (at(TokenKind.FAT_ARROW)) {
            arrow = take();
            assignments = parseSeparated(this::parseNamedExpression);
        }
        Token semicolon = expect(TokenKind.SEMICOLON, "End each scan step with ';'.");
        return new Clause.ScanStep(step, name, output.isEmpty() ? null : output.get(0), colon, condition, arrow,
                assignments, semicolon);
    }

    QueryOperator parseMakeGraph() {
        Token kw = take();
        List<Clause.OperatorParam> params = parseParams(HINTS_ONLY);
        Expr source = new Expr.NameRef(parseName("make-graph reads: make-graph Source --> Target with Nodes on Key."));
        List<Token> arrow = new ArrayList<>(3);
        arrow.add(expect(TokenKind.MINUS, "Join the source and target columns with --> (directed) or -- (undirected)."));
        arrow.add(expect(TokenKind.MINUS, "Join the source and target columns with --> (directed) or -- (undirected)."));
        if (at(TokenKind.GREATER)) arrow.add(take());
        Expr target = new Expr.NameRef(parseName("make-graph reads: make-graph Source --> Target with Nodes on Key."));
        List<Clause.OperatorParam> nodeId = parseGraphParams(GRAPH_NODE_ID_PARAMS);
        Token with = null;
        SeparatedList<Clause.GraphNodeTable> tables = null;
        if (nodeId.isEmpty() && atWord("with")) {
            with = take();
            tables = parseSeparated(this::parseGraphNodeTable, false);
        }
        return new QueryOperator.MakeGraph(kw, params, source, arrow, target, nodeId, with, tables);
    }

    private Clause.GraphNodeTable parseGraphNodeTable() {
        Expr table = parseTableOperand();
        Token on = expectWord("on", "Name the node key: with Nodes on Key.");
        Name key = parseName("Name the node key column: with Nodes on Key.");
        return new Clause.GraphNodeTable(table, on, key);
    }

    QueryOperator parseGraphMatch() {
        Token kw = take();
        boolean paths = kw.is("graph-shortest-paths");
        List<Clause.OperatorParam> params = parseGraphParams(paths ? GRAPH_PATHS_PARAMS : GRAPH_MATCH_PARAMS);
        SeparatedList<Clause.GraphPattern> patterns = parseSeparated(this::parseGraphPattern, false);
        Token where = null;
        Expr predicate = null;
        if (atWord("where")) {
            where = take();
            predicate = parseExpression();
        }
        Token project = null;
        SeparatedList<Expr> projections = null;
        if (atWord("project")) {
            project = take();
            projections = parseSeparated(this::parseNamedExpression);
        }
        return paths ? new QueryOperator.GraphShortestPaths(kw, params, patterns, where, predicate, project, projections)
                : new QueryOperator.GraphMatch(kw, params, patterns, where, predicate, project, projections);
    }

    private Clause.GraphPattern parseGraphPattern() {
        List<Clause> elements = new ArrayList<>();
        elements.add(parseGraphNode());
        while (at(TokenKind.MINUS) || (at(TokenKind.LESS) && peek(1).kind() == TokenKind.MINUS)) {
            elements.add(parseGraphEdge());
            elements.add(parseGraphNode());
        }
        return new Clause.GraphPattern(elements);
    }

    private Clause.GraphNode parseGraphNode() {
        Token open = expect(TokenKind.OPEN_PAREN, "A pattern's node is written in parentheses: (n).");
        Name name = at(TokenKind.CLOSE_PAREN) ? null : parseName("Name the node variable: (n).");
        Token close = expect(TokenKind.CLOSE_PAREN, "Close the node with ')'.");
        return new Clause.GraphNode(open, name, close);
    }

    private Clause.GraphEdge parseGraphEdge() {
        String hint = "An edge reads -[e]->, <-[e]-, -[e]- or -->, <--, --.";
        List<Token> left = new ArrayList<>(3);
        if (at(TokenKind.LESS)) left.add(take());
        left.add(expect(TokenKind.MINUS, hint));
        if (!at(TokenKind.OPEN_BRACKET)) {
            left.add(expect(TokenKind.MINUS, hint));
            if (at(TokenKind.GREATER)) left.add(take());
            return new Clause.GraphEdge(left, null, null, null, null, null, null, null, List.of());
        }
        Token open = take();
        Name name = at(TokenKind.IDENTIFIER) || atBracketedName() ? parseName(hint) : null;
        Token star = null, min = null, dotDot = null, max = null;
        if (at(TokenKind.ASTERISK)) {
            star = take();
            if (at(TokenKind.LONG_LITERAL)) min = take();
            if (at(TokenKind.DOT_DOT)) {
                dotDot = take();
                max = expect(TokenKind.LONG_LITERAL, "A variable-length edge reads [e*1..5].");
            }
        }
        Token close = expect(TokenKind.CLOSE_BRACKET, "Close the edge with ']'.");
        List<Token> right = new ArrayList<>(2);
        right.add(expect(TokenKind.MINUS, hint));
        if (at(TokenKind.GREATER)) right.add(take());
        return new Clause.GraphEdge(left, open, name, star, min, dotDot, max, close, right);
    }

    /** {@code name=value} options whose names are not keywords ({@code with_source_id}, {@code output}): matched by text. */
    private List<Clause.OperatorParam> parseGraphParams(Set<String> names) {
        List<Clause.OperatorParam> out = new ArrayList<>(2);
        while (at(TokenKind.IDENTIFIER) && names.contains(cur().text()) && peek(1).kind() == TokenKind.EQUAL) {
            Token name = take();
            Token eq = take();
            Expr value = cur().kind().isLiteral() ? parsePrimary()
                    : new Expr.NameRef(parseName("Give the option a value: " + name.text() + "=Name."));
            out.add(new Clause.OperatorParam(name, eq, value));
        }
        return out;
    }

    QueryOperator parseGraphToTable() {
        Token kw = take();
        return new QueryOperator.GraphToTable(kw, parseSeparated(this::parseGraphTableOutput, false));
    }

    private Clause.GraphTableOutput parseGraphTableOutput() {
        Token entity = atWord("nodes") || atWord("edges") ? take() : expectWord("nodes",
                "graph-to-table reads: graph-to-table nodes [with_node_id=Id] or graph-to-table edges.");
        List<Clause.OperatorParam> params = parseGraphParams(GRAPH_TABLE_PARAMS);
        Token as = null;
        Name name = null;
        if (atWord("as")) {
            as = take();
            name = parseName("Name the output: as Name.");
        }
        return new Clause.GraphTableOutput(entity, params, as, name);
    }
}

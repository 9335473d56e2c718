package dev.sentinelctl.fmt;

import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds the layout {@link Doc} of one query from its lossless token stream. The structure KQL formatting needs
 * is shallow and bracket-shaped — statements split at {@code ;}, pipelines at {@code |}, operator arguments at
 * commas, {@code and}/{@code or} chains, bracketed groups — so it is read from the tokens and bracket depth
 * rather than from the tree; every token is emitted exactly once, in order, so the safety check afterwards
 * (same tokens, same comments) holds by construction and only guards this class against its own bugs.
 * Only the query's syntax-error-free input reaches here (see {@link KqlFormatter}).
 */
final class KqlLayout {
    /** Words after which an opening parenthesis is an operand, not a call: {@code where (a or b)}, {@code in (..)}. */
    private static final Set<String> OPERATOR_WORDS = Set.of("where", "filter", "and", "or", "on", "by",
            "in", "in~", "has_any", "has_all", "has", "has_cs", "contains", "contains_cs", "startswith", "startswith_cs",
            "endswith", "endswith_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "between", "matches",
            "regex", "like", "join", "union", "lookup", "from", "to", "step", "print", "extend", "project", "summarize",
            "let", "mv-expand", "mv-apply", "take", "limit", "top", "sort", "order", "distinct", "evaluate", "as",
            "of", "with", "kind", "search", "find", "partition", "fork", "facet", "sample", "render",
            "declare", "set", "parse", "parse-where", "invoke", "getschema", "make-series", "project-away",
            "project-keep", "project-rename", "project-reorder", "serialize", "scan", "asc", "desc", "then");
    /** Operator parameters written {@code name=value}, as Microsoft's documentation and templates write them. */
    private static final Set<String> PARAMETERS = Set.of("kind", "withsource", "with_source", "isfuzzy", "bagexpansion",
            "with_itemindex", "decodeblocks", "hint.strategy", "hint.shufflekey", "hint.num_partitions", "hint.remote",
            "hint.concurrency", "hint.spread", "hint.materialized", "hint.distribution", "hint.progressive_top");

    private final List<Token> tokens;
    private final FmtOptions options;
    private final int[] match;
    private final Trivia[] trivia;
    /** Tokens the layout always puts at the start of a line; comments before others are continuation lines. */
    private final boolean[] lineStart;

    KqlLayout(List<Token> tokens, FmtOptions options) {
        this.tokens = tokens;
        this.options = options;
        this.match = matchBrackets(tokens);
        this.trivia = new Trivia[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) trivia[i] = Trivia.of(tokens.get(i));
        this.lineStart = new boolean[tokens.size()];
    }

    /** Null when brackets do not pair up (the caller leaves such a query as written). */
    static int[] matchBrackets(List<Token> tokens) {
        int[] m = new int[tokens.size()];
        java.util.Arrays.fill(m, -1);
        int[] stack = new int[tokens.size()];
        int top = 0;
        for (int i = 0; i < tokens.size(); i++) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.OPEN_PAREN || k == TokenKind.OPEN_BRACKET || k == TokenKind.OPEN_BRACE) {
                stack[top++] = i;
            } else if (k == TokenKind.CLOSE_PAREN || k == TokenKind.CLOSE_BRACKET || k == TokenKind.CLOSE_BRACE) {
                if (top == 0 || !pairs(tokens.get(stack[top - 1]).kind(), k)) return null;
                int o = stack[--top];
                m[o] = i;
                m[i] = o;
            }
        }
        return top == 0 ? m : null;
    }

    private static boolean pairs(TokenKind open, TokenKind close) {
        return (open == TokenKind.OPEN_PAREN && close == TokenKind.CLOSE_PAREN)
                || (open == TokenKind.OPEN_BRACKET && close == TokenKind.CLOSE_BRACKET)
                || (open == TokenKind.OPEN_BRACE && close == TokenKind.CLOSE_BRACE);
    }

    Doc build() {
        int eof = tokens.size() - 1;
        List<Doc> parts = new ArrayList<>();
        parts.add(statements(0, eof));
        for (String c : trivia[eof].comments()) {
            parts.add(Doc.NEWLINE);
            parts.add(Doc.text(c));
        }
        return Doc.concat(parts);
    }

    // ---- statements and pipelines -------------------------------------------------------------------------

    private Doc statements(int from, int to) {
        List<Doc> parts = new ArrayList<>();
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && isOpen(i)) {
                i = match[i];
                continue;
            }
            boolean end = i == to;
            if (end || kind(i) == TokenKind.SEMICOLON) {
                if (start < i || !end) {
                    lineStart[start] = true;
                    if (!parts.isEmpty()) parts.add(new Doc.HardLine(start < to && trivia[start].blankBefore()));
                    if (start < i) parts.add(pipeline(start, i, tokens.get(start).is("let")));
                    if (!end) parts.add(tok(i));
                }
                start = i + 1;
            }
        }
        return Doc.concat(parts);
    }

    /** Splits at top-level pipes; in a {@code let} the operators are indented under the name, as Kusto does. */
    private Doc pipeline(int from, int to, boolean indentPipes) {
        List<Integer> bars = topLevel(from, to, i -> kind(i) == TokenKind.BAR);
        if (bars.isEmpty()) return segment(from, to);
        List<Doc> rest = new ArrayList<>();
        for (int b = 0; b < bars.size(); b++) {
            int bar = bars.get(b);
            int segEnd = b + 1 < bars.size() ? bars.get(b + 1) : to;
            lineStart[options.pipeAtStart() ? bar : bar + 1] = true;
            if (options.pipeAtStart()) {
                rest.add(new Doc.HardLine(trivia[bar].blankBefore()));
                rest.add(tok(bar));
                rest.add(Doc.text(" "));
            } else {
                rest.add(Doc.text(" "));
                rest.add(tok(bar));
                rest.add(new Doc.HardLine(trivia[bar + 1].blankBefore()));
            }
            rest.add(segment(bar + 1, segEnd));
        }
        Doc head = from < bars.get(0) ? segment(from, bars.get(0)) : Doc.text("");
        Doc tail = Doc.concat(rest);
        return Doc.concat(List.of(head, indentPipes ? new Doc.Indent(tail) : tail));
    }

    /**
     * One operator (or a pipeline's head): on one line when it fits; otherwise its comma-separated arguments one
     * per line under it, a {@code by} list on its own line, and a lone predicate broken before {@code and}/{@code or}.
     */
    private Doc segment(int from, int to) {
        if (from >= to) return Doc.text("");
        List<Integer> commas = topLevel(from, to, i -> kind(i) == TokenKind.COMMA);
        int prefixEnd = (isOpen(from) ? match[from] : from) + 1;
        if (prefixEnd < to && tokens.get(prefixEnd).is("by")) prefixEnd++;
        int by = -1;
        for (int i : topLevel(prefixEnd, to, i -> tokens.get(i).is("by"))) {
            by = i;
            break;
        }
        // An operator with nested pipelines (join, union, lookup) lays them out as blocks; wrapping its
        // arguments too would indent those blocks twice.
        if ((commas.isEmpty() && by < 0) || nestsPipelines(from, to)) return item(from, to);
        int beforeByEnd = by < 0 ? to : by;
        List<Doc> body = new ArrayList<>();
        if (prefixEnd < beforeByEnd) {
            body.add(Doc.SPACE_OR_BREAK);
            body.add(list(prefixEnd, beforeByEnd, Doc.SPACE_OR_BREAK));
        }
        if (by >= 0) {
            body.add(Doc.SPACE_OR_BREAK);
            body.add(tok(by));
            if (by + 1 < to) {
                body.add(new Doc.Group(new Doc.Indent(Doc.concat(List.of(Doc.SPACE_OR_BREAK, list(by + 1, to, Doc.SPACE_OR_BREAK))))));
            }
        }
        return new Doc.Group(Doc.concat(List.of(inline(from, prefixEnd), new Doc.Indent(Doc.concat(body)))));
    }

    /** Comma-separated items, each its own group; {@code separator} follows each comma. */
    private Doc list(int from, int to, Doc separator) {
        List<Integer> commas = topLevel(from, to, i -> kind(i) == TokenKind.COMMA);
        List<Doc> parts = new ArrayList<>();
        int start = from;
        for (int c : commas) {
            parts.add(item(start, c));
            parts.add(tok(c));
            parts.add(separator == null ? keptBreak(c) : separator);
            start = c + 1;
        }
        parts.add(item(start, to));
        return Doc.concat(parts);
    }

    /** One expression; a chain of top-level {@code and}/{@code or} breaks before each when it does not fit. */
    private Doc item(int from, int to) {
        if (from >= to) return Doc.text("");
        List<Integer> logic = topLevel(from, to, i -> i > from && (tokens.get(i).is("and") || tokens.get(i).is("or")));
        if (logic.isEmpty()) return inline(from, to);
        List<Doc> rest = new ArrayList<>();
        for (int l = 0; l < logic.size(); l++) {
            int end = l + 1 < logic.size() ? logic.get(l + 1) : to;
            rest.add(Doc.SPACE_OR_BREAK);
            rest.add(inline(logic.get(l), end));
        }
        return new Doc.Group(Doc.concat(List.of(inline(from, logic.get(0)), new Doc.Indent(Doc.concat(rest)))));
    }

    // ---- tokens and bracketed groups ----------------------------------------------------------------------

    /** Tokens in order with their spacing; bracketed groups laid out recursively. */
    private Doc inline(int from, int to) {
        List<Doc> parts = new ArrayList<>();
        int prev = -1;
        for (int i = from; i < to; i++) {
            if (prev >= 0 && space(prev, i)) parts.add(Doc.text(" "));
            if (isOpen(i)) {
                parts.add(bracketed(i, match[i]));
                i = match[i];
            } else {
                parts.add(tok(i));
            }
            prev = i;
        }
        return Doc.concat(parts);
    }

    private Doc bracketed(int open, int close) {
        if (open + 1 == close) return Doc.concat(List.of(tok(open), tok(close)));
        boolean brace = kind(open) == TokenKind.OPEN_BRACE;
        int pipes = topLevel(open + 1, close, i -> kind(i) == TokenKind.BAR).size();
        boolean statements = !topLevel(open + 1, close, i -> kind(i) == TokenKind.SEMICOLON).isEmpty();
        if (pipes > 0 || statements) {
            if (pipes == 1 && !statements && !hasComments(open, close) && onlyPipe(open, close)) {
                Doc edge = brace ? Doc.SPACE_OR_BREAK : Doc.SOFT_BREAK;
                Doc inner = flatPipeline(open + 1, close);
                return new Doc.Group(Doc.concat(List.of(tok(open), new Doc.Indent(Doc.concat(List.of(edge, inner))), edge, tok(close))));
            }
            lineStart[close] = true;
            return Doc.concat(List.of(tok(open), new Doc.Indent(Doc.concat(List.of(Doc.NEWLINE, statements(open + 1, close)))),
                    Doc.NEWLINE, tok(close)));
        }
        if (kind(open) == TokenKind.OPEN_PAREN) {
            int inner = open + 1;
            if (kind(inner) != TokenKind.OPEN_PAREN && isOpen(inner) && match[inner] == close - 1) {
                // A lone array or bag argument hugs its parentheses: dynamic([ ... ]).
                return Doc.concat(List.of(tok(open), bracketed(inner, match[inner]), tok(close)));
            }
            Doc content = list(open + 1, close, Doc.SPACE_OR_BREAK);
            return new Doc.Group(Doc.concat(List.of(tok(open), new Doc.Indent(Doc.concat(List.of(Doc.SOFT_BREAK, content))),
                    Doc.SOFT_BREAK, tok(close))));
        }
        // [..] and {..} hold data (datatable rows, dynamic arrays and bags): where the author broke lines is kept,
        // as rows are often laid out by hand; the rest wraps like an argument list.
        if (!authorBroke(open, close)) {
            Doc edge = brace && tokens.get(open).end() < tokens.get(open + 1).start() ? Doc.SPACE_OR_BREAK : Doc.SOFT_BREAK;
            Doc content = list(open + 1, close, Doc.SPACE_OR_BREAK);
            return new Doc.Group(Doc.concat(List.of(tok(open), new Doc.Indent(Doc.concat(List.of(edge, content))), edge, tok(close))));
        }
        Doc content = list(open + 1, close, null);
        return Doc.concat(List.of(tok(open), new Doc.Indent(Doc.concat(List.of(keptBreak(open), content))),
                keptBreak(close - 1), tok(close)));
    }

    /** A nested pipeline of one operator that may stay on one line: {@code (T | take 1)}. */
    private Doc flatPipeline(int from, int to) {
        int bar = topLevel(from, to, i -> kind(i) == TokenKind.BAR).get(0);
        Doc sep = options.pipeAtStart()
                ? Doc.concat(List.of(Doc.SPACE_OR_BREAK, tok(bar), Doc.text(" ")))
                : Doc.concat(List.of(Doc.text(" "), tok(bar), Doc.SPACE_OR_BREAK));
        return Doc.concat(List.of(segment(from, bar), sep, segment(bar + 1, to)));
    }

    /** Whether the author broke a line inside [..] or {..} at its own level (rows of a datatable, say). */
    private boolean authorBroke(int open, int close) {
        if (lineBreakAfter(open)) return true;
        for (int i : topLevel(open + 1, close, i -> true)) {
            if (lineBreakAfter(i)) return true;
        }
        return false;
    }

    private boolean lineBreakAfter(int i) {
        Token t = tokens.get(i);
        Token next = tokens.get(i + 1);
        String between = t.source().substring(t.end(), next.start());
        return between.indexOf('\n') >= 0 || between.indexOf('\r') >= 0;
    }

    /** After token {@code i} in a data list the author laid out: their line break, else a space (none at the edges). */
    private Doc keptBreak(int i) {
        if (lineBreakAfter(i)) return Doc.KEPT_NEWLINE;
        Token t = tokens.get(i);
        Token next = tokens.get(i + 1);
        boolean edge = kind(i) == TokenKind.OPEN_BRACKET || next.kind() == TokenKind.CLOSE_BRACKET
                || ((kind(i) == TokenKind.OPEN_BRACE || next.kind() == TokenKind.CLOSE_BRACE) && t.end() == next.start());
        return Doc.text(edge ? "" : " ");
    }

    private boolean nestsPipelines(int from, int to) {
        for (int i = from; i < to; i++) if (kind(i) == TokenKind.BAR || kind(i) == TokenKind.SEMICOLON) return true;
        return false;
    }

    /** No pipe at any depth but the one at the top: nested pipelines always take lines of their own. */
    private boolean onlyPipe(int open, int close) {
        int bars = 0;
        for (int i = open + 1; i < close; i++) if (kind(i) == TokenKind.BAR || kind(i) == TokenKind.SEMICOLON) bars++;
        return bars == 1;
    }

    private boolean hasComments(int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!trivia[i].comments().isEmpty() || trivia[i].trailingComment() != null) return true;
        }
        return false;
    }

    /** A token with the comments attached to it: whole-line comments before it, a line-end comment after it. */
    private Doc tok(int i) {
        Trivia tv = trivia[i];
        Token t = tokens.get(i);
        if (tv.comments().isEmpty() && tv.trailingComment() == null) return Doc.text(t.text());
        List<Doc> parts = new ArrayList<>();
        // Inside an expression, the lines a comment forces are continuation lines, indented like wrapped ones;
        // a comment also breaks the groups around it, so a list with a comment in it is laid out one item a line.
        boolean continuation = !lineStart[i];
        for (int c = 0; c < tv.comments().size(); c++) {
            parts.add(indented(new Doc.HardLine(tv.blankBeforeComment().get(c), true), continuation));
            parts.add(Doc.text(tv.comments().get(c)));
        }
        if (!tv.comments().isEmpty()) parts.add(indented(Doc.KEPT_NEWLINE, continuation));
        parts.add(Doc.text(t.text()));
        if (tv.trailingComment() != null) {
            parts.add(Doc.text(" " + tv.trailingComment()));
            parts.add(new Doc.Indent(Doc.KEPT_NEWLINE));
        }
        return Doc.concat(parts);
    }

    private static Doc indented(Doc d, boolean indent) {
        return indent ? new Doc.Indent(d) : d;
    }

    // ---- spacing ------------------------------------------------------------------------------------------

    /** Whether one space separates token {@code p} and the next token {@code q} on a line. */
    private boolean space(int p, int q) {
        Token a = tokens.get(p);
        Token b = tokens.get(q);
        TokenKind ka = a.kind();
        TokenKind kb = b.kind();
        boolean written = b.start() > a.end();
        if (kb == TokenKind.COMMA || kb == TokenKind.SEMICOLON || kb == TokenKind.CLOSE_PAREN || kb == TokenKind.CLOSE_BRACKET) return false;
        if (ka == TokenKind.OPEN_PAREN || ka == TokenKind.OPEN_BRACKET) return false;
        if (ka == TokenKind.COMMA) return true;
        if (ka == TokenKind.CLOSE_PAREN && kb == TokenKind.OPEN_BRACE) return true;
        if (ka == TokenKind.OPEN_BRACE || kb == TokenKind.CLOSE_BRACE) return written;
        if (ka == TokenKind.DOT || kb == TokenKind.DOT) return false;
        if (ka == TokenKind.DOT_DOT || kb == TokenKind.DOT_DOT) return written;
        if (kb == TokenKind.COLON) return false;
        if (ka == TokenKind.COLON) return true;
        if (ka == TokenKind.BAR || kb == TokenKind.BAR) return true;
        if (kb == TokenKind.OPEN_PAREN) {
            if (ka == TokenKind.IDENTIFIER) return operatorWord(a) || written;
            if (ka == TokenKind.OPERATOR_WORD || isBinary(ka) || ka == TokenKind.EQUAL) return true;
            return written;
        }
        if (ka == TokenKind.EQUAL || kb == TokenKind.EQUAL) {
            boolean parameter = kb == TokenKind.EQUAL ? PARAMETERS.contains(a.text()) : p > 0 && PARAMETERS.contains(tokens.get(p - 1).text());
            return !parameter;
        }
        if (isBinary(ka)) return true;
        if (kb == TokenKind.OPEN_BRACKET) return written;
        if (ka == TokenKind.ASTERISK || kb == TokenKind.ASTERISK) return written;
        if (kb == TokenKind.MINUS || kb == TokenKind.PLUS) return operand(a) || written;
        if (ka == TokenKind.MINUS || ka == TokenKind.PLUS) return p > 0 && operand(tokens.get(p - 1));
        if (isBinary(ka) || isBinary(kb)) return true;
        if (wordLike(ka) && wordLike(kb)) return true;
        return written;
    }

    private static boolean isBinary(TokenKind k) {
        return switch (k) {
            case EQUAL_EQUAL, BANG_EQUAL, LESS_GREATER, EQUAL_TILDE, BANG_TILDE, LESS, LESS_EQUAL, GREATER,
                 GREATER_EQUAL, FAT_ARROW, SLASH, PERCENT, LESS_BAR -> true;
            default -> false;
        };
    }

    private static boolean wordLike(TokenKind k) {
        return k == TokenKind.IDENTIFIER || k == TokenKind.OPERATOR_WORD || k.isLiteral();
    }

    private static boolean operatorWord(Token t) {
        return t.kind() == TokenKind.OPERATOR_WORD || OPERATOR_WORDS.contains(t.text());
    }

    /** Whether a following {@code -} or {@code +} is binary: after a value, not after an operator or keyword. */
    private static boolean operand(Token t) {
        TokenKind k = t.kind();
        return k.isLiteral() || k == TokenKind.CLOSE_PAREN || k == TokenKind.CLOSE_BRACKET
                || (k == TokenKind.IDENTIFIER && !OPERATOR_WORDS.contains(t.text()));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private TokenKind kind(int i) {
        return tokens.get(i).kind();
    }

    private boolean isOpen(int i) {
        TokenKind k = kind(i);
        return k == TokenKind.OPEN_PAREN || k == TokenKind.OPEN_BRACKET || k == TokenKind.OPEN_BRACE;
    }

    /** Indexes in [from, to) at bracket depth zero that satisfy {@code test}. */
    private List<Integer> topLevel(int from, int to, java.util.function.IntPredicate test) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (isOpen(i)) {
                i = match[i];
                continue;
            }
            if (test.test(i)) out.add(i);
        }
        return out;
    }
}

package dev.sentinelctl.fmt;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Formats one KQL query. Safe by construction and checked every time: the result must lex to the same tokens
 * (trivia aside; compared as {@code QueryEquivalence.sameProgram} does) and carry the same comments in the same order, or the query is left exactly as written and
 * the mismatch is reported as an internal error. A query with syntax errors is left as written too: its
 * structure is a guess, and a formatter must not move code it does not understand.
 */
public final class KqlFormatter {

    /** What happened to a query; {@code text} is what to write (the original unless {@link Status#FORMATTED}). */
    public record Result(Status status, String text, String detail, int offset) {
        static Result formatted(String text) {
            return new Result(Status.FORMATTED, text, "", -1);
        }
    }

    public enum Status {
        FORMATTED,
        /** Left as written: the query has a syntax error at {@code offset}. */
        SYNTAX_ERROR,
        /** Left as written: the formatted text failed the token or comment check — a defect of sentinelctl. */
        INTERNAL_ERROR
    }

    private final FmtOptions options;
    /** Identity, except in tests that check the safety net with a deliberately broken layout. */
    private final UnaryOperator<String> afterLayout;

    public KqlFormatter(FmtOptions options) {
        this(options, UnaryOperator.identity());
    }

    KqlFormatter(FmtOptions options, UnaryOperator<String> afterLayout) {
        this.options = options;
        this.afterLayout = afterLayout;
    }

    public Result format(String query) {
        ParsedQuery parsed = KqlParser.parse(query);
        if (parsed.hasErrors()) {
            KqlDiagnostic d = parsed.diagnostics().get(0);
            return new Result(Status.SYNTAX_ERROR, query, d.code() + " " + d.message(), d.start());
        }
        if (KqlLayout.matchBrackets(parsed.tokens()) == null) {
            return new Result(Status.SYNTAX_ERROR, query, "brackets do not pair up", 0);
        }
        String out;
        try {
            Doc doc = new KqlLayout(parsed.tokens(), options).build();
            out = afterLayout.apply(new DocPrinter(options.lineWidth(), FmtOptions.INDENT).print(doc));
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(Status.INTERNAL_ERROR, query, "the formatter failed: " + e, 0);
        }
        String problem = safetyProblem(parsed.tokens(), query, out);
        if (problem != null) return new Result(Status.INTERNAL_ERROR, query, problem, 0);
        return Result.formatted(out);
    }

    /** Null when {@code after} is the same program with the same comments as {@code before}; otherwise what differs. */
    static String safetyProblem(String before, String after) {
        return safetyProblem(KqlParser.tokenize(before, new ArrayList<>()), before, after);
    }

    /** As {@link #safetyProblem(String, String)} with the tokens of {@code before} at hand (the parse's). */
    private static String safetyProblem(List<Token> x, String before, String after) {
        List<Token> y = KqlParser.tokenize(after, new ArrayList<>());
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Token s = x.get(i);
            Token t = y.get(i);
            if (s.kind() != t.kind() || (s.kind() != TokenKind.END_OF_TEXT && !s.text().equals(t.text()))) {
                return "the formatted query has different tokens (token " + (i + 1) + ": '" + s.text() + "' became '" + t.text() + "')";
            }
        }
        if (x.size() != y.size()) return "the formatted query has different tokens (" + x.size() + " tokens became " + y.size() + ")";
        if (!comments(x).equals(comments(y))) return "the formatted query lost or moved a comment";
        return null;
    }

    /** Every {@code //} comment of the query's trivia, in order, without trailing blanks. */
    static List<String> comments(String query) {
        return comments(KqlParser.tokenize(query, new ArrayList<>()));
    }

    private static List<String> comments(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            collect(t.leadingTrivia(), out);
            collect(t.trailingTrivia(), out);
        }
        return out;
    }

    private static void collect(String trivia, List<String> out) {
        int i = trivia.indexOf("//");
        while (i >= 0) {
            int end = i;
            while (end < trivia.length() && trivia.charAt(end) != '\n' && trivia.charAt(end) != '\r') end++;
            out.add(trivia.substring(i, end).stripTrailing());
            i = trivia.indexOf("//", end);
        }
    }
}

package dev.sentinelctl.fmt;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryEquivalence;
import dev.sentinelctl.kql.syntax.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats one KQL query. Safe by construction and checked every time: the result must lex to the same tokens
 * (trivia aside) and carry the same comments in the same order, or the query is left exactly as written and
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

    public KqlFormatter(FmtOptions options) {
        this.options = options;
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
            out = new DocPrinter(options.lineWidth(), FmtOptions.INDENT).print(doc);
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(Status.INTERNAL_ERROR, query, "the formatter failed: " + e, 0);
        }
        String problem = safetyProblem(query, out);
        if (problem != null) return new Result(Status.INTERNAL_ERROR, query, problem, 0);
        return Result.formatted(out);
    }

    /** Null when {@code after} is the same program with the same comments as {@code before}; otherwise what differs. */
    static String safetyProblem(String before, String after) {
        if (!QueryEquivalence.sameProgram(before, after)) return "the formatted query has different tokens" + firstDifference(before, after);
        if (!comments(before).equals(comments(after))) return "the formatted query lost or moved a comment";
        return null;
    }

    private static String firstDifference(String before, String after) {
        List<Token> x = KqlParser.tokenize(before, new ArrayList<>());
        List<Token> y = KqlParser.tokenize(after, new ArrayList<>());
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (x.get(i).kind() != y.get(i).kind() || !x.get(i).text().equals(y.get(i).text())) {
                return " (token " + (i + 1) + ": '" + x.get(i).text() + "' became '" + y.get(i).text() + "')";
            }
        }
        return " (" + x.size() + " tokens became " + y.size() + ")";
    }

    /** Every {@code //} comment of the query's trivia, in order, without trailing blanks. */
    static List<String> comments(String query) {
        List<String> out = new ArrayList<>();
        for (Token t : KqlParser.tokenize(query, new ArrayList<>())) {
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

package dev.sentinelctl.kql.lint;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import dev.sentinelctl.kql.syntax.SyntaxWalker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small questions several lint rules ask about the tree. */
public final class QueryTools {
    private QueryTools() {}

    /** Columns that hold an event's time in Sentinel tables. */
    public static final Set<String> TIME_COLUMNS = Set.of("TimeGenerated", "Timestamp", "EventTime", "StartTime",
            "CreatedDateTime", "ActivityDateTime", "TimeCreated", "timestamp", "LastSeen", "FirstSeen");

    private static final Set<String> TIME_FUNCTIONS = Set.of("ago", "now", "startofday", "startofweek", "startofmonth",
            "endofday", "datetime_add", "bin", "between");

    private static final Pattern TIMESPAN = Pattern.compile(
            "(?i)^(?:timespan\\()?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(d|day|days|h|hr|hrs|hour|hours|m|min|minute|minutes|s|sec|second|seconds|ms|milli|millis|millisecond|milliseconds|microsecond|microseconds|tick|ticks)\\s*\\)?$");

    /** The duration of a timespan literal such as {@code 14d}, {@code 1.5h}, {@code timespan(2h)}. */
    public static Optional<Duration> timespan(Expr e) {
        if (!(e instanceof Expr.Literal lit) || lit.kind() != LiteralKind.TIMESPAN) return Optional.empty();
        Matcher m = TIMESPAN.matcher(lit.text().strip());
        if (!m.matches()) return Optional.empty();
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double seconds = switch (unit.charAt(0)) {
            case 'd' -> n * 86400;
            case 'h' -> n * 3600;
            case 'm' -> unit.startsWith("ms") || unit.startsWith("milli") ? n / 1000
                    : unit.startsWith("micro") ? n / 1_000_000 : n * 60;
            case 's' -> n;
            default -> n / 10_000_000;
        };
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Whether a subtree filters on time: a time column compared or a time function such as ago() used in a where. */
    public static boolean hasTimeFilter(SyntaxNode subtree) {
        return hasTimeFilter(SyntaxWalker.nodes(subtree));
    }

    /** {@link #hasTimeFilter(SyntaxNode)} over the nodes of a subtree (a lint context's, say: no second walk). */
    public static boolean hasTimeFilter(List<SyntaxNode> nodes) {
        for (SyntaxNode node : nodes) {
            if (!(node instanceof QueryOperator.Where where)) continue;
            for (SyntaxNode n : SyntaxWalker.nodes(where.predicate())) {
                if (n instanceof Expr.NameRef ref && TIME_COLUMNS.contains(ref.simpleName())) return true;
                if (n instanceof Expr.FunctionCall call && TIME_FUNCTIONS.contains(call.functionName())) return true;
            }
        }
        // Functions such as _Im_Dns(starttime=ago(1d)) and lookups filtered on arguments count as time-bounded.
        for (SyntaxNode node : nodes) {
            if (node instanceof Expr.FunctionCall call && call.functionName().equals("ago")) return true;
        }
        return false;
    }

    /** The operators of a pipeline {@code source | op1 | op2}, in order, and its head. */
    public record Pipeline(Expr head, List<QueryOperator> operators) {}

    public static Pipeline pipeline(Expr e) {
        List<QueryOperator> ops = new ArrayList<>();
        Expr cur = e;
        while (cur instanceof Expr.Pipe pipe) {
            ops.add(0, pipe.operator());
            cur = pipe.source();
        }
        while (cur instanceof Expr.Paren p) cur = p.inner();
        return new Pipeline(cur, ops);
    }

    /** Every maximal pipeline in the query (a pipe not itself the source of another pipe). */
    public static List<Expr.Pipe> outermostPipes(LintContext context) {
        List<Expr.Pipe> all = context.nodes(Expr.Pipe.class);
        java.util.Set<Expr.Pipe> inner = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Expr.Pipe p : all) {
            if (p.source() instanceof Expr.Pipe s) inner.add(s);
        }
        List<Expr.Pipe> out = new ArrayList<>();
        for (Expr.Pipe p : all) {
            if (!inner.contains(p)) out.add(p);
        }
        return out;
    }

    public static boolean isStringLiteral(Expr e) {
        return e instanceof Expr.Literal lit && lit.kind() == LiteralKind.STRING;
    }

    public static Optional<String> stringValue(Expr e) {
        while (e instanceof Expr.Paren p) e = p.inner();
        return e instanceof Expr.Literal lit && lit.kind() == LiteralKind.STRING ? Optional.of(lit.value()) : Optional.empty();
    }
}

package dev.sentinelctl.fleet;

import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a parsed query, the tree node after which an exclusion filter goes. Only the last statement's
 * pipeline is considered: it is what the rule or hunting query returns, while earlier {@code let}s may be
 * used several times or not at all.
 */
final class InsertionPoints {

    /** The node to insert after, or why there is none. */
    record Point(SyntaxNode after, String problem) {
        boolean found() {
            return after != null;
        }
    }

    private InsertionPoints() {
    }

    static Point find(ParsedQuery parsed, ExclusionPlacement placement) {
        Statement.Query output = outputStatement(parsed);
        if (output == null) return new Point(null, "the query has no output statement (only let, set or declare)");
        List<Expr.Pipe> steps = new ArrayList<>();
        Expr e = output.expression();
        while (e instanceof Expr.Pipe p) {
            steps.add(0, p);
            e = p.source();
        }
        Expr head = e;
        if (head == null || head.lastToken() == null) return new Point(null, "the output statement is empty");
        if (placement == ExclusionPlacement.AFTER_TABLE) return new Point(head, null);
        if (placement == ExclusionPlacement.END) {
            return new Point(steps.isEmpty() ? head : steps.get(steps.size() - 1), null);
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).operator() instanceof QueryOperator.Summarize) {
                return new Point(i == 0 ? head : steps.get(i - 1), null);
            }
        }
        return new Point(null, "the query's output pipeline has no summarize");
    }

    /** The last statement when it is a query; null otherwise. */
    static Statement.Query outputStatement(ParsedQuery parsed) {
        List<Statement> statements = parsed.statements();
        for (int i = statements.size() - 1; i >= 0; i--) {
            Statement s = statements.get(i);
            if (s instanceof Statement.Query q) return q;
            if (!(s instanceof Statement.Skipped)) return null;
        }
        return null;
    }

    /** Offset where the exclusion {@code let}s go: before the first statement that is not {@code set}/{@code declare}/{@code alias}. */
    static int letOffset(ParsedQuery parsed) {
        for (Statement s : parsed.statements()) {
            if (s instanceof Statement.Set || s instanceof Statement.DeclareQueryParameters || s instanceof Statement.Alias) continue;
            if (s.firstToken() != null) return s.firstToken().start();
        }
        return 0;
    }
}

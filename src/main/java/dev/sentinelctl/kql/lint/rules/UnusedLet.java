package dev.sentinelctl.kql.lint.rules;

import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.LintRule;
import dev.sentinelctl.kql.lint.RuleMeta;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.report.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@code let} whose name is never used: dead code, or a typo where it should have been used. */
public final class UnusedLet implements LintRule {
    private static final RuleMeta META = new RuleMeta("KQL-unused-let", "UnusedLet", Severity.WARNING,
            "A `let` that is never used.",
            "An unused `let` is dead code at best; at worst a filter or allow-list the author meant to apply never is "
                    + "(a misspelt name in the query refers to something else).",
            "let allowed = dynamic([\"svc-backup\"]);\nSigninLogs | where ResultType == \"0\"",
            "let allowed = dynamic([\"svc-backup\"]);\nSigninLogs | where ResultType == \"0\" and UserPrincipalName !in (allowed)",
            "all");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(LintContext context) {
        List<Statement.Let> lets = context.nodes(Statement.Let.class);
        if (lets.isEmpty()) return;
        // Counting identifier tokens rather than name references also sees uses the tree keeps as plain tokens
        // (operator parameters, patterns); the declaration itself is one occurrence.
        Map<String, Integer> occurrences = new HashMap<>();
        for (Statement.Let let : lets) occurrences.put(let.name().simpleName(), 0);
        String text = context.parsed().text();
        for (Token t : context.parsed().tokens()) {
            int width = t.end() - t.start();
            for (Map.Entry<String, Integer> e : occurrences.entrySet()) {
                String name = e.getKey();
                if (width == name.length() && text.regionMatches(t.start(), name, 0, width)) e.setValue(e.getValue() + 1);
            }
        }
        for (Statement.Let let : lets) {
            String name = let.name().simpleName();
            if (occurrences.getOrDefault(name, 0) <= 1) {
                context.report(let.name(), "`" + name + "` is declared but never used",
                        "Use it in the query, or delete the let statement.");
            }
        }
    }
}

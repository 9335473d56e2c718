package dev.sentinelctl.kql.lint;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import dev.sentinelctl.kql.syntax.SyntaxWalker;
import java.util.ArrayList;
import java.util.List;

/** Runs every lint rule over a parsed query and applies the query's own suppression comments. */
public final class Linter {
    private final List<LintRule> rules;
    private final Catalog catalog;

    public Linter(List<LintRule> rules, Catalog catalog) {
        this.rules = List.copyOf(rules);
        this.catalog = catalog;
    }

    public List<LintContext.Finding> lint(ParsedQuery parsed, QueryFacts facts) {
        return lint(parsed, SyntaxWalker.nodes(parsed.root()), facts);
    }

    /** @param nodes every node of {@code parsed}'s tree, parents first, in text order (a caller that has them already) */
    public List<LintContext.Finding> lint(ParsedQuery parsed, List<SyntaxNode> nodes, QueryFacts facts) {
        LintContext context = new LintContext(parsed, nodes, facts, catalog);
        for (LintRule rule : rules) {
            context.begin(rule.meta());
            try {
                rule.check(context);
            } catch (RuntimeException e) {
                // A defect in one rule must not hide the other rules' findings; it is reported as a finding of its own.
                context.report(0, 0, "lint rule " + rule.meta().id() + " failed on this query: " + e,
                        "Please report this; disable the rule with a sentinelctl-disable comment meanwhile.");
            }
        }
        Suppressions suppressions = Suppressions.of(parsed);
        List<LintContext.Finding> out = new ArrayList<>();
        for (LintContext.Finding f : context.findings()) {
            if (!suppressions.suppresses(f.rule().id(), f.diagnostic().start())) out.add(f);
        }
        return out;
    }
}

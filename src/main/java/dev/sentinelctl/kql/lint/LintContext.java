package dev.sentinelctl.kql.lint;

import dev.sentinelctl.kql.KqlDiagnostic;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.SyntaxElement;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.List;

/** One query being linted: its tree, the facts around it, and where findings go. One per query and thread. */
public final class LintContext {
    private final ParsedQuery parsed;
    private final QueryFacts facts;
    private final Catalog catalog;
    private final List<SyntaxNode> nodes;
    private final List<Finding> findings = new ArrayList<>();
    private RuleMeta current;

    /** A finding with the rule that made it (its code is the rule id). */
    public record Finding(RuleMeta rule, KqlDiagnostic diagnostic) {}

    /** @param nodes every node of {@code parsed}'s tree, parents first, in text order */
    public LintContext(ParsedQuery parsed, List<SyntaxNode> nodes, QueryFacts facts, Catalog catalog) {
        this.parsed = parsed;
        this.facts = facts;
        this.catalog = catalog;
        this.nodes = nodes;
    }

    public ParsedQuery parsed() {
        return parsed;
    }

    public QueryFacts facts() {
        return facts;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Every node of the query, parents first, in text order (computed once for all rules). */
    public List<SyntaxNode> nodes() {
        return nodes;
    }

    public <T extends SyntaxNode> List<T> nodes(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SyntaxNode n : nodes) {
            if (type.isInstance(n)) out.add(type.cast(n));
        }
        return out;
    }

    void begin(RuleMeta rule) {
        this.current = rule;
    }

    /** Reports a finding of the running rule on an element's text span. */
    public void report(SyntaxElement at, String message, String hint) {
        Token first = at.firstToken();
        Token last = at.lastToken();
        int start = first == null ? 0 : first.start();
        int end = last == null ? start : last.end();
        report(start, end, message, hint);
    }

    public void report(int start, int end, String message, String hint) {
        findings.add(new Finding(current, new KqlDiagnostic(current.id(), current.defaultSeverity(), start, end, message, hint)));
    }

    List<Finding> findings() {
        return findings;
    }

    /** The query text of an element (without surrounding trivia). */
    public String text(SyntaxElement e) {
        Token first = e.firstToken();
        Token last = e.lastToken();
        if (first == null || last == null) return "";
        return parsed.text().substring(first.start(), Math.max(first.start(), last.end()));
    }

    public static Severity severityOf(RuleMeta rule) {
        return rule.defaultSeverity();
    }
}

package dev.sentinelctl.check;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.RuleDuration;
import dev.sentinelctl.kql.lint.LintContext;
import dev.sentinelctl.kql.lint.Linter;
import dev.sentinelctl.kql.lint.QueryFacts;
import dev.sentinelctl.report.Diagnostic;
import java.util.List;
import java.util.Optional;

/** Runs the KQL lint rules on an item's query; a query with syntax errors is not linted (its tree is partial). */
public final class LintCheck implements ItemCheck {
    private final Linter linter;

    public LintCheck(Linter linter) {
        this.linter = linter;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        ContentItem item = context.item();
        if (item.query().isEmpty() || context.parsed().hasErrors()) return List.of();
        return linter.lint(context.parsed(), context.nodes(), facts(item)).stream()
                .map(f -> QueryPositions.toDiagnostic(item, f.diagnostic())).toList();
    }

    static QueryFacts facts(ContentItem item) {
        if (item instanceof AnalyticRule rule) {
            boolean nrt = rule.ruleKind() == AnalyticRule.RuleKind.NRT;
            return new QueryFacts(nrt ? QueryFacts.Kind.NRT_RULE : QueryFacts.Kind.SCHEDULED_RULE,
                    nrt ? Optional.empty() : rule.queryPeriod().map(RuleDuration::value));
        }
        // a parser is a function body: time filters and the like come from its callers
        if (item instanceof dev.sentinelctl.content.Parser) return QueryFacts.STANDALONE;
        if (item instanceof dev.sentinelctl.content.CustomDetection d) return customDetectionFacts(d.period());
        return new QueryFacts(QueryFacts.Kind.HUNTING_QUERY, Optional.empty());
    }

    /**
     * A custom detection runs like a rule: continuous ({@code 0}) like NRT, else on a schedule whose lookback Defender
     * fixes per period (1H looks back 4 hours, 3H 12 hours, 12H 48 hours, 24H 30 days).
     */
    static QueryFacts customDetectionFacts(String period) {
        java.time.Duration lookback = switch (period) {
            case "1H" -> java.time.Duration.ofHours(4);
            case "3H" -> java.time.Duration.ofHours(12);
            case "12H" -> java.time.Duration.ofHours(48);
            case "24H" -> java.time.Duration.ofDays(30);
            default -> null;
        };
        if ("0".equals(period)) return new QueryFacts(QueryFacts.Kind.NRT_RULE, Optional.empty());
        return new QueryFacts(QueryFacts.Kind.SCHEDULED_RULE, Optional.ofNullable(lookback));
    }
}

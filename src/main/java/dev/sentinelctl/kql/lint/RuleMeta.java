package dev.sentinelctl.kql.lint;

import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;

/**
 * A lint rule's documentation, kept next to its code; {@code docs/rules.md} and SARIF rule descriptions are
 * generated from it.
 *
 * @param appliesTo which content the rule looks at: "all", "analytic rules" or "hunting queries"
 */
public record RuleMeta(String id, String name, Severity defaultSeverity, String summary, String rationale,
                       String bad, String good, String appliesTo) {

    public RuleInfo info() {
        return new RuleInfo(id, name, defaultSeverity, summary, rationale, "Bad:\n" + bad + "\nGood:\n" + good);
    }
}

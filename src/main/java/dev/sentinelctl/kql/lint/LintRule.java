package dev.sentinelctl.kql.lint;

/**
 * One best-practice rule: its metadata (id, severity, rationale, a bad and a good example) beside its logic.
 * Implementations are stateless and shared by all threads.
 */
public interface LintRule {
    RuleMeta meta();

    void check(LintContext context);
}

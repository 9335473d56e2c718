package dev.sentinelctl.report;

/**
 * What a rule id means, for reporters that describe rules (SARIF's tool.driver.rules) and for docs.
 *
 * @param name             short PascalCase name, e.g. {@code DuplicateKey}
 * @param shortDescription one line
 * @param fullDescription  why the rule exists
 * @param help             how to fix what it reports
 */
public record RuleInfo(String id, String name, Severity defaultSeverity, String shortDescription,
                       String fullDescription, String help) {}

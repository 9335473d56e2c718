package dev.sentinelctl.testing;

import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.util.List;

/** The findings detection tests report, with their documentation (docs/rules.md, SARIF). */
public final class TestRules {
    private TestRules() {}

    public static final List<RuleInfo> RULES = List.of(
            new RuleInfo("TEST-missing-positive", "MissingPositiveTest", Severity.ERROR,
                    "An analytic rule has no test that expects it to fire (with minimumTests / --minimum-tests 1 or more).",
                    "A rule never shown to fire on the attack it names may detect nothing; Panther requires both polarities the same way.",
                    "Add a test with `expect: {fires: true}` and a fixture of the attack to the rule's .tests.yaml."),
            new RuleInfo("TEST-missing-negative", "MissingNegativeTest", Severity.ERROR,
                    "An analytic rule has no test that expects it to stay silent (with minimumTests / --minimum-tests 2 or more).",
                    "A rule never shown to stay silent on benign look-alikes is a false-positive generator nobody measured.",
                    "Add a test with `expect: {fires: false}` and a fixture of the benign traffic the rule must ignore."),
            new RuleInfo("TEST-too-few", "TooFewTests", Severity.ERROR,
                    "An analytic rule has fewer tests than minimumTests / --minimum-tests asks for.",
                    "The project requires a number of tests per rule.",
                    "Add tests to the rule's .tests.yaml."),
            new RuleInfo("TEST-failed", "TestFailed", Severity.ERROR,
                    "A detection test's expectation does not hold.",
                    "The query does not do what its test says: it misses the attack, fires on benign data, or its alert lacks entities.",
                    "Fix the query, or the fixture or expectation if the test is wrong."),
            new RuleInfo("TEST-error", "TestError", Severity.ERROR,
                    "A detection test could not run: the engine refused the query, exclusions did not compile, or the workspace is unknown.",
                    "A test that cannot run proves nothing.",
                    "Read the message: an EVAL-unsupported construct, an undeclared exclusion, or a workspace missing from the fleet file."),
            new RuleInfo("TEST-format", "TestFileFormat", Severity.ERROR,
                    "A tests file does not follow schemas/detection-tests.schema.json.",
                    "A test the runner cannot read is not run.",
                    "Fix the field named at the position (see docs/testing.md)."),
            new RuleInfo("TEST-fixture-column", "FixtureUnknownColumn", Severity.ERROR,
                    "A fixture names a column its table does not have.",
                    "A misspelt column would be silently null in Log Analytics; the test would prove nothing about it.",
                    "Use the column's exact name (the message suggests the closest), or add the column's schema with --schema."),
            new RuleInfo("TEST-fixture-type", "FixtureWrongType", Severity.ERROR,
                    "A fixture value does not fit its column's type.",
                    "Log Analytics would store null or reject the row; the fixture would not be the data it claims to be.",
                    "Write a value of the column's type (ISO-8601 datetimes, 10m timespans, JSON for dynamic)."),
            new RuleInfo("TEST-fixture-table", "FixtureUnknownTable", Severity.ERROR,
                    "A fixture names a table the catalog does not know.",
                    "Rows for a table the query never reads test nothing.",
                    "Use the table's exact name, or add its schema with --schema."),
            new RuleInfo("TEST-fixture-file", "FixtureFileUnreadable", Severity.ERROR,
                    "A fixture file is missing or not CSV, JSON or JSON Lines as Log Analytics exports them.",
                    "A fixture that cannot be read is not data.",
                    "Check the path (relative to the tests file) and the file's format."),
            new RuleInfo("TEST-orphan", "TestsWithoutItem", Severity.ERROR,
                    "A tests file has no content item next to it.",
                    "Tests of a renamed or deleted rule no longer run.",
                    "Rename X.tests.yaml with its rule X.yaml, or delete it."),
            new RuleInfo("TEST-baseline-fires", "FiresOnBaseline", Severity.ERROR,
                    "A rule fires on the benign baseline data (test --baseline).",
                    "Sigma's goodlog gate: a rule that alerts on known-clean data will alert on every tenant.",
                    "Tighten the rule, or add it with a reason to the allow-list file (--allow)."),
            new RuleInfo("TEST-baseline-stale-allow", "StaleBaselineAllowEntry", Severity.WARNING,
                    "An allow-list entry names no rule that fires on the baseline.",
                    "A stale entry would silently allow the rule again if it ever fires for a new reason.",
                    "Remove the entry."),
            new RuleInfo("TEST-baseline-unsupported", "BaselineNotEvaluated", Severity.WARNING,
                    "A rule could not be run over the baseline data (the engine refused it).",
                    "The rule's behaviour on benign data is unknown.",
                    "See the engine's coverage in docs/engine.md."));
}

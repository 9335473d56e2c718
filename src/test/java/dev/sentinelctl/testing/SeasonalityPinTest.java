package dev.sentinelctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.semantic.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seasonality:} pins the period series_decompose_anomalies autodetects, as {@code now:} pins the clock. */
class SeasonalityPinTest {
    @TempDir
    Path dir;

    /** Failed sign-ins per user and hour; a user whose hourly count jumps off its line is an anomaly. */
    private static final String RULE = """
            id: 6f1d2c7e-3b0a-4f55-9f0e-2a7c1b9d4e10
            name: Failed sign-in surge for one user
            description: A user's failed sign-ins in one hour stand out of the last day's trend.
            severity: Medium
            requiredDataConnectors:
              - connectorId: AzureActiveDirectory
                dataTypes:
                  - SigninLogs
            queryFrequency: 1d
            queryPeriod: 1d
            triggerOperator: gt
            triggerThreshold: 0
            tactics:
              - CredentialAccess
            relevantTechniques:
              - T1110
            query: |
              SigninLogs
              | where TimeGenerated > ago(1d) and ResultType != "0"
              | make-series Failures = count() default = 0 on TimeGenerated from ago(1d) to now() step 1h by UserPrincipalName
              | extend (anomalies, score, baseline) = series_decompose_anomalies(Failures, 1.5, -1, 'linefit')
              | mv-expand Failures to typeof(long), anomalies to typeof(int), score to typeof(double)
              | where anomalies > 0
              | project UserPrincipalName, Failures, score
            entityMappings:
              - entityType: Account
                fieldMappings:
                  - identifier: FullName
                    columnName: UserPrincipalName
            version: 1.0.0
            kind: Scheduled
            """;

    /** One failure every hour, a second one every other hour (so the hourly counts vary), and optionally 20 in one hour. */
    private static String fixture(boolean spike) {
        return """
                    tables:
                      SigninLogs:
                        generate:
                          - count: 24
                            row: {TimeGenerated: {from: now-23h30m, step: 1h}, ResultType: "50126", UserPrincipalName: alice@contoso.com}
                          - count: 12
                            row: {TimeGenerated: {from: now-23h20m, step: 2h}, ResultType: "50126", UserPrincipalName: alice@contoso.com}
                """ + (spike ? """
                          - count: 20
                            row: {TimeGenerated: {from: now-5h50m, step: 1m}, ResultType: "50126", UserPrincipalName: alice@contoso.com}
                """ : "");
    }

    private Map<String, TestResult> run(String rule, String tests) throws Exception {
        Files.writeString(dir.resolve(rule + ".yaml"), RULE.replace("6f1d2c7e", rule.equals("R") ? "6f1d2c7e" : "7a2e3d8f"));
        Files.writeString(dir.resolve(rule + ".tests.yaml"), tests);
        Catalog catalog = Catalog.builtIn();
        TestRun run = new TestRunner(catalog, new InProcessEngine(catalog), new TestRunner.Options(Optional.empty(), 0)).run(List.of(dir));
        return run.results().stream().filter(r -> r.item().contains(rule + ".yaml")).collect(Collectors.toMap(TestResult::name, r -> r));
    }

    @Test
    void aPinnedRuleFiresOnTheSpikeAndStaysSilentWithout() throws Exception {
        Map<String, TestResult> results = run("R", "defaults:\n  now: 2024-05-01T12:00:00Z\n  seasonality: 0\ntests:\n"
                + "  - name: spike\n" + fixture(true) + "    expect:\n      fires: true\n      rows: 1\n"
                + "      contains: [{UserPrincipalName: alice@contoso.com, Failures: 22}]\n"
                + "  - name: steady\n" + fixture(false) + "    expect:\n      fires: false\n");
        assertEquals(TestResult.Status.PASSED, results.get("spike").status(), results.get("spike").failures().toString());
        assertEquals(TestResult.Status.PASSED, results.get("steady").status(), results.get("steady").failures().toString());
    }

    @Test
    void withoutThePinTheTestErrorsAndSaysHowToPin() throws Exception {
        Map<String, TestResult> results = run("U", "defaults:\n  now: 2024-05-01T12:00:00Z\ntests:\n"
                + "  - name: spike\n" + fixture(true) + "    expect:\n      fires: true\n");
        TestResult r = results.get("spike");
        assertEquals(TestResult.Status.ERROR, r.status());
        String message = r.failures().toString();
        assertTrue(message.contains("EVAL-unsupported") && message.contains("seasonality: N"), message);
    }

    @Test
    void theTestsValueOverridesTheDefault() throws Exception {
        Path f = dir.resolve("X.tests.yaml");
        Files.writeString(f, "defaults: {now: 2024-05-01T12:00:00Z, seasonality: 24}\ntests:\n"
                + "  - name: a\n    expect: {fires: false}\n  - name: b\n    seasonality: 0\n    expect: {fires: false}\n");
        TestSuite suite = new TestSuiteLoader().load(f, "X.tests.yaml").suite().orElseThrow();
        assertEquals(OptionalInt.of(24), suite.tests().get(0).seasonality());
        assertEquals(OptionalInt.of(0), suite.tests().get(1).seasonality());
        Files.writeString(f, "tests:\n  - name: a\n    now: 2024-05-01T12:00:00Z\n    seasonality: -1\n    expect: {fires: false}\n");
        assertTrue(new TestSuiteLoader().load(f, "X.tests.yaml").suite().isEmpty(), "a negative seasonality is a format error");
    }

    @Test
    void theBaselineFolderPinsItInBaselineYaml() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("R.yaml"), RULE);
        Path data = Files.createDirectories(dir.resolve("benign"));
        StringBuilder rows = new StringBuilder();
        java.time.Instant now = java.time.Instant.parse("2024-05-01T12:00:00Z");
        for (int h = 0; h < 24; h++) {
            int count = (h % 2 == 0 ? 2 : 1) + (h == 18 ? 20 : 0);
            for (int k = 0; k < count; k++) {
                rows.append("{\"TimeGenerated\": \"").append(now.minusSeconds(24 * 3600L - h * 3600L - 600 - k * 60L))
                        .append("\", \"ResultType\": \"50126\", \"UserPrincipalName\": \"alice@contoso.com\"}\n");
            }
        }
        Files.writeString(data.resolve("SigninLogs.jsonl"), rows.toString());
        Catalog catalog = Catalog.builtIn();
        BaselineRun baseline = new BaselineRun(catalog, new InProcessEngine(catalog));
        Files.writeString(data.resolve("baseline.yaml"), "now: 2024-05-01T12:00:00Z\n");
        List<String> unpinned = baseline.run(List.of(rules), data, Optional.empty(), Optional.empty()).stream().map(d -> d.ruleId()).toList();
        assertEquals(List.of("TEST-baseline-unsupported"), unpinned);
        Files.writeString(data.resolve("baseline.yaml"), "now: 2024-05-01T12:00:00Z\nseasonality: 0\n");
        List<String> pinned = baseline.run(List.of(rules), data, Optional.empty(), Optional.empty()).stream().map(d -> d.ruleId()).toList();
        assertEquals(List.of("TEST-baseline-fires"), pinned);
    }

    @Test
    void compareSendsThePinToOurEngineOnly() {
        java.util.List<OptionalInt> seen = new java.util.ArrayList<>();
        QueryEngine ours = new QueryEngine() {
            @Override
            public Outcome run(String q, Map<String, FixtureTable> t, Map<String, FixtureTable> w, java.time.Instant now) {
                return run(q, t, w, now, OptionalInt.empty());
            }

            @Override
            public Outcome run(String q, Map<String, FixtureTable> t, Map<String, FixtureTable> w, java.time.Instant now, OptionalInt s) {
                seen.add(s);
                return new Outcome.Failed("EVAL-unsupported", "x", -1);
            }
        };
        QueryEngine real = (q, t, w, now) -> new QueryEngine.Outcome.Failed("KUSTO-error", "y", -1);
        QueryEngine.Outcome o = new dev.sentinelctl.testing.realengine.ComparingEngine(ours, real, "adx")
                .run("print 1", Map.of(), Map.of(), java.time.Instant.EPOCH, OptionalInt.of(24));
        assertEquals(List.of(OptionalInt.of(24)), seen);
        assertEquals("KUSTO-error", ((QueryEngine.Outcome.Failed) o).code());
    }
}

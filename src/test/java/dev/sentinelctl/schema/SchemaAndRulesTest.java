package dev.sentinelctl.schema;

import static dev.sentinelctl.check.Fixtures.HUNTING;
import static dev.sentinelctl.check.Fixtures.RULE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each constraint of the content format: one mutation of a valid file, the rule it must trip and where. */
class SchemaAndRulesTest {
    @TempDir
    Path dir;

    private List<Diagnostic> rule(String text) {
        return Fixtures.check(dir, "Detections/r.yaml", text);
    }

    private static String ids(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::ruleId).sorted().collect(Collectors.joining(","));
    }

    private static Diagnostic single(List<Diagnostic> ds) {
        assertEquals(1, ds.size(), () -> ds.toString());
        return ds.get(0);
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void validFixturesAreClean() {
        assertEquals(List.of(), rule(RULE));
        assertEquals(List.of(), Fixtures.check(dir, "Hunting Queries/h.yaml", HUNTING));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "id: 0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b|id: not-a-guid|SCHEMA-format|id: not-a-guid",
        "severity: Medium|severity: Critical|SCHEMA-enum|severity: Critical",
        "triggerOperator: gt|triggerOperator: greater|SCHEMA-enum|triggerOperator: greater",
        "triggerThreshold: 0|triggerThreshold: 20000|SCHEMA-range|triggerThreshold: 20000",
        "triggerThreshold: 0|triggerThreshold: '5'|SCHEMA-type|triggerThreshold: '5'",
        "  - CredentialAccess|  - Credential Access|SCHEMA-enum|  - Credential Access",
        "  - T1110|  - T111|SCHEMA-format|  - T111",
        "  - T1110|  - 1110|SCHEMA-type|  - 1110",
        "version: 1.0.0|version: 1.0|SCHEMA-type|version: 1.0",
        "version: 1.0.0|version: v1|SCHEMA-format|version: v1",
        "  - entityType: Host|  - entityType: Hostname|SCHEMA-enum|  - entityType: Hostname",
        "      - identifier: HostName|      - identifier: Hostname|ENTITY-identifier|      - identifier: Hostname",
        "  FailedLogons: Failed|  1Failed: Failed|SCHEMA-format|  1Failed: Failed",
        "  FailedLogons: Failed|  FailedLogons: Failed count|SCHEMA-format|  FailedLogons: Failed count",
        "queryFrequency: 1h|queryFrequency: hourly|SCHEMA-format|queryFrequency: hourly",
        "queryPeriod: 1d|queryPeriod: 30m|RULE-period-frequency|queryPeriod: 30m",
        "queryPeriod: 1d|queryPeriod: 15d|RULE-duration-range|queryPeriod: 15d",
        "queryFrequency: 1h|queryFrequency: 2m|RULE-duration-range|queryFrequency: 2m",
        "aggregationKind: SingleAlert|aggregationKind: OneAlert|SCHEMA-enum|aggregationKind: OneAlert",
        "kind: Scheduled|kind: Fusion|SCHEMA-format|kind: Fusion",
        "name: Failed logons followed by success|name: ''|SCHEMA-length|name: ''",
        "  - connectorId: SecurityEvents|  - connectorid: SecurityEvents|SCHEMA-required|  - connectorid: SecurityEvents",
    })
    void reportsEachConstraintAtItsLine(String from, String to, String ruleId, String lineText) {
        String text = RULE.replace(from, to);
        List<Diagnostic> ds = rule(text).stream().filter(d -> d.ruleId().equals(ruleId)).toList();
        assertEquals(1, ds.size(), () -> ruleId + " in " + rule(text));
        assertEquals(lineOf(text, lineText), ds.get(0).line(), ds.get(0).toString());
        assertTrue(!ds.get(0).fixHint().isEmpty());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        Diagnostic d = single(rule(RULE.replace("severity: Medium\n", "")));
        assertEquals("SCHEMA-required", d.ruleId());
        assertTrue(d.message().contains("'severity'"));
        List<Diagnostic> scheduled = rule(RULE.replace("queryFrequency: 1h\n", ""));
        assertTrue(scheduled.stream().anyMatch(x -> x.message().contains("Scheduled rules need 'queryFrequency'")), scheduled.toString());
    }

    @Test
    void unknownFieldsAreWarningsWithSuggestions() {
        Diagnostic d = single(rule(RULE.replace("queryPeriod: 1d", "queryPeriod: 1d\nquerFrequency: 2h")));
        assertEquals("SCHEMA-unknown-field", d.ruleId());
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(d.message().contains("did you mean 'queryFrequency'"), d.message());
    }

    @Test
    void tacticSuggestionRemovesSpaces() {
        Diagnostic d = single(rule(RULE.replace("  - CredentialAccess", "  - Credential access")));
        assertTrue(d.fixHint().contains("CredentialAccess"), d.fixHint());
    }

    @Test
    void nrtRulesRejectSchedulingFields() {
        String nrt = RULE.replace("kind: Scheduled", "kind: NRT");
        List<Diagnostic> ds = rule(nrt);
        assertEquals("SCHEMA-not-allowed,SCHEMA-not-allowed,SCHEMA-not-allowed,SCHEMA-not-allowed", ids(ds));
        String clean = nrt.replace("queryFrequency: 1h\nqueryPeriod: 1d\ntriggerOperator: gt\ntriggerThreshold: 0\n", "");
        assertEquals(List.of(), rule(clean));
    }

    @Test
    void entityMappingCountsAndRequiredIdentifiers() {
        String noRequired = RULE.replace("      - identifier: HostName\n        columnName: Computer",
                "      - identifier: OSFamily\n        columnName: Computer");
        Diagnostic d = single(rule(noRequired));
        assertEquals("ENTITY-required-identifier", d.ruleId());
        assertTrue(d.message().contains("Host") && d.message().contains("HostName"), d.message());
        StringBuilder many = new StringBuilder("entityMappings:\n");
        for (int i = 0; i < 11; i++) many.append("  - entityType: IP\n    fieldMappings:\n      - identifier: Address\n        columnName: Computer\n");
        String tooMany = RULE.substring(0, RULE.indexOf("entityMappings:")) + many + RULE.substring(RULE.indexOf("customDetails:"));
        assertEquals("SCHEMA-count", single(rule(tooMany)).ruleId());
        String dup = RULE.replace("      - identifier: HostName\n        columnName: Computer",
                "      - identifier: HostName\n        columnName: Computer\n      - identifier: HostName\n        columnName: Computer");
        assertEquals("ENTITY-identifier", single(rule(dup)).ruleId());
    }

    @Test
    void customDetailsLimit() {
        StringBuilder cd = new StringBuilder("customDetails:\n");
        for (int i = 0; i < 21; i++) cd.append("  Detail").append((char) ('a' + i)).append(": Failed\n");
        String text = RULE.replace("customDetails:\n  FailedLogons: Failed\n", cd.toString());
        assertEquals("SCHEMA-count", single(rule(text)).ruleId());
    }

    @Test
    void alertDetailsOverrideLimits() {
        String four = RULE.replace("Brute force on {{Computer}}", "\"{{A}} {{B}} {{C}} {{D}}\"");
        assertEquals("RULE-placeholders", single(rule(four)).ruleId());
        String blank = RULE.replace("Brute force on {{Computer}}", "'   '");
        assertEquals("SCHEMA-format", single(rule(blank)).ruleId());
    }

    @Test
    void techniqueMustHaveAListedTactic() {
        Diagnostic d = single(rule(RULE.replace("  - T1110", "  - T1566.001")));
        assertEquals("RULE-technique-tactic", d.ruleId());
        assertEquals(Severity.WARNING, d.severity(), "ARM takes it; only Microsoft's content CI rejects it");
        assertTrue(d.fixHint().contains("InitialAccess"), d.fixHint());
        assertEquals("RULE-unknown-technique", single(rule(RULE.replace("  - T1110", "  - T9999"))).ruleId());
        Diagnostic hunting = single(Fixtures.check(dir, "Hunting Queries/h.yaml", HUNTING.replace("- T1566", "- T1110")));
        assertEquals(Severity.WARNING, hunting.severity());
    }

    @Test
    void longLookbackNeedsHourlyRuns() {
        String text = RULE.replace("queryFrequency: 1h", "queryFrequency: 30m").replace("queryPeriod: 1d", "queryPeriod: 2d");
        assertEquals("RULE-long-period-frequency", single(rule(text)).ruleId());
    }

    @Test
    void isoDurationsWarnByDefaultAndFailWhenStrict() {
        String text = RULE.replace("queryFrequency: 1h", "queryFrequency: PT1H").replace("queryPeriod: 1d", "queryPeriod: P1D");
        List<Diagnostic> ds = rule(text);
        assertEquals("RULE-duration-format,RULE-duration-format", ids(ds));
        assertTrue(ds.stream().allMatch(d -> d.severity() == Severity.WARNING));
        assertTrue(ds.get(0).fixHint().contains("`1h`") || ds.get(0).fixHint().contains("`1d`"));
        Path f = Fixtures.write(dir, "Detections/strict.yaml", text);
        List<Diagnostic> strict = Fixtures.checker(true).check(new ContentFile(f, "strict.yaml")).diagnostics();
        assertTrue(strict.stream().allMatch(d -> d.severity() == Severity.ERROR));
        assertEquals(List.of(), rule(RULE.replace("queryFrequency: 1h", "queryFrequency: 01:00:00")));
    }

    @Test
    void legacyEntityColumnsMustBeMapped() {
        String text = RULE.replace("| where Failed > 10 and Succeeded > 0", "| extend AccountCustomEntity = TargetAccount");
        assertEquals("RULE-legacy-entity-column", single(rule(text)).ruleId());
    }

    @Test
    void nonAsciiIsAWarningAtItsColumn() {
        Diagnostic d = single(rule(RULE.replace("name: Failed logons", "name: Failed logons \u2013")));
        assertEquals("CONTENT-non-ascii", d.ruleId());
        assertEquals(2, d.line());
        assertEquals(21, d.column());
    }

    @Test
    void emptyValuesCountAsAbsent() {
        assertEquals(List.of(), rule(RULE.replace("customDetails:\n  FailedLogons: Failed\n", "customDetails:\n")));
    }

    @Test
    void wrongShapesGetOneClearError() {
        Diagnostic d = single(rule(RULE.replace("tactics:\n  - CredentialAccess", "tactics: CredentialAccess")));
        assertEquals("SCHEMA-type", d.ruleId());
        assertTrue(d.message().contains("must be a list"), d.message());
        List<Diagnostic> root = Fixtures.check(dir, "Detections/list.yaml", "- a\n- b\n");
        assertEquals("SCHEMA-type", single(root).ruleId());
    }

    @Test
    void migrationStubsAreSkipped() {
        Path f = Fixtures.write(dir, "Detections/stub.yaml",
                "id: 4555b590-1983-4b09-8aca-ecbf5d885019\nname: x\ndescription: |\n  'As part of content migration, this file is moved to a new location.'\nkind: Scheduled\n");
        var result = Fixtures.checker(false).check(new ContentFile(f, "stub.yaml"));
        assertTrue(result.skipped().isPresent());
        assertEquals(List.of(), result.diagnostics());
    }
}

package dev.sentinelctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The tests-file format: loading errors at line:col, fixture values, files and generators typed against the schema. */
class TestFilesTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path dir;

    private TestSuiteLoader.Result load(String yaml) throws Exception {
        Path f = dir.resolve("R.tests.yaml");
        Files.writeString(f, yaml);
        return new TestSuiteLoader().load(f, "R.tests.yaml");
    }

    @Test
    void unknownFieldIsReportedAtItsLineWithDidYouMean() throws Exception {
        TestSuiteLoader.Result r = load("""
                tests:
                  - name: one
                    now: 2024-05-01T12:00:00Z
                    expect:
                      fire: true
                """);
        assertTrue(r.suite().isEmpty());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("TEST-format", d.ruleId());
        assertEquals(5, d.line());
        assertEquals(7, d.column());
        assertTrue(d.fixHint().contains("'fires'"), d.fixHint());
    }

    @Test
    void missingNowDuplicateNamesAndBadInstantsAreErrors() throws Exception {
        TestSuiteLoader.Result r = load("""
                tests:
                  - name: a
                    expect: {fires: true}
                  - name: a
                    now: yesterday
                    expect: {fires: false}
                """);
        assertTrue(r.suite().isEmpty());
        List<String> messages = r.diagnostics().stream().map(d -> d.line() + ":" + d.message()).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("2:") && m.contains("has no 'now'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("4:") && m.contains("two tests are named 'a'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("5:") && m.contains("not a datetime")), messages.toString());
    }

    @Test
    void defaultsMergeAndExpectationsAreRead() throws Exception {
        TestSuiteLoader.Result r = load("""
                defaults:
                  now: 2024-05-01T12:00:00Z
                  tables:
                    EmailEvents: [{Subject: a}]
                tests:
                  - name: t
                    exclusions: {excludedSenders: [root@localhost], fromList: {watchlist: Senders}}
                    expect:
                      rows: {min: 1, max: 3}
                      contains: [{Subject: a}]
                """);
        assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
        TestCase t = r.suite().get().tests().get(0);
        assertEquals(NOW, t.now().get());
        assertTrue(t.tables().containsKey("EmailEvents"));
        assertTrue(t.expect().rows().get().accepts(2));
        assertTrue(!t.expect().rows().get().accepts(4));
        assertEquals(java.util.Optional.of(true), t.expect().polarity());
        assertInstanceOf(dev.sentinelctl.fleet.ExclusionValues.Watchlist.class, t.exclusions().get("fromList"));
    }

    @Test
    void valuesAreTypedByColumn() throws Exception {
        FixtureValues v = new FixtureValues(NOW);
        assertEquals(NOW.minus(Duration.ofMinutes(10)), v.fromText("now-10m", ScalarType.DATETIME));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), v.fromText("2024-05-01 10:00:00", ScalarType.DATETIME));
        assertEquals(Instant.parse("2024-05-01T13:05:00Z"), v.fromText("5/1/2024, 1:05:00.000 PM", ScalarType.DATETIME));
        assertEquals(Duration.ofHours(26).plusMinutes(3), v.fromText("1.02:03:00", ScalarType.TIMESPAN));
        assertEquals(Duration.ofMinutes(90), v.fromText("1h30m", ScalarType.TIMESPAN));
        assertEquals(42L, v.fromText("42", ScalarType.LONG));
        assertEquals(42, v.fromText("42", ScalarType.INT));
        assertNull(v.fromText("", ScalarType.LONG));
        assertEquals("", v.fromText("", ScalarType.STRING));
        assertEquals(UUID.fromString("6b478186-da3b-4d71-beaa-aa5b42908499"), v.fromText("6b478186-da3b-4d71-beaa-aa5b42908499", ScalarType.GUID));
        assertTrue(((JsonNode) v.fromText("{\"a\":[1]}", ScalarType.DYNAMIC)).isObject());
        assertThrows(FixtureValues.BadValue.class, () -> v.fromText("abc", ScalarType.LONG));
        assertThrows(FixtureValues.BadValue.class, () -> v.fromText("maybe", ScalarType.BOOL));
        assertThrows(FixtureValues.BadValue.class, () -> v.fromText("12:00 tomorrow", ScalarType.DATETIME));
    }

    @Test
    void unknownColumnsAndWrongTypesAreErrorsAtTheirLineWithDidYouMean() throws Exception {
        TestSuiteLoader.Result r = load("""
                tests:
                  - name: t
                    now: 2024-05-01T12:00:00Z
                    tables:
                      EmailEvents:
                        - {SenderFromAdress: a@b.c, AttachmentCount: many}
                    expect: {fires: true}
                """);
        TestSuite suite = r.suite().orElseThrow();
        TestCase t = suite.tests().get(0);
        FixtureBuilder.Built built = new FixtureBuilder(suite.document(), dir, NOW)
                .table(t.tables().get("EmailEvents"), Catalog.builtIn().table("EmailEvents").orElseThrow());
        assertEquals(2, built.diagnostics().size(), built.diagnostics().toString());
        Diagnostic unknown = built.diagnostics().stream().filter(d -> d.ruleId().equals("TEST-fixture-column")).findFirst().orElseThrow();
        assertEquals(6, unknown.line());
        assertEquals(12, unknown.column());
        assertTrue(unknown.fixHint().contains("SenderFromAddress"), unknown.fixHint());
        Diagnostic type = built.diagnostics().stream().filter(d -> d.ruleId().equals("TEST-fixture-type")).findFirst().orElseThrow();
        assertEquals(6, type.line());
        assertTrue(type.message().contains("AttachmentCount is int"), type.message());
    }

    @Test
    void generatorsCountSequencesAndSteps() throws Exception {
        TestSuiteLoader.Result r = load("""
                tests:
                  - name: t
                    now: 2024-05-01T12:00:00Z
                    tables:
                      EmailEvents:
                        generate:
                          - count: 60
                            row:
                              RecipientEmailAddress: "user{i}@fabrikam.com"
                              EmailDirection: {sequence: [Inbound, Outbound]}
                              TimeGenerated: {from: now-1h, step: 1m}
                              AttachmentCount: {from: 1, step: 2}
                    expect: {fires: true}
                """);
        TestSuite suite = r.suite().orElseThrow();
        FixtureTable t = new FixtureBuilder(suite.document(), dir, NOW)
                .table(suite.tests().get(0).tables().get("EmailEvents"), Catalog.builtIn().table("EmailEvents").orElseThrow()).table();
        assertEquals(60, t.rowCount());
        assertEquals("user60@fabrikam.com", t.value(59, t.columnIndex("RecipientEmailAddress")));
        assertEquals("Outbound", t.value(1, t.columnIndex("EmailDirection")));
        assertEquals(NOW.minus(Duration.ofMinutes(1)), t.value(59, t.columnIndex("TimeGenerated")));
        assertEquals(119, t.value(59, t.columnIndex("AttachmentCount")));
        assertEquals("", t.value(0, t.columnIndex("Subject")), "a column left out is empty");
    }

    @Test
    void csvExportJsonRowsApiResponsesAndJsonLinesAreRead() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "TimeGenerated [UTC],Subject,AttachmentCount\n"
                + "\"5/1/2024, 11:00:00.000 AM\",\"Hello, world\",2\n2024-05-01T11:30:00Z,\"say \"\"hi\"\"\",\n");
        Files.writeString(dir.resolve("b.json"), "[{\"Subject\": \"x\", \"AttachmentCount\": 1}]");
        Files.writeString(dir.resolve("c.json"), "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"Subject\",\"type\":\"string\"}],"
                + "\"rows\":[[\"y\"],[\"z\"]]}]}");
        Files.writeString(dir.resolve("d.jsonl"), "{\"Subject\": \"w\"}\n\n{\"Subject\": \"v\"}\n");
        TestSuiteLoader.Result r = load("""
                tests:
                  - name: t
                    now: 2024-05-01T12:00:00Z
                    tables:
                      EmailEvents: {files: [a.csv, b.json, c.json, d.jsonl]}
                    expect: {fires: true}
                """);
        TestSuite suite = r.suite().orElseThrow();
        FixtureBuilder.Built built = new FixtureBuilder(suite.document(), dir, NOW)
                .table(suite.tests().get(0).tables().get("EmailEvents"), Catalog.builtIn().table("EmailEvents").orElseThrow());
        assertTrue(built.diagnostics().isEmpty(), built.diagnostics().toString());
        FixtureTable t = built.table();
        assertEquals(7, t.rowCount());
        assertEquals(Instant.parse("2024-05-01T11:00:00Z"), t.value(0, t.columnIndex("TimeGenerated")));
        assertEquals("Hello, world", t.value(0, t.columnIndex("Subject")));
        assertEquals("say \"hi\"", t.value(1, t.columnIndex("Subject")));
        assertNull(t.value(1, t.columnIndex("AttachmentCount")));
        assertEquals("v", t.value(6, t.columnIndex("Subject")));
    }

    @Test
    void badFixtureFilesNameTheirLine() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "Subject,AttachmentCount\nok,1\nshort\n");
        Files.writeString(dir.resolve("bad.jsonl"), "{\"Subject\": \"w\"}\n{oops\n");
        Files.writeString(dir.resolve("types.csv"), "Subject,AttachmentCount\nok,1\nok,lots\n");
        FixtureFiles.Unreadable csv = assertThrows(FixtureFiles.Unreadable.class, () -> FixtureFiles.read(dir.resolve("bad.csv"), "bad.csv"));
        assertEquals(3, csv.diagnostic().line());
        FixtureFiles.Unreadable jsonl = assertThrows(FixtureFiles.Unreadable.class, () -> FixtureFiles.read(dir.resolve("bad.jsonl"), "bad.jsonl"));
        assertEquals(2, jsonl.diagnostic().line());
        TestSuiteLoader.Result r = load("""
                tests:
                  - name: t
                    now: 2024-05-01T12:00:00Z
                    tables:
                      EmailEvents: {file: types.csv}
                      Emailevents: {file: missing.csv}
                    expect: {fires: true}
                """);
        TestSuite suite = r.suite().orElseThrow();
        FixtureBuilder builder = new FixtureBuilder(suite.document(), dir, NOW);
        Diagnostic type = builder.table(suite.tests().get(0).tables().get("EmailEvents"), Catalog.builtIn().table("EmailEvents").orElseThrow())
                .diagnostics().get(0);
        assertTrue(type.file().endsWith("types.csv"), type.file());
        assertEquals(3, type.line());
        assertEquals(4, type.column());
        Diagnostic missing = builder.table(suite.tests().get(0).tables().get("Emailevents"), Catalog.builtIn().table("EmailEvents").orElseThrow())
                .diagnostics().get(0);
        assertEquals("TEST-fixture-file", missing.ruleId());
        assertEquals(6, missing.line());
    }
}

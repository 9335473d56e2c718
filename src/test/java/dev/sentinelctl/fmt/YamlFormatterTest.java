package dev.sentinelctl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlFormatterTest {
    private final YamlFormatter formatter = new YamlFormatter(FmtOptions.DEFAULT);

    private FileOutcome run(String text) {
        return formatter.format("rule.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Formats, expects a change, and checks a second run changes nothing. */
    private String fmt(String text) {
        FileOutcome o = run(text);
        assertEquals(FileOutcome.Kind.CHANGED, o.kind(), o.messages().toString());
        FileOutcome again = formatter.format("rule.yaml", o.formatted().getBytes(StandardCharsets.UTF_8));
        assertEquals(FileOutcome.Kind.UNCHANGED, again.kind(), "second run changed:\n" + o.formatted());
        return o.formatted();
    }

    @Test
    void fieldsInAzureSentinelOrderUnknownFieldsLast() {
        String out = fmt("""
                kind: Scheduled
                query: T | take 1
                custom: 1
                name: Rule
                id: 6b1a1f3e-1111-4c2a-9d7e-000000000001
                severity: Medium
                """);
        assertEquals("""
                id: 6b1a1f3e-1111-4c2a-9d7e-000000000001
                name: Rule
                severity: Medium
                query: |
                  T
                  | take 1
                kind: Scheduled
                custom: 1
                """, out);
    }

    @Test
    void aParserGetsTheParserFieldOrderNotTheRuleOrder() {
        // As people write them after copying from a rule: the query in the middle, the alias and parameters last.
        String out = fmt("""
                # a KQL function
                id: 6a0f7e52-8d1c-4f63-9b0e-2c7d5e8a41b3
                query: T | where TimeGenerated > ago(lookback)
                version: 1.0.0
                name: Mail volume
                parameters:
                - name: lookback
                  type: timespan
                  default: 1h
                category: Parsers
                tags: [mail]
                # what queries call
                functionAlias: MailVolume
                description: Per sender.
                owner: mail-team
                """);
        assertEquals("""
                # a KQL function
                id: 6a0f7e52-8d1c-4f63-9b0e-2c7d5e8a41b3
                name: Mail volume
                description: Per sender.
                # what queries call
                functionAlias: MailVolume
                category: Parsers
                version: 1.0.0
                parameters:
                  - name: lookback
                    type: timespan
                    default: 1h
                query: |
                  T
                  | where TimeGenerated > ago(lookback)
                tags:
                  - mail
                owner: mail-team
                """, out);
    }

    @Test
    void aCustomDetectionGetsItsOwnFieldOrderWithTheVersionLast() {
        String out = fmt("""
                version: 1.0.0
                schedule:
                  period: 1H
                id: 0b6a3f1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b
                detectionAction:
                  responseActions: []
                queryCondition:
                  queryText: DeviceEvents | project Timestamp, ReportId
                displayName: X
                isEnabled: true
                """);
        assertEquals("""
                id: 0b6a3f1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b
                displayName: X
                isEnabled: true
                queryCondition:
                  queryText: |
                    DeviceEvents
                    | project Timestamp, ReportId
                schedule:
                  period: '1H'
                detectionAction:
                  responseActions: []
                version: 1.0.0
                """, out);
    }

    @Test
    void listsInBlockStyleIndentedUnderTheirKey() {
        String out = fmt("""
                name: R
                requiredDataConnectors:
                - connectorId: AzureActiveDirectory
                  dataTypes: [SigninLogs, AuditLogs]
                tactics: []
                query: |
                  T
                """);
        assertEquals("""
                name: R
                requiredDataConnectors:
                  - connectorId: AzureActiveDirectory
                    dataTypes:
                      - SigninLogs
                      - AuditLogs
                tactics: []
                query: |
                  T
                """, out);
    }

    @Test
    void quotesOnlyWhereYamlNeedsThem() {
        String out = fmt("""
                name: 'Brute force (Preview)'
                description: "Detects: many failures"
                version: "1.0.0"
                status: 'yes'
                techniques: '2021-01-01'
                triggerThreshold: 0
                enabled: true
                query: T
                """);
        assertEquals("""
                name: Brute force (Preview)
                description: 'Detects: many failures'
                status: 'yes'
                triggerThreshold: 0
                query: |
                  T
                enabled: true
                version: 1.0.0
                techniques: '2021-01-01'
                """, out);
    }

    @Test
    void commentsStayWithTheKeyTheyAnnotate() {
        String out = fmt("""
                # header
                query: T # the query
                # about the threshold
                triggerThreshold: 5 # raise for busy tenants
                tactics: # ATT&CK
                  # first
                  - InitialAccess # the only one
                name: R
                # end
                """);
        assertEquals("""
                # header
                name: R
                # about the threshold
                triggerThreshold: 5 # raise for busy tenants
                tactics: # ATT&CK
                  # first
                  - InitialAccess # the only one
                query: | # the query
                  T
                # end
                """, out);
    }

    @Test
    void emptyListWithOnlyACommentStaysAnEmptyList() {
        String out = fmt("name: R\ntactics: [\n  # none yet\n]\nquery: T\n");
        assertEquals("name: R\n# none yet\ntactics: []\nquery: |\n  T\n", out);
    }

    @Test
    void multiLineDescriptionAsLiteralBlockAndOneTrailingNewline() {
        String out = fmt("name: R\ndescription: >\n  one\n  two\n\n  three\nquery: T\n\n\n");
        assertEquals("name: R\ndescription: |\n  one two\n  three\nquery: |\n  T\n", out);
    }

    @Test
    void crlfLineEndsAreKeptAndByteOrderMarkDropped() {
        FileOutcome o = run("\uFEFFname: R\r\nquery: T | take 1\r\n");
        assertEquals(FileOutcome.Kind.CHANGED, o.kind());
        assertEquals("name: R\r\nquery: |\r\n  T\r\n  | take 1\r\n", o.formatted());
    }

    @Test
    void tabsInsideValuesAreKept() {
        String out = fmt("name: \"a\\tb\"\nquery: \"T\\t| take 1\"\n");
        assertEquals("name: 'a\tb'\nquery: |\n  T\n  | take 1\n", out);
    }

    @Test
    void alreadyFormattedFileIsUnchanged() {
        FileOutcome o = run("id: x\nname: R\nquery: |\n  T\n  | take 1\n");
        assertEquals(FileOutcome.Kind.UNCHANGED, o.kind());
        assertNull(o.formatted());
    }

    @Test
    void queryWithSyntaxErrorIsKeptAndReported() {
        FileOutcome o = run("query: 'T | where (a == 1'\nname: R\n");
        assertEquals(FileOutcome.Kind.CHANGED, o.kind());
        assertTrue(o.formatted().contains("query: |-\n  T | where (a == 1\n"), o.formatted());
        assertEquals("FMT-query-not-formatted", o.messages().get(0).ruleId());
        assertEquals(1, o.messages().get(0).line());
        assertTrue(o.messages().get(0).column() > 8, "points into the query: " + o.messages().get(0));
    }

    @Test
    void filesWithoutAQueryAreNotTouched() {
        assertEquals(FileOutcome.Kind.SKIPPED, run("Parser:\n  Title: x\nParserQuery: T\n").kind());
    }

    @Test
    void anchorsAndAliasesAreRefusedWithTheirPosition() {
        FileOutcome o = run("name: &n R\ndescription: *n\nquery: T\n");
        assertEquals(FileOutcome.Kind.FAILED, o.kind());
        assertEquals(1, o.messages().get(0).line());
        assertEquals(7, o.messages().get(0).column());
    }

    @Test
    void invalidYamlIsReportedNotFormatted() {
        FileOutcome o = run("name: [unclosed\nquery: T\n");
        assertEquals(FileOutcome.Kind.FAILED, o.kind());
        assertEquals("YAML-syntax", o.messages().get(0).ruleId());
    }

    @Test
    void aLayoutThatChangesTokensLeavesTheFileAloneAndReportsAnInternalError() {
        // A deliberately broken layout (turns == into =): the check after formatting must catch it.
        KqlFormatter broken = new KqlFormatter(FmtOptions.DEFAULT, s -> s.replace("==", "="));
        FileOutcome o = new YamlFormatter(broken).format("rule.yaml",
                "query: T | where a == 1\nname: R\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(FileOutcome.Kind.INTERNAL_ERROR, o.kind());
        assertNull(o.formatted());
        assertEquals("INTERNAL", o.messages().get(0).ruleId());
        assertTrue(o.messages().get(0).message().contains("'==' became '='"), o.messages().get(0).message());
    }

    @Test
    void aLayoutThatDropsACommentIsCaughtToo() {
        KqlFormatter broken = new KqlFormatter(FmtOptions.DEFAULT, s -> s.replace(" // keep", ""));
        FileOutcome o = new YamlFormatter(broken).format("rule.yaml",
                "query: |\n  T // keep\n  | take 1\nname: R\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(FileOutcome.Kind.INTERNAL_ERROR, o.kind());
        assertTrue(o.messages().get(0).message().contains("comment"), o.messages().get(0).message());
    }

    @Test
    void everyBundledContentFileFormatsSafelyAndIdempotently() throws Exception {
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of("content"))) {
            // X.tests.yaml files are detection tests, not content: the content scanner (and so fmt) skips them.
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".tests.yaml")).toList();
        }
        assertTrue(files.size() >= 10, "bundled content found: " + files.size());
        for (java.nio.file.Path f : files) {
            byte[] bytes = java.nio.file.Files.readAllBytes(f);
            FileOutcome o = formatter.format(f.toString(), bytes);
            // Content (a query) formats; other YAML beside it (a fleet file) is left alone, never failed.
            // A custom detection keeps its query in queryCondition.queryText.
            String text = new String(bytes, StandardCharsets.UTF_8);
            boolean content = text.contains("\nquery:") || text.contains("queryText:");
            assertTrue(content ? o.kind() == FileOutcome.Kind.CHANGED || o.kind() == FileOutcome.Kind.UNCHANGED
                    : o.kind() == FileOutcome.Kind.SKIPPED, f + ": " + o.kind() + " " + o.messages());
            if (o.kind() == FileOutcome.Kind.CHANGED) {
                FileOutcome again = formatter.format(f.toString(), o.formatted().getBytes(StandardCharsets.UTF_8));
                assertEquals(FileOutcome.Kind.UNCHANGED, again.kind(), f + " changes on a second run");
            }
        }
    }

    @Test
    void entityMappingsKeepTheirInnerOrder() {
        String out = fmt("""
                query: T
                entityMappings:
                - fieldMappings:
                  - columnName: Acc
                    identifier: FullName
                  entityType: Account
                """);
        assertEquals("""
                query: |
                  T
                entityMappings:
                  - fieldMappings:
                      - columnName: Acc
                        identifier: FullName
                    entityType: Account
                """, out);
    }
}

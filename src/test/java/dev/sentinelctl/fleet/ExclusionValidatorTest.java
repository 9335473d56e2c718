package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.schema.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionValidatorTest {

    static YamlDocument doc(String yaml) {
        return new YamlLoader().load(yaml.getBytes(StandardCharsets.UTF_8), "rule.yaml").document().orElseThrow();
    }

    static String hunting(String query, String exclusions) {
        return "id: 6b478186-da3b-4d71-beaa-aa5b42908499\nname: x\nquery: |\n"
                + query.indent(2) + "exclusions:\n" + exclusions;
    }

    static final String SEED = """
            EmailEvents
            | where Timestamp > ago(30d)
            | extend domain = substring(RecipientEmailAddress, indexof(RecipientEmailAddress, "@")+1)
            | summarize total=count() by EmailDirection, domain, bin(Timestamp, 1d)
            | order by Timestamp asc""";

    static List<Diagnostic> validate(String yaml) {
        return new ExclusionValidator(Catalog.builtIn()).validate(doc(yaml));
    }

    @Test
    void validDeclarationsAtEveryPlacementAreClean() {
        List<Diagnostic> d = validate(hunting(SEED, """
                  - name: excludedSenders
                    column: SenderFromAddress
                  - name: recipientDomains
                    column: domain
                    match: endswith
                    caseSensitive: true
                    at: before-summarize
                  - name: directions
                    column: EmailDirection
                    at: end
                """));
        assertEquals(List.of(), d);
    }

    @Test
    void aCustomDetectionsDeclarationsAreCheckedAgainstItsQueryText() {
        String detection = """
                id: 0b6a3f1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b
                displayName: x
                queryCondition:
                  queryText: |
                    DeviceProcessEvents
                    | project Timestamp, ReportId, DeviceId
                exclusions:
                  - name: devices
                    column: DeviceName
                  - name: late
                    column: DeviceName
                    at: end
                """;
        List<Diagnostic> d = validate(detection);
        assertEquals(1, d.size(), d.toString());
        assertEquals("EXCLUSION-column", d.get(0).ruleId());
        assertTrue(d.get(0).message().contains("column 'DeviceName' does not exist end"), d.get(0).message());
        assertEquals(11, d.get(0).line(), "at the second declaration's column field");
    }

    @Test
    void columnMissingAtThePlacementIsReportedAtTheColumnField() {
        List<Diagnostic> d = validate(hunting(SEED, """
                  - name: senders
                    column: SenderFromAddress
                    at: end
                  - name: domains
                    column: domain
                  - name: typo
                    column: senderfromaddress
                """));
        assertEquals(3, d.size(), d.toString());
        Diagnostic first = d.get(0);
        assertEquals(ExclusionValidator.RULE_COLUMN, first.ruleId());
        assertEquals("rule.yaml", first.file());
        assertEquals(11, first.line());
        assertEquals(13, first.column());
        assertTrue(first.message().contains("'SenderFromAddress' does not exist end"), first.message());
        assertEquals(14, d.get(1).line());
        assertTrue(d.get(2).message().contains("did you mean 'SenderFromAddress'"), d.get(2).message());
    }

    @Test
    void duplicatesTypesPlacementCaseAndReservedNames() {
        List<Diagnostic> d = validate(hunting("let __sentinelctl_x = 1;\nEmailEvents | take 10", """
                  - name: senders
                    column: SenderFromAddress
                  - name: Senders
                    column: SenderFromAddress
                  - name: ts
                    column: Timestamp
                  - name: s2
                    column: SenderFromAddress
                    at: before-summarize
                  - name: s3
                    column: Subject
                    match: has
                    caseSensitive: true
                """));
        List<String> rules = d.stream().map(Diagnostic::ruleId).sorted().toList();
        assertEquals(List.of(ExclusionValidator.RULE_CASE, ExclusionValidator.RULE_COLUMN_TYPE, ExclusionValidator.RULE_DUPLICATE,
                ExclusionValidator.RULE_PLACEMENT, ExclusionValidator.RULE_RESERVED), rules, d.toString());
    }

    @Test
    void letBoundSourcesUnionsAndJoinsAreChecked() {
        String query = """
                let mail = EmailEvents | where Timestamp > ago(1d) | project SenderFromAddress, Subject, NetworkMessageId;
                mail
                | join kind=inner (EmailUrlInfo | project NetworkMessageId, Url) on NetworkMessageId
                | summarize count() by SenderFromAddress, Url""";
        assertEquals(List.of(), validate(hunting(query, """
                  - name: senders
                    column: SenderFromAddress
                  - name: urls
                    column: Url
                    at: before-summarize
                """)));
        List<Diagnostic> d = validate(hunting(query, """
                  - name: urls
                    column: Url
                """));
        assertEquals(1, d.size(), d.toString());
        assertEquals(ExclusionValidator.RULE_COLUMN, d.get(0).ruleId());
        assertTrue(d.get(0).message().contains("after-table (after 'mail')"), d.get(0).message());
        String union = "union (EmailEvents | project SenderFromAddress), (EmailPostDeliveryEvents | project SenderFromAddress = RecipientEmailAddress)";
        assertEquals(List.of(), validate(hunting(union, "  - name: s\n    column: SenderFromAddress\n")));
    }

    @Test
    void unknownSchemasCannotBeCheckedAndSaySo() {
        List<Diagnostic> d = validate(hunting("MyCustomTable_CL | take 10", """
                  - name: senders
                    column: Sender_s
                """));
        assertEquals(1, d.size());
        assertEquals(ExclusionValidator.RULE_UNCHECKED, d.get(0).ruleId());
        assertEquals(dev.sentinelctl.report.Severity.INFO, d.get(0).severity());
    }

    @Test
    void theSchemaDescribesDeclarations() {
        SchemaValidator schemas = new SchemaValidator();
        String good = hunting(SEED, "  - name: senders\n    column: SenderFromAddress\n    match: endswith\n    at: end\n");
        assertEquals(List.of(), schemas.validate(doc(good), ContentKind.HUNTING_QUERY));
        String bad = hunting(SEED, "  - name: 1senders\n    column: SenderFromAddress\n    match: regex\n    at: start\n    extra: 1\n");
        List<Diagnostic> d = schemas.validate(doc(bad), ContentKind.HUNTING_QUERY);
        assertTrue(d.size() >= 4, d.toString());
        assertTrue(d.stream().allMatch(x -> x.line() >= 9), d.toString());
    }

    @Test
    void declarationsAreReadWithDefaults() {
        List<ExclusionDeclaration> decls = ExclusionDeclarations.read(doc(hunting(SEED, "  - name: senders\n    column: SenderFromAddress\n")));
        assertEquals(List.of(new ExclusionDeclaration("senders", "", "SenderFromAddress", ExclusionMatch.EQUALS,
                ExclusionPlacement.AFTER_TABLE, false, "/exclusions/0")), decls);
    }
}

package dev.sentinelctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.schema.SchemaValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnChecksTest {
    @TempDir
    Path dir;

    private List<Diagnostic> run(String yaml) {
        Path f = Fixtures.write(dir, "Detections/r.yaml", yaml);
        Binder binder = new Binder(Catalog.builtIn());
        FileChecker checker = new FileChecker(new SchemaValidator(), List.of(new SemanticCheck(binder), new ColumnChecks(binder)));
        return checker.check(new ContentFile(f, "r.yaml")).diagnostics();
    }

    private List<String> ids(String yaml) {
        return run(yaml).stream().map(Diagnostic::ruleId).toList();
    }

    @Test
    void fixtureColumnsAllExist() {
        assertEquals(List.of(), ids(Fixtures.RULE));
    }

    @Test
    void entityColumnsMustBeReturned() {
        List<Diagnostic> ds = run(Fixtures.RULE.replace("columnName: TargetAccount", "columnName: TargetAcount"));
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("XREF-entity-column", ds.get(0).ruleId());
        assertTrue(ds.get(0).message().contains("did you mean 'TargetAccount'"), ds.get(0).message());
        assertEquals(27, ds.get(0).line());
    }

    @Test
    void customDetailsPlaceholdersAndOverrideColumns() {
        assertEquals(List.of("XREF-custom-detail-column"), ids(Fixtures.RULE.replace("FailedLogons: Failed", "FailedLogons: Failures")));
        assertEquals(List.of("XREF-placeholder-column"), ids(Fixtures.RULE.replace("{{Computer}}", "{{Host}}")));
        assertEquals(List.of("XREF-override-column"), ids(Fixtures.RULE.replace("alertDisplayNameFormat: Brute force on {{Computer}}",
                "alertDisplayNameFormat: Brute force on {{Computer}}\n  alertSeverityColumnName: Severity")));
    }

    @Test
    void timeColumnsAreNotIdentifiers() {
        String q = Fixtures.RULE.replace("by TargetAccount, Computer", "by TargetAccount, Computer, Last = bin(TimeGenerated, 1h)")
                .replace("columnName: Computer", "columnName: Last");
        assertEquals(List.of("XREF-entity-column-type"), ids(q));
    }

    @Test
    void semanticErrorsAreReportedAtTheirYamlLineAndSilenceColumnChecks() {
        List<Diagnostic> ds = run(Fixtures.RULE.replace("| where EventID in (4624, 4625)", "| where EventIDs in (4624, 4625)"));
        assertEquals(List.of("KS142"), ds.stream().map(Diagnostic::ruleId).toList());
        assertEquals(20, ds.get(0).line());
        assertEquals(11, ds.get(0).column());
        assertTrue(ds.get(0).message().contains("EventIDs") && !ds.get(0).fixHint().isBlank(), ds.get(0).toString());
        List<String> table = ids(Fixtures.RULE.replace("SecurityEvent\n  | where", "SecurityEvents\n  | where"));
        assertEquals(List.of("KS204"), table);
    }
}

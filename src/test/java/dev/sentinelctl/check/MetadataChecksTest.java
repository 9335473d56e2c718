package dev.sentinelctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.reference.ReferenceData;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.schema.SchemaValidator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataChecksTest {
    @TempDir
    Path dir;

    private List<String> ids(String name, String yaml) {
        Path f = Fixtures.write(dir, name, yaml);
        FileChecker checker = new FileChecker(new SchemaValidator(),
                List.of(new MetadataChecks(ReferenceData.builtIn().connectors(), Catalog.builtIn())));
        return checker.check(new ContentFile(f, name)).diagnostics().stream().map(Diagnostic::ruleId)
                .filter(r -> r.startsWith("XREF")).toList();
    }

    private List<String> rule(String yaml) {
        return ids("Detections/r.yaml", yaml);
    }

    @Test
    void fixturesAreConsistent() {
        assertEquals(List.of(), rule(Fixtures.RULE));
        assertEquals(List.of(), ids("Hunting Queries/h.yaml", Fixtures.HUNTING));
    }

    @Test
    void connectorIdsMustExist() {
        assertEquals(List.of("XREF-unknown-connector"), rule(Fixtures.RULE.replace("connectorId: SecurityEvents", "connectorId: SecurityEventz")));
    }

    @Test
    void tablesReadMustBeDeclaredAndDeclaredTablesRead() {
        String joined = Fixtures.RULE.replace("| where Failed > 10 and Succeeded > 0",
                "| where Failed > 10 and Succeeded > 0\n  | join kind=inner (SigninLogs | where TimeGenerated > ago(1d) | project TargetAccount = UserPrincipalName) on TargetAccount");
        assertEquals(List.of("XREF-table-not-declared"), rule(joined));
        String extra = Fixtures.RULE.replace("      - SecurityEvent\n", "      - SecurityEvent\n      - SigninLogs\n");
        assertEquals(List.of("XREF-data-type-not-read"), rule(extra));
        String qualified = Fixtures.RULE.replace("      - SecurityEvent\n", "      - SecurityEvent (Windows)\n");
        assertEquals(List.of(), rule(qualified));
    }

    @Test
    void parserFunctionsHideTheirTables() {
        String asim = Fixtures.RULE.replace("SecurityEvent\n  | where EventID in (4624, 4625)", "_Im_Authentication(starttime=ago(1d))\n  | where EventID in (4624, 4625)");
        assertTrue(!rule(asim).contains("XREF-data-type-not-read"), rule(asim).toString());
    }

    @Test
    void incidentGroupingMustReferToMappedEntitiesAndDefinedDetails() {
        String grouping = Fixtures.RULE.replace("eventGroupingSettings:", """
                incidentConfiguration:
                  createIncident: true
                  groupingConfiguration:
                    enabled: true
                    reopenClosedIncident: false
                    lookbackDuration: 5h
                    matchingMethod: Selected
                    groupByEntities:
                      - Account
                      - IP
                    groupByCustomDetails:
                      - FailedLogons
                      - Missing
                eventGroupingSettings:""");
        assertEquals(List.of("XREF-grouping-entity", "XREF-grouping-custom-detail"), rule(grouping));
        String empty = Fixtures.RULE.replace("eventGroupingSettings:", """
                incidentConfiguration:
                  createIncident: true
                  groupingConfiguration:
                    enabled: true
                    matchingMethod: Selected
                eventGroupingSettings:""");
        assertEquals(List.of("XREF-grouping-selected"), rule(empty));
    }

    @Test
    void nrtRulesCannotReachOtherWorkspacesOrJoin() {
        String nrt = Fixtures.RULE.replace("kind: Scheduled", "kind: NRT")
                .replace("queryFrequency: 1h\nqueryPeriod: 1d\ntriggerOperator: gt\ntriggerThreshold: 0\n", "");
        assertEquals(List.of(), rule(nrt));
        assertEquals(List.of("XREF-nrt-unsupported"), rule(nrt.replace("SecurityEvent\n", "workspace('other').SecurityEvent\n")));
        assertEquals(List.of("XREF-nrt-unsupported"), rule(nrt.replace("| where Failed > 10 and Succeeded > 0",
                "| where Failed > 10 and Succeeded > 0\n  | join kind=inner (SecurityEvent | where EventID == 4740) on Computer")));
    }
}

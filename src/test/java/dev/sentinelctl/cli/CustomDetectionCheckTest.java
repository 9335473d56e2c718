package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Defender XDR custom detections: detected by their fields, schema-checked, and their advanced-hunting query checked at positions. */
class CustomDetectionCheckTest {
    @TempDir
    Path dir;

    static final String DETECTION = """
            id: 0b6a3f1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b
            displayName: Encoded PowerShell
            isEnabled: true
            queryCondition:
              queryText: |
                DeviceProcessEvents
                | where FileName =~ "powershell.exe" and ProcessCommandLine has "-enc"
                | project Timestamp, ReportId, DeviceId, DeviceName, AccountUpn, ProcessCommandLine
            schedule:
              period: 1H
            detectionAction:
              alertTemplate:
                title: Encoded PowerShell
                description: A process ran PowerShell with an encoded command.
                severity: medium
                category: Execution
                mitreTechniques: [T1059.001]
                impactedAssets:
                  - "@odata.type": "#microsoft.graph.security.impactedDeviceAsset"
                    identifier: deviceId
              responseActions: []
            """;

    private static List<JsonNode> diagnostics(CliRunner.Run run) {
        List<JsonNode> out = new ArrayList<>();
        JsonMapper.builder().build().readTree(run.out()).get("diagnostics").forEach(out::add);
        return out;
    }

    private static JsonNode only(List<JsonNode> ds, String rule) {
        List<JsonNode> m = ds.stream().filter(d -> d.get("ruleId").asString().equals(rule)).toList();
        assertEquals(1, m.size(), ds.toString());
        return m.get(0);
    }

    @Test
    void aValidDetectionIsClean() {
        Fixtures.write(dir, "Custom Detections/a.yaml", DETECTION);
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--fail-on", "warning", "--format", "json");
        assertEquals(0, run.exit(), run.out());
    }

    @Test
    void missingReportIdIsAnErrorAtTheFinalProject() {
        Fixtures.write(dir, "Custom Detections/a.yaml", DETECTION.replace("Timestamp, ReportId, ", "Timestamp, "));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.out());
        JsonNode d = only(diagnostics(run), "XDR-required-column");
        assertTrue(d.get("message").asString().contains("ReportId"), d.toString());
        assertEquals(8, d.get("line").asInt());
        assertEquals(7, d.get("column").asInt());
    }

    @Test
    void anImpactedAssetNeedsItsColumnAndIsReportedAtTheIdentifier() {
        Fixtures.write(dir, "Custom Detections/a.yaml", DETECTION.replace("identifier: deviceId", "identifier: accountObjectId"));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.out());
        JsonNode d = only(diagnostics(run), "XDR-asset-column");
        assertTrue(d.get("message").asString().contains("AccountObjectId"), d.toString());
        assertEquals(20, d.get("line").asInt());
        assertEquals(21, d.get("column").asInt());
    }

    @Test
    void aWrongPeriodAndAnUnknownColumnAreReportedAtTheirPositions() {
        Fixtures.write(dir, "Custom Detections/a.yaml", DETECTION.replace("period: 1H", "period: 2H")
                .replace("ProcessCommandLine has", "CommandLineX has"));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.out());
        List<JsonNode> ds = diagnostics(run);
        JsonNode period = only(ds, "SCHEMA-enum");
        assertEquals(10, period.get("line").asInt());
        assertTrue(ds.stream().anyMatch(d -> d.get("line").asInt() == 7 && d.get("severity").asString().equals("error")),
                ds.toString());
    }
}

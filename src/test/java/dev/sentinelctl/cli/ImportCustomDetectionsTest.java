package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.kinds.customdetection.CustomDetectionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code import} of Defender XDR custom detections as Microsoft Graph returns them (GET of one detectionRule, or a
 * list page): the content YAML is written with Graph's server fields left out and reported, and it checks clean.
 */
class ImportCustomDetectionsTest {
    @TempDir
    Path dir;

    /** A detectionRule as Graph's GET answers it: annotations, who/when, detector, last and next run. */
    static String graphRule(String id, String name, String description) {
        return """
                {
                  "@odata.type": "#microsoft.graph.security.detectionRule",
                  "id": "%s",
                  "displayName": "%s",
                  "isEnabled": true,
                  "createdBy": "analyst@contoso.com",
                  "createdDateTime": "2026-11-02T10:00:00Z",
                  "lastModifiedBy": "analyst@contoso.com",
                  "lastModifiedDateTime": "2026-11-03T10:00:00Z",
                  "detectorId": "7a1c0e5d-52c4-4ab4-9b6a-0a62d1d4e2b1",
                  "queryCondition": {
                    "queryText": "DeviceProcessEvents\\n| where FileName =~ \\"powershell.exe\\" and ProcessCommandLine has \\"-enc\\"\\n| project Timestamp, ReportId, DeviceId, DeviceName",
                    "lastModifiedDateTime": "2026-11-03T10:00:00Z"
                  },
                  "schedule": {"period": "1H", "nextRunDateTime": "2026-12-06T16:00:00Z"},
                  "lastRunDetails": {"lastRunDateTime": "2026-12-06T15:00:00Z", "status": "completed", "failureReason": null, "errorCode": null},
                  "detectionAction": {
                    "alertTemplate": {
                      "title": "%s",
                      "description": %s,
                      "severity": "medium",
                      "category": "Execution",
                      "recommendedActions": null,
                      "mitreTechniques": ["T1059.001"],
                      "impactedAssets": [{"@odata.type": "#microsoft.graph.security.impactedDeviceAsset", "identifier": "deviceId"}]
                    },
                    "organizationalScope": null,
                    "responseActions": [{"@odata.type": "#microsoft.graph.security.isolateDeviceResponseAction", "identifier": "deviceId", "isolationType": "full"}]
                  }
                }""".formatted(id, name, name, description);
    }

    @Test
    void aSingleDetectionRuleBecomesContentYamlWithTheServerFieldsLeftOutAndReported() throws Exception {
        Path in = dir.resolve("graph/EncodedPowerShell.json");
        Files.createDirectories(in.getParent());
        Files.writeString(in, graphRule("1001", "Encoded PowerShell", "\"PowerShell ran with an encoded command.\""));
        Path out = dir.resolve("content");
        CliRunner.Run run = CliRunner.run("import", in.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("Imported 1 custom detection (Microsoft Graph JSON)"), run.err());
        assertTrue(run.err().contains("Imported 0 analytic rules"), "not read as an alert rule's properties: " + run.err());
        assertTrue(run.out().contains("IMPORT-dropped") && run.out().contains("left out Graph's server fields @odata.type, id, "
                + "createdBy, createdDateTime, lastModifiedBy, lastModifiedDateTime, detectorId, lastRunDetails, "
                + "queryCondition.lastModifiedDateTime, schedule.nextRunDateTime"), run.out());

        String id = CustomDetectionKind.unmarkedContentId((ObjectNode) JsonMapper.builder().build().readTree("{\"id\":\"1001\"}"));
        assertEquals("""
                id: %s
                displayName: Encoded PowerShell
                isEnabled: true
                queryCondition:
                  queryText: |-
                    DeviceProcessEvents
                    | where FileName =~ "powershell.exe" and ProcessCommandLine has "-enc"
                    | project Timestamp, ReportId, DeviceId, DeviceName
                schedule:
                  period: '1H'
                detectionAction:
                  alertTemplate:
                    title: Encoded PowerShell
                    description: PowerShell ran with an encoded command.
                    severity: medium
                    category: Execution
                    mitreTechniques:
                      - T1059.001
                    impactedAssets:
                      - '@odata.type': '#microsoft.graph.security.impactedDeviceAsset'
                        identifier: deviceId
                  responseActions:
                    - '@odata.type': '#microsoft.graph.security.isolateDeviceResponseAction'
                      identifier: deviceId
                      isolationType: full
                """.formatted(id), Files.readString(out.resolve("EncodedPowerShell.yaml")));
        CliRunner.Run check = CliRunner.run("check", out.toString());
        assertEquals(0, check.exit(), check.out());
    }

    @Test
    void aListPageBecomesOneFilePerDetectionAndOurMarkerGivesBackTheContentId() throws Exception {
        String contentId = "0b6a3f1e-2c4d-4e5f-8a9b-1c2d3e4f5a6b";
        Path in = dir.resolve("detections.json");
        Files.writeString(in, "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#security/rules/detectionRules\","
                + "\"value\": [" + graphRule("2001", "First", "\"Deployed from git.\\n\\nsentinelctl: contoso/content " + contentId + "\"")
                + "," + graphRule("2002", "Second", "\"Made in the portal.\"") + "]}");
        Path out = dir.resolve("content");
        CliRunner.Run run = CliRunner.run("import", in.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("Imported 2 custom detections"), run.err());
        assertTrue(run.out().contains("value[1] (Second): left out Graph's server fields"), run.out());
        List<String> files;
        try (var s = Files.list(out.resolve("detections"))) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("First.yaml", "Second.yaml"), files);
        String first = Files.readString(out.resolve("detections/First.yaml"));
        assertTrue(first.startsWith("id: " + contentId + "\n"), first);
        assertTrue(first.contains("description: Deployed from git.\n") && !first.contains("sentinelctl:"), first);
        assertFalse(Files.readString(out.resolve("detections/Second.yaml")).contains("2002"), "Graph's id is not kept");
        assertEquals(0, CliRunner.run("check", out.toString()).exit());
    }

    @Test
    void aDetectionRuleWithoutAnIdIsNamedByItsDisplayNameAndAnOtherJsonIsNotTakenForOne() throws Exception {
        Path in = dir.resolve("hand.json");
        Files.writeString(in, graphRule("", "By hand", "\"x\"").replace("\"id\": \"\",", ""));
        Path out = dir.resolve("content");
        CliRunner.Run run = CliRunner.run("import", in.toString(), "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        String yaml = Files.readString(out.resolve("hand.yaml"));
        assertTrue(yaml.startsWith("id: " + java.util.UUID.nameUUIDFromBytes("graph-detection-name-By hand".getBytes(
                java.nio.charset.StandardCharsets.UTF_8))), yaml);
        assertTrue(dev.sentinelctl.content.GraphDetectionJson.detectionRules(JsonMapper.builder().build()
                .readTree("{\"value\": [{\"type\": \"Microsoft.SecurityInsights/alertRules\", \"properties\": {}}]}")).isEmpty());
    }
}

package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** build and import end to end through the command line. */
class ArmCommandsTest {
    @TempDir
    Path dir;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Path content() {
        Fixtures.write(dir, "content/Detections/SecurityEvent/Brute.yaml", Fixtures.RULE);
        Fixtures.write(dir, "content/Hunting Queries/EmailEvents/Mail.yaml", Fixtures.HUNTING);
        return dir.resolve("content");
    }

    @Test
    void buildThenImportGivesValidYamlAtTheSamePaths() throws Exception {
        Path arm = dir.resolve("arm");
        CliRunner.Run build = CliRunner.run("build", content().toString(), "--out", arm.toString());
        assertEquals(0, build.exit(), build.out() + build.err());
        assertTrue(build.err().contains("Built 2 templates (2 items)"), build.err());
        JsonNode t = MAPPER.readTree(Files.readString(arm.resolve("Detections/SecurityEvent/Brute.json")));
        assertEquals("Microsoft.OperationalInsights/workspaces/providers/alertRules", t.get("resources").get(0).get("type").asString());
        assertTrue(Files.exists(arm.resolve("Hunting Queries/EmailEvents/Mail.json")));

        Path back = dir.resolve("back");
        CliRunner.Run imp = CliRunner.run("import", arm.toString(), "--out", back.toString());
        assertEquals(0, imp.exit(), imp.out() + imp.err());
        assertTrue(imp.out().contains("Checked 2 files: 0 errors, 0 warnings"), imp.out());
        assertTrue(imp.err().contains("Imported 1 analytic rule and 1 hunting query from 2 files"), imp.err());
        String rule = Files.readString(back.resolve("Detections/SecurityEvent/Brute.yaml"));
        assertTrue(rule.startsWith("id: 0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b\nname: Failed logons followed by success\n"), rule);
        assertTrue(rule.contains("query: |\n  SecurityEvent\n"), rule);
        assertTrue(rule.contains("queryFrequency: 1h\n") && rule.endsWith("version: 1.0.0\nkind: Scheduled\n"), rule);
        assertTrue(Files.exists(back.resolve("Hunting Queries/EmailEvents/Mail.yaml")));
    }

    @Test
    void invalidFilesAreReportedAndNotBuilt() {
        Path c = content();
        Fixtures.write(dir, "content/Detections/Bad.yaml", Fixtures.RULE.replace("severity: Medium", "severity: Critical")
                .replace("0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", "1f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b"));
        Path arm = dir.resolve("arm");
        CliRunner.Run build = CliRunner.run("build", "--no-color", c.toString(), "--out", arm.toString());
        assertEquals(1, build.exit());
        assertTrue(build.out().contains("Bad.yaml:5:11: error SCHEMA-enum"), build.out());
        assertTrue(build.err().contains("Built 2 templates (2 items)") && build.err().contains("1 file with errors not built"), build.err());
        assertFalse(Files.exists(arm.resolve("Detections/Bad.json")));
    }

    @Test
    void bundleAndMetadataOptions() throws Exception {
        Path c = content();
        Fixtures.write(dir, "content/Detections/SecurityEvent/Other.yaml", Fixtures.RULE
                .replace("0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", "2f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b"));
        Path arm = dir.resolve("arm");
        CliRunner.Run build = CliRunner.run("build", c.toString(), "--out", arm.toString(), "--bundle", "--metadata",
                "--source-name", "contoso/detections", "--api-version", "2022-11-01");
        assertEquals(0, build.exit(), build.out() + build.err());
        JsonNode t = MAPPER.readTree(Files.readString(arm.resolve("Detections/SecurityEvent/SecurityEvent.json")));
        assertEquals(4, t.get("resources").size());
        assertEquals("2022-11-01", t.get("resources").get(0).get("apiVersion").asString());
        assertEquals("contoso/detections", t.get("resources").get(1).get("properties").get("source").get("name").asString());
        Path back = dir.resolve("back");
        CliRunner.Run imp = CliRunner.run("import", arm.toString(), "--out", back.toString());
        assertEquals(0, imp.exit(), imp.out() + imp.err());
        assertTrue(Files.exists(back.resolve("Detections/SecurityEvent/Other.yaml")));
        assertTrue(Files.exists(back.resolve("Detections/SecurityEvent/Brute.yaml")));
    }

    @Test
    void usageErrors() {
        assertEquals(2, CliRunner.run("build", dir.resolve("nope").toString(), "--out", dir.toString()).exit());
        assertEquals(2, CliRunner.run("build", content().toString()).exit(), "--out is required");
        CliRunner.Run bad = CliRunner.run("build", content().toString(), "--out", dir.toString(), "--api-version", "latest");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("not an ARM api version"), bad.err());
        assertEquals(2, CliRunner.run("import", dir.resolve("nope.json").toString(), "--out", dir.toString()).exit());
    }

    @Test
    void importReportsWhatItCannotResolve() throws Exception {
        Fixtures.write(dir, "export.json", """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0", "parameters": {"workspace": {"type": "String"}},
                 "resources": [{"type": "Microsoft.OperationalInsights/workspaces/providers/alertRules", "kind": "NRT",
                   "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/8b2e6f2a-0b4c-4d6e-9f1a-2b3c4d5e6f70')]",
                   "properties": {"displayName": "From the portal", "description": "[parameters('workspace')]", "severity": "Low",
                     "query": "SecurityEvent | take 1", "enabled": true, "suppressionDuration": "PT5H", "suppressionEnabled": false}}]}
                """);
        CliRunner.Run imp = CliRunner.run("import", "--no-color", dir.resolve("export.json").toString(), "--out", dir.resolve("out").toString());
        assertTrue(imp.out().contains("warning IMPORT-unresolved $.resources[0].properties.description: cannot resolve: "
                + "depends on parameter 'workspace'"), imp.out());
        assertTrue(Files.exists(dir.resolve("out/export.yaml")));
        // No description: validate reports it (description is required for rules), so the exit code is 1.
        assertEquals(1, imp.exit(), imp.out());
        assertTrue(imp.out().contains("SCHEMA-required"), imp.out());
    }
}

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

class ValidateCommandTest {
    @TempDir
    Path dir;

    private String path(String rel) {
        return dir.resolve(rel).toString();
    }

    @Test
    void bundledContentIsValid() {
        CliRunner.Run run = CliRunner.run("validate", "content");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("0 errors, 0 warnings"), run.out());
    }

    @Test
    void cleanTreeExitsZero() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE);
        Fixtures.write(dir, "Hunting Queries/b.yml", Fixtures.HUNTING);
        CliRunner.Run run = CliRunner.run("validate", dir.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("Checked 2 files: 0 errors, 0 warnings"), run.out());
    }

    @Test
    void textFormatShowsPositionSourceLineCaretAndHint() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("severity: Medium", "severity: Critical"));
        CliRunner.Run run = CliRunner.run("validate", "--no-color", dir.toString());
        assertEquals(1, run.exit());
        String expectedHead = path("Detections/a.yaml").replace('\\', '/') + ":5:11: error SCHEMA-enum 'Critical' is not a valid value for severity";
        assertTrue(run.out().contains(expectedHead), run.out());
        assertTrue(run.out().contains("    5 | severity: Critical"), run.out());
        assertTrue(run.out().contains("^~~~~~~"), run.out());
        assertTrue(run.out().contains("fix:"), run.out());
        assertFalse(run.out().contains("\u001b["), "no colour when not a terminal");
    }

    @Test
    void jsonFormatHasTheDocumentedShape() throws Exception {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("queryPeriod: 1d", "queryPeriod: P1D"));
        Fixtures.write(dir, "Detections/b.yaml", "id: [\n");
        Path out = dir.resolve("out/report.json");
        CliRunner.Run run = CliRunner.run("validate", "--format", "json", "--output", out.toString(), dir.toString());
        assertEquals(1, run.exit());
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(out));
        assertEquals(2, root.get("summary").get("files").asInt());
        assertEquals(1, root.get("summary").get("errors").asInt());
        assertEquals(1, root.get("summary").get("warnings").asInt());
        JsonNode first = root.get("diagnostics").get(0);
        for (String key : new String[] {"ruleId", "severity", "file", "line", "column", "endLine", "endColumn", "message", "fixHint"}) {
            assertTrue(first.has(key), key);
        }
        assertEquals("warning", first.get("severity").asString());
        assertEquals(11, first.get("line").asInt());
    }

    @Test
    void queriesAreBoundAgainstTheCatalogButNotLinted() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("by TargetAccount, Computer", "by TargetAcount, Computer"));
        CliRunner.Run run = CliRunner.run("validate", "--no-color", dir.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains(path("Detections/a.yaml").replace('\\', '/') + ":21:90: error KS142"), run.out());
        assertTrue(run.out().contains("TargetAcount"), run.out());
        assertTrue(run.out().contains("TargetAccount"), "did you mean: " + run.out());
        assertFalse(run.out().contains("KQL-"), "best-practice rules are lint's, not validate's: " + run.out());
    }

    @Test
    void userSchemasDeclareCustomTables() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("SecurityEvent\n  | where EventID in (4624, 4625)",
                "MyApp_CL\n  | where EventID in (4624, 4625)").replace("      - SecurityEvent\n", "      - MyApp_CL\n"));
        CliRunner.Run unknown = CliRunner.run("validate", "--no-color", "--fail-on", "warning", dir.resolve("Detections").toString());
        assertEquals(1, unknown.exit(), unknown.out());
        assertTrue(unknown.out().contains("MyApp_CL"), unknown.out());
        Fixtures.write(dir, "schemas/t.json", "{\"Name\": \"MyApp_CL\", \"Properties\": [{\"Name\": \"TimeGenerated\", \"Type\": \"datetime\"},"
                + " {\"Name\": \"EventID\", \"Type\": \"int\"}, {\"Name\": \"TargetAccount\", \"Type\": \"string\"},"
                + " {\"Name\": \"Computer\", \"Type\": \"string\"}]}");
        CliRunner.Run declared = CliRunner.run("validate", "--fail-on", "warning", dir.resolve("Detections").toString(),
                "--schema", dir.resolve("schemas").toString());
        assertEquals(0, declared.exit(), declared.out());
    }

    @Test
    void failOnControlsTheExitCode() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("queryPeriod: 1d", "queryPeriod: P1D"));
        assertEquals(0, CliRunner.run("validate", dir.toString()).exit());
        assertEquals(1, CliRunner.run("validate", "--fail-on", "warning", dir.toString()).exit());
        assertEquals(1, CliRunner.run("validate", "--strict", dir.toString()).exit());
        assertEquals(0, CliRunner.run("validate", "--strict", "--fail-on", "never", dir.toString()).exit());
    }

    @Test
    void usageAndEnvironmentErrorsExitTwo() {
        CliRunner.Run missing = CliRunner.run("validate", path("nope"));
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
        assertEquals(2, CliRunner.run("validate", "--fail-on", "sometimes").exit());
        assertEquals(2, CliRunner.run("validate", "--format", "xml").exit());
        assertEquals(2, CliRunner.run("frobnicate").exit());
    }

    @Test
    void oneBadFileNeverStopsTheOthers() throws Exception {
        Fixtures.write(dir, "Detections/1-broken.yaml", "id: x\n  bad: [\n");
        Files.write(dir.resolve("Detections/2-binary.yaml"), new byte[] {0, 1, 2, 3, 0, 5});
        Fixtures.write(dir, "Detections/3-empty.yaml", "");
        Fixtures.write(dir, "Detections/4-list.yaml", "- 1\n- 2\n");
        Fixtures.write(dir, "Detections/5-deep.yaml", "a: " + "[".repeat(300) + "]".repeat(300));
        Fixtures.write(dir, "Detections/6-good.yaml", Fixtures.RULE);
        Fixtures.write(dir, "Detections/7-bad.yaml", Fixtures.RULE.replace("0f8a2c3e", "zzzzzzzz"));
        CliRunner.Run run = CliRunner.run("validate", "--format", "json", dir.toString());
        assertEquals(1, run.exit());
        assertFalse(run.out().contains("Exception"), run.out());
        JsonNode root = JsonMapper.builder().build().readTree(run.out());
        assertEquals(7, root.get("summary").get("files").asInt());
        java.util.Set<String> files = new java.util.TreeSet<>();
        root.get("diagnostics").forEach(d -> files.add(Path.of(d.get("file").asString()).getFileName().toString()));
        assertEquals(java.util.Set.of("1-broken.yaml", "2-binary.yaml", "3-empty.yaml", "4-list.yaml", "5-deep.yaml", "7-bad.yaml"), files);
    }

    @Test
    void duplicateIdsAcrossTheTreeAreErrors() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE);
        Fixtures.write(dir, "Detections/sub/b.yaml", Fixtures.RULE.replace("name: Failed", "name: Other"));
        CliRunner.Run run = CliRunner.run("validate", "--no-color", dir.toString());
        assertEquals(1, run.exit());
        assertEquals(2, run.out().split("REPO-duplicate-id", -1).length - 1, run.out());
        Fixtures.write(dir, "Detections/sub/b.yaml", Fixtures.RULE.replace("0f8a2c3e", "1f8a2c3e"));
        Fixtures.write(dir, "Other/a.yaml", Fixtures.RULE.replace("0f8a2c3e", "2f8a2c3e"));
        CliRunner.Run names = CliRunner.run("validate", "--no-color", dir.toString());
        assertTrue(names.out().contains("REPO-duplicate-file-name"), names.out());
    }

    @Test
    void newWritesValidSkeletons() {
        Path root = dir.resolve("repo");
        CliRunner.Run a = CliRunner.run("new", "analytic-rule", "Brute force against Entra ID", "--table", "SigninLogs", "--root", root.toString());
        assertEquals(0, a.exit(), a.err());
        assertTrue(Files.exists(root.resolve("Detections/SigninLogs/BruteForceAgainstEntraID.yaml")));
        assertEquals(0, CliRunner.run("new", "analytic-rule", "Fast one", "--kind", "NRT", "--root", root.toString()).exit());
        assertEquals(0, CliRunner.run("new", "hunting-query", "Rare things", "--root", root.toString()).exit());
        CliRunner.Run check = CliRunner.run("validate", "--fail-on", "warning", root.toString());
        assertEquals(0, check.exit(), check.out());
        assertEquals(2, CliRunner.run("new", "analytic-rule", "Fast one", "--kind", "NRT", "--root", root.toString()).exit(), "no overwrite");
        assertEquals(2, CliRunner.run("new", "workbook", "x").exit());
    }

    @Test
    void versionHelpAndCompletion() {
        assertTrue(CliRunner.run("--version").out().startsWith("sentinelctl "));
        assertTrue(CliRunner.run("validate", "--help").out().contains("--fail-on"));
        String script = CliRunner.run("completion").out();
        assertTrue(script.contains("complete") && script.contains("validate"), script.substring(0, Math.min(200, script.length())));
    }
}

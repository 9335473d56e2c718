package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckCommandTest {
    @TempDir
    Path dir;

    private static final String NOISY = Fixtures.RULE.replace("| where EventID in (4624, 4625)",
            "| where EventID in (4624, 4625) and CommandLine contains \"mimikatz\"");

    private List<String> ruleIds(CliRunner.Run run) {
        JsonNode root = JsonMapper.builder().build().readTree(run.out());
        List<String> ids = new ArrayList<>();
        root.get("diagnostics").forEach(d -> ids.add(d.get("ruleId").asString()));
        return ids;
    }

    @Test
    void bundledContentPassesCheck() {
        CliRunner.Run run = CliRunner.run("check", "content", "--fail-on", "warning");
        assertEquals(0, run.exit(), run.out());
    }

    @Test
    void checkRunsFormatKqlSyntaxAndLintAtTheYamlLine() {
        Fixtures.write(dir, "Detections/a.yaml", NOISY.replace("severity: Medium", "severity: Critical"));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(1, run.exit());
        List<String> ids = ruleIds(run);
        assertTrue(ids.contains("SCHEMA-enum") && ids.contains("KQL-contains-vs-has"), ids.toString());
        JsonNode lint = null;
        for (JsonNode d : JsonMapper.builder().build().readTree(run.out()).get("diagnostics")) {
            if (d.get("ruleId").asString().equals("KQL-contains-vs-has")) lint = d;
        }
        assertEquals(20, lint.get("line").asInt());
        assertEquals(39, lint.get("column").asInt());
    }

    @Test
    void lintLooksOnlyAtTheQuery() {
        Fixtures.write(dir, "Detections/a.yaml", NOISY.replace("severity: Medium", "severity: Critical"));
        List<String> ids = ruleIds(CliRunner.run("lint", dir.toString(), "--format", "json"));
        assertEquals(List.of("KQL-contains-vs-has"), ids);
    }

    @Test
    void configChangesSeverityAndTurnsRulesOff() {
        Fixtures.write(dir, "Detections/a.yaml", NOISY);
        assertEquals(0, CliRunner.run("check", dir.toString()).exit(), "a warning does not fail by default");
        Fixtures.write(dir, ".sentinelctl.yaml", "rules:\n  KQL-contains-vs-has: error\n");
        assertEquals(1, CliRunner.run("check", dir.toString()).exit());
        Fixtures.write(dir, ".sentinelctl.yaml", "rules:\n  KQL-contains-vs-has: off\nfailOn: warning\n");
        CliRunner.Run off = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(0, off.exit(), off.out());
        assertEquals(List.of(), ruleIds(off));
    }

    @Test
    void badConfigIsAUsageErrorWithItsPosition() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE);
        Fixtures.write(dir, ".sentinelctl.yaml", "rules:\n  KQL-contains-vs-has: loud\n");
        CliRunner.Run run = CliRunner.run("check", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(".sentinelctl.yaml:2:") && run.err().contains("bad configuration"), run.err());
    }

    @Test
    void baselineHidesKnownFindingsAndShowsNewOnes() throws Exception {
        Fixtures.write(dir, "Detections/a.yaml", NOISY);
        Path baseline = dir.resolve("baseline.json");
        assertEquals(0, CliRunner.run("check", dir.toString(), "--write-baseline", baseline.toString()).exit());
        assertTrue(Files.readString(baseline).contains("KQL-contains-vs-has"));
        CliRunner.Run clean = CliRunner.run("check", dir.toString(), "--baseline", baseline.toString(), "--fail-on", "warning", "--format", "json");
        assertEquals(0, clean.exit(), clean.out());
        Fixtures.write(dir, "Detections/a.yaml", "# moved down a line\n" + NOISY.replace("| where Failed > 10", "| where Failed > 10 and Computer contains \"dc01\""));
        CliRunner.Run fresh = CliRunner.run("check", dir.toString(), "--baseline", baseline.toString(), "--fail-on", "warning", "--format", "json");
        assertEquals(1, fresh.exit());
        assertEquals(List.of("KQL-contains-vs-has"), ruleIds(fresh), "only the new finding; the old one moved but stays hidden");
    }

    @Test
    void userSchemasAreLoadedAndBadOnesAreUsageErrors() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE);
        Fixtures.write(dir, "schemas/t.json", "{\"Name\": \"MyApp_CL\", \"Properties\": [{\"Name\": \"TimeGenerated\", \"Type\": \"datetime\"}]}");
        assertEquals(0, CliRunner.run("check", dir.resolve("Detections").toString(), "--schema", dir.resolve("schemas").toString()).exit());
        Fixtures.write(dir, "bad/t.json", "{\"Name\": \"X\", \"Properties\": [ {\"Name\": }");
        CliRunner.Run bad = CliRunner.run("check", dir.resolve("Detections").toString(), "--schema", dir.resolve("bad").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("t.json:1:"), bad.err());
    }

    @Test
    void rulesDocIsUpToDate() throws Exception {
        String doc = Files.readString(Path.of("docs/rules.md"));
        assertEquals(RulesCommand.markdown(), doc, "docs/rules.md is stale: run `./sentinelctl rules --markdown > docs/rules.md`");
        assertTrue(CliRunner.run("rules").out().contains("KQL-join-kind"));
    }
}

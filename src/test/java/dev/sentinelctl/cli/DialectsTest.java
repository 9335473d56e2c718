package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every dialect in the wild: {@code check} names a file in another dialect in one finding at its first line with
 * the command that converts it (no schema error per field); {@code import} converts the ARM ones to Azure-Sentinel
 * YAML without losing a field (fields it cannot map are kept and reported); near-miss field names get "did you mean"
 * across dialects.
 */
class DialectsTest {
    static final Path DIALECTS = Path.of("src/test/resources/dialects");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void checkGivesOneFindingPerForeignFileNamingTheDialectAndTheConversion() {
        CliRunner.Run run = CliRunner.run("check", DIALECTS.toString(), DeployedContentTest.DEPLOYED.resolve("portal-export").toString(),
                "--format", "json");
        assertEquals(0, run.exit(), "naming a dialect is not an error: " + run.out());
        JsonNode root = JSON.readTree(run.out());
        Map<String, JsonNode> byFile = new TreeMap<>();
        for (JsonNode d : root.get("diagnostics")) {
            String file = Path.of(d.get("file").asString()).getFileName().toString();
            assertTrue(byFile.put(file, d) == null, "one finding per file, " + file + " has more: " + run.out());
            assertEquals(1, d.get("line").asInt());
            assertEquals(1, d.get("column").asInt());
        }
        Map<String, String> expected = Map.of(
                "az-securityinsights-export.json", "PascalCase", "pascal-properties.yaml", "PascalCase",
                "az-savedsearch-hunting.json", "PascalCase",
                "rest-resource.json", "camelCase", "camel-properties.yaml", "camelCase", "azsentinel-rules.json", "camelCase",
                "Azure_Sentinel_analytic_rules.json", "ARM template", "sigma-rule.yml", "Sigma rule", "asim-parser.yaml", "parser");
        assertEquals(new TreeMap<>(expected).keySet(), byFile.keySet());
        expected.forEach((file, dialect) -> {
            JsonNode d = byFile.get(file);
            assertTrue(d.get("message").asString().contains(dialect), file + ": " + d);
            String rule = d.get("ruleId").asString();
            if (file.equals("asim-parser.yaml")) {
                assertEquals("CONTENT-not-checked", rule);
                assertEquals("info", d.get("severity").asString());
            } else {
                assertEquals("CONTENT-dialect", rule);
                assertEquals("warning", d.get("severity").asString());
            }
            if (!file.startsWith("sigma") && !file.startsWith("asim")) {
                assertTrue(d.get("fixHint").asString().contains("sentinelctl import \""), file + ": " + d);
            }
        });
        assertTrue(byFile.get("sigma-rule.yml").get("fixHint").asString().contains("Sigma backend"));
    }

    @Test
    void importConvertsEveryArmDialectToYamlThatChecksWithoutErrorsKeepingWhatItCannotMap() throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Run imported = CliRunner.run("import", DIALECTS.toString(), "--out", out.toString(), "--format", "json");
        assertEquals(0, imported.exit(), imported.out() + imported.err());
        assertTrue(imported.err().contains("Imported 5 analytic rules and 1 hunting query"), imported.err());
        String report = imported.out();
        assertTrue(report.contains("PlaybookName: no Azure-Sentinel YAML field for it; kept"), report);
        assertTrue(report.contains("sigma-rule.yml") && report.contains("Sigma rule"), "Sigma is reported, not converted: " + report);

        String pascal = Files.readString(out.resolve("az-securityinsights-export.yaml"));
        for (String line : List.of("id: f6a4bd08-d1cf-4064-9289-b4c5d6e7f80b", "name: Brute force against a single account",
                "queryFrequency: 1h", "triggerOperator: gt", "  - CredentialAccess", "  - T1110", "      - identifier: FullName",
                "        columnName: UserPrincipalName", "  FailedSignins: Failures",
                "  alertDisplayNameFormat: Brute force against {{UserPrincipalName}}", "  aggregationKind: SingleAlert",
                "    matchingMethod: AllEntities", "version: 1.0.3", "kind: Scheduled")) {
            assertTrue(pascal.contains(line + "\n"), line + " in\n" + pascal);
        }
        String yamlPascal = Files.readString(out.resolve("pascal-properties.yaml"));
        assertTrue(yamlPascal.contains("id: 0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3\n"), yamlPascal);
        assertTrue(yamlPascal.contains("PlaybookName: notify-soc\n"), "an unmapped field is kept: " + yamlPascal);
        String rest = Files.readString(out.resolve("rest-resource.yaml"));
        assertTrue(rest.contains("kind: NRT\n") && rest.contains("  - T1562.002\n") && !rest.contains("etag"), rest);

        CliRunner.Run check = CliRunner.run("check", out.toString(), "--format", "json");
        assertEquals(0, check.exit(), check.out());
        JsonNode root = JSON.readTree(check.out());
        assertEquals(0, root.get("summary").get("errors").asInt(), check.out());
        // five rules and one hunting query, and the ASIM parser converted to sentinelctl's parser form
        assertEquals(7, root.get("summary").get("files").asInt());
        assertTrue(Files.isRegularFile(out.resolve("asim-parser.yaml")), "the parser dialect is imported too");
        String hunting = Files.readString(out.resolve("az-savedsearch-hunting.yaml"));
        assertTrue(hunting.contains("description: User agents seen fewer than five times in a week.\n")
                && hunting.contains("relevantTechniques:\n  - T1078\n") && !hunting.contains("kind:"), hunting);
    }

    @Test
    void onePascalCaseKeyInAnAzureSentinelFileIsATypoNotADialect() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("tactics:", "Tactics:"));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertTrue(!run.out().contains("CONTENT-dialect"), run.out());
        assertTrue(run.out().contains("unknown field 'Tactics'; did you mean 'tactics'?"), run.out());
    }

    @Test
    void nearMissFieldNamesGetDidYouMeanAcrossDialects() {
        Fixtures.write(dir, "Hunting Queries/h.yaml", Fixtures.HUNTING.replace("relevantTechniques:", "techniques:"));
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("relevantTechniques:", "Technique:"));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        String out = run.out();
        assertTrue(out.contains("unknown field 'techniques'; did you mean 'relevantTechniques'?"), out);
        assertTrue(out.contains("unknown field 'Technique'; did you mean 'relevantTechniques'?"), out);
    }
}

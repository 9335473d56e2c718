package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Severity means consequence (docs/rules.md): content that deploys today — a workspace export, the portal's "Export"
 * JSON, content in the style of Microsoft's samples — checks with 0 errors under the default profile, every defect it
 * has is still reported (as a warning), and the azure-sentinel profile turns Microsoft's content-CI gates into errors.
 */
class DeployedContentTest {
    static final Path DEPLOYED = Path.of("src/test/resources/deployed");

    @TempDir
    Path dir;

    record Finding(String rule, String severity, String file) {}

    static List<Finding> findings(CliRunner.Run run) {
        JsonNode root = JsonMapper.builder().build().readTree(run.out());
        List<Finding> out = new ArrayList<>();
        root.get("diagnostics").forEach(d -> out.add(new Finding(d.get("ruleId").asString(), d.get("severity").asString(),
                Path.of(d.get("file").asString()).getFileName().toString())));
        return out;
    }

    static Set<String> rules(List<Finding> findings, String severity) {
        Set<String> out = new TreeSet<>();
        findings.stream().filter(f -> f.severity().equals(severity)).forEach(f -> out.add(f.rule() + "@" + f.file()));
        return out;
    }

    @Test
    void workspaceExportsAndSampleContentHaveNoErrorsButEveryDefectIsAWarning() {
        CliRunner.Run run = CliRunner.run("check", DEPLOYED.resolve("workspace-export").toString(),
                DEPLOYED.resolve("repositories-sample").toString(), "--format", "json");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<Finding> all = findings(run);
        assertEquals(Set.of(), rules(all, "error"));
        Set<String> warnings = rules(all, "warning");
        for (String expected : List.of(
                "ENTITY-required-identifier@OfficeMailForwardingToExternal.yaml", // CloudApplication by Name: CI list only
                "ENTITY-required-identifier@LegacyRareProcess.yaml",             // Process by ProcessId: CI list only
                "RULE-legacy-entity-column@LegacyRareProcess.yaml",
                "KS142@ApigeeSuspiciousProxyCall.yaml",                          // built-in copy of a custom table
                "SCHEMA-enum@PhishingLinkClickedAfterDelivery.yaml",             // free-text tactic in a hunting query
                "RULE-duration-format@MassDownload.yaml", "CONTENT-non-ascii@MassDownload.yaml", "YAML-tab@MassDownload.yaml",
                "KQL-ti-latest-indicator@TIMapIPToOfficeActivity.yaml")) {
            assertTrue(warnings.contains(expected), expected + " in " + warnings);
        }
        String legacy = run.out().substring(run.out().indexOf("AccountCustomEntity but"));
        assertTrue(legacy.contains("entityType: Account") && legacy.contains("columnName: AccountCustomEntity"),
                "the finding shows the entity mapping to add: " + legacy.substring(0, 400));
    }

    @Test
    void thePortalsExportImportsToContentWithoutErrors() {
        Path out = dir.resolve("imported");
        CliRunner.Run imported = CliRunner.run("import", DEPLOYED.resolve("portal-export").toString(), "--out", out.toString());
        assertEquals(0, imported.exit(), imported.out() + imported.err());
        CliRunner.Run run = CliRunner.run("check", out.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.out());
        List<Finding> all = findings(run);
        assertEquals(Set.of(), rules(all, "error"));
        assertEquals(2, JsonMapper.builder().build().readTree(run.out()).get("summary").get("files").asInt());
    }

    @Test
    void whatExportWritesFromAWorkspaceChecksWithoutErrors() throws IOException {
        try (DeployFixture f = new DeployFixture(dir, dev.sentinelctl.deploy.sandbox.SandboxOptions.defaults())) {
            copyTree(DEPLOYED.resolve("workspace-export"), f.content);
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), "content with warnings only deploys: " + apply.out() + apply.err());
            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            CliRunner.Run run = CliRunner.run("check", out.toString(), "--format", "json");
            assertEquals(0, run.exit(), run.out());
            assertEquals(Set.of(), rules(findings(run), "error"));
            assertEquals(5, JsonMapper.builder().build().readTree(run.out()).get("summary").get("files").asInt());
        }
    }

    @Test
    void theAzureSentinelProfileMakesTheContentCiGatesErrorsFromTheConfigOrTheOption() throws IOException {
        Path copy = dir.resolve("repo");
        copyTree(DEPLOYED.resolve("workspace-export"), copy.resolve("workspace-export"));
        copyTree(DEPLOYED.resolve("repositories-sample"), copy.resolve("repositories-sample"));
        Set<String> gated = Set.of("ENTITY-required-identifier@OfficeMailForwardingToExternal.yaml",
                "RULE-legacy-entity-column@LegacyRareProcess.yaml",
                "KS142@ApigeeSuspiciousProxyCall.yaml", "RULE-duration-format@MassDownload.yaml",
                "CONTENT-non-ascii@MassDownload.yaml", "YAML-tab@MassDownload.yaml", "KQL-ti-latest-indicator@TIMapIPToOfficeActivity.yaml");

        CliRunner.Run byOption = CliRunner.run("check", copy.toString(), "--format", "json", "--profile", "azure-sentinel");
        assertEquals(1, byOption.exit());
        Set<String> errors = rules(findings(byOption), "error");
        assertTrue(errors.containsAll(gated), errors.toString());
        // Microsoft's CI does not check a hunting query's structure: its free-text tactics stay a warning
        assertTrue(rules(findings(byOption), "warning").contains("SCHEMA-enum@PhishingLinkClickedAfterDelivery.yaml"));

        Files.writeString(copy.resolve(".sentinelctl.yaml"), "profile: azure-sentinel\nrules:\n  CONTENT-non-ascii: warning\n");
        Files.createDirectories(copy.resolve(".git"));
        CliRunner.Run byConfig = CliRunner.run("check", copy.toString(), "--format", "json");
        Set<String> configErrors = rules(findings(byConfig), "error");
        assertTrue(configErrors.contains("YAML-tab@MassDownload.yaml"), configErrors.toString());
        assertTrue(!configErrors.contains("CONTENT-non-ascii@MassDownload.yaml"), "a per-rule setting wins over the profile");

        Files.writeString(copy.resolve(".sentinelctl.yaml"), "profile: strictest\n");
        CliRunner.Run bad = CliRunner.run("check", copy.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains(".sentinelctl.yaml:1:") && bad.err().contains("azure-sentinel"), bad.err());
    }

    @Test
    void anUnknownColumnOfACustomTableIsAnErrorOnceTheRepositoryDeclaresTheTable() throws IOException {
        Path rule = DEPLOYED.resolve("workspace-export/Detections/ApigeeSuspiciousProxyCall.yaml");
        Path schema = dir.resolve("schemas/apigee.csv");
        Files.createDirectories(schema.getParent());
        Files.writeString(schema, "table_name,column_name,column_type\nApigeeX_CL,TimeGenerated,datetime\nApigeeX_CL,client_ip_s,string\n");
        CliRunner.Run declared = CliRunner.run("check", rule.toString(), "--format", "json", "--schema", schema.getParent().toString());
        assertEquals(1, declared.exit(), declared.out() + declared.err());
        assertTrue(rules(findings(declared), "error").contains("KS142@ApigeeSuspiciousProxyCall.yaml"), declared.out());
        assertTrue(!declared.out().contains("built-in copy"), declared.out());
    }

    @Test
    void aFreeTextTacticIsAnErrorInAnAnalyticRuleWhichArmRejects() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("  - CredentialAccess", "  - Credential access"));
        Fixtures.write(dir, "Hunting Queries/h.yaml", Fixtures.HUNTING.replace("- InitialAccess", "- Initial access"));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.out());
        List<Finding> all = findings(run);
        assertEquals(Set.of("SCHEMA-enum@a.yaml"), rules(all, "error"));
        assertTrue(rules(all, "warning").contains("SCHEMA-enum@h.yaml"), all.toString());
    }

    @Test
    void whatNeverReachesArmOrOnlyDiffersInCaseIsAWarning() {
        // requiredDataConnectors is template metadata; ARM reads identifiers without case; a stray kind in a hunting query
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE.replace("    dataTypes:\n      - SecurityEvent\n", "")
                .replace("identifier: HostName", "identifier: hostname"));
        Fixtures.write(dir, "Hunting Queries/h.yaml", Fixtures.HUNTING + "kind: Scheduled\n");
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.out());
        Set<String> warnings = rules(findings(run), "warning");
        assertTrue(warnings.containsAll(Set.of("SCHEMA-required@a.yaml", "ENTITY-identifier@a.yaml")), warnings.toString());
        assertTrue(findings(run).stream().noneMatch(f -> f.file().equals("h.yaml") && f.rule().startsWith("SCHEMA")), run.out());
        CliRunner.Run gated = CliRunner.run("check", dir.toString(), "--format", "json", "--profile", "azure-sentinel");
        assertTrue(rules(findings(gated), "error").contains("ENTITY-identifier@a.yaml"), gated.out());
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}

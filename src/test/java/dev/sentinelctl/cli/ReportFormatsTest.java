package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sentinelctl.check.Fixtures;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.GithubReporter;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.RuleCatalog;
import dev.sentinelctl.report.Severity;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportFormatsTest {
    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();

    private void brokenRepo() {
        Fixtures.write(dir, "Detections/Bad Rule.yaml", Fixtures.RULE.replace("severity: Medium", "severity: Critical")
                .replace("queryPeriod: 1d", "queryPeriod: P1D"));
        Fixtures.write(dir, "Detections/good.yaml", Fixtures.RULE.replace("0f8a2c3e", "1f8a2c3e"));
    }

    /** Every SARIF document the tests produce must satisfy the official 2.1.0 schema. */
    static void assertValidSarif(String text) throws Exception {
        String schema = Files.readString(Path.of("src/test/resources/sarif/sarif-schema-2.1.0.json"));
        String id = "https://json.schemastore.org/sarif-2.1.0-rtm.5.json";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(Map.of(id, schema)));
        List<Error> errors = registry.getSchema(SchemaLocation.of(id)).validate(JsonMapper.builder().build().readTree(text));
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
    }

    @Test
    void sarifIsValidAndPointsAtTheYamlLine() throws Exception {
        brokenRepo();
        Path out = dir.resolve("out/r.sarif");
        CliRunner.Run run = CliRunner.run("validate", dir.toString(), "--format", "sarif", "--output", out.toString());
        assertEquals(1, run.exit());
        String text = Files.readString(out);
        assertValidSarif(text);
        JsonNode root = json.readTree(text);
        JsonNode runNode = root.get("runs").get(0);
        JsonNode rules = runNode.get("tool").get("driver").get("rules");
        assertTrue(rules.size() >= 2);
        for (JsonNode rule : rules) {
            assertTrue(rule.has("shortDescription") && rule.has("fullDescription") && rule.has("help") && rule.has("defaultConfiguration"));
        }
        JsonNode error = null;
        for (JsonNode r : runNode.get("results")) if (r.get("ruleId").asString().equals("SCHEMA-enum")) error = r;
        assertEquals("error", error.get("level").asString());
        JsonNode loc = error.get("locations").get(0).get("physicalLocation");
        assertEquals(5, loc.get("region").get("startLine").asInt());
        assertEquals(11, loc.get("region").get("startColumn").asInt());
        String uri = loc.get("artifactLocation").get("uri").asString();
        assertTrue(uri.endsWith("Detections/Bad%20Rule.yaml"), uri);
    }

    @Test
    void theSchemaCheckRejectsBrokenSarif() {
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> assertValidSarif("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"level\":\"fatal\"}]}]}"));
    }

    @Test
    void sarifWithNoFindingsIsValidToo() throws Exception {
        Fixtures.write(dir, "Detections/good.yaml", Fixtures.RULE);
        Path out = dir.resolve("r.sarif");
        assertEquals(0, CliRunner.run("validate", dir.toString(), "--format", "sarif", "-o", out.toString()).exit());
        assertValidSarif(Files.readString(out));
    }

    @Test
    void junitHasOneCasePerFileAndOneFailurePerError() throws Exception {
        brokenRepo();
        Path out = dir.resolve("junit.xml");
        assertEquals(1, CliRunner.run("validate", dir.toString(), "--format", "junit", "-o", out.toString()).exit());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(out)));
        assertEquals(2, xml.getElementsByTagName("testcase").getLength());
        assertEquals(1, xml.getElementsByTagName("failure").getLength());
        assertEquals("1", xml.getDocumentElement().getAttribute("failures"));
        assertTrue(xml.getElementsByTagName("system-out").item(0).getTextContent().contains("RULE-duration-format"));
    }

    @Test
    void githubAnnotationsAndStepSummary() throws Exception {
        Diagnostic d = new Diagnostic("SCHEMA-enum", Severity.ERROR, "content/a,b.yaml", 5, 11, 5, 19,
                "100% wrong: value\nsecond line", "Use High.");
        Report report = new Report(List.of(d), List.of("content/a,b.yaml"), Report.SourceLines.NONE, new RuleCatalog(List.of()), "validate");
        Path summary = dir.resolve("summary.md");
        StringWriter out = new StringWriter();
        new GithubReporter(summary).write(report, new PrintWriter(out));
        assertEquals("::error file=content/a%2Cb.yaml,line=5,col=11,endLine=5,endColumn=19,title=SCHEMA-enum::100%25 wrong: value%0Asecond line%0AFix: Use High.",
                out.toString().strip());
        String md = Files.readString(summary, StandardCharsets.UTF_8);
        assertTrue(md.contains("### sentinelctl validate: failed") && md.contains("| `SCHEMA-enum` | 1 |"), md);
    }

    @Test
    void severalFormatsInOneRun() throws Exception {
        brokenRepo();
        Path sarif = dir.resolve("a.sarif");
        Path junit = dir.resolve("a.xml");
        CliRunner.Run run = CliRunner.run("validate", dir.toString(), "--format", "sarif", "--output", sarif.toString(),
                "--format", "junit", "--output", junit.toString(), "--format", "text", "--no-color");
        assertEquals(1, run.exit());
        assertTrue(Files.size(sarif) > 0 && Files.size(junit) > 0);
        assertTrue(run.out().contains("Checked 2 files"), run.out());
        assertEquals(2, CliRunner.run("validate", dir.toString(), "--format", "json", "--format", "text").exit(),
                "two reports cannot share standard output");
    }
}

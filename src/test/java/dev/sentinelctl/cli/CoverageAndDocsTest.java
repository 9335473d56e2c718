package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CoverageAndDocsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void repo() {
        Fixtures.write(dir, "Detections/a.yaml", Fixtures.RULE);
        Fixtures.write(dir, "Detections/b.yaml", Fixtures.RULE.replace("0f8a2c3e", "1f8a2c3e").replace("name: Failed logons followed by success", "name: Second brute force"));
        Fixtures.write(dir, "Hunting Queries/h.yaml", Fixtures.HUNTING);
    }

    @Test
    void navigatorLayerScoresTechniquesByItemCount() throws Exception {
        Path layer = dir.resolve("out/layer.json");
        Path md = dir.resolve("out/coverage.md");
        CliRunner.Run run = CliRunner.run("coverage", dir.toString(), "--layer", layer.toString(), "--markdown", md.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(layer));
        assertEquals("enterprise-attack", root.get("domain").asString());
        assertEquals("4.5", root.get("versions").get("layer").asString());
        JsonNode t1110 = null;
        for (JsonNode t : root.get("techniques")) if (t.get("techniqueID").asString().equals("T1110")) t1110 = t;
        assertEquals(2, t1110.get("score").asInt());
        assertEquals("credential-access", t1110.get("tactic").asString());
        assertTrue(t1110.get("comment").asString().contains("Second brute force"));
        String markdown = Files.readString(md);
        assertTrue(markdown.contains("## CredentialAccess") && markdown.contains("## InitialAccess"), markdown);
        assertTrue(markdown.contains("3 items, 2 techniques covered"), markdown);
    }

    @Test
    void kindAndPathFilters() {
        String rules = CliRunner.run("coverage", dir.toString(), "--kind", "analytic-rule").out();
        assertTrue(rules.contains("2 items") && !rules.contains("InitialAccess"), rules);
        String hunting = CliRunner.run("coverage", dir.toString(), "--path", "Hunting").out();
        assertTrue(hunting.contains("1 items") && hunting.contains("T1566"), hunting);
        assertEquals(2, CliRunner.run("coverage", dir.toString(), "--kind", "dashboard").exit());
    }

    @Test
    void docsWriteAnIndexAndOnePagePerItem() throws Exception {
        Path out = dir.resolve("site");
        assertEquals(0, CliRunner.run("docs", dir.toString(), "--out", out.toString()).exit());
        String index = Files.readString(out.resolve("index.md"));
        assertTrue(index.contains("[Failed logons followed by success](failed-logons-followed-by-success.md)"), index);
        assertTrue(index.contains("| analytic rule (Scheduled) | Medium | CredentialAccess | T1110 | SecurityEvent | every 1h, looks back 1d |"), index);
        String page = Files.readString(out.resolve("mail-by-direction.md"));
        assertTrue(page.contains("| tables read | EmailEvents |") && page.contains("```kusto") && page.contains("../Hunting%20Queries/h.yaml"), page);
        assertEquals(4, Files.list(out).count());
    }
}

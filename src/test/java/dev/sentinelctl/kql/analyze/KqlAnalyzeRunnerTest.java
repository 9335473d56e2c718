package dev.sentinelctl.kql.analyze;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlAnalyzeRunnerTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private String[] run(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnalyzeRunner().run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    void writesOracleShapeAndEchoesIds() throws Exception {
        String[] lines = run("""
                {"id":1,"query":"SigninLogs | where | take 10"}
                {"id":{"file":"a.yaml"},"text":"let x = 1; Tab | take 1"}

                not json
                {"id":"no-query"}
                """);
        assertEquals(4, lines.length);
        JsonNode a = mapper.readTree(lines[0]);
        assertEquals(1, a.get("id").asInt());
        JsonNode err = a.get("syntaxErrors").get(0);
        assertEquals("KS006", err.get("code").asString());
        assertEquals(18, err.get("start").asInt());
        assertEquals(18, err.get("end").asInt());
        assertEquals("Error", err.get("severity").asString());
        assertEquals("General", err.get("category").asString());
        assertEquals("SigninLogs", a.get("tables").get(0).asString());
        assertTrue(a.get("semanticErrors").isEmpty());
        assertTrue(a.get("resultColumns").isNull());

        JsonNode b = mapper.readTree(lines[1]);
        assertEquals("a.yaml", b.get("id").get("file").asString());
        assertTrue(b.get("syntaxErrors").isEmpty());

        assertTrue(mapper.readTree(lines[2]).has("error"));
        JsonNode d = mapper.readTree(lines[3]);
        assertEquals("no-query", d.get("id").asString());
        assertTrue(d.has("error"));
    }
}

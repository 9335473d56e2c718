package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.analyze.AnalyzeRunner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kql analyze} with binding fills the oracle's semantic fields. */
class BinderAnalyzeRunnerTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private JsonNode[] run(AnalyzeRunner runner, String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode[] nodes = new JsonNode[lines.length];
        for (int i = 0; i < lines.length; i++) nodes[i] = mapper.readTree(lines[i]);
        return nodes;
    }

    @Test
    void fillsSemanticErrorsTablesAndResultColumns() throws Exception {
        JsonNode[] r = run(new AnalyzeRunner(BinderFixtures.CATALOG), """
                {"id":1,"query":"Logons | summarize n = count() by User"}
                {"id":2,"query":"Logons | where Usr == 'a' | union Nope"}
                {"id":3,"query":"print 1 + 1 | where"}
                """);
        assertEquals("Logons", r[0].get("tables").get(0).asString());
        assertTrue(r[0].get("semanticErrors").isEmpty());
        assertEquals("User", r[0].get("resultColumns").get(0).get("name").asString());
        assertEquals("long", r[0].get("resultColumns").get(1).get("type").asString());

        JsonNode sem = r[1].get("semanticErrors");
        assertEquals(2, sem.size());
        assertEquals("KS142", sem.get(0).get("code").asString());
        assertEquals("Error", sem.get(0).get("severity").asString());
        assertTrue(sem.get(0).get("hint").asString().contains("User"));
        assertEquals("KS204", sem.get(1).get("code").asString());
        assertEquals("Nope", r[1].get("unknownTables").get(0).asString());

        assertEquals("KS006", r[2].get("syntaxErrors").get(0).get("code").asString());
    }

    @Test
    void syntaxOnlyRunnerLeavesSemanticsEmpty() throws Exception {
        JsonNode[] r = run(new AnalyzeRunner(), "{\"id\":1,\"query\":\"Logons | where Usr == 'a'\"}\n");
        assertTrue(r[0].get("semanticErrors").isEmpty());
        assertTrue(r[0].get("resultColumns").isNull());
    }
}

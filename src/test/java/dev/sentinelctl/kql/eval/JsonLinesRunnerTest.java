package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kql run's JSON Lines contract. */
class JsonLinesRunnerTest {

    private static String run(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonLinesRunner(Catalog.builtIn()).run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rowsAndTypesAsTheQueryApiPrintsThem() throws Exception {
        String out = run("{\"id\":\"a\",\"now\":\"2024-01-01T00:00:00Z\",\"tables\":{\"T\":[{\"n\":1,\"s\":\"x\"}]},"
                + "\"query\":\"T | extend t = now(), d = 90m, j = pack('k', n), g = toguid('01234567-89ab-cdef-0123-456789abcdef')\"}\n");
        assertEquals("{\"id\":\"a\",\"columns\":[{\"name\":\"n\",\"type\":\"long\"},{\"name\":\"s\",\"type\":\"string\"},"
                + "{\"name\":\"t\",\"type\":\"datetime\"},{\"name\":\"d\",\"type\":\"timespan\"},{\"name\":\"j\",\"type\":\"dynamic\"},"
                + "{\"name\":\"g\",\"type\":\"guid\"}],\"rows\":[[1,\"x\",\"2024-01-01T00:00:00.0000000Z\",\"01:30:00\",{\"k\":1},"
                + "\"01234567-89ab-cdef-0123-456789abcdef\"]],\"error\":null}\n", out);
    }

    @Test
    void catalogTablesTakeTheirSchemaAndUnknownColumnsAreReported() throws Exception {
        String ok = run("{\"id\":1,\"tables\":{\"SigninLogs\":[{\"ResultType\":\"50126\"}]},\"query\":\"SigninLogs | where ResultType == 50126 | count\"}\n");
        assertTrue(ok.contains("\"rows\":[[1]]"), ok);
        String bad = run("{\"id\":2,\"tables\":{\"SigninLogs\":[{\"NoSuchColumn\":1}]},\"query\":\"SigninLogs\"}\nnot json\n");
        String[] lines = bad.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].contains("EVAL-input") && lines[0].contains("NoSuchColumn"), lines[0]);
        assertTrue(lines[1].contains("EVAL-input") && lines[1].contains("stdin:2"), lines[1]);
    }

    @Test
    void failuresCarryCodeAndOffset() throws Exception {
        String out = run("{\"id\":3,\"query\":\"print x = 1 | fork (take 1)\"}\n");
        assertTrue(out.contains("\"code\":\"EVAL-unsupported\"") && out.contains("\"offset\":14"), out);
    }

    @Test
    void unknownColumnsSuggestTheClosestAndGiveLineAndColumn() throws Exception {
        String out = run("{\"id\":4,\"query\":\"datatable(UserName:string)['a']\\n| where Username == 'a'\"}\n");
        assertTrue(out.contains("\"code\":\"EVAL-bind\"") && out.contains("did you mean 'UserName'?"), out);
        assertTrue(out.contains("\"line\":2,\"column\":9"), out);
    }
}

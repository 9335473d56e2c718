package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example queries of Microsoft's Kusto documentation (operator and function pages; the texts only, in
 * {@code kql/kusto-docs-queries.jsonl}) parse without a syntax error — except where Microsoft's own
 * Kusto.Language reports one (checked with {@code ../shared/kql-oracle}); there we report the same first error.
 */
class KqlDocsExamplesTest {

    /** Docs queries Kusto.Language itself rejects: id → first syntax error's code and start offset. */
    private static final Map<String, Expected> KUSTO_REJECTS = Map.of(
            // "print program =": the page shows an incomplete statement on purpose (a string literal's syntax)
            "string.md#4", new Expected("KS006", 15));

    private record Expected(String code, int start) {
    }

    private record DocsQuery(String id, String query) {
    }

    private static List<DocsQuery> load() {
        JsonMapper mapper = JsonMapper.builder().build();
        List<DocsQuery> out = new ArrayList<>();
        try (InputStream in = KqlDocsExamplesTest.class.getResourceAsStream("/kql/kusto-docs-queries.jsonl")) {
            assertNotNull(in, "kql/kusto-docs-queries.jsonl is on the test class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) continue;
                JsonNode n = mapper.readTree(line);
                out.add(new DocsQuery(n.get("id").asString(), n.get("query").asString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void allDocumentedQueriesAreThere() {
        List<DocsQuery> all = load();
        assertEquals(346, all.size());
        for (String id : KUSTO_REJECTS.keySet()) {
            assertTrue(all.stream().anyMatch(q -> q.id().equals(id)), id);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedQueryGetsKustosSyntaxVerdict() {
        return load().stream().map(q -> DynamicTest.dynamicTest(q.id(), () -> {
            ParsedQuery p = KqlParser.parse(q.query());
            assertEquals(q.query(), SyntaxWalker.fullText(p.root()), "lossless");
            Expected expected = KUSTO_REJECTS.get(q.id());
            if (expected == null) {
                assertTrue(p.diagnostics().isEmpty(), () -> q.id() + ": " + p.diagnostics() + "\n" + q.query());
            } else {
                assertFalse(p.diagnostics().isEmpty(), q.id() + ": Kusto reports a syntax error here");
                KqlDiagnostic d = p.diagnostics().get(0);
                assertEquals(expected.code(), d.code(), q.id());
                assertEquals(expected.start(), d.start(), q.id());
            }
        }));
    }
}

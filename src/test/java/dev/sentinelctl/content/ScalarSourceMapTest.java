package dev.sentinelctl.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A position inside a query must land on the same character in the file, whatever the YAML style. */
class ScalarSourceMapTest {

    private static void assertMapsBack(String yaml, String needle) {
        YamlDocument doc = new YamlLoader().load(yaml.getBytes(StandardCharsets.UTF_8), "f.yaml").document().orElseThrow();
        String value = doc.root().get("query").asString();
        ScalarSourceMap map = ScalarSourceMap.build(doc.source(), doc.info("/query"), value);
        int inValue = value.indexOf(needle);
        int inFile = map.fileOffset(inValue);
        assertEquals(needle, doc.source().text().substring(inFile, inFile + needle.length()),
                "style of " + yaml.lines().findFirst().orElse(""));
    }

    @Test
    void literalBlock() {
        String yaml = "id: x\nquery: |\n  SecurityEvent\n  | where EventID == 4625\n  | take 5\n";
        assertMapsBack(yaml, "EventID");
        assertMapsBack(yaml, "take");
    }

    @Test
    void literalStripAndExplicitIndent() {
        assertMapsBack("query: |-\n    T\n      | where A == 1\n", "A == 1");
        assertMapsBack("query: |2\n    T\n    | where B\n", "| where B");
    }

    @Test
    void foldedBlock() {
        assertMapsBack("query: >\n  SecurityEvent\n  | where EventID == 4625\n\n  | count\n", "EventID");
        assertMapsBack("query: >\n  SecurityEvent\n  | where EventID == 4625\n\n  | count\n", "count");
    }

    @Test
    void doubleQuotedWithEscapes() {
        String yaml = "query: \"T\\n| where Name == \\\"x\\\"\\n| where Other has 'y'\"\n";
        assertMapsBack(yaml, "Other");
        assertMapsBack(yaml, "Name");
    }

    @Test
    void singleQuotedWithDoubling() {
        assertMapsBack("query: 'T | where A == ''x'' | where Zed == 1'\n", "Zed");
    }

    @Test
    void plainMultiLine() {
        assertMapsBack("query: T\n  | where A == 1\n  | where Zed == 2\n", "Zed");
    }

    @Test
    void crlfFile() {
        assertMapsBack("id: x\r\nquery: |\r\n  T\r\n  | where Zed == 2\r\n  | take 1\r\n", "Zed");
        assertMapsBack("id: x\r\nquery: |\r\n  T\r\n  | where Zed == 2\r\n  | take 1\r\n", "take");
    }

    @Test
    void reportsRealLineAndColumn() {
        String yaml = "id: x\nname: n\nquery: |\n  T\n  | where Zed == 2\n";
        YamlDocument doc = new YamlLoader().load(yaml.getBytes(StandardCharsets.UTF_8), "f.yaml").document().orElseThrow();
        String value = doc.root().get("query").asString();
        ScalarSourceMap map = ScalarSourceMap.build(doc.source(), doc.info("/query"), value);
        int off = map.fileOffset(value.indexOf("Zed"));
        assertEquals(5, doc.source().lineOf(off));
        assertEquals(11, doc.source().columnOf(off));
    }
}

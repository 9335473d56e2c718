package dev.sentinelctl.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.report.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
    private final YamlLoader loader = new YamlLoader();

    private YamlLoader.Result load(String text) {
        return loader.load(text.getBytes(StandardCharsets.UTF_8), "f.yaml");
    }

    private static Diagnostic only(YamlLoader.Result r) {
        assertEquals(1, r.diagnostics().size(), () -> r.diagnostics().toString());
        return r.diagnostics().get(0);
    }

    @Test
    void readsTypesAndPositions() {
        YamlLoader.Result r = load("id: abc\ntriggerThreshold: 3\nenabled: true\nversion: 1.0.0\nratio: 1.5\nnothing:\nlist:\n  - a\n  - b\n");
        assertTrue(r.diagnostics().isEmpty());
        YamlDocument doc = r.document().orElseThrow();
        assertTrue(doc.root().get("triggerThreshold").isInt());
        assertTrue(doc.root().get("enabled").isBoolean());
        assertTrue(doc.root().get("version").isString(), "1.0.0 stays text");
        assertTrue(doc.root().get("ratio").isNumber());
        assertTrue(doc.root().get("nothing").isNull());
        Span b = doc.spanOf("/list/1", false);
        assertEquals(9, b.line());
        assertEquals(5, b.column());
        Span key = doc.spanOf("/enabled", true);
        assertEquals(3, key.line());
        assertEquals(1, key.column());
    }

    @Test
    void missingPointerFallsBackToParent() {
        YamlDocument doc = load("a:\n  b: 1\n").document().orElseThrow();
        assertEquals(2, doc.spanOf("/a/b/c", false).line());
        assertEquals(1, doc.spanOf("/a/zzz", true).line());
    }

    @Test
    void acceptsBomAndCrlf() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id: x\r\nname: y\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        YamlLoader.Result r = loader.load(all, "f.yaml");
        assertTrue(r.diagnostics().isEmpty());
        YamlDocument doc = r.document().orElseThrow();
        assertEquals("y", doc.root().get("name").asString());
        assertEquals(2, doc.spanOf("/name", false).line());
        assertEquals(7, doc.spanOf("/name", false).column());
    }

    @Test
    void reportsSyntaxErrorAtItsLine() {
        Diagnostic d = only(load("id: x\nname: [unclosed\nquery: y\n"));
        assertEquals("YAML-syntax", d.ruleId());
        assertTrue(d.line() >= 2, d.toString());
        assertFalse(d.fixHint().isEmpty());
    }

    @Test
    void reportsDuplicateKeysButKeepsTheDocument() {
        YamlLoader.Result r = load("id: a\nname: one\nname: two\n");
        Diagnostic d = only(r);
        assertEquals("YAML-duplicate-key", d.ruleId());
        assertEquals(3, d.line());
        assertTrue(d.message().contains("line 2"));
        assertEquals("one", r.document().orElseThrow().root().get("name").asString());
    }

    @Test
    void reportsTabIndentation() {
        Diagnostic d = only(load("id: a\nlist:\n\t- x\n"));
        assertTrue(d.ruleId().startsWith("YAML-"), d.ruleId());
        assertEquals(3, d.line());
        assertTrue(d.fixHint().toLowerCase().contains("tab") || d.message().toLowerCase().contains("tab"), d.toString());
    }

    @Test
    void reportsTrailingTabThatYaml11Rejects() {
        YamlLoader.Result r = load("id: a\nentityType: DNS\t\t\nname: b\n");
        Diagnostic d = only(r);
        assertEquals("YAML-tab", d.ruleId());
        assertEquals(2, d.line());
        assertEquals(16, d.column());
        assertTrue(r.document().isPresent(), "a tab is reported but the file is still checked");
    }

    @Test
    void tabsInsideBlockTextAreFine() {
        assertTrue(load("query: |\n  T\n  | where x == \"\t\"\t\n").diagnostics().isEmpty());
    }

    @Test
    void stopsAliasBombs() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) sb.append(i == 0 ? "" : ", ").append('*').append(prev);
            sb.append("]\n");
            prev = c;
        }
        YamlLoader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(sb.toString()));
        assertTrue(r.document().isEmpty());
        assertTrue(r.diagnostics().get(0).ruleId().startsWith("YAML-alias"), r.diagnostics().toString());
    }

    @Test
    void stopsDeepNesting() {
        String deep = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        YamlLoader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(deep));
        Diagnostic d = only(r);
        assertEquals("YAML-too-deep", d.ruleId());
        assertEquals(1, d.line());
        String veryDeep = "a: " + "[".repeat(100_000) + "\n";
        YamlLoader.Result r2 = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(veryDeep));
        assertTrue(r2.document().isEmpty());
    }

    @Test
    void rejectsBinaryAndUtf16() {
        assertEquals("YAML-binary", only(loader.load(new byte[] {'a', ':', ' ', 0, 1, 2, 3}, "f")).ruleId());
        byte[] utf16 = "\uFEFFid: x\n".getBytes(StandardCharsets.UTF_16LE);
        Diagnostic d = only(loader.load(utf16, "f"));
        assertEquals("YAML-encoding", d.ruleId());
        assertTrue(d.message().contains("UTF-16"));
    }

    @Test
    void rejectsInvalidUtf8AtItsPosition() {
        byte[] bytes = {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        Diagnostic d = only(loader.load(bytes, "f"));
        assertEquals("YAML-encoding", d.ruleId());
        assertEquals(2, d.line());
        assertEquals(4, d.column());
    }

    @Test
    void rejectsEmptyAndCommentOnlyFiles() {
        assertEquals("YAML-empty", only(load("")).ruleId());
        assertEquals("YAML-empty", only(load("# just a comment\n\n")).ruleId());
    }

    @Test
    void rejectsFilesOverTheSizeCap() throws Exception {
        YamlLoader small = new YamlLoader(new YamlLoader.Limits(100, 64, 1000, 10));
        java.nio.file.Path f = java.nio.file.Files.createTempFile("big", ".yaml");
        java.nio.file.Files.writeString(f, "a: " + "x".repeat(200));
        assertEquals("YAML-too-large", small.load(f, "big.yaml").diagnostics().get(0).ruleId());
        java.nio.file.Files.delete(f);
    }

    @Test
    void rejectsComplexKeys() {
        assertEquals("YAML-key-type", only(load("? [a, b]\n: c\n")).ruleId());
    }

    @Test
    void warnsAboutSecondDocument() {
        YamlLoader.Result r = load("id: a\n---\nid: b\n");
        assertEquals("YAML-multiple-documents", only(r).ruleId());
        assertEquals("a", r.document().orElseThrow().root().get("id").asString());
    }
}

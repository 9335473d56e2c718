package dev.sentinelctl.kql.semantic.catalog;

import dev.sentinelctl.kql.semantic.catalog.JsonValue.JsonArray;
import dev.sentinelctl.kql.semantic.catalog.JsonValue.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogLenientJsonTest {

    @Test
    void acceptsWhatNewtonsoftAccepts() throws Exception {
        String text = "\uFEFF/* header */ {\n  'a': \"x\\ty\\u0041\", // comment\n  \"b\": [1, -2.5e3, true, null,],\n}\n";
        JsonObject o = (JsonObject) LenientJson.parse(text);
        assertEquals("x\tyA", o.string("a").orElseThrow());
        JsonArray b = (JsonArray) o.get("B").orElseThrow();
        assertEquals(4, b.items().size());
        assertEquals("-2.5e3", b.items().get(1).asText().orElseThrow());
        assertEquals(3, b.line());
        assertEquals(8, b.column());
    }

    @Test
    void exactKeyBeatsCaseInsensitiveMatch() throws Exception {
        JsonObject o = (JsonObject) LenientJson.parse("{\"name\": \"lower\", \"Name\": \"exact\"}");
        assertEquals("exact", o.string("Name").orElseThrow());
        assertEquals("lower", o.string("NAME").orElseThrow());
    }

    @Test
    void errorsCarryPositions() {
        LenientJson.SyntaxError e = assertThrows(LenientJson.SyntaxError.class, () -> LenientJson.parse("{\n  \"a\": tru\n}"));
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        e = assertThrows(LenientJson.SyntaxError.class, () -> LenientJson.parse("[1] x"));
        assertEquals(5, e.column());
        e = assertThrows(LenientJson.SyntaxError.class, () -> LenientJson.parse("/* never closed"));
        assertTrue(e.getMessage().contains("comment"));
        e = assertThrows(LenientJson.SyntaxError.class, () -> LenientJson.parse("{\"a\" 1}"));
        assertTrue(e.getMessage().contains("':'"), e.getMessage());
    }
}

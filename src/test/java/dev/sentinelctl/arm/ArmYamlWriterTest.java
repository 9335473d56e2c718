package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.YamlLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ArmYamlWriterTest {

    private static JsonNode readBack(String text) {
        return new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8), "t.yaml").document().orElseThrow().root();
    }

    private static String roundTrip(String field, String value) {
        ObjectNode tree = ArmResources.JSON.objectNode();
        tree.put("id", "0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b");
        tree.put(field, value);
        String text = YamlWriter.writeChecked(tree);
        assertEquals(value, readBack(text).get(field).asString(), () -> "did not read back:\n" + text);
        return text;
    }

    @Test
    void queriesAreLiteralBlocksWhateverTheyHold() {
        String[] queries = {
            "SecurityEvent\n| where Account has \"x: y\" // comment: here\n| where A == 'it''s' # not a comment\n",
            "let a = 1;   \nT | where x == \"trailing spaces\"   \n",
            "T\n|\twhere x == 1\n\t| project y\n",
            "T | where City == \"Zürich\" or Name == \"Łódź\" or Text has \"日本\"\n",
            "  indented first line\nT\n",
            "\nleading empty line\n",
            "no final newline",
            "two final newlines\n\n",
            "T\n\n\n| take 1\n",
            "key: value\n- not a list\n---\n...\n",
            "T | where x == 1",
        };
        for (String q : queries) {
            String text = roundTrip("query", q);
            assertTrue(text.contains("query: |"), text);
        }
    }

    @Test
    void whatALiteralBlockCannotHoldIsDoubleQuoted() {
        for (String q : new String[] {"T\r\n| take 1\r\n", "a\u0085b\n", "bell\u0007\n", "   \n"}) {
            String text = roundTrip("query", q);
            assertTrue(text.contains("query: \""), text);
        }
    }

    @Test
    void scalarsAreQuotedOnlyWhenNeeded() {
        assertEquals("id: 0f8a2c3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b\nname: Brute force on {{Computer}}\n",
                roundTrip("name", "Brute force on {{Computer}}"));
        for (String risky : new String[] {"yes", "No", "null", "~", "1.0", "12", "0x1F", "1:30", "2023-11-20", "true",
                                          "a: b", "a #b", "#x", "- x", "[x]", "{x}", "'q'", "\"q\"", "*x", "&x", "!x", "%x",
                                          "@x", "`x", "x:", " lead", "trail ", "", "tab\tinside", "Zürich", "\ttab"}) {
            roundTrip("name", risky);
        }
        assertTrue(roundTrip("version", "1.0.0").contains("version: 1.0.0\n"));
        assertTrue(roundTrip("description", "it's").contains("description: it's\n"));
    }

    @Test
    void nestedStructuresInAzureSentinelLayout() {
        ObjectNode tree = (ObjectNode) ArmTestSupport.MAPPER.readTree("""
                {"id": "x", "tactics": ["CredentialAccess"], "empty": [], "none": {},
                 "entityMappings": [{"entityType": "Account", "fieldMappings": [{"identifier": "FullName", "columnName": "A"}]}],
                 "customDetails": {"Count": "Failed"}, "triggerThreshold": 0, "enabled": false}
                """);
        String text = YamlWriter.writeChecked(tree);
        assertEquals("""
                id: x
                tactics:
                  - CredentialAccess
                empty: []
                none: {}
                entityMappings:
                  - entityType: Account
                    fieldMappings:
                      - identifier: FullName
                        columnName: A
                customDetails:
                  Count: Failed
                triggerThreshold: 0
                enabled: false
                """, text);
    }
}

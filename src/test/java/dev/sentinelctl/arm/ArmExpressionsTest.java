package dev.sentinelctl.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ArmExpressionsTest {
    private static final String TEMPLATE = """
            {"parameters": {"workspace": {"type": "string"}, "Prefix": {"type": "string", "defaultValue": "[concat('p', '-')]"},
                            "count": {"type": "int", "defaultValue": 3}},
             "variables": {"solutionId": "azuresentinel.zinc", "_solutionId": "[variables('solutionId')]",
                           "ruleId1": "3705158d-e008-49c9-92dd-e538e1549090",
                           "obj": {"id": "[variables('ruleId1')]", "spec": "[uniqueString(variables('ruleId1'))]"},
                           "loop1": "[variables('loop2')]", "loop2": "[variables('loop1')]",
                           "arr": ["a", "b", "c"]},
             "resources": []}
            """;

    private JsonNode eval(String expression) {
        JsonNode template = ArmTestSupport.MAPPER.readTree(TEMPLATE);
        return new ArmExpressions(new ArmImporter.TemplateScope(template, null, null)).evaluateString(expression);
    }

    private String str(String expression) {
        return eval(expression).asString();
    }

    @Test
    void variablesParametersAndStringFunctions() {
        assertEquals("azuresentinel.zinc", str("[variables('_solutionId')]"));
        assertEquals("azuresentinel.zinc", str("[VARIABLES('_SOLUTIONID')]"), "names are case-insensitive");
        assertEquals("p-x", str("[concat(parameters('prefix'), 'x')]"));
        assertEquals(3, eval("[parameters('count')]").asInt());
        assertEquals("a/it's/b", str("[format('{0}/{1}/{2}', 'a', 'it''s', 'b')]"));
        assertEquals("{x}", str("[format('{{{0}}}', 'x')]"));
        assertEquals("c", str("[last(variables('arr'))]"));
        assertEquals("3705158d-e008-49c9-92dd-e538e1549090",
                str("[last(split(resourceId('Microsoft.SecurityInsights/AlertRuleTemplates', variables('ruleId1')), '/'))]"));
        assertEquals("azure", str("[take(variables('solutionId'), 5)]"));
        assertEquals("AZURESENTINEL.ZINC", str("[toUpper(variables('solutionId'))]"));
        assertEquals("b", str("[variables('arr')[1]]"));
        assertEquals("yes", str("[if(equals(parameters('count'), 3), 'yes', 'no')]"));
    }

    @Test
    void objectVariablesResolveMemberByMember() {
        assertEquals("3705158d-e008-49c9-92dd-e538e1549090", str("[variables('obj').id]"));
        ArmExpressions.Unresolved u = assertThrows(ArmExpressions.Unresolved.class, () -> eval("[variables('obj').spec]"));
        assertTrue(u.getMessage().contains("uniquestring"), u.getMessage());
    }

    @Test
    void literalsAndEscapes() {
        assertEquals("plain text", str("plain text"));
        assertEquals("[not an expression]", str("[[not an expression]"));
        assertEquals("[starts only", str("[starts only"));
    }

    @Test
    void parametersWithoutDefaultBecomePlaceholders() {
        String name = str("[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', variables('ruleId1'))]");
        assertTrue(ArmExpressions.containsPlaceholder(name));
        assertEquals(java.util.List.of("workspace"), ArmExpressions.placeholders(name));
        assertTrue(name.endsWith("/Microsoft.SecurityInsights/3705158d-e008-49c9-92dd-e538e1549090"));
    }

    @Test
    void whatCannotBeKnownOfflineIsNamed() {
        for (String e : new String[] {"[guid('x')]", "[reference('x').id]", "[utcNow()]", "[listKeys('x', '1').keys]"}) {
            ArmExpressions.Unresolved u = assertThrows(ArmExpressions.Unresolved.class, () -> eval(e), e);
            assertTrue(u.getMessage().contains("deployment time"), u.getMessage());
        }
        assertThrows(ArmExpressions.Unresolved.class, () -> eval("[variables('nope')]"));
        assertThrows(ArmExpressions.Unresolved.class, () -> eval("[parameters('nope')]"));
        assertThrows(ArmExpressions.Unresolved.class, () -> eval("[concat('a']"));
        assertThrows(ArmExpressions.Unresolved.class, () -> eval("[frobnicate()]"));
    }

    @Test
    void evaluationIsBounded() {
        ArmExpressions.Unresolved cycle = assertThrows(ArmExpressions.Unresolved.class, () -> eval("[variables('loop1')]"));
        assertTrue(cycle.getMessage().contains("refers to itself"), cycle.getMessage());
        String deep = "[" + "concat(".repeat(200) + "'x'" + ")".repeat(200) + "]";
        assertThrows(ArmExpressions.Unresolved.class, () -> eval(deep));
        // Each variable doubles the one before: 2^40 characters if nothing stopped it.
        StringBuilder vars = new StringBuilder("{\"v0\": \"ab\"");
        for (int i = 1; i <= 40; i++) {
            vars.append(", \"v").append(i).append("\": \"[concat(variables('v").append(i - 1).append("'), variables('v")
                    .append(i - 1).append("'))]\"");
        }
        JsonNode bomb = ArmTestSupport.MAPPER.readTree("{\"variables\": " + vars + "}, \"resources\": []}");
        ArmExpressions ex = new ArmExpressions(new ArmImporter.TemplateScope(bomb, null, null));
        ArmExpressions.Unresolved u = assertThrows(ArmExpressions.Unresolved.class, () -> ex.evaluateString("[variables('v40')]"));
        assertTrue(u.getMessage().contains("longer than") || u.getMessage().contains("too long")
                || u.getMessage().contains("steps"), u.getMessage());
    }
}

package dev.sentinelctl.deploy.kinds.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class PlaybookDeploymentTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    @Test
    void hashIgnoresFormattingAndKeyOrderButNotValues() {
        String a = PlaybookDeployment.contentHash(json("{\"a\":1,\"b\":{\"c\":[1,2]}}"), json("{\"p\":{\"value\":\"x\"}}"));
        String b = PlaybookDeployment.contentHash(json("{ \"b\" : { \"c\" : [1, 2] },\n \"a\" : 1.0 }"), json("{\"p\":{\"value\":\"x\"}}"));
        assertEquals(a, b);
        assertNotEquals(a, PlaybookDeployment.contentHash(json("{\"a\":1,\"b\":{\"c\":[2,1]}}"), json("{\"p\":{\"value\":\"x\"}}")));
        assertNotEquals(a, PlaybookDeployment.contentHash(json("{\"a\":1,\"b\":{\"c\":[1,2]}}"), json("{\"p\":{\"value\":\"y\"}}")));
    }

    @Test
    void aFailedDeploymentNeverEqualsTheDesiredOne() {
        ObjectNode listed = (ObjectNode) json("{\"tags\":{\"sentinelctl-content-hash\":\"h\"},\"properties\":{\"provisioningState\":\"Failed\"}}");
        assertFalse(PlaybookDeployment.normalise(listed).path("deployed").asBoolean());
        ObjectNode ok = (ObjectNode) json("{\"tags\":{\"sentinelctl-content-hash\":\"h\"},\"properties\":{\"provisioningState\":\"Succeeded\"}}");
        assertEquals("h", PlaybookDeployment.normalise(ok).path("contentHash").asString());
    }

    @Test
    void workflowsGetTheOwnerTagUnlessTheirTagsAreAnExpression() {
        ObjectNode t = (ObjectNode) json("""
                {"resources": [
                  {"type": "Microsoft.Logic/workflows", "name": "a"},
                  {"type": "Microsoft.Logic/workflows", "name": "b", "tags": {"team": "soc"}},
                  {"type": "Microsoft.Logic/workflows", "name": "c", "tags": "[parameters('tags')]"},
                  {"type": "Microsoft.Web/connections", "name": "d"}]}
                """);
        JsonNode out = PlaybookKind.taggedWorkflows(t, "dep").path("resources");
        assertEquals("dep", out.get(0).path("tags").path("sentinelctl-deployment").asString());
        assertEquals("soc", out.get(1).path("tags").path("team").asString());
        assertEquals("dep", out.get(1).path("tags").path("sentinelctl-deployment").asString());
        assertEquals("[parameters('tags')]", out.get(2).path("tags").asString());
        assertFalse(out.get(3).has("tags"));
        assertFalse(t.path("resources").get(0).has("tags"), "the content's template is not changed");
    }
}

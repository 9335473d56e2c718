package dev.sentinelctl.deploy.sandbox;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One shared, immutable mapper for the sandbox's own JSON (Jackson 3; the SDK keeps its Jackson 2). */
final class SandboxJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SandboxJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a request body; anything but a JSON object is the client's mistake, so it becomes a 400. */
    static ObjectNode parseObject(byte[] body) {
        if (body.length == 0) {
            throw ArmException.badRequest("The request body is empty. Send the resource as a JSON object.");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw ArmException.badRequest("The request body must be a JSON object, not " + node.getNodeType() + ".");
        } catch (JacksonException e) {
            throw ArmException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}

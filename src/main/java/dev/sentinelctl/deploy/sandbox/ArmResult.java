package dev.sentinelctl.deploy.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What an ARM operation answers: a status, an optional JSON body and headers beyond ARM's usual ones (an async
 * operation's {@code Azure-AsyncOperation} or {@code Location}; a value starting with '/' is a path the request handler
 * makes absolute).
 */
record ArmResult(int status, JsonNode body, Map<String, String> headers) {
    ArmResult {
        headers = Map.copyOf(headers);
    }

    static ArmResult of(int status, JsonNode body) {
        return new ArmResult(status, body, Map.of());
    }

    static ArmResult empty(int status) {
        return new ArmResult(status, null, Map.of());
    }

    ArmResult withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ArmResult(status, body, h);
    }
}

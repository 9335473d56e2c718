package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes responses with the headers ARM always sends. */
final class HttpReply {
    static final String JSON = "application/json; charset=utf-8";

    private HttpReply() {
    }

    static void json(HttpExchange ex, int status, JsonNode body, String requestId, Map<String, String> extra)
            throws IOException {
        var headers = ex.getResponseHeaders();
        headers.set("x-ms-request-id", requestId);
        String correlation = ex.getRequestHeaders().getFirst("x-ms-correlation-request-id");
        headers.set("x-ms-correlation-request-id", correlation == null ? requestId : correlation);
        headers.set("Cache-Control", "no-cache");
        extra.forEach(headers::set);
        if (body == null) {
            // -1 is HttpServer's "no body": Content-Length 0 (none for 204), as ARM sends deletes; 0 would mean chunked.
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] bytes = SandboxJson.bytes(body);
        headers.set("Content-Type", JSON);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange ex, ArmException e, String requestId, Map<String, String> extra)
            throws IOException {
        json(ex, e.status(), errorBody(e.code(), e.getMessage()), requestId, extra);
    }

    static ObjectNode errorBody(String code, String message) {
        ObjectNode body = SandboxJson.object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return body;
    }
}

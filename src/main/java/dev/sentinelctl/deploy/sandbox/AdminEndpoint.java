package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /_sandbox/...}: counters for tests and benchmarks that only speak HTTP. No authentication, no faults.
 * <ul>
 *   <li>{@code GET /_sandbox/stats}: totals by operation, status and injected fault, plus workspaces and resource count</li>
 *   <li>{@code POST /_sandbox/stats/reset}: zero the counters</li>
 *   <li>{@code POST /_sandbox/faults} with {@code {"throttleNext":N,"retryAfterSeconds":S,"failNext":N,
 *       "failStatus":503,"dropNext":N}}: queue deterministic faults; {@code "failPaths":{"/workspaces/law-b/tables":403}}
 *       answers every request whose path contains a fragment with that status until replaced ({@code {}} clears)</li>
 *   <li>{@code POST /_sandbox/tables} with {@code {"workspace":"SUB/RG/WS","only":true,"tables":{"SecurityEvent":"live",
 *       "SigninLogs":"P10D","Syslog":"empty","CommonSecurityLog":"absent"}}} (or a list of those): the workspace's Log
 *       Analytics tables and when each last received a record (see {@link WorkspaceTables}); persisted</li>
 *   <li>{@code GET /_sandbox/github-oidc?audience=...} with any {@code Authorization: bearer ...}: a stand-in for
 *       GitHub's ACTIONS_ID_TOKEN_REQUEST_URL, answering {@code {"value":"<unsigned JWT>"}}, so the
 *       github-oidc credential can be rehearsed end to end</li>
 * </ul>
 */
final class AdminEndpoint {
    private final SandboxStats stats;
    private final FaultInjector faults;
    private final ArmOperations operations;

    AdminEndpoint(SandboxStats stats, FaultInjector faults, ArmOperations operations) {
        this.stats = stats;
        this.faults = faults;
        this.operations = operations;
    }

    void handle(HttpExchange ex, String path, byte[] requestBody, String requestId) throws IOException {
        String route = ex.getRequestMethod() + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        switch (route) {
            case "GET /_sandbox/stats" -> HttpReply.json(ex, 200, statsJson(), requestId, Map.of());
            case "GET /_sandbox/github-oidc" -> HttpReply.json(ex, 200, githubOidc(ex), requestId, Map.of());
            case "POST /_sandbox/stats/reset" -> {
                stats.reset();
                HttpReply.json(ex, 204, null, requestId, Map.of());
            }
            case "POST /_sandbox/faults" -> {
                JsonNode body = SandboxJson.parseObject(requestBody);
                int failStatus = body.path("failStatus").asInt(503);
                if (failStatus < 500 || failStatus > 599) {
                    throw ArmException.badRequest("'failStatus' must be a 5xx status, not " + failStatus + ".");
                }
                faults.throttleNext(body.path("throttleNext").asInt(0), body.path("retryAfterSeconds").asInt(1));
                faults.failNext(body.path("failNext").asInt(0), failStatus);
                faults.dropNext(body.path("dropNext").asInt(0));
                JsonNode paths = body.get("failPaths");
                if (paths != null) {
                    if (!paths.isObject()) throw ArmException.badRequest("'failPaths' must map path fragments to statuses.");
                    faults.clearPaths();
                    for (var e : paths.properties()) {
                        try {
                            faults.failPath(e.getKey(), e.getValue().asInt(0));
                        } catch (IllegalArgumentException bad) {
                            throw ArmException.badRequest(bad.getMessage() + ".");
                        }
                    }
                }
                HttpReply.json(ex, 204, null, requestId, Map.of());
            }
            case "POST /_sandbox/tables" -> {
                JsonNode body;
                try {
                    body = SandboxJson.MAPPER.readTree(requestBody);
                } catch (tools.jackson.core.JacksonException e) {
                    throw ArmException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
                }
                List<WorkspaceTables.Setup> setups = new ArrayList<>();
                for (JsonNode setup : body.isArray() ? body : List.of(body)) setups.add(WorkspaceTables.parse(setup));
                setups.forEach(operations::configureTables); // all checked first: a bad entry changes nothing
                HttpReply.json(ex, 204, null, requestId, Map.of());
            }
            default -> throw new ArmException(404, "NotFound", "Unknown sandbox endpoint '" + route
                    + "'. Use GET /_sandbox/stats, POST /_sandbox/stats/reset, POST /_sandbox/faults or POST /_sandbox/tables.");
        }
    }

    private static ObjectNode githubOidc(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "bearer ", 0, 7)) {
            throw new ArmException(401, "Unauthorized", "Send the request token as 'Authorization: bearer <token>'.");
        }
        String audience = Query.parse(ex.getRequestURI().getRawQuery()).get("audience");
        if (audience == null || audience.isBlank()) {
            throw ArmException.badRequest("The 'audience' query parameter is required.");
        }
        ObjectNode claims = SandboxJson.object();
        claims.put("iss", "https://token.actions.githubusercontent.com");
        claims.put("aud", audience);
        claims.put("sub", "repo:sandbox/sandbox:ref:refs/heads/main");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        ObjectNode out = SandboxJson.object();
        out.put("count", 1);
        out.put("value", b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(SandboxJson.bytes(claims)) + ".");
        return out;
    }

    private ObjectNode statsJson() {
        SandboxStats.Snapshot s = stats.snapshot();
        ObjectNode out = SandboxJson.object();
        out.put("total", s.total());
        ObjectNode ops = out.putObject("operations");
        s.operations().forEach(ops::put);
        ObjectNode statuses = out.putObject("statuses");
        s.statuses().forEach(statuses::put);
        ObjectNode injected = out.putObject("faults");
        s.faults().forEach(injected::put);
        out.put("resources", operations.resourceCount());
        ArrayNode ws = out.putArray("workspaces");
        operations.workspaces().forEach(w -> ws.add(w.toString()));
        return out;
    }
}

package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Graph's side of the sandbox: each registered Graph collection ({@link SandboxResourceType#isGraph()}) at
 * {@code /v1.0/<path>}, with Graph's contract rather than ARM's: server-assigned ids (POST to the collection answers
 * 201 with the stored object), PATCH merges and answers 200, DELETE answers 204 (404 when absent), lists carry
 * {@code @odata.context} and page with {@code @odata.nextLink}, errors are {@code {"error":{"code","message",
 * "innerError":{…}}}}, and only tokens issued for Graph's audience are taken. Objects belong to the tenant whose token
 * endpoint issued the caller's token, as a Defender XDR tenant's detections are its own. Injected faults and latency
 * apply as to ARM. In memory only (the state file keeps ARM resources).
 */
final class GraphStandIn {
    private static final String VERSION = "/v1.0/";
    private static final int PAGE = 50;

    /** One served collection and its objects by id (ids are numbers, so they sort numerically as strings of one width). */
    private record Collection(SandboxResourceType type, TreeMap<String, ObjectNode> items) {
    }

    /** The served collections by path (routing); each tenant's objects are in {@link #byTenant}. */
    private final Map<String, Collection> collections = new LinkedHashMap<>();
    /** Graph objects belong to a tenant: the token's tenant picks its own copy of every collection. */
    private final Map<String, Map<String, Collection>> byTenant = new java.util.HashMap<>();
    private long nextId = 1000;

    GraphStandIn(List<SandboxResourceType> served) {
        for (SandboxResourceType t : served) {
            if (t.isGraph()) collections.put(VERSION + t.graphPath(), new Collection(t, new TreeMap<>()));
        }
    }

    /** The tenant's collections, made empty on its first request. */
    private Map<String, Collection> of(String tenant) {
        return byTenant.computeIfAbsent(tenant, k -> {
            Map<String, Collection> own = new LinkedHashMap<>();
            collections.forEach((path, c) -> own.put(path, new Collection(c.type(), new TreeMap<>())));
            return own;
        });
    }

    boolean serves(String rawPath) {
        return find(rawPath).isPresent();
    }

    boolean isCollection(String rawPath) {
        return collections.containsKey(trim(rawPath));
    }

    String resourceLabel(String rawPath) {
        return find(rawPath).map(e -> e.getValue().type().typeName()).orElse("graph");
    }

    /** @return the injected fault's name, or null */
    String handle(HttpExchange ex, byte[] body, String requestId, String baseUrl, FaultInjector faults) {
        String rawPath = ex.getRequestURI().getRawPath();
        long latency = faults.latencyMs();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "drop";
            }
        }
        Optional<FaultInjector.Fault> standing = faults.forPath(rawPath);
        Optional<FaultInjector.Fault> injected = standing.isPresent() ? standing : faults.next();
        if (injected.isPresent() && injected.get().kind() == FaultInjector.Kind.DROP) return "drop";
        String fault = null;
        try {
            try {
                String tenant = requireGraphToken(ex);
                if (injected.isPresent()) {
                    FaultInjector.Fault f = injected.get();
                    fault = f.kind() == FaultInjector.Kind.THROTTLE ? "throttle" : "fail";
                    throw injectedError(f);
                }
                answer(ex, body, requestId, baseUrl, tenant);
            } catch (ArmException e) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (e.status() == 429) {
                    headers.put("Retry-After", String.valueOf(injected.map(FaultInjector.Fault::retryAfterSeconds).orElse(1)));
                }
                if (e.status() == 401) headers.put("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
                if (ex.getResponseCode() == -1) HttpReply.json(ex, e.status(), error(e, requestId), requestId, headers);
            } catch (RuntimeException e) {
                ArmException bug = new ArmException(500, "generalException", "Sandbox bug: " + e + ".");
                if (ex.getResponseCode() == -1) HttpReply.json(ex, 500, error(bug, requestId), requestId, Map.of());
            }
        } catch (IOException e) {
            // The client went away mid-answer; nothing more can be sent.
        }
        return fault;
    }

    private synchronized void answer(HttpExchange ex, byte[] body, String requestId, String baseUrl, String tenant)
            throws IOException {
        String rawPath = ex.getRequestURI().getRawPath();
        Map.Entry<String, Collection> found = find(rawPath).orElseThrow();
        String collectionPath = found.getKey();
        Collection c = of(tenant).get(collectionPath);
        String rest = trim(rawPath).substring(collectionPath.length());
        String id = rest.isEmpty() ? null : URLDecoder.decode(rest.substring(1), StandardCharsets.UTF_8);
        String context = baseUrl + "/v1.0/$metadata#" + collectionPath.substring(VERSION.length());
        String method = ex.getRequestMethod();
        if (id == null) {
            switch (method) {
                case "GET" -> HttpReply.json(ex, 200, page(c, ex.getRequestURI().getRawQuery(), baseUrl + collectionPath, context),
                        requestId, Map.of());
                case "POST" -> {
                    ObjectNode created = SandboxJson.parseObject(body);
                    for (String readOnly : List.of("id", "createdBy", "createdDateTime", "lastModifiedBy",
                            "lastModifiedDateTime", "detectorId", "lastRunDetails")) {
                        created.remove(readOnly);
                    }
                    c.type().validator().validate(created, null);
                    String newId = String.valueOf(nextId++);
                    String now = Instant.now().toString();
                    ObjectNode stored = SandboxJson.object();
                    stored.put("id", newId);
                    stored.setAll(created);
                    stored.put("createdBy", "sandbox-app");
                    stored.put("createdDateTime", now);
                    stored.put("lastModifiedBy", "sandbox-app");
                    stored.put("lastModifiedDateTime", now);
                    stored.put("detectorId", UUID.randomUUID().toString());
                    c.items().put(key(newId), stored);
                    HttpReply.json(ex, 201, withContext(stored, context + "/$entity"), requestId,
                            Map.of("Location", baseUrl + collectionPath + "/" + newId));
                }
                default -> throw methodNotAllowed(method);
            }
            return;
        }
        ObjectNode existing = c.items().get(key(id));
        switch (method) {
            case "GET" -> {
                if (existing == null) throw notFound(c, id);
                HttpReply.json(ex, 200, withContext(existing, context + "/$entity"), requestId, Map.of());
            }
            case "PATCH" -> {
                if (existing == null) throw notFound(c, id);
                ObjectNode patch = SandboxJson.parseObject(body);
                ObjectNode merged = existing.deepCopy();
                merge(merged, patch);
                merged.put("id", existing.path("id").asString());
                c.type().validator().validate(merged, existing);
                merged.put("lastModifiedBy", "sandbox-app");
                merged.put("lastModifiedDateTime", Instant.now().toString());
                c.items().put(key(id), merged);
                HttpReply.json(ex, 200, withContext(merged, context + "/$entity"), requestId, Map.of());
            }
            case "DELETE" -> {
                if (existing == null) throw notFound(c, id);
                c.items().remove(key(id));
                HttpReply.json(ex, 204, null, requestId, Map.of());
            }
            default -> throw methodNotAllowed(method);
        }
    }

    /** Objects merge field by field (Graph's PATCH of complex properties); any other value replaces. */
    private static void merge(ObjectNode into, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode current = into.get(e.getKey());
            if (current instanceof ObjectNode o && e.getValue() instanceof ObjectNode p) {
                merge(o, p);
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static ObjectNode page(Collection c, String rawQuery, String collectionUrl, String context) {
        String after = null;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith("$skiptoken=") || pair.startsWith("%24skiptoken=")) {
                    after = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
                }
            }
        }
        Map<String, ObjectNode> tail = after == null ? c.items() : c.items().tailMap(after, false);
        List<ObjectNode> items = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (Map.Entry<String, ObjectNode> e : tail.entrySet()) {
            if (items.size() == PAGE) {
                more = true;
                break;
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        ObjectNode out = SandboxJson.object();
        out.put("@odata.context", context);
        var value = out.putArray("value");
        items.forEach(value::add);
        if (more) out.put("@odata.nextLink", collectionUrl + "?$skiptoken=" + last);
        return out;
    }

    private static ObjectNode withContext(ObjectNode body, String context) {
        ObjectNode out = SandboxJson.object();
        out.put("@odata.context", context);
        out.setAll(body);
        return out;
    }

    /**
     * Graph takes only tokens issued for its own audience: an ARM token is refused, as Graph refuses it.
     *
     * @return the token's tenant ("" for a token without one)
     */
    private static String requireGraphToken(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
            throw new ArmException(401, "InvalidAuthenticationToken", "Access token is empty.");
        }
        String audience = SandboxTokens.audience(auth.substring(7).trim()).orElse("");
        if (!SandboxTokens.isGraph(audience)) {
            throw new ArmException(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience"
                    + (audience.isEmpty() ? "" : " '" + audience + "'") + ": request a token for "
                    + SandboxTokens.GRAPH + "/.default.");
        }
        return SandboxTokens.tenant(auth.substring(7).trim());
    }

    private static ArmException injectedError(FaultInjector.Fault f) {
        if (f.kind() == FaultInjector.Kind.THROTTLE) {
            return new ArmException(429, "TooManyRequests", "Too many requests; the sandbox injected a throttle. "
                    + "Retry after " + f.retryAfterSeconds() + " seconds.");
        }
        if (f.status() == 403) {
            return new ArmException(403, "Forbidden", "Missing role permissions on the request (CustomDetection.ReadWrite.All). "
                    + "(Injected by the sandbox.)");
        }
        if (f.status() < 500) return new ArmException(f.status(), "BadRequest", "The sandbox injected a " + f.status() + " answer.");
        return new ArmException(f.status(), f.status() == 503 ? "serviceNotAvailable" : "generalException",
                "The sandbox injected a " + f.status() + " failure; retry the request.");
    }

    private static ArmException notFound(Collection c, String id) {
        return new ArmException(404, "NotFound", "The " + c.type().typeName() + " object '" + id + "' was not found.");
    }

    private static ArmException methodNotAllowed(String method) {
        return new ArmException(405, "Request_BadRequest", "The HTTP method '" + method + "' is not allowed here.");
    }

    /** Graph's error body: code, message and innerError with the request id and date. */
    private static ObjectNode error(ArmException e, String requestId) {
        ObjectNode body = HttpReply.errorBody(e.code(), e.getMessage());
        ObjectNode inner = ((ObjectNode) body.get("error")).putObject("innerError");
        inner.put("date", Instant.now().toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        return body;
    }

    private Optional<Map.Entry<String, Collection>> find(String rawPath) {
        String p = trim(rawPath);
        for (Map.Entry<String, Collection> e : collections.entrySet()) {
            if (p.equalsIgnoreCase(e.getKey()) || p.toLowerCase(java.util.Locale.ROOT)
                    .startsWith(e.getKey().toLowerCase(java.util.Locale.ROOT) + "/")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static String trim(String rawPath) {
        return rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    }

    /** Ids are numbers; padded so the sorted map pages them in creation order. */
    private static String key(String id) {
        return id.length() >= 12 ? id : "0".repeat(12 - id.length()) + id;
    }
}

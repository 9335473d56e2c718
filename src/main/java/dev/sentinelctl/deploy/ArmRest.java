package dev.sentinelctl.deploy;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.sentinelctl.deploy.kinds.Scope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * ARM REST calls through the Azure SDK's own {@link HttpPipeline} (bearer token from azure-identity, the SDK's
 * RetryPolicy with Retry-After and backoff with jitter, request ids, redacting logging), with our JSON bodies.
 *
 * <p>Why not the SDK's typed models: securityinsights 1.0.0-beta.4 speaks 2022-09-01-preview, whose models have no
 * {@code subTechniques}, {@code sentinelEntitiesMappings} or {@code alertDynamicProperties}; reading our body into
 * {@code AlertRuleInner} would silently drop those fields, and listing through the models drops the properties of
 * any kind the SDK does not know. Sending the exact {@code properties} that {@code build} puts in a template, at the
 * same api version, keeps one mapping and makes "deployed" mean "what the repository says".
 */
public final class ArmRest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** How long a long-running operation may take before apply gives up on it. */
    public static final java.time.Duration OPERATION_TIMEOUT = java.time.Duration.ofMinutes(10);

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final java.time.Duration pollInterval;
    private final java.time.Duration operationTimeout;
    /** Graph addresses put the version in the path ({@code /v1.0/security/...}), ARM in {@code ?api-version=}. */
    private final boolean graphUrls;
    /** The Graph client beside this ARM client (its own pipeline: Graph's token audience); null when none. */
    private final ArmRest graph;

    /** @param armEndpoint e.g. {@code https://management.azure.com/} (a trailing slash is fine) */
    public ArmRest(HttpPipeline pipeline, String armEndpoint) {
        this(pipeline, armEndpoint, java.time.Duration.ofSeconds(2), OPERATION_TIMEOUT);
    }

    /**
     * @param pollInterval     the wait between polls of a long-running operation that sends no Retry-After
     * @param operationTimeout how long such an operation may take
     */
    public ArmRest(HttpPipeline pipeline, String armEndpoint, java.time.Duration pollInterval,
            java.time.Duration operationTimeout) {
        this(pipeline, armEndpoint, pollInterval, operationTimeout, false, null);
    }

    private ArmRest(HttpPipeline pipeline, String endpoint, java.time.Duration pollInterval,
            java.time.Duration operationTimeout, boolean graphUrls, ArmRest graph) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.pollInterval = pollInterval;
        this.operationTimeout = operationTimeout;
        this.graphUrls = graphUrls;
        this.graph = graph;
    }

    /**
     * This ARM client with a Microsoft Graph client beside it, for kinds whose scope is a Graph collection.
     *
     * @param graphPipeline the same transport, retries and credential, with Graph's token scope
     * @param graphEndpoint e.g. {@code https://graph.microsoft.com}
     */
    public ArmRest withGraph(HttpPipeline graphPipeline, String graphEndpoint) {
        return new ArmRest(pipeline, endpoint, pollInterval, operationTimeout, false,
                new ArmRest(graphPipeline, graphEndpoint, pollInterval, operationTimeout, true, null));
    }

    /** The client that reaches a scope: the Graph client for {@link Scope.Graph}, this one for ARM scopes. */
    public ArmRest at(Scope scope) {
        if (!(scope instanceof Scope.Graph)) return this;
        if (graphUrls) return this;
        if (graph == null) {
            throw new ArmCallException(0, "NoGraphClient", "Microsoft Graph is not configured for this run, so "
                    + "Graph-scoped content (custom detections) cannot be read or written", null);
        }
        return graph;
    }

    /**
     * PUT of a resource whose create may be a long-running operation (watchlists): when the answer carries
     * {@code Azure-AsyncOperation}, polls it through the same pipeline (retries apply to every poll) until it is
     * {@code Succeeded}; {@code Failed}/{@code Canceled} and the timeout are errors naming the resource.
     */
    public void putAndWait(String resourceId, String apiVersion, ObjectNode body) {
        Raw answer = sendRaw(HttpMethod.PUT, url(resourceId, apiVersion), body);
        check(HttpMethod.PUT, url(resourceId, apiVersion), answer);
        String operation = answer.header("Azure-AsyncOperation");
        if (operation == null || operation.isBlank()) return;
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        String last = "not polled yet";
        while (true) {
            Raw poll = sendRaw(HttpMethod.GET, operation, null);
            check(HttpMethod.GET, operation, poll);
            JsonNode status = parse(HttpMethod.GET, operation, poll);
            last = status.path("status").asString("");
            if (last.equalsIgnoreCase("Succeeded")) return;
            if (last.equalsIgnoreCase("Failed") || last.equalsIgnoreCase("Canceled")) {
                String why = status.path("error").path("message").asString("");
                throw new ArmCallException(200, "OperationFailed", "PUT " + resourceId + ": the service's operation "
                        + "ended " + last + (why.isEmpty() ? "" : ": " + why), null);
            }
            long waitMs = pollInterval.toMillis();
            String retryAfter = poll.header("Retry-After");
            if (retryAfter != null && retryAfter.strip().matches("\\d{1,4}")) waitMs = Long.parseLong(retryAfter.strip()) * 1000;
            if (System.nanoTime() + waitMs * 1_000_000 > deadline) {
                throw new ArmCallException(0, "OperationTimeout", "PUT " + resourceId + ": provisioning did not finish in "
                        + operationTimeout.toMinutes() + " min (last status '" + last + "'); look at the resource in the "
                        + "portal, then run apply again", null);
            }
            try {
                Thread.sleep(waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArmCallException(0, "Interrupted", "PUT " + resourceId + ": interrupted while waiting for provisioning", e);
            }
        }
    }

    /** Every item of a collection, following {@code nextLink}. */
    public List<ObjectNode> list(String collectionId, String apiVersion) {
        return list(collectionId, apiVersion, "");
    }

    /**
     * As {@link #list(String, String)} with more query parameters on the first page ({@code category=sentinel&…},
     * already encoded); later pages follow the service's {@code nextLink} as given.
     */
    public List<ObjectNode> list(String collectionId, String apiVersion, String query) {
        List<ObjectNode> out = new ArrayList<>();
        String url = url(collectionId, apiVersion) + (query.isEmpty() ? "" : (graphUrls ? "?" : "&") + query);
        int pages = 0;
        while (url != null) {
            if (++pages > 10_000) throw new ArmCallException(0, "TooManyPages", "paging of " + collectionId + " does not end", null);
            // A 404 on a list means the workspace (or its resource group) is missing: ARM's own error says which.
            JsonNode page = send(HttpMethod.GET, url, null, false).orElseThrow();
            for (JsonNode v : page.path("value")) if (v instanceof ObjectNode o) out.add(o);
            JsonNode next = page.has("@odata.nextLink") ? page.get("@odata.nextLink") : page.get("nextLink");
            url = next != null && next.isString() && !next.asString().isBlank() ? next.asString() : null;
        }
        return out;
    }

    public Optional<ObjectNode> get(String resourceId, String apiVersion) {
        return send(HttpMethod.GET, url(resourceId, apiVersion), null, true).map(n -> (ObjectNode) n);
    }

    /** PUT; the answer is the resource as stored (a long-running create is {@link #putAndWait}). */
    public ObjectNode put(String resourceId, String apiVersion, ObjectNode body) {
        return (ObjectNode) send(HttpMethod.PUT, url(resourceId, apiVersion), body, false)
                .orElseThrow(() -> new ArmCallException(404, "NotFound", "PUT " + resourceId + " answered 404", null));
    }

    /**
     * POST of a long-running action answered 202 with {@code Location} (ARM's what-if): the location is polled through
     * the same pipeline, at its {@code Retry-After} or the poll interval, until it answers with the result. An action
     * answered 200 at once returns that answer.
     */
    public ObjectNode postAndWait(String resourceId, String apiVersion, ObjectNode body) {
        String url = url(resourceId, apiVersion);
        Raw answer = sendRaw(HttpMethod.POST, url, body);
        check(HttpMethod.POST, url, answer);
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        while (answer.status() == 202 && answer.header("Location") != null && !answer.header("Location").isBlank()) {
            String location = answer.header("Location");
            pause(answer, deadline, "POST " + resourceId, "no result yet");
            answer = sendRaw(HttpMethod.GET, location, null);
            check(HttpMethod.GET, location, answer);
            url = location;
        }
        JsonNode result = parse(HttpMethod.POST, url, answer);
        if (result instanceof ObjectNode o) return o;
        throw new ArmCallException(200, "BadResponse", "POST " + resourceId + " answered JSON that is not an object", null);
    }

    /** Waits before the next poll of a long-running operation: its Retry-After, else the poll interval; within the deadline. */
    private void pause(Raw last, long deadline, String what, String state) {
        long waitMs = pollInterval.toMillis();
        String retryAfter = last.header("Retry-After");
        if (retryAfter != null && retryAfter.strip().matches("\\d{1,4}")) waitMs = Long.parseLong(retryAfter.strip()) * 1000;
        if (System.nanoTime() + waitMs * 1_000_000 > deadline) {
            throw new ArmCallException(0, "OperationTimeout", what + ": the operation did not finish in "
                    + operationTimeout.toMinutes() + " min (" + state + "); look at the resource in the portal, then run "
                    + "again", null);
        }
        try {
            Thread.sleep(waitMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArmCallException(0, "Interrupted", what + ": interrupted while waiting for a long-running operation", e);
        }
    }

    /** POST of an action (e.g. a Log Analytics query through ARM); the answer's JSON. */
    public ObjectNode post(String resourceId, String apiVersion, ObjectNode body) {
        JsonNode answer = send(HttpMethod.POST, url(resourceId, apiVersion), body, false).orElseThrow();
        if (answer instanceof ObjectNode o) return o;
        throw new ArmCallException(200, "BadResponse", "POST " + resourceId + " answered JSON that is not an object", null);
    }

    /** PATCH (Graph's update); the answer is the object as stored, or an empty object for a 204. */
    public ObjectNode patch(String resourceId, String apiVersion, ObjectNode body) {
        JsonNode answer = send(HttpMethod.PATCH, url(resourceId, apiVersion), body, false)
                .orElseThrow(() -> new ArmCallException(404, "NotFound", "PATCH " + resourceId + " answered 404", null));
        return answer instanceof ObjectNode o ? o : MAPPER.createObjectNode();
    }

    /** DELETE; a resource that is already gone is fine. */
    public void delete(String resourceId, String apiVersion) {
        send(HttpMethod.DELETE, url(resourceId, apiVersion), null, true);
    }

    private String url(String resourceId, String apiVersion) {
        StringBuilder sb = new StringBuilder(endpoint);
        if (graphUrls) sb.append('/').append(apiVersion);
        for (String segment : resourceId.split("/")) {
            if (segment.isEmpty()) continue;
            sb.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return graphUrls ? sb.toString() : sb.append("?api-version=").append(apiVersion).toString();
    }

    /** An answer before interpretation: status, body text, the headers a long-running operation needs. */
    private record Raw(int status, String text, com.azure.core.http.HttpHeaders headers) {
        String header(String name) {
            return headers == null ? null : headers.getValue(HttpHeaderName.fromString(name));
        }
    }

    private Raw sendRaw(HttpMethod method, String url, ObjectNode body) {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(MAPPER.writeValueAsBytes(body));
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            return new Raw(response.getStatusCode(),
                    response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString(), response.getHeaders());
        } catch (RuntimeException e) {
            // Retries are exhausted: the connection kept failing (dropped, refused, TLS) or the token could not be had.
            throw new ArmCallException(0, "ConnectionFailed", method + " " + pathOf(url) + ": " + rootMessage(e), e);
        }
    }

    private static JsonNode parse(HttpMethod method, String url, Raw raw) {
        if (raw.text() == null || raw.text().isBlank()) return MAPPER.createObjectNode();
        try {
            return MAPPER.readTree(raw.text());
        } catch (JacksonException e) {
            throw new ArmCallException(raw.status(), "BadResponse", method + " " + pathOf(url) + " answered text that is not JSON", e);
        }
    }

    /** Empty for a 404 when {@code emptyOn404}; throws {@link ArmCallException} for other failures. */
    private Optional<JsonNode> send(HttpMethod method, String url, ObjectNode body, boolean emptyOn404) {
        Raw raw = sendRaw(method, url, body);
        if (raw.status() == 404 && emptyOn404) return Optional.empty();
        check(method, url, raw);
        return Optional.of(parse(method, url, raw));
    }

    /** Throws {@link ArmCallException} with ARM's error code and message for a status of 400 or more. */
    private static void check(HttpMethod method, String url, Raw raw) {
        int status = raw.status();
        String text = raw.text();
        if (status >= 400) {
            String code = "HttpError";
            String message = "";
            try {
                JsonNode error = MAPPER.readTree(text).path("error");
                code = error.path("code").asString(code);
                message = error.path("message").asString("");
            } catch (JacksonException ignored) {
                // Not ARM's error JSON (a proxy page); the status says enough.
            }
            throw new ArmCallException(status, code, method + " " + pathOf(url) + (message.isEmpty() ? "" : ": " + message), null);
        }
    }

    private static String pathOf(String url) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme + 3);
        int q = url.indexOf('?');
        return url.substring(slash, q < 0 ? url.length() : q);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}

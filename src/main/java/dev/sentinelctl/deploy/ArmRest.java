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

    private final HttpPipeline pipeline;
    private final String endpoint;

    /** @param armEndpoint e.g. {@code https://management.azure.com/} (a trailing slash is fine) */
    public ArmRest(HttpPipeline pipeline, String armEndpoint) {
        this.pipeline = pipeline;
        this.endpoint = armEndpoint.endsWith("/") ? armEndpoint.substring(0, armEndpoint.length() - 1) : armEndpoint;
    }

    /** Every item of a collection, following {@code nextLink}. */
    public List<ObjectNode> list(String collectionId, String apiVersion) {
        List<ObjectNode> out = new ArrayList<>();
        String url = url(collectionId, apiVersion);
        int pages = 0;
        while (url != null) {
            if (++pages > 10_000) throw new ArmCallException(0, "TooManyPages", "paging of " + collectionId + " does not end", null);
            // A 404 on a list means the workspace (or its resource group) is missing: ARM's own error says which.
            JsonNode page = send(HttpMethod.GET, url, null, false).orElseThrow();
            for (JsonNode v : page.path("value")) if (v instanceof ObjectNode o) out.add(o);
            JsonNode next = page.get("nextLink");
            url = next != null && next.isString() && !next.asString().isBlank() ? next.asString() : null;
        }
        return out;
    }

    public Optional<ObjectNode> get(String resourceId, String apiVersion) {
        return send(HttpMethod.GET, url(resourceId, apiVersion), null, true).map(n -> (ObjectNode) n);
    }

    /**
     * PUT; the answer is the resource as stored. A long-running PUT (an answer with {@code Azure-AsyncOperation}, as
     * ARM deployments and watchlists give) is followed to its end: the status URL is polled (waiting its
     * {@code Retry-After}) until it says Succeeded, and the resource is read again; Failed or Canceled throw with
     * the operation's error.
     */
    public ObjectNode put(String resourceId, String apiVersion, ObjectNode body) {
        String[] async = {null, null};
        ObjectNode answer = (ObjectNode) send(HttpMethod.PUT, url(resourceId, apiVersion), body, false, async)
                .orElseThrow(() -> new ArmCallException(404, "NotFound", "PUT " + resourceId + " answered 404", null));
        if (async[0] == null) return answer;
        waitFor(async[0], async[1], "PUT " + resourceId);
        return get(resourceId, apiVersion).orElse(answer);
    }

    /**
     * POST of a long-running action answered 202 with {@code Location} (ARM's what-if): the location is polled until
     * it answers 200 with the result. An action answered 200 at once returns that answer.
     */
    public ObjectNode postAndWait(String resourceId, String apiVersion, ObjectNode body) {
        String[] headers = new String[3];
        JsonNode answer = send(HttpMethod.POST, url(resourceId, apiVersion), body, false, headers).orElseThrow();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (headers[2] != null) {
            if (System.nanoTime() > deadline) {
                throw new ArmCallException(0, "OperationTimeout", "POST " + resourceId + " has no result after 5 minutes", null);
            }
            sleepSeconds(headers[1]);
            String location = headers[2];
            headers = new String[3];
            answer = send(HttpMethod.GET, location, null, false, headers).orElseThrow();
        }
        if (answer instanceof ObjectNode o) return o;
        throw new ArmCallException(200, "BadResponse", "POST " + resourceId + " answered JSON that is not an object", null);
    }

    /** Polls an {@code Azure-AsyncOperation} status URL until the operation ends (at most about ten minutes). */
    private void waitFor(String statusUrl, String retryAfter, String what) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        String wait = retryAfter;
        while (true) {
            sleepSeconds(wait);
            String[] next = {null, null};
            JsonNode status = send(HttpMethod.GET, statusUrl, null, false, next).orElseThrow();
            String state = status.path("status").asString("");
            if (state.equalsIgnoreCase("Succeeded")) return;
            if (state.equalsIgnoreCase("Failed") || state.equalsIgnoreCase("Canceled")) {
                JsonNode error = status.path("error");
                throw new ArmCallException(200, error.path("code").asString(state), what + " ended " + state
                        + (error.path("message").asString("").isEmpty() ? "" : ": " + error.path("message").asString()), null);
            }
            if (System.nanoTime() > deadline) {
                throw new ArmCallException(0, "OperationTimeout", what + " still " + state + " after 10 minutes", null);
            }
            wait = next[1];
        }
    }

    private static void sleepSeconds(String retryAfter) {
        long ms = 1000;
        try {
            if (retryAfter != null) ms = Math.min(60_000, Long.parseLong(retryAfter.trim()) * 1000);
        } catch (NumberFormatException ignored) {
            // an HTTP date: wait the default second
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArmCallException(0, "Interrupted", "interrupted while waiting for a long-running operation", e);
        }
    }

    /** POST of an action (e.g. a Log Analytics query through ARM); the answer's JSON. */
    public ObjectNode post(String resourceId, String apiVersion, ObjectNode body) {
        JsonNode answer = send(HttpMethod.POST, url(resourceId, apiVersion), body, false).orElseThrow();
        if (answer instanceof ObjectNode o) return o;
        throw new ArmCallException(200, "BadResponse", "POST " + resourceId + " answered JSON that is not an object", null);
    }

    /** DELETE; a resource that is already gone is fine. */
    public void delete(String resourceId, String apiVersion) {
        send(HttpMethod.DELETE, url(resourceId, apiVersion), null, true);
    }

    private String url(String resourceId, String apiVersion) {
        StringBuilder sb = new StringBuilder(endpoint);
        for (String segment : resourceId.split("/")) {
            if (segment.isEmpty()) continue;
            sb.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.append("?api-version=").append(apiVersion).toString();
    }

    /** Empty for a 404 when {@code emptyOn404}; throws {@link ArmCallException} for other failures. */
    private Optional<JsonNode> send(HttpMethod method, String url, ObjectNode body, boolean emptyOn404) {
        return send(method, url, body, emptyOn404, new String[2]);
    }

    /**
     * @param async receives the answer's {@code Azure-AsyncOperation} and {@code Retry-After} headers (or nulls) and,
     *              when it has a third slot, the {@code Location} of a 202
     */
    private Optional<JsonNode> send(HttpMethod method, String url, ObjectNode body, boolean emptyOn404, String[] async) {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(MAPPER.writeValueAsBytes(body));
        }
        String text;
        int status;
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            status = response.getStatusCode();
            async[0] = response.getHeaderValue(HttpHeaderName.fromString("Azure-AsyncOperation"));
            async[1] = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
            // a 202 with Location is a long-running action still running; any other answer is its end
            if (async.length > 2) async[2] = status == 202 ? response.getHeaderValue(HttpHeaderName.LOCATION) : null;
            text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
        } catch (RuntimeException e) {
            // Retries are exhausted: the connection kept failing (dropped, refused, TLS) or the token could not be had.
            throw new ArmCallException(0, "ConnectionFailed", method + " " + pathOf(url) + ": " + rootMessage(e), e);
        }
        if (status == 404 && emptyOn404) return Optional.empty();
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
        if (text == null || text.isBlank()) return Optional.of(MAPPER.createObjectNode());
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JacksonException e) {
            throw new ArmCallException(status, "BadResponse", method + " " + pathOf(url) + " answered text that is not JSON", e);
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

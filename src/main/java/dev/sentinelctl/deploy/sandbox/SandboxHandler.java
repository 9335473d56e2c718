package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The single entry point of the server: dispatches to the admin, token and ARM endpoints, applies injected faults
 * and the bearer check to ARM requests, and records every request in the stats.
 */
final class SandboxHandler implements HttpHandler {
    private final String baseUrl;
    private final ArmRequestHandler arm;
    private final TokenEndpoint token;
    private final GraphStandIn graph;
    private final AdminEndpoint admin;
    private final FaultInjector faults;
    private final ArmRateLimiter limiter;
    private final SandboxStats stats;
    private final Consumer<SandboxStats.RequestRecord> requestLog;
    /** Resource-group deployments and what they create (playbooks); the other kinds are served by {@link #arm}. */
    private final DeploymentsEndpoint deployments = new DeploymentsEndpoint();

    SandboxHandler(String baseUrl, ArmRequestHandler arm, TokenEndpoint token, AdminEndpoint admin,
            FaultInjector faults, ArmRateLimiter limiter, SandboxStats stats,
            Consumer<SandboxStats.RequestRecord> requestLog) {
        this(baseUrl, arm, token, new GraphStandIn(Served.TYPES), admin, faults, limiter, stats, requestLog);
    }

    SandboxHandler(String baseUrl, ArmRequestHandler arm, TokenEndpoint token, GraphStandIn graph, AdminEndpoint admin,
            FaultInjector faults, ArmRateLimiter limiter, SandboxStats stats,
            Consumer<SandboxStats.RequestRecord> requestLog) {
        this.graph = graph;
        this.baseUrl = baseUrl;
        this.arm = arm;
        this.token = token;
        this.admin = admin;
        this.faults = faults;
        this.limiter = limiter;
        this.stats = stats;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange ex) {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String rawPath = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        String operation = ex.getRequestMethod();
        String resource;
        String fault = null;
        boolean counted = !rawPath.startsWith("/_sandbox/");
        if (counted) stats.begin();
        try {
            // Read the whole body before answering anything: a reply sent while body bytes are still unread
            // leaves HttpsServer's keep-alive connection stuck until its idle timeout (seen with 405s on POST).
            byte[] body = readBody(ex);
            if (rawPath.startsWith("/_sandbox/")) {
                resource = "sandbox";
                guarded(ex, requestId, () -> admin.handle(ex, rawPath, body, requestId));
            } else if (TokenEndpoint.matches(rawPath)) {
                resource = "token";
                guarded(ex, requestId, () -> token.handle(ex, rawPath, body, baseUrl, requestId));
            } else if (graph.serves(rawPath)) {
                resource = graph.resourceLabel(rawPath);
                if (operation.equals("GET") && graph.isCollection(rawPath)) operation = "LIST";
                fault = graph.handle(ex, body, requestId, baseUrl, faults);
            } else {
                ArmRequestHandler.Label label = ArmRequestHandler.label(rawPath);
                resource = label.resource();
                if (operation.equals("GET") && label.collection()) {
                    operation = "LIST";
                }
                fault = handleArm(ex, body, requestId);
            }
        } catch (RuntimeException | Error e) {
            if (counted) stats.end();
            throw e;
        } finally {
            ex.close();
        }
        int status = Math.max(ex.getResponseCode(), 0);
        var record = new SandboxStats.RequestRecord(Instant.now(), operation, resource,
                rawQuery == null ? rawPath : rawPath + "?" + rawQuery, status, fault,
                (System.nanoTime() - started) / 1_000_000);
        stats.record(record);
        if (counted) stats.end();
        if (requestLog != null) {
            requestLog.accept(record);
        }
    }

    /** @return the injected fault's name, or null */
    private String handleArm(HttpExchange ex, byte[] body, String requestId) {
        long latency = faults.latencyMs();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "drop"; // the server is stopping; closing without an answer is the honest outcome
            }
        }
        Optional<FaultInjector.Fault> standing = faults.forPath(ex.getRequestURI().getRawPath());
        Optional<FaultInjector.Fault> injected = standing.isPresent() ? standing : faults.next();
        if (injected.isPresent() && injected.get().kind() == FaultInjector.Kind.DROP) {
            return "drop"; // closed in handle() without a response: HttpServer then closes the connection
        }
        String[] delivered = {null}; // the fault actually answered; a 401 takes precedence over an injected fault
        guarded(ex, requestId, () -> {
            requireBearer(ex);
            if (injected.isPresent()) {
                delivered[0] = replyInjected(ex, injected.get(), requestId);
                return;
            }
            ArmRateLimiter.Category category = ArmRateLimiter.Category.of(ex.getRequestMethod());
            String subscription = subscriptionOf(ex.getRequestURI().getRawPath());
            ArmRateLimiter.Decision budget = limiter.take(subscription, category);
            Map<String, String> remaining = Map.of(category.header(), String.valueOf(budget.remaining()));
            if (!budget.allowed()) {
                delivered[0] = "limit";
                HttpReply.error(ex, new ArmException(429, "SubscriptionRequestsThrottled", "Number of '"
                        + category.name().toLowerCase(Locale.ROOT) + "' requests for subscription '" + subscription
                        + "' exceeded. Please try again after '" + budget.retryAfterSeconds()
                        + "' seconds after additional tokens are available (sandbox started with ARM limits)."),
                        requestId, Map.of(category.header(), "0",
                                "Retry-After", String.valueOf(budget.retryAfterSeconds())));
                return;
            }
            if (DeploymentsEndpoint.matches(ex.getRequestURI().getRawPath())) {
                deployments.handle(ex, body, baseUrl, requestId, remaining);
                return;
            }
            ArmResult result = arm.handle(ex, body, baseUrl);
            Map<String, String> headers = new java.util.LinkedHashMap<>(remaining);
            result.headers().forEach((k, v) -> headers.put(k, v.startsWith("/") ? baseUrl + v : v));
            HttpReply.json(ex, result.status(), result.body(), requestId, headers);
        });
        return delivered[0];
    }

    /** Answers an injected 429 or 5xx; returns the fault's name for the stats. */
    private static String replyInjected(HttpExchange ex, FaultInjector.Fault f, String requestId) throws IOException {
        if (f.kind() == FaultInjector.Kind.THROTTLE) {
            HttpReply.error(ex, new ArmException(429, "SubscriptionRequestsThrottled",
                    "Number of requests for subscription exceeded the sandbox's injected limit. Please try "
                            + "again after '" + f.retryAfterSeconds() + "' seconds."),
                    requestId, Map.of("Retry-After", String.valueOf(f.retryAfterSeconds())));
            return "throttle";
        }
        if (f.status() < 500) {
            HttpReply.error(ex, clientError(f.status(), ex.getRequestMethod(), ex.getRequestURI().getRawPath()), requestId, Map.of());
            return "fail";
        }
        HttpReply.error(ex, new ArmException(f.status(), serverErrorCode(f.status()),
                "The sandbox injected a " + f.status() + " failure; retry the request."), requestId, Map.of());
        return "fail";
    }

    /** A path fault's 4xx in ARM's words (403 as a missing role assignment reads). */
    private static ArmException clientError(int status, String method, String rawPath) {
        if (status == 403) {
            return new ArmException(403, "AuthorizationFailed", "The client 'sandbox-client' with object id "
                    + "'00000000-0000-0000-0000-000000000000' does not have authorization to perform action '"
                    + (method.equals("GET") ? "read" : method.toLowerCase(Locale.ROOT)) + "' over scope '" + rawPath
                    + "' or the scope is invalid. (Injected by the sandbox.)");
        }
        if (status == 404) {
            return new ArmException(404, "ResourceNotFound", "The resource at '" + rawPath + "' was not found. (Injected by the sandbox.)");
        }
        return new ArmException(status, "BadRequest", "The sandbox injected a " + status + " answer for '" + rawPath + "'.");
    }

    private static String subscriptionOf(String rawPath) {
        String[] s = rawPath.split("/");
        return s.length > 2 && s[1].equalsIgnoreCase("subscriptions") ? s[2] : "";
    }

    private static byte[] readBody(HttpExchange ex) {
        try (var in = ex.getRequestBody()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0]; // the client went away; the reply will fail the same way
        }
    }

    private static void requireBearer(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            throw new ArmException(401, "AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is missing.");
        }
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
            throw new ArmException(401, "AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format: "
                            + "send 'Authorization: Bearer <token>'.");
        }
        String audience = SandboxTokens.audience(auth.substring(7).trim()).orElse("");
        if (SandboxTokens.isGraph(audience)) {
            throw new ArmException(401, "InvalidAuthenticationTokenAudience", "The access token has been obtained for "
                    + "wrong audience or resource '" + audience + "'. It should exactly match with one of the allowed "
                    + "audiences 'https://management.core.windows.net/','https://management.azure.com/'.");
        }
    }

    private static String serverErrorCode(int status) {
        return switch (status) {
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "InternalServerError";
        };
    }

    private interface Action {
        void run() throws IOException;
    }

    /** Runs an endpoint and turns its ArmException (or a sandbox bug) into an ARM error answer. */
    private static void guarded(HttpExchange ex, String requestId, Action action) {
        try {
            action.run();
        } catch (ArmException e) {
            reply(ex, requestId, e);
        } catch (RuntimeException e) {
            reply(ex, requestId, new ArmException(500, "InternalServerError",
                    "Sandbox bug: " + e + ". Please report it with the request that caused it."));
        } catch (IOException e) {
            // The client went away mid-answer; nothing more can be sent.
        }
    }

    private static void reply(HttpExchange ex, String requestId, ArmException e) {
        Map<String, String> headers = e.status() == 401
                ? Map.of("WWW-Authenticate", "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", "
                        + "error=\"invalid_token\", error_description=\"The authentication failed.\"")
                : Map.of();
        try {
            if (ex.getResponseCode() == -1) {
                HttpReply.error(ex, e, requestId, headers);
            }
        } catch (IOException ignored) {
            // The client went away; nothing more can be sent.
        }
    }
}

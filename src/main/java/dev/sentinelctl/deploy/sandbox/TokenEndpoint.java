package dev.sentinelctl.deploy.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Microsoft Entra ID token endpoint, enough for azure-identity's ClientSecretCredential and
 * ClientAssertionCredential (MSAL with instance discovery disabled makes exactly one POST). Any client id and
 * secret are accepted; the secret is read to check it is present and then dropped, never stored or logged.
 */
final class TokenEndpoint {
    private static final Pattern TOKEN = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token/?$");
    private static final Pattern OPENID = Pattern.compile("^/([^/]+)/v2\\.0/\\.well-known/openid-configuration/?$");

    private final SecureRandom random = new SecureRandom();

    static boolean matches(String path) {
        return TOKEN.matcher(path).matches() || OPENID.matcher(path).matches();
    }

    void handle(HttpExchange ex, String path, byte[] body, String baseUrl, String requestId) throws IOException {
        Matcher openid = OPENID.matcher(path);
        if (openid.matches()) {
            String issuer = baseUrl + "/" + openid.group(1) + "/v2.0";
            ObjectNode doc = SandboxJson.object();
            doc.put("issuer", issuer);
            doc.put("token_endpoint", baseUrl + "/" + openid.group(1) + "/oauth2/v2.0/token");
            doc.put("authorization_endpoint", baseUrl + "/" + openid.group(1) + "/oauth2/v2.0/authorize");
            doc.put("jwks_uri", baseUrl + "/" + openid.group(1) + "/discovery/v2.0/keys");
            HttpReply.json(ex, 200, doc, requestId, Map.of());
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            HttpReply.json(ex, 405, aadError("invalid_request", "AADSTS900561: The endpoint only accepts POST requests."),
                    requestId, Map.of());
            return;
        }
        Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
        String problem = problem(form);
        if (problem != null) {
            HttpReply.json(ex, 400, aadError("invalid_request", problem), requestId, Map.of());
            return;
        }
        ObjectNode token = SandboxJson.object();
        token.put("token_type", "Bearer");
        token.put("expires_in", 3599);
        token.put("ext_expires_in", 3599);
        Matcher tenant = TOKEN.matcher(path);
        token.put("access_token", SandboxTokens.issue(audienceOf(form.get("scope")), HexFormat.of().formatHex(nextBytes()),
                tenant.matches() ? tenant.group(1) : ""));
        HttpReply.json(ex, 200, token, requestId, Map.of());
    }

    /** The resource a scope asks for: {@code https://graph.microsoft.com/.default} → {@code https://graph.microsoft.com}. */
    static String audienceOf(String scope) {
        if (scope == null || scope.isBlank()) return "";
        String first = scope.trim().split("\\s+")[0];
        return first.endsWith("/.default") ? first.substring(0, first.length() - "/.default".length()) : first;
    }

    private byte[] nextBytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    /** What is missing from a client-credentials request, in Entra's own words; null when the request is fine. */
    private static String problem(Map<String, String> form) {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return "AADSTS70003: The sandbox supports grant_type=client_credentials only (got '"
                    + form.getOrDefault("grant_type", "") + "').";
        }
        if (isBlank(form.get("client_id"))) {
            return "AADSTS900144: The request body must contain the following parameter: 'client_id'.";
        }
        if (isBlank(form.get("client_secret")) && isBlank(form.get("client_assertion"))) {
            return "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the "
                    + "'client_credentials' grant type.";
        }
        return null;
    }

    private static ObjectNode aadError(String error, String description) {
        ObjectNode body = SandboxJson.object();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

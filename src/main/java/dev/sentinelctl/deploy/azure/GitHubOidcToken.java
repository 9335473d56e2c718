package dev.sentinelctl.deploy.azure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches the GitHub Actions OIDC token that Entra ID exchanges for an access token (workload identity
 * federation), so a workflow needs no secret and no step that writes a token file. Called by MSAL whenever it
 * needs a fresh assertion. The request token is sent as GitHub documents and never logged or put in a message.
 */
final class GitHubOidcToken implements Supplier<String> {
    static final String AUDIENCE = "api://AzureADTokenExchange";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String requestUrl;
    private final String requestToken;
    private final HttpClient http;

    GitHubOidcToken(String requestUrl, String requestToken, HttpClient http) {
        this.requestUrl = requestUrl;
        this.requestToken = requestToken;
        this.http = http;
    }

    @Override
    public String get() {
        URI uri = URI.create(requestUrl + (requestUrl.contains("?") ? "&" : "?") + "audience="
                + URLEncoder.encode(AUDIENCE, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "bearer " + requestToken).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The GitHub OIDC token request answered " + response.statusCode()
                        + ". Give the workflow job `permissions: id-token: write`.");
            }
            JsonNode value = MAPPER.readTree(response.body()).get("value");
            if (value == null || !value.isString() || value.stringValue().isBlank()) {
                throw new IllegalStateException("The GitHub OIDC token response has no 'value'.");
            }
            return value.stringValue();
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("Could not fetch the GitHub OIDC token: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching the GitHub OIDC token", e);
        }
    }
}

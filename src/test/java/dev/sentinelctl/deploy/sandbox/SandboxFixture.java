package dev.sentinelctl.deploy.sandbox;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.resourcemanager.loganalytics.LogAnalyticsManager;
import com.azure.resourcemanager.securityinsights.SecurityInsightsManager;
import com.azure.resourcemanager.securityinsights.models.AlertSeverity;
import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import com.azure.resourcemanager.securityinsights.models.TriggerOperator;
import dev.sentinelctl.deploy.azure.ArmClients;
import dev.sentinelctl.deploy.azure.ArmTarget;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.deploy.azure.TrustFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A running sandbox plus SDK managers built by {@link ArmClients} against it, and a raw JDK client for the
 * protocol-level checks the SDK cannot make (missing bearer, bad api-version).
 */
final class SandboxFixture implements AutoCloseable {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    static final String RG = "rg-sentinel";
    static final String WS = "ws-prod";
    /** Short delays keep fault tests fast; Retry-After still overrides them. */
    static final RetrySettings FAST = new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(200));
    /** A fixed token: tests never touch DefaultAzureCredential or IMDS. */
    static final TokenCredential FAKE_TOKEN =
            request -> Mono.just(new AccessToken("fake-token", OffsetDateTime.now().plusHours(1)));

    final ArmSandbox sandbox;
    final ArmClients clients;
    private final HttpClient raw;

    private SandboxFixture(ArmSandbox sandbox, ArmClients clients) {
        this.sandbox = sandbox;
        this.clients = clients;
        this.raw = HttpClient.newBuilder().sslContext(TrustFile.sslContext(sandbox.trustFile())).build();
    }

    static SandboxFixture start(SandboxOptions options) throws IOException {
        ArmSandbox sandbox = ArmSandbox.start(options);
        return new SandboxFixture(sandbox, ArmClients.create(target(sandbox), FAKE_TOKEN, FAST));
    }

    static ArmTarget target(ArmSandbox sandbox) {
        return ArmTarget.custom(sandbox.baseUrl(), sandbox.trustFile(), sandbox.baseUrl());
    }

    SecurityInsightsManager sentinel() {
        return clients.securityInsights(SUB);
    }

    LogAnalyticsManager logAnalytics() {
        return clients.logAnalytics(SUB);
    }

    static ScheduledAlertRule scheduled(String name) {
        return new ScheduledAlertRule().withDisplayName(name).withEnabled(true)
                .withQuery("SecurityEvent | where EventID == 4625")
                .withQueryFrequency(Duration.ofHours(1)).withQueryPeriod(Duration.ofDays(1))
                .withSeverity(AlertSeverity.MEDIUM).withTriggerOperator(TriggerOperator.GREATER_THAN)
                .withTriggerThreshold(0).withSuppressionEnabled(false).withSuppressionDuration(Duration.ofHours(5));
    }

    static String rulePath(String ruleId) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.OperationalInsights/workspaces/"
                + WS + "/providers/Microsoft.SecurityInsights/alertRules" + (ruleId == null ? "" : "/" + ruleId);
    }

    /** A raw request; {@code bearer} null sends no Authorization header. */
    HttpResponse<String> send(String method, String pathAndQuery, String body, String bearer, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return raw.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET without authentication, e.g. {@code /_sandbox/stats}. */
    static String get(ArmSandbox sandbox, String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(TrustFile.sslContext(sandbox.trustFile())).build();
        return client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static JsonNode json(String body) {
        return SandboxJson.MAPPER.readTree(body);
    }

    @Override
    public void close() throws IOException {
        sandbox.close();
    }
}

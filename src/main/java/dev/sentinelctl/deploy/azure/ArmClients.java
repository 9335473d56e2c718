package dev.sentinelctl.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddDatePolicy;
import com.azure.core.http.policy.AddHeadersFromContextPolicy;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.loganalytics.LogAnalyticsManager;
import com.azure.resourcemanager.securityinsights.SecurityInsightsManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the SDK managers for Sentinel ({@link SecurityInsightsManager}) and Log Analytics
 * ({@link LogAnalyticsManager}) per subscription. One HTTP client and one pipeline (retry, bearer token, logging)
 * serve every subscription, so connections and tokens are shared; managers are cached per subscription.
 *
 * <pre>{@code
 * ArmClients clients = ArmClients.create(ArmTarget.AZURE, CredentialKind.AZURE_CLI, System.getenv(),
 *         RetrySettings.DEFAULT, HttpLogDetailLevel.NONE);
 * SecurityInsightsManager sentinel = clients.securityInsights(subscriptionId);
 * }</pre>
 */
public final class ArmClients {
    private static final String USER_AGENT = "sentinelctl";

    private final HttpClient httpClient;
    private final HttpPipeline pipeline;
    private final HttpPipeline graphPipeline;
    private final String graphEndpoint;
    private final AzureEnvironment environment;
    private final String tenantId;
    private final Map<String, SecurityInsightsManager> sentinel = new ConcurrentHashMap<>();
    private final Map<String, LogAnalyticsManager> logAnalytics = new ConcurrentHashMap<>();

    private ArmClients(ArmTarget target, HttpClient httpClient, TokenCredential credential, String tenantId,
            RetrySettings retry, HttpLogDetailLevel logLevel) {
        this.httpClient = httpClient;
        this.environment = environment(target);
        this.tenantId = tenantId;
        String scope = environment.getManagementEndpoint() + "/.default";
        // The managers' own default order, with our retry settings; auth sits after retry so retries re-sign.
        // HttpLoggingPolicy redacts Authorization and any header not on its allow-list.
        this.pipeline = new HttpPipelineBuilder()
                .httpClient(httpClient)
                .policies(new UserAgentPolicy(USER_AGENT), new AddHeadersFromContextPolicy(), new RequestIdPolicy(),
                        new RetryPolicy(retry.toRetryOptions()), new AddDatePolicy(),
                        new ArmChallengeAuthenticationPolicy(credential, scope),
                        new HttpLoggingPolicy(new HttpLogOptions().setLogLevel(logLevel)), new DrainRetriedResponses())
                .build();
        // Microsoft Graph (custom detections): the same client, retries and credential, but Graph's own token
        // audience: an ARM token is refused there. Plain bearer auth, as Graph sends no ARM-style claims challenge.
        this.graphEndpoint = target.graphBase().toString();
        this.graphPipeline = new HttpPipelineBuilder()
                .httpClient(httpClient)
                .policies(new UserAgentPolicy(USER_AGENT), new AddHeadersFromContextPolicy(), new RequestIdPolicy(),
                        new RetryPolicy(retry.toRetryOptions()), new AddDatePolicy(),
                        new BearerTokenAuthenticationPolicy(credential, GRAPH_SCOPE),
                        new HttpLoggingPolicy(new HttpLogOptions().setLogLevel(logLevel)), new DrainRetriedResponses())
                .build();
    }

    /** The token scope of Microsoft Graph calls. */
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    /** The pipeline for Microsoft Graph: same transport, retries and credential as ARM, Graph's token scope. */
    public HttpPipeline graphPipeline() {
        return graphPipeline;
    }

    /** The Graph base URL calls go to ({@link ArmTarget#graphBase()}). */
    public String graphEndpoint() {
        return graphEndpoint;
    }

    /** With a credential chosen by name and built from {@code env}, using the same HTTP client as ARM calls. */
    public static ArmClients create(ArmTarget target, CredentialKind kind, Map<String, String> env,
            RetrySettings retry, HttpLogDetailLevel logLevel) {
        return create(target, kind, env, retry, logLevel, new ArmTransport(target));
    }

    /** @param transport shared by the clients of every tenant a run talks to (a fleet: many at once) */
    public static ArmClients create(ArmTarget target, CredentialKind kind, Map<String, String> env,
            RetrySettings retry, HttpLogDetailLevel logLevel, ArmTransport transport) {
        TokenCredential credential = transport.tokens.guard(
                Credentials.create(kind, env, target.authorityHost(), transport.http, transport.jdk));
        return new ArmClients(target, transport.http, credential, env.get("AZURE_TENANT_ID"), retry, logLevel);
    }

    /** With a credential the caller built (tests: a fixed-token lambda; never DefaultAzureCredential there). */
    public static ArmClients create(ArmTarget target, TokenCredential credential, RetrySettings retry) {
        return new ArmClients(target, new ArmTransport(target).http, credential, null, retry, HttpLogDetailLevel.NONE);
    }

    public SecurityInsightsManager securityInsights(String subscriptionId) {
        return sentinel.computeIfAbsent(subscriptionId,
                s -> SecurityInsightsManager.authenticate(pipeline, profile(s)));
    }

    public LogAnalyticsManager logAnalytics(String subscriptionId) {
        return logAnalytics.computeIfAbsent(subscriptionId,
                s -> LogAnalyticsManager.authenticate(pipeline, profile(s)));
    }

    /** The shared pipeline, for callers that need a raw ARM request. */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    /** The shared HTTP client; it trusts the target's trust file. */
    public HttpClient httpClient() {
        return httpClient;
    }

    public AzureEnvironment environment() {
        return environment;
    }

    private AzureProfile profile(String subscriptionId) {
        return new AzureProfile(tenantId, subscriptionId, environment);
    }

    private static AzureEnvironment environment(ArmTarget target) {
        if (!target.isCustom()) {
            return AzureEnvironment.AZURE;
        }
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        String arm = target.armEndpoint().toString();
        endpoints.put("resourceManagerEndpointUrl", arm.endsWith("/") ? arm : arm + "/");
        if (target.authorityHost() != null) {
            endpoints.put("activeDirectoryEndpointUrl", target.authorityHost().toString());
        }
        return new AzureEnvironment(endpoints);
    }
}

package dev.sentinelctl.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An azure-core pipeline for a data-plane service outside ARM (Azure Data Explorer): the same HTTP client, retries
 * (429/5xx with Retry-After) and credentials as ARM calls, with the token's audience the service's own
 * ({@code {resource}/.default}), or no authentication at all (the Kusto emulator takes none).
 */
public final class DataPlanePipeline {
    private DataPlanePipeline() {}

    /** @param credential null: no Authorization header */
    public static HttpPipeline create(URI resource, CredentialKind credential, Map<String, String> env, RetrySettings retry) {
        ArmTransport transport = new ArmTransport(ArmTarget.AZURE);
        List<HttpPipelinePolicy> policies = new ArrayList<>(List.of(new UserAgentPolicy("sentinelctl"), new RequestIdPolicy(),
                new RetryPolicy(retry.toRetryOptions())));
        if (credential != null) {
            TokenCredential tokens = transport.tokens.guard(Credentials.create(credential, env, null, transport.http, transport.jdk));
            String base = resource.toString().endsWith("/") ? resource.toString().substring(0, resource.toString().length() - 1) : resource.toString();
            policies.add(new BearerTokenAuthenticationPolicy(tokens, base + "/.default"));
        }
        policies.add(new DrainRetriedResponses());
        return new HttpPipelineBuilder().httpClient(transport.http).policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
    }
}

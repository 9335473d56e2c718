package dev.sentinelctl.deploy.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.ClientAssertionCredentialBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the named credential from environment variables. The values are passed straight to azure-identity and
 * never kept, logged or put into exception messages; messages name the missing variables only.
 */
final class Credentials {
    /** Authority hosts of the public and national clouds, which need no instance-discovery opt-out. */
    private static final Set<String> KNOWN_AUTHORITIES = Set.of("login.microsoftonline.com",
            "login.microsoftonline.us", "login.chinacloudapi.cn");

    private Credentials() {
    }

    /**
     * @param env           environment variables (injected so tests never read the real environment)
     * @param authorityHost the Entra ID host, or null for the default (AZURE_AUTHORITY_HOST, else public cloud)
     * @param http          the HTTP client token requests use (it trusts the same extra certificate as ARM calls)
     * @param jdk           the JDK client settings behind {@code http}, for the GitHub OIDC token request
     */
    static TokenCredential create(CredentialKind kind, Map<String, String> env, URI authorityHost, HttpClient http,
            java.net.http.HttpClient.Builder jdk) {
        String authority = authorityHost != null ? authorityHost.toString() : env.get("AZURE_AUTHORITY_HOST");
        return switch (kind) {
            case ENVIRONMENT -> {
                require(kind, env, "AZURE_TENANT_ID", "AZURE_CLIENT_ID");
                if (present(env, "AZURE_CLIENT_SECRET")) {
                    yield aad(new ClientSecretCredentialBuilder().clientSecret(env.get("AZURE_CLIENT_SECRET")),
                            env, authority, http).build();
                }
                if (present(env, "AZURE_CLIENT_CERTIFICATE_PATH")) {
                    ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder();
                    String path = env.get("AZURE_CLIENT_CERTIFICATE_PATH");
                    if (path.endsWith(".pfx") || path.endsWith(".p12")) {
                        b.pfxCertificate(path);
                        if (present(env, "AZURE_CLIENT_CERTIFICATE_PASSWORD")) {
                            b.clientCertificatePassword(env.get("AZURE_CLIENT_CERTIFICATE_PASSWORD"));
                        }
                    } else {
                        b.pemCertificate(path);
                    }
                    yield aad(b, env, authority, http).build();
                }
                throw new IllegalArgumentException("Credential 'environment' needs AZURE_CLIENT_SECRET or "
                        + "AZURE_CLIENT_CERTIFICATE_PATH to be set (besides AZURE_TENANT_ID and AZURE_CLIENT_ID).");
            }
            case WORKLOAD_IDENTITY -> {
                require(kind, env, "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE");
                yield aad(new WorkloadIdentityCredentialBuilder().tokenFilePath(env.get("AZURE_FEDERATED_TOKEN_FILE")),
                        env, authority, http).build();
            }
            case GITHUB_OIDC -> {
                require(kind, env, "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "ACTIONS_ID_TOKEN_REQUEST_URL",
                        "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
                GitHubOidcToken assertion = new GitHubOidcToken(env.get("ACTIONS_ID_TOKEN_REQUEST_URL"),
                        env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN"), jdk.build());
                yield aad(new ClientAssertionCredentialBuilder().clientAssertion(assertion), env, authority, http)
                        .build();
            }
            case AZURE_CLI -> {
                AzureCliCredentialBuilder b = new AzureCliCredentialBuilder();
                if (present(env, "AZURE_TENANT_ID")) {
                    b.tenantId(env.get("AZURE_TENANT_ID"));
                }
                yield b.build();
            }
            case MANAGED_IDENTITY -> {
                ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder().httpClient(http);
                if (present(env, "AZURE_CLIENT_ID")) {
                    b.clientId(env.get("AZURE_CLIENT_ID"));
                }
                yield b.build();
            }
        };
    }

    private static <T extends AadCredentialBuilderBase<T>> T aad(T builder, Map<String, String> env, String authority,
            HttpClient http) {
        // Configuration.NONE: every input comes from `env`, so the process environment cannot leak in (tests).
        builder.tenantId(env.get("AZURE_TENANT_ID")).clientId(env.get("AZURE_CLIENT_ID")).httpClient(http)
                .configuration(Configuration.NONE);
        if (authority != null) {
            builder.authorityHost(authority);
            // MSAL validates unknown authorities against the public cloud; a private one (the sandbox) must opt out.
            if (!KNOWN_AUTHORITIES.contains(URI.create(authority).getHost())) {
                builder.disableInstanceDiscovery();
            }
        }
        return builder;
    }

    private static void require(CredentialKind kind, Map<String, String> env, String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!present(env, name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Credential '" + kind.cliName() + "' needs these environment "
                    + "variables, which are not set: " + String.join(", ", missing) + ".");
        }
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}

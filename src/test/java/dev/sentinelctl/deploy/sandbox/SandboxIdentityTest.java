package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.FAST;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.SUB;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.identity.ClientAssertionCredential;
import com.azure.identity.ClientAssertionCredentialBuilder;
import dev.sentinelctl.cli.SandboxCommand;
import dev.sentinelctl.deploy.azure.ArmClients;
import dev.sentinelctl.deploy.azure.ArmTarget;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.azure.RetrySettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** azure-identity's real credentials against the sandbox's fake token endpoint, through {@link ArmClients}. */
class SandboxIdentityTest {

    @Test
    void clientSecretCredentialWorksAndTheSecretNeverShowsUp(@TempDir Path data) throws Exception {
        String secret = "s3cr3t-" + UUID.randomUUID();
        List<String> requestLog = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        String statsJson;
        StringWriter printed = new StringWriter();
        SandboxOptions options = SandboxOptions.defaults().withDataDir(data)
                .withRequestLog(r -> requestLog.add(r.line()));
        try (ArmSandbox sandbox = ArmSandbox.start(options)) {
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            try {
                Map<String, String> env = Map.of("AZURE_TENANT_ID", "tenant-1", "AZURE_CLIENT_ID", "app-1",
                        "AZURE_CLIENT_SECRET", secret);
                ArmClients clients = ArmClients.create(SandboxFixture.target(sandbox), CredentialKind.ENVIRONMENT, env,
                        FAST, HttpLogDetailLevel.BODY_AND_HEADERS);
                clients.securityInsights(SUB).alertRules().createOrUpdate(RG, "ws-id", "via-secret",
                        scheduled("Via secret"));
                clients.logAnalytics(SUB).savedSearches().define("hunt").withExistingWorkspace(RG, "ws-id")
                        .withCategory("Hunting Queries").withDisplayName("Hunt").withQuery("Heartbeat").create();
                clients.securityInsights("99999999-0000-0000-0000-000000000000").alertRules().list(RG, "ws-id")
                        .stream().count();
                SandboxCommand.printInstructions(sandbox, options, new PrintWriter(printed));
                statsJson = SandboxFixture.get(sandbox, "/_sandbox/stats");
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
            assertEquals(1, sandbox.stats().count("POST", "token"), "one token serves the shared pipeline");
            assertEquals(2, sandbox.stats().count("PUT", "alertRules") + sandbox.stats().count("PUT", "savedSearches"));
        }
        assertFalse(requestLog.isEmpty());
        assertTrue(requestLog.stream().anyMatch(l -> l.contains("/tenant-1/oauth2/v2.0/token")));
        String state = Files.readString(data.resolve(StateFile.FILE_NAME));
        for (String where : List.of(String.join("\n", requestLog), console.toString(StandardCharsets.UTF_8),
                statsJson, state, printed.toString())) {
            assertFalse(where.contains(secret), "the client secret leaked into: " + where);
        }
    }

    @Test
    void workloadIdentityTokenFileUsesTheAssertionGrant(@TempDir Path dir) throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("federated-token"), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjaSJ9.");
        try (ArmSandbox sandbox = ArmSandbox.start(SandboxOptions.defaults())) {
            Map<String, String> env = Map.of("AZURE_TENANT_ID", "tenant-2", "AZURE_CLIENT_ID", "app-2",
                    "AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString());
            ArmClients clients = ArmClients.create(SandboxFixture.target(sandbox), CredentialKind.WORKLOAD_IDENTITY,
                    env, FAST, HttpLogDetailLevel.NONE);
            clients.securityInsights(SUB).alertRules().createOrUpdate(RG, "ws-oidc", "via-oidc", scheduled("OIDC"));
            assertEquals(1, sandbox.stats().count("POST", "token"));
        }
    }

    @Test
    void githubOidcFetchesTheActionsTokenThenExchangesIt() throws Exception {
        String requestToken = "gh-request-" + UUID.randomUUID();
        List<String> requestLog = new CopyOnWriteArrayList<>();
        try (ArmSandbox sandbox = ArmSandbox.start(SandboxOptions.defaults().withRequestLog(r -> requestLog.add(r.line())))) {
            Map<String, String> env = Map.of("AZURE_TENANT_ID", "tenant-4", "AZURE_CLIENT_ID", "app-4",
                    "ACTIONS_ID_TOKEN_REQUEST_URL", sandbox.baseUrl() + "/_sandbox/github-oidc?api-version=2.0",
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken);
            ArmClients clients = ArmClients.create(SandboxFixture.target(sandbox), CredentialKind.GITHUB_OIDC, env,
                    FAST, HttpLogDetailLevel.NONE);
            clients.securityInsights(SUB).alertRules().createOrUpdate(RG, "ws-gh", "via-github", scheduled("GH"));
            // MSAL may ask the assertion supplier more than once per token; each call is a fresh GitHub request.
            assertTrue(sandbox.stats().count("GET", "sandbox") >= 1, "the GitHub token was fetched");
            assertEquals(1, sandbox.stats().count("POST", "token"));
            assertTrue(requestLog.stream().anyMatch(l -> l.contains("audience=api%3A%2F%2FAzureADTokenExchange")));
            assertFalse(String.join("\n", requestLog).contains(requestToken));
        }
    }

    @Test
    void clientAssertionCredentialGetsASandboxToken() throws Exception {
        try (ArmSandbox sandbox = ArmSandbox.start(SandboxOptions.defaults())) {
            ArmClients clients = ArmClients.create(SandboxFixture.target(sandbox), SandboxFixture.FAKE_TOKEN,
                    RetrySettings.DEFAULT);
            ClientAssertionCredential credential = new ClientAssertionCredentialBuilder()
                    .authorityHost(sandbox.baseUrl().toString()).tenantId("tenant-3").clientId("app-3")
                    .clientAssertion(() -> "header.payload.signature").disableInstanceDiscovery()
                    .httpClient(clients.httpClient()).build();
            String token = credential.getTokenSync(new TokenRequestContext()
                    .addScopes("https://management.core.windows.net//.default")).getToken();
            assertTrue(token.startsWith("sandbox."), token);
        }
    }

    @Test
    void missingVariablesAreNamedWithoutEchoingValues() {
        String secret = "do-not-echo-" + UUID.randomUUID();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArmClients.create(
                ArmTarget.AZURE, CredentialKind.ENVIRONMENT,
                Map.of("AZURE_CLIENT_SECRET", secret), FAST, HttpLogDetailLevel.NONE));
        assertTrue(e.getMessage().contains("AZURE_TENANT_ID") && e.getMessage().contains("AZURE_CLIENT_ID"),
                e.getMessage());
        assertFalse(e.getMessage().contains(secret));
        assertEquals(CredentialKind.WORKLOAD_IDENTITY, CredentialKind.parse("workload-identity"));
        IllegalArgumentException http = assertThrows(IllegalArgumentException.class, () -> ArmTarget.custom(
                java.net.URI.create("http://127.0.0.1:1"), null, null));
        assertTrue(http.getMessage().contains("https://"), http.getMessage());
        IllegalArgumentException trust = assertThrows(IllegalArgumentException.class, () -> ArmClients.create(
                ArmTarget.custom(java.net.URI.create("https://127.0.0.1:1"), Path.of("no-such.pem"), null),
                SandboxFixture.FAKE_TOKEN, FAST));
        assertTrue(trust.getMessage().contains("no-such.pem") && trust.getMessage().contains("sandbox-cert.pem"),
                trust.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CredentialKind.parse("default"));
    }
}

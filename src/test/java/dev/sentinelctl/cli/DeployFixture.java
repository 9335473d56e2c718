package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.resourcemanager.securityinsights.SecurityInsightsManager;
import dev.sentinelctl.deploy.azure.ArmClients;
import dev.sentinelctl.deploy.azure.ArmTarget;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.deploy.sandbox.ArmSandbox;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A sandbox, a content folder of generated rules and hunting queries, a {@code sentinelctl.yaml} pointing at the
 * sandbox, and a fake client secret in the (injected) environment. Commands run in-process through the real CLI and
 * the real SDK over HTTPS; the SDK managers here play the portal (direct PUTs).
 */
final class DeployFixture implements AutoCloseable {
    static final String SUB = "11111111-2222-3333-4444-555555555555";
    static final String RG = "rg-sentinel";
    static final String WS = "ws-prod";
    static final String SOURCE = "contoso/sentinel-content";

    final ArmSandbox sandbox;
    final Path dir;
    final Path content;
    final Path config;
    final String secret = "fake-secret-" + UUID.randomUUID();
    final Map<String, String> env;
    private final ArmClients portal;
    private final List<String> outputs = new ArrayList<>();

    DeployFixture(Path dir, SandboxOptions options) throws IOException {
        this.sandbox = ArmSandbox.start(options);
        this.dir = dir;
        this.content = dir.resolve("content");
        this.config = dir.resolve("sentinelctl.yaml");
        this.env = Map.of("AZURE_CLIENT_ID", "app-1", "AZURE_CLIENT_SECRET", secret);
        TokenCredential fake = r -> Mono.just(new AccessToken("portal-token", OffsetDateTime.now().plusHours(1)));
        this.portal = ArmClients.create(ArmTarget.custom(sandbox.baseUrl(), sandbox.trustFile(), sandbox.baseUrl()), fake,
                new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(200)));
        writeConfig(config(""));
    }

    /** The config of one workspace {@code prod} in the sandbox, with {@code moreDefaults} (YAML) under {@code defaults}. */
    static String config(String moreDefaults) {
        return """
                version: 1
                source: %s
                defaults:
                  tenant: sandbox-tenant
                  subscription: %s
                  resourceGroup: %s
                  credential: environment
                  content:
                    paths: [content]
                %s
                workspaces:
                  prod:
                    workspace: %s
                """.formatted(SOURCE, SUB, RG, moreDefaults.indent(2).stripTrailing(), WS);
    }

    void writeConfig(String text) {
        write(config, text);
    }

    static String ruleId(int n) {
        return UUID.nameUUIDFromBytes(("rule-" + n).getBytes()).toString();
    }

    static String huntId(int n) {
        return UUID.nameUUIDFromBytes(("hunt-" + n).getBytes()).toString();
    }

    Path ruleFile(int n) {
        return content.resolve("Detections/SecurityEvent/Rule" + n + ".yaml");
    }

    /** A valid Scheduled rule whose query, name and id depend on n. */
    void rule(int n, String severity, String query) {
        write(ruleFile(n), """
                id: %s
                name: Rule number %d
                description: |
                  Generated rule %d.
                severity: %s
                requiredDataConnectors:
                  - connectorId: SecurityEvents
                    dataTypes:
                      - SecurityEvent
                queryFrequency: 1h
                queryPeriod: 1h
                triggerOperator: gt
                triggerThreshold: 0
                tactics:
                  - Persistence
                  - PrivilegeEscalation
                relevantTechniques:
                  - T1098
                query: |
                %s
                version: 1.0.0
                kind: Scheduled
                """.formatted(ruleId(n), n, n, severity, query.indent(2).stripTrailing()));
    }

    static String query(int n) {
        return "SecurityEvent\n| where EventID == " + (4000 + n) + "\n| project TimeGenerated, Computer, Account";
    }

    void rules(int count) {
        for (int i = 1; i <= count; i++) rule(i, "Medium", query(i));
    }

    void hunt(int n) {
        write(content.resolve("Hunting Queries/EmailEvents/Hunt" + n + ".yaml"), """
                id: %s
                name: Hunt number %d
                description: |
                  Generated hunting query %d.
                requiredDataConnectors:
                - connectorId: MicrosoftThreatProtection
                  dataTypes:
                  - EmailEvents
                tactics:
                - InitialAccess
                relevantTechniques:
                - T1566
                query: |
                  EmailEvents
                  | where Timestamp > ago(30d)
                  | summarize total=count() by EmailDirection, SenderFromDomain
                version: 1.0.0
                """.formatted(huntId(n), n, n));
    }

    /** Sets up the workspace's Log Analytics tables in the sandbox ({@code only}: just these exist). */
    void tables(String workspace, boolean only, Map<String, String> states) {
        sandbox.configureTables(new dev.sentinelctl.deploy.sandbox.WorkspaceRef(SUB, RG, workspace), only, states);
    }

    /** The command's arguments plus the sandbox target and fast retries. */
    CliRunner.Run run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--deploy-config", config.toString(), "--arm-endpoint",
                sandbox.baseUrl().toString(), "--arm-trust", sandbox.trustFile().toString(), "--retry-delay-ms", "20",
                "--retry-max-delay-ms", "200"));
        args.addAll(List.of(more));
        CliRunner.Run r = CliRunner.runWithEnv(env, args.toArray(String[]::new));
        outputs.add(r.out());
        outputs.add(r.err());
        return r;
    }

    SecurityInsightsManager portal() {
        return portal.securityInsights(SUB);
    }

    /**
     * Raw REST through the portal's client (resources the typed SDK models do not cover: functions, watchlist items,
     * workbooks, deployments, Logic Apps).
     */
    dev.sentinelctl.deploy.ArmRest portalRest() {
        return new dev.sentinelctl.deploy.ArmRest(portal.pipeline(), sandbox.baseUrl().toString());
    }

    long count(String op, String resource) {
        return sandbox.stats().count(op, resource);
    }

    long writes() {
        return count("PUT", "alertRules") + count("PUT", "savedSearches") + count("PUT", "metadata")
                + count("DELETE", "alertRules") + count("DELETE", "savedSearches") + count("DELETE", "metadata")
                + count("PATCH", "metadata");
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        sandbox.close();
        for (String o : outputs) assertFalse(o.contains(secret), "the client secret leaked into output: " + o);
    }
}

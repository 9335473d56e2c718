package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sentinelctl.yaml: errors at line and column, secrets refused, layering, overrides, content selection. */
class DeployConfigTest {
    @TempDir
    Path dir;

    private CliRunner.Run plan(String config) {
        Path file = dir.resolve("sentinelctl.yaml");
        DeployFixture.write(file, config);
        return CliRunner.runWithEnv(Map.of(), "plan", "--config", file.toString());
    }

    @Test
    void schemaErrorsNameLineAndColumn() {
        CliRunner.Run r = plan("""
                version: 1
                defaults:
                  subscription: not-a-guid
                  credential: password-in-here
                workspaces:
                  prod:
                    workspace: ws-prod
                    severity: High
                """);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sentinelctl: bad deployment config:"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:3:17: invalid setting defaults.subscription:"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:4:15: invalid setting defaults.credential:"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:8:5: invalid setting workspaces.prod.severity:"), r.err());
        assertTrue(r.err().contains("defaults.subscription: 'not-a-guid' is not a subscription id (a GUID)"), r.err());
        assertTrue(r.err().contains("defaults.credential: 'password-in-here' is not one of: environment, "
                + "workload-identity, github-oidc, azure-cli, managed-identity"), r.err());
        assertTrue(r.err().contains("workspaces.prod.severity: unknown setting 'severity' here"), r.err());
    }

    @Test
    void badPreflightSettingsNameLineAndColumn() {
        CliRunner.Run r = plan("""
                defaults:
                  preflight: {missingTable: ignore, checkData: weekly}
                workspaces:
                  prod:
                    workspace: ws-prod
                    preflight: {onMissing: skip}
                  dev:
                    workspace: ws-dev
                    preflight: maybe
                """);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:2:29: invalid setting defaults.preflight.missingTable: 'ignore' is not "
                + "one of: skip, disable, deploy, fail"), r.err());
        assertTrue(r.err().contains("defaults.preflight.checkData: 'weekly' is not a duration; write 30m, 1h, 1d or PT1H"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:6:17: invalid setting workspaces.prod.preflight.onMissing: unknown "
                + "setting 'onMissing' here"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:9:16: invalid setting workspaces.dev.preflight: 'maybe' is not a "
                + "preflight setting; write false, true or {missingTable: skip, checkData: 7d, noData: disable}"), r.err());
        DeployFixture.write(dir.resolve("sentinelctl.yaml"), "workspaces:\n  prod: {workspace: ws-prod, tenant: t, "
                + "subscription: 11111111-2222-3333-4444-555555555555, resourceGroup: rg, credential: environment}\n");
        CliRunner.Run flags = CliRunner.runWithEnv(Map.of(), "plan", "--config", dir.resolve("sentinelctl.yaml").toString(),
                "--check-data=soon");
        assertEquals(2, flags.exit(), flags.err());
        assertTrue(flags.err().contains("--check-data soon is not a duration"), flags.err());
    }

    @Test
    void badNamesAndDurationsAreExplained() {
        CliRunner.Run r = plan("""
                workspaces:
                  "bad name":
                    workspace: ws-prod
                    overrides:
                      "not valid!": {enabled: false}
                      abc: {queryFrequency: soon}
                """);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:2:3: invalid setting workspaces.bad name: 'bad name' is not a valid name here"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:5:7: invalid setting workspaces.bad name.overrides.not valid!: "
                + "'not valid!' is not a valid name here"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:6:29: invalid setting workspaces.bad name.overrides.abc.queryFrequency: "
                + "'soon' is not a duration; write 30m, 1h, 1d or PT1H"), r.err());
    }

    @Test
    void keysOrValuesThatLookLikeSecretsAreRefused() {
        CliRunner.Run r = plan("""
                workspaces:
                  prod:
                    tenant: contoso.onmicrosoft.com
                    subscription: 11111111-2222-3333-4444-555555555555
                    resourceGroup: rg
                    workspace: ws-prod
                    credential: environment
                    clientSecret: abc123
                """);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:8:5: 'clientSecret' looks like a secret; secrets never go in this file"), r.err());
        assertTrue(r.err().contains("AZURE_CLIENT_SECRET"), r.err());
        assertFalse(r.err().contains("abc123"), "the secret is not echoed");
        CliRunner.Run jwt = plan("""
                source: eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmNkZWZnaGlqIn0.c2lnbmF0dXJl
                workspaces:
                  prod: {workspace: ws-prod}
                """);
        assertEquals(2, jwt.exit());
        assertTrue(jwt.err().contains("sentinelctl.yaml:1:9: this value looks like a token or private key"), jwt.err());
        assertFalse(jwt.err().contains("eyJhbGciOiJSUzI1NiJ9"), jwt.err());
    }

    @Test
    void settingsMissingAfterDefaultsAndDuplicateWorkspacesAreErrors() {
        CliRunner.Run r = plan("""
                defaults:
                  tenant: t
                  credential: azure-cli
                workspaces:
                  a:
                    subscription: 11111111-2222-3333-4444-555555555555
                    workspace: ws-prod
                  b:
                    subscription: 11111111-2222-3333-4444-555555555555
                    resourceGroup: rg
                    workspace: ws-prod
                  c:
                    subscription: 11111111-2222-3333-4444-555555555555
                    resourceGroup: RG
                    workspace: WS-PROD
                """);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:5:3: workspace 'a' has no resourceGroup"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:12:3: workspaces 'b' and 'c' are the same Azure workspace"), r.err());
        CliRunner.Run yaml = plan("workspaces:\n  prod: [\n");
        assertEquals(2, yaml.exit());
        assertTrue(yaml.err().contains("sentinelctl.yaml:"), yaml.err());
        CliRunner.Run missing = CliRunner.runWithEnv(Map.of(), "plan", "--config", dir.resolve("none.yaml").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no deployment config at"), missing.err());
        CliRunner.Run detailed = CliRunner.runWithEnv(Map.of(), "plan", "--detailed-exitcode", "--config",
                dir.resolve("none.yaml").toString());
        assertEquals(1, detailed.exit(), "Terraform's convention: 1 is an error, 2 means changes");
    }

    @Test
    void overridesSelectionAndTwoWorkspacesInOneSubscription() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(3);
            f.hunt(1);
            f.writeConfig("""
                    source: %s
                    defaults:
                      tenant: sandbox-tenant
                      subscription: %s
                      resourceGroup: %s
                      credential: environment
                      overrides:
                        "*": {triggerThreshold: 2}
                    workspaces:
                      prod:
                        workspace: %s
                        overrides:
                          %s: {severity: High, queryFrequency: 30m, queryPeriod: 2h}
                      dev:
                        workspace: ws-dev
                        content:
                          exclude: {kinds: [HuntingQuery], ids: [%s]}
                        overrides:
                          "*": {enabled: false}
                    """.formatted(DeployFixture.SOURCE, DeployFixture.SUB, DeployFixture.RG, DeployFixture.WS,
                    DeployFixture.ruleId(1), DeployFixture.ruleId(3)));
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.out().contains("Workspace dev"), apply.out());
            ScheduledAlertRule prod1 = (ScheduledAlertRule) f.portal().alertRules()
                    .get(DeployFixture.RG, DeployFixture.WS, DeployFixture.ruleId(1)).innerModel();
            assertEquals("High", prod1.severity().toString());
            assertEquals(java.time.Duration.ofMinutes(30), prod1.queryFrequency());
            assertEquals(java.time.Duration.ofHours(2), prod1.queryPeriod());
            assertEquals(2, prod1.triggerThreshold());
            assertTrue(prod1.enabled());
            ScheduledAlertRule dev1 = (ScheduledAlertRule) f.portal().alertRules()
                    .get(DeployFixture.RG, "ws-dev", DeployFixture.ruleId(1)).innerModel();
            assertFalse(dev1.enabled());
            assertEquals("Medium", dev1.severity().toString());
            assertEquals(2, f.portal().alertRules().list(DeployFixture.RG, "ws-dev").stream().count(),
                    "dev excludes rule 3 and the hunting query");
            CliRunner.Run only = f.run("plan", "--workspace", "dev", "--detailed-exitcode");
            assertEquals(0, only.exit(), only.out() + only.err());
            assertFalse(only.out().contains("Workspace prod"), only.out());
            CliRunner.Run unknown = f.run("plan", "--workspace", "nope");
            assertEquals(2, unknown.exit());
            assertTrue(unknown.err().contains("no workspace 'nope' in the config; it has: prod, dev"), unknown.err());
        }
    }

    @Test
    void theClientSecretNeverAppearsInAnyOutputEvenOnErrors() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(2);
            f.hunt(1);
            // DeployFixture.close() asserts the secret is in none of the captured outputs.
            for (String format : new String[] {"text", "json"}) {
                f.run("plan", "--format", format);
                f.run("apply", "--format", format);
                f.run("drift", "--format", format);
            }
            f.run("export", "--workspace", "prod", "--out", dir.resolve("x").toString());
            f.run("plan", "--debug", "--credential", "github-oidc");
            CliRunner.Run wrongTrust = f.run("plan", "--arm-trust", dir.resolve("missing.pem").toString());
            assertEquals(2, wrongTrust.exit());
            Files.writeString(dir.resolve("other.pem"), "not a certificate");
            f.run("plan", "--debug", "--arm-trust", dir.resolve("other.pem").toString());
            assertTrue(f.sandbox.stats().count("POST", "token") >= 1, "the secret was used against the fake token endpoint");
            String log = f.sandbox.stats().recent().toString();
            assertFalse(log.contains(f.secret));
        }
    }

    @Test
    void apiVersionsInTheConfigAreSentByEveryCallOfThatKindAndTheOthersKeepTheTable() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(1);
            f.hunt(1);
            f.writeConfig(DeployFixture.config("") + "apiVersions:\n  savedSearches: 2023-09-01\n");
            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            Map<String, java.util.Set<String>> sent = new java.util.TreeMap<>();
            for (var r : f.sandbox.stats().recent()) {
                String q = r.pathAndQuery();
                String type = q.contains("/savedSearches") ? "savedSearches" : q.contains("/alertRules") ? "alertRules"
                        : q.contains("/metadata") ? "metadata" : null;
                if (type == null) continue;
                sent.computeIfAbsent(type, t -> new java.util.TreeSet<>()).add(q.replaceAll(".*api-version=([^&]+).*", "$1"));
            }
            assertEquals(Map.of("savedSearches", java.util.Set.of("2023-09-01"), "alertRules",
                    java.util.Set.of("2023-12-01-preview"), "metadata", java.util.Set.of("2025-09-01")), sent);
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit(), "a rerun with the same versions changes nothing");
        }
    }

    @Test
    void badApiVersionsNameLineAndColumn() {
        CliRunner.Run r = plan("""
                apiVersions:
                  alertRules: latest
                  summaryLogs: 2025-07-01
                workspaces:
                  prod: {workspace: ws-prod, tenant: t, subscription: 11111111-2222-3333-4444-555555555555, resourceGroup: rg, credential: environment}
                """);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:2:15: invalid setting apiVersions.alertRules: 'latest' is not an "
                + "api-version; write yyyy-mm-dd or yyyy-mm-dd-preview (e.g. 2025-09-01)"), r.err());
        assertTrue(r.err().contains("sentinelctl.yaml:3:3: invalid setting apiVersions.summaryLogs: unknown setting "
                + "'summaryLogs' here"), r.err());
    }
}

package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxTokens;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fleet's per-tenant exclusions and overrides reach Defender XDR custom detections: each tenant's Graph rule carries
 * its own exclusions compiled into {@code queryCondition.queryText} (the sandbox's Graph stand-in keeps tenants apart).
 */
class DeployFleetCustomDetectionTest {
    static final String TENANT_A = "aaaaaaaa-1111-1111-1111-111111111111";
    static final String TENANT_B = "bbbbbbbb-2222-2222-2222-222222222222";
    static final String COLLECTION = "/security/rules/detectionRules";
    /** A value that would end the string and add a pipe if it were pasted, not escaped. */
    static final String HOSTILE = "o'brien\\\"; DeviceEvents | take 0 //";

    @TempDir
    Path dir;

    static String detectionId() {
        return DeployCustomDetectionTest.detectionId(7);
    }

    static void detection(DeployFixture f) {
        DeployFixture.write(f.content.resolve("Custom Detections/EncodedPowerShell.yaml"), """
                id: %s
                displayName: Encoded PowerShell
                isEnabled: true
                queryCondition:
                  queryText: |
                    DeviceProcessEvents
                    | where FileName =~ "powershell.exe" and ProcessCommandLine has "-enc"
                    | project Timestamp, ReportId, DeviceId, DeviceName, ProcessCommandLine
                schedule:
                  period: 1H
                detectionAction:
                  alertTemplate:
                    title: Encoded PowerShell
                    description: PowerShell ran with an encoded command.
                    severity: medium
                    category: Execution
                    mitreTechniques: [T1059.001]
                    impactedAssets:
                      - "@odata.type": "#microsoft.graph.security.impactedDeviceAsset"
                        identifier: deviceId
                  responseActions: []
                exclusions:
                  - name: excludedDevices
                    column: DeviceName
                    match: equals
                version: 1.0.0
                """.formatted(detectionId()));
    }

    static String fleet(String fabrikamOverride) {
        return """
                fleet:
                  defaults:
                    credential: app
                    resourceGroup: %s
                    subscription: %s
                  credentials:
                    app: {type: environment}
                  groups:
                    contoso:
                      tenant: %s
                      exclusions:
                        excludedDevices: [build-01, "%s"]
                    fabrikam:
                      tenant: %s
                      overrides:
                        %s: %s
                      exclusions:
                        excludedDevices: [lab-07]
                  rings:
                    - name: all
                      workspaces: [{name: law-contoso, group: contoso}, {name: law-fabrikam, group: fabrikam}]
                """.formatted(RG, SUB, TENANT_A, HOSTILE, TENANT_B, detectionId(), fabrikamOverride);
    }

    @Test
    void aLighthouseCredentialOfTheManagingTenantIsRefusedForCustomDetectionsNotSentToTheWrongTenant() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            detection(f);
            f.rules(1);
            String managing = "cccccccc-3333-3333-3333-333333333333";
            Path fleetFile = dir.resolve("fleet.yaml");
            DeployFixture.write(fleetFile, fleet("{severity: High}").replace("    app: {type: environment}\n",
                    "    app: {type: environment}\n    mssp: {type: environment, tenant: " + managing + ", lighthouse: true}\n")
                    .replace("    fabrikam:\n      tenant:", "    fabrikam:\n      credential: mssp\n      tenant:"));
            CliRunner.Run apply = f.run("apply", "--fleet", fleetFile.toString());
            assertEquals(1, apply.exit(), apply.out() + apply.err());
            assertTrue(apply.err().contains("workspace 'law-fabrikam': custom detection " + detectionId() + " belongs to tenant "
                    + TENANT_B + ", but credential 'mssp' signs in to tenant " + managing
                    + " (Azure Lighthouse delegates ARM, not Microsoft Graph)"), apply.err());
            assertEquals(1, DeployCustomDetectionTest.graphClient(f, SandboxTokens.GRAPH, TENANT_A).list(COLLECTION, "v1.0").size());
            for (String tenant : List.of(TENANT_B, managing)) {
                assertEquals(0, DeployCustomDetectionTest.graphClient(f, SandboxTokens.GRAPH, tenant).list(COLLECTION, "v1.0").size(),
                        "nothing in " + tenant);
            }
        }
    }

    @Test
    void testRunsTheDetectionAsEachTenantDeploysIt() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            detection(f);
            DeployFixture.write(dir.resolve("fleet.yaml"), fleet("{severity: High}"));
            DeployFixture.write(f.content.resolve("Custom Detections/EncodedPowerShell.tests.yaml"), """
                    fleet: ../../fleet.yaml
                    defaults:
                      now: 2026-12-06T12:00:00Z
                      tables:
                        DeviceProcessEvents:
                          - {Timestamp: now-10m, ReportId: 1, DeviceId: d1, DeviceName: build-01, FileName: powershell.exe, ProcessCommandLine: "powershell -enc AAA"}
                    tests:
                      - name: the build server is excluded at contoso
                        workspace: law-contoso
                        expect: {fires: false}
                      - name: fabrikam has no such exclusion
                        workspace: law-fabrikam
                        expect: {fires: true, rows: 1, contains: [{DeviceName: build-01}]}
                      - name: without a workspace the content's own query fires
                        expect: {fires: true}
                    """);
            CliRunner.Run run = CliRunner.run("test", f.content.toString());
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("3 passed"), run.out());
        }
    }

    private static ObjectNode only(DeployFixture f, String tenant) {
        List<ObjectNode> rules = DeployCustomDetectionTest.graphClient(f, SandboxTokens.GRAPH, tenant).list(COLLECTION, "v1.0");
        assertEquals(1, rules.size(), tenant + ": " + rules);
        return rules.get(0);
    }

    @Test
    void eachTenantsGraphRuleCarriesItsOwnExclusionsAndOverrides() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            detection(f);
            Path fleetFile = dir.resolve("fleet.yaml");
            DeployFixture.write(fleetFile, fleet("{severity: High, enabled: false}"));
            CliRunner.Run check = CliRunner.run("check", f.content.toString());
            assertEquals(0, check.exit(), "exclusions are declared and checked on a custom detection: " + check.out());

            CliRunner.Run apply = f.run("apply", "--fleet", fleetFile.toString());
            assertEquals(0, apply.exit(), apply.out() + apply.err());

            ObjectNode contoso = only(f, TENANT_A);
            String a = contoso.path("queryCondition").path("queryText").asString();
            assertTrue(a.startsWith("let __sentinelctl_excludedDevices = dynamic([\"build-01\", \"o'brien\\\"; DeviceEvents | take 0 //\"]);\n"), a);
            assertTrue(a.contains("DeviceProcessEvents\n| where not(DeviceName in~ (__sentinelctl_excludedDevices))\n"), a);
            assertFalse(a.contains("lab-07"), a);
            assertEquals("medium", contoso.path("detectionAction").path("alertTemplate").path("severity").asString());
            assertTrue(contoso.path("isEnabled").asBoolean());

            ObjectNode fabrikam = only(f, TENANT_B);
            String b = fabrikam.path("queryCondition").path("queryText").asString();
            assertTrue(b.contains("dynamic([\"lab-07\"])") && !b.contains("build-01") && !b.contains("brien"), b);
            assertEquals("high", fabrikam.path("detectionAction").path("alertTemplate").path("severity").asString(),
                    "the fabrikam override of this detection");
            assertFalse(fabrikam.path("isEnabled").asBoolean(true));

            CliRunner.Run again = f.run("plan", "--fleet", fleetFile.toString(), "--detailed-exitcode");
            assertEquals(0, again.exit(), "a rerun is no change in both tenants:\n" + again.out() + again.err());

            // An override field a detection rule has no counterpart for is refused for that workspace, not ignored.
            DeployFixture.write(fleetFile, fleet("{queryFrequency: 2h}"));
            CliRunner.Run refused = f.run("plan", "--fleet", fleetFile.toString());
            assertTrue(refused.exit() != 0, refused.out() + refused.err());
            assertTrue(refused.err().contains("override " + detectionId() + ".queryFrequency does not apply to a custom detection"),
                    refused.out() + refused.err());
        }
    }
}

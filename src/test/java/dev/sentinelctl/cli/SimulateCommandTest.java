package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.WorkspaceRef;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code sentinelctl simulate} end to end: the sandbox workspace serves SecurityEvent rows from a table setup, and each
 * hourly rule is re-run at every hour of the last two days through the real SDK pipeline.
 */
class SimulateCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private static ArrayNode events() throws Exception {
        return (ArrayNode) JSON.readTree("""
                [
                  {"TimeGenerated": "2024-04-29T11:30:00Z", "EventID": 4001, "Computer": "before-the-range"},
                  {"TimeGenerated": "2024-04-30T10:30:00Z", "EventID": 4001, "Computer": "dc1"},
                  {"TimeGenerated": "2024-05-01T03:15:00Z", "EventID": 4001, "Computer": "dc1"},
                  {"TimeGenerated": "2024-05-01T03:45:00Z", "EventID": 4001, "Computer": "dc2"},
                  {"TimeGenerated": "2024-05-01T05:10:00Z", "EventID": 4999, "Computer": "other-event"},
                  {"TimeGenerated": "2024-05-01T07:10:00Z", "EventID": 4002, "Computer": "older-than-ago"},
                  {"TimeGenerated": "2024-05-01T07:40:00Z", "EventID": 4002, "Computer": "inside-ago"}
                ]""");
    }

    @Test
    void eachRuleIsReRunAtItsFrequencyOverItsPeriodAndAlertsAreCountedPerDay() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rule(1, "Medium", DeployFixture.query(1));
            // ago() must mean the evaluation time, not the wall clock: only the 07:40 event is within 30 minutes of 08:00
            f.rule(2, "Medium", "SecurityEvent\n| where TimeGenerated > ago(30m)\n| where EventID == 4002\n| project TimeGenerated, Computer");
            f.sandbox.configureTables(new WorkspaceRef(DeployFixture.SUB, DeployFixture.RG, DeployFixture.WS), false, Map.of(),
                    Map.of("SecurityEvent", events()));
            CliRunner.Run run = f.run("simulate", "--days", "2", "--now", "2024-05-01T12:00:00Z", "--format", "json");
            assertEquals(0, run.exit(), run.out() + run.err());
            JsonNode report = JSON.readTree(run.out());
            JsonNode rules = report.path("workspaces").path(0).path("rules");
            assertEquals(2, rules.size(), run.out());
            JsonNode r1 = rules.path(0).path("name").asString().equals("Rule number 1") ? rules.path(0) : rules.path(1);
            JsonNode r2 = r1 == rules.path(0) ? rules.path(1) : rules.path(0);
            assertEquals(48, r1.path("evaluations").asInt());
            assertEquals("{\"2024-04-29\":0,\"2024-04-30\":1,\"2024-05-01\":1}", r1.path("perDay").toString(),
                    "one alert per firing run (SingleAlert), the two 03:xx events in one run; the event before the range is out");
            assertEquals(2, r1.path("total").asLong());
            assertEquals("{\"2024-04-29\":0,\"2024-04-30\":0,\"2024-05-01\":1}", r2.path("perDay").toString(), run.out());
            assertEquals(96, f.count("POST", "query"), "one query per rule and evaluation");

            CliRunner.Run text = f.run("simulate", "--days", "2", "--now", "2024-05-01T12:00:00Z");
            assertEquals(0, text.exit(), text.out() + text.err());
            assertTrue(text.out().contains("workspace prod"), text.out());
            assertTrue(text.out().matches("(?s).*Rule number 1\\s+1h\\s+1h\\s+48\\s+2\\s+0\\s+1\\s+1\\s+2\\n.*"), text.out());
        }
    }

    @Test
    void aQueryTheWorkspaceRefusesMakesTheRuleIncompleteAndExitsOne() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rule(1, "Medium", "SecurityEvent\n| evaluate no_such_plugin()");
            CliRunner.Run run = f.run("simulate", "--days", "1", "--now", "2024-05-01T12:00:00Z");
            assertEquals(1, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("Rule1.yaml): incomplete: the query failed at the evaluation of 2024-04-30T13:00:00Z: "
                    + "400 BadArgumentError"), run.out());
            assertTrue(run.out().contains("EVAL-unsupported: plugin 'no_such_plugin'"), "the engine's reason is passed on: " + run.out());
        }
    }

    @Test
    void aFleetSimulatesEachWorkspaceWithItsOwnExclusionsCompiledIn() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            DeployFixture.write(f.ruleFile(1), """
                    id: %s
                    name: Logon failures
                    description: |
                      Failed logons.
                    severity: Medium
                    requiredDataConnectors:
                      - connectorId: SecurityEvents
                        dataTypes:
                          - SecurityEvent
                    queryFrequency: 1h
                    queryPeriod: 1h
                    triggerOperator: gt
                    triggerThreshold: 0
                    tactics:
                      - CredentialAccess
                    relevantTechniques:
                      - T1110
                    query: |
                      SecurityEvent
                      | where EventID == 4001
                      | project TimeGenerated, Computer
                    exclusions:
                      - name: excludedComputers
                        description: Known noisy hosts
                        column: Computer
                        match: equals
                    version: 1.0.0
                    kind: Scheduled
                    """.formatted(DeployFixture.ruleId(1)));
            Path fleetFile = dir.resolve("fleet.yaml");
            DeployFixture.write(fleetFile, """
                    fleet:
                      defaults:
                        credential: app
                        resourceGroup: %s
                        subscription: %s
                      credentials:
                        app: {type: environment}
                      groups:
                        quiet:
                          tenant: 11111111-1111-1111-1111-111111111111
                          exclusions:
                            excludedComputers: [dc1]
                        plain:
                          tenant: 33333333-3333-3333-3333-333333333333
                      rings:
                        - name: all
                          workspaces: [{name: law-a, group: quiet}, {name: law-b, group: plain}]
                    """.formatted(DeployFixture.RG, DeployFixture.SUB));
            for (String ws : new String[] {"law-a", "law-b"}) {
                f.sandbox.configureTables(new WorkspaceRef(DeployFixture.SUB, DeployFixture.RG, ws), false, Map.of(),
                        Map.of("SecurityEvent", events()));
            }
            CliRunner.Run run = f.run("simulate", "--fleet", fleetFile.toString(), "--days", "2", "--now", "2024-05-01T12:00:00Z",
                    "--format", "json");
            assertEquals(0, run.exit(), run.out() + run.err());
            JsonNode wss = JSON.readTree(run.out()).path("workspaces");
            assertEquals("law-a", wss.path(0).path("name").asString());
            // law-a excludes dc1: the 04-30 10:30 run (dc1 only) stays silent, the 03:xx run still has dc2
            assertEquals("{\"2024-04-29\":0,\"2024-04-30\":0,\"2024-05-01\":1}", wss.path(0).path("rules").path(0).path("perDay").toString());
            assertEquals("{\"2024-04-29\":0,\"2024-04-30\":1,\"2024-05-01\":1}", wss.path(1).path("rules").path(0).path("perDay").toString());
        }
    }

    @Test
    void anAnomalyRuleNeedsTheSeasonalityTheSandboxSetupPins() throws Exception {
        String anomaly = "SecurityEvent\n| summarize c = count()\n| extend s = dynamic([1, 3, 2, 5, 4, 30, 2, 3, 4, 2])"
                + "\n| extend (anomalies, score, baseline) = series_decompose_anomalies(s, 1.5, -1, 'linefit')"
                + "\n| mv-expand anomalies to typeof(int)\n| where anomalies != 0\n| project c, anomalies";
        WorkspaceRef ws = new WorkspaceRef(DeployFixture.SUB, DeployFixture.RG, DeployFixture.WS);
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rule(1, "Medium", anomaly);
            // the service detects the period itself; the sandbox's engine cannot, so without a pin the rule is incomplete
            f.sandbox.configureTables(ws, false, Map.of(), Map.of("SecurityEvent", events()));
            CliRunner.Run unpinned = f.run("simulate", "--days", "1", "--now", "2024-05-01T12:00:00Z");
            assertEquals(1, unpinned.exit(), unpinned.out() + unpinned.err());
            assertTrue((unpinned.out() + unpinned.err()).contains("seasonality"), unpinned.out() + unpinned.err());

            f.sandbox.configureTables(ws, false, Map.of(), Map.of("SecurityEvent", events()), java.util.OptionalInt.of(0));
            CliRunner.Run pinned = f.run("simulate", "--days", "1", "--now", "2024-05-01T12:00:00Z", "--format", "json");
            assertEquals(0, pinned.exit(), pinned.out() + pinned.err());
            JsonNode rule = JSON.readTree(pinned.out()).path("workspaces").path(0).path("rules").path(0);
            assertEquals(24, rule.path("evaluations").asInt(), pinned.out());
            assertEquals(24, rule.path("firingRuns").asInt(), "the spike of 30 is flagged at every evaluation: " + pinned.out());
        }
    }
}

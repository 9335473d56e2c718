package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `sentinelctl test` end to end on the in-process engine: exit codes, output formats, tenants, polarity, baseline. */
class TestCommandTest {
    static final String RULE = """
            id: 7d0c5a38-4f57-4a0e-9b0e-3f3c8a1d2e11
            name: Bulk sender
            description: |
              One sender mails more than two messages within the hour.
            severity: Low
            requiredDataConnectors:
              - connectorId: MicrosoftThreatProtection
                dataTypes:
                  - EmailEvents
            queryFrequency: 1h
            queryPeriod: 1h
            triggerOperator: gt
            triggerThreshold: 0
            tactics:
              - InitialAccess
            relevantTechniques:
              - T1566
            query: |
              EmailEvents
              | where TimeGenerated > ago(1h)
              | summarize Messages = count() by SenderFromAddress
              | where Messages > 2
            exclusions:
              - name: excludedSenders
                description: Report mailers
                column: SenderFromAddress
                match: equals
            entityMappings:
              - entityType: Account
                fieldMappings:
                  - identifier: FullName
                    columnName: SenderFromAddress
            version: 1.0.0
            kind: Scheduled
            """;
    static final String TESTS = """
            fleet: fleet.yaml
            defaults:
              now: 2024-05-01T12:00:00Z
              tables:
                EmailEvents:
                  generate:
                    - count: 3
                      row: {TimeGenerated: now-5m, SenderFromAddress: reports@siem.example}
            tests:
              - name: report mailer fires without exclusions
                expect:
                  fires: true
                  contains: [{SenderFromAddress: reports@siem.example, Messages: 3}]
                  entitiesNonEmpty: true
              - name: the exclusion silences it
                exclusions: {excludedSenders: [reports@siem.example]}
                expect:
                  fires: false
              - name: the tenant's workspace silences it
                workspace: law-contoso
                expect:
                  rows: 0
            """;
    static final String FLEET = """
            fleet:
              defaults: {credential: c, resourceGroup: rg}
              credentials: {c: {type: azure-cli, tenant: 00000000-0000-0000-0000-00000000aaaa}}
              groups:
                contoso:
                  tenant: 11111111-1111-1111-1111-111111111111
                  subscription: 33333333-3333-3333-3333-333333333333
                  exclusions: {excludedSenders: [reports@siem.example]}
              rings:
                - name: all
                  workspaces: [{name: law-contoso, group: contoso}]
            """;

    @TempDir
    Path root;
    Path content;
    Path rules;

    @BeforeEach
    void setUp() throws Exception {
        content = root.resolve("content");
        rules = content.resolve("Detections/EmailEvents");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("Bulk.yaml"), RULE);
        Files.writeString(rules.resolve("Bulk.tests.yaml"), TESTS);
        Files.writeString(rules.resolve("fleet.yaml"), FLEET);
        Files.createDirectories(root.resolve(".git"));
    }

    @Test
    void passingTestsExitZeroAndPrintEachTest() {
        CliRunner.Run run = CliRunner.run("test", content.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("PASS "), run.out());
        assertTrue(run.out().contains("[workspace law-contoso]"), run.out());
        assertTrue(run.out().contains("Tests: 3 passed, 0 failed, 0 errors"), run.out());
    }

    @Test
    void aFailingTestExitsOneWithItsLineInTextSarifAndJunit() throws Exception {
        Files.writeString(rules.resolve("Bulk.tests.yaml"), TESTS.replace("fires: false", "fires: true"));
        Path sarif = root.resolve("out.sarif");
        Path junit = root.resolve("out.xml");
        CliRunner.Run run = CliRunner.run("test", content.toString(), "--format", "text", "--format", "sarif", "--output", sarif.toString(),
                "--format", "junit", "--output", junit.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL "), run.out());
        assertTrue(run.out().contains("Bulk.tests.yaml:18:") && run.out().contains("TEST-failed"), run.out());
        JsonNode result = JsonMapper.builder().build().readTree(Files.readString(sarif)).path("runs").get(0).path("results").get(0);
        assertEquals("TEST-failed", result.path("ruleId").asString());
        assertEquals(18, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertTrue(result.at("/locations/0/physicalLocation/artifactLocation/uri").asString().endsWith("Bulk.tests.yaml"));
        String xml = Files.readString(junit);
        assertEquals(3, xml.split("<testcase ", -1).length - 1, xml);
        assertTrue(xml.contains("tests=\"3\" failures=\"1\" errors=\"0\""), xml);
        assertTrue(xml.contains("name=\"the exclusion silences it\"") && xml.contains("<failure type=\"TEST-failed\""), xml);
    }

    @Test
    void jsonListsEveryTestAndItsStatus() throws Exception {
        CliRunner.Run run = CliRunner.run("test", content.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertEquals(3, json.at("/summary/passed").asInt());
        assertEquals("passed", json.at("/tests/1/status").asString());
        assertEquals(0, json.at("/tests/1/rows").asInt());
        assertEquals("law-contoso", json.at("/tests/2/workspace").asString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRunner.run("test", root.resolve("missing").toString()).exit());
        assertEquals(2, CliRunner.run("test", content.toString(), "--allow", rules.resolve("fleet.yaml").toString()).exit());
        assertEquals(2, CliRunner.run("test", content.toString(), "--baseline", root.toString(), "--now", "soon").exit());
        assertEquals(2, CliRunner.run("test", content.toString(), "--minimum-tests", "many").exit());
    }

    @Test
    void unknownWorkspaceAndUndeclaredExclusionAreTestErrors() throws Exception {
        Files.writeString(rules.resolve("Bulk.tests.yaml"), TESTS.replace("workspace: law-contoso", "workspace: law-contosso")
                .replace("{excludedSenders: [reports@siem.example]}", "{excludedSender: [reports@siem.example]}"));
        CliRunner.Run run = CliRunner.run("test", content.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("workspace 'law-contosso' is not in fleet file") && run.out().contains("did you mean 'law-contoso'"), run.out());
        assertTrue(run.out().contains("values given for 'excludedSender', which the query does not declare"), run.out());
        assertTrue(run.out().contains("Tests: 1 passed, 0 failed, 2 errors"), run.out());
    }

    @Test
    void fixtureSchemaErrorsAreReportedAtTheirLine() throws Exception {
        Files.writeString(rules.resolve("Bulk.tests.yaml"), TESTS.replace("SenderFromAddress: reports@siem.example}", "SenderAddress: x}"));
        CliRunner.Run run = CliRunner.run("test", content.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("Bulk.tests.yaml:8:") && run.out().contains("TEST-fixture-column")
                && run.out().contains("has no column 'SenderAddress'"), run.out());
        assertTrue(run.out().contains("Did you mean 'SenderFromAddress'?"), run.out());
    }

    @Test
    void bothPolaritiesInTestAndInCheck() throws Exception {
        String positiveOnly = TESTS.substring(0, TESTS.indexOf("  - name: the exclusion silences it"));
        Files.writeString(rules.resolve("Bulk.tests.yaml"), positiveOnly);
        assertEquals(0, CliRunner.run("test", content.toString(), "--minimum-tests", "1").exit());
        CliRunner.Run run = CliRunner.run("test", content.toString(), "--minimum-tests", "2");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("TEST-missing-negative") && run.out().contains("Bulk.yaml:2:"), run.out());
        assertFalse(run.out().contains("TEST-missing-positive"), run.out());

        Files.writeString(root.resolve(".sentinelctl.yaml"), "minimumTests: 2\n");
        CliRunner.Run check = CliRunner.run("check", content.toString());
        assertEquals(1, check.exit(), check.out());
        assertTrue(check.out().contains("TEST-missing-negative"), check.out());
        Files.delete(rules.resolve("Bulk.tests.yaml"));
        CliRunner.Run none = CliRunner.run("check", content.toString());
        assertTrue(none.out().contains("TEST-missing-positive") && none.out().contains("it has no tests file (Bulk.tests.yaml)"), none.out());
        Files.writeString(rules.resolve("Bulk.tests.yaml"), TESTS);
        assertEquals(0, CliRunner.run("check", content.toString()).exit());
    }

    @Test
    void orphanTestsFilesAreReported() throws Exception {
        Files.writeString(rules.resolve("Gone.tests.yaml"), TESTS);
        CliRunner.Run run = CliRunner.run("test", content.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("Gone.tests.yaml:1:1: error TEST-orphan"), run.out());
    }

    @Test
    void baselineReportsRulesThatFireUnlessAllowListed() throws Exception {
        Path benign = root.resolve("benign");
        Files.createDirectories(benign);
        Files.writeString(benign.resolve("EmailEvents.csv"), "TimeGenerated [UTC],SenderFromAddress,Subject\n"
                + "2024-05-01T11:10:00Z,reports@siem.example,Daily\n2024-05-01T11:20:00Z,reports@siem.example,Daily\n"
                + "2024-05-01T11:30:00Z,reports@siem.example,Daily\n2024-05-01T11:40:00Z,alice@contoso.example,Hi\n");
        CliRunner.Run run = CliRunner.run("test", content.toString(), "--baseline", benign.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("TEST-baseline-fires") && run.out().contains("'Bulk sender' fires on the benign baseline"), run.out());
        assertTrue(run.out().contains("Bulk.yaml:18:"), run.out());

        Path allow = root.resolve("allow.yaml");
        Files.writeString(allow, "allow:\n  - rule: 7d0c5a38-4f57-4a0e-9b0e-3f3c8a1d2e11\n    reason: the SIEM mails its reports\n");
        assertEquals(0, CliRunner.run("test", content.toString(), "--baseline", benign.toString(), "--allow", allow.toString()).exit());

        Files.writeString(benign.resolve("EmailEvents.csv"), "TimeGenerated [UTC],SenderFromAddress\n2024-05-01T11:40:00Z,alice@contoso.example\n");
        CliRunner.Run stale = CliRunner.run("test", content.toString(), "--baseline", benign.toString(), "--allow", allow.toString());
        assertEquals(0, stale.exit(), stale.out());
        assertTrue(stale.out().contains("warning TEST-baseline-stale-allow allow-list entry"), stale.out());

        Files.writeString(benign.resolve("EmailEvent.csv"), "TimeGenerated\n2024-05-01T11:40:00Z\n");
        CliRunner.Run badName = CliRunner.run("test", content.toString(), "--baseline", benign.toString());
        assertEquals(1, badName.exit());
        assertTrue(badName.out().contains("Did you mean EmailEvents?"), badName.out());
    }

    @Test
    void watchlistFixturesFeedGetWatchlistAndWatchlistExclusions() throws Exception {
        Path dir = root.resolve("wl/Detections/SigninLogs");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Vip.yaml"), """
                id: 1d0c5a38-4f57-4a0e-9b0e-3f3c8a1d2e11
                name: VIP sign-in failure
                description: |
                  A VIP user fails to sign in.
                severity: Low
                requiredDataConnectors:
                  - connectorId: AzureActiveDirectory
                    dataTypes:
                      - SigninLogs
                queryFrequency: 1h
                queryPeriod: 1h
                triggerOperator: gt
                triggerThreshold: 0
                tactics:
                  - CredentialAccess
                relevantTechniques:
                  - T1110
                query: |
                  let vips = _GetWatchlist('VIPUsers') | project SearchKey;
                  SigninLogs
                  | where TimeGenerated > ago(1h) and ResultType != "0"
                  | where UserPrincipalName in (vips)
                  | project TimeGenerated, UserPrincipalName, IPAddress
                exclusions:
                  - name: trustedIps
                    description: Known egress IPs
                    column: IPAddress
                    match: equals
                entityMappings:
                  - entityType: Account
                    fieldMappings:
                      - identifier: FullName
                        columnName: UserPrincipalName
                version: 1.0.0
                kind: Scheduled
                """);
        String vipTests = """
                defaults:
                  now: 2024-05-01T12:00:00Z
                  watchlists:
                    VIPUsers:
                      searchKey: UPN
                      rows: [{UPN: ceo@contoso.com, Title: CEO}]
                    TrustedIps:
                      rows: [{SearchKey: 198.51.100.1}]
                  tables:
                    SigninLogs:
                      - {TimeGenerated: now-5m, UserPrincipalName: ceo@contoso.com, ResultType: "50126", IPAddress: 198.51.100.1}
                      - {TimeGenerated: now-5m, UserPrincipalName: intern@contoso.com, ResultType: "50126", IPAddress: 203.0.113.9}
                tests:
                  - name: VIP failure fires
                    expect: {fires: true, rows: 1, contains: [{UserPrincipalName: ceo@contoso.com}], entitiesNonEmpty: true}
                  - name: trusted IP watchlist excludes it
                    exclusions: {trustedIps: {watchlist: TrustedIps}}
                    expect: {fires: false}
                """;
        Files.writeString(dir.resolve("Vip.tests.yaml"), vipTests);
        CliRunner.Run run = CliRunner.run("test", root.resolve("wl").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Tests: 2 passed"), run.out());
        Files.writeString(dir.resolve("Vip.tests.yaml"), vipTests.replace("searchKey: UPN", "searchKey: Upn"));
        CliRunner.Run missingKey = CliRunner.run("test", root.resolve("wl").toString());
        assertEquals(1, missingKey.exit());
        assertTrue(missingKey.out().contains("watchlist 'VIPUsers' row has no Upn (its searchKey)"), missingKey.out());
    }

    @Test
    void theBundledContentsTestsPassAndEachExclusionRemovesOnlyItsScenario() {
        CliRunner.Run run = CliRunner.run("test", "content", "--format", "json");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("\"failed\" : 0") && run.out().contains("\"errors\" : 0"), run.out());
        for (String name : new String[] {"excludedSenders removes the SIEM report mailer and nothing else",
                "excludedSubjects removes the backup notifications and nothing else",
                "intraOrgDomains removes department-to-department mail and nothing else",
                "excludedSenders removes cron mail from root@localhost and nothing else",
                "excludedSenderDomains removes the cloud security tool and nothing else",
                "SIEM report sender excluded by address, nothing else", "backup notifications excluded by subject, nothing else",
                "intra-organisational traffic excluded by direction, nothing else",
                "cron alerts from root@localhost excluded by address, nothing else",
                "cloud security notifications excluded by sender domain, nothing else"}) {
            assertTrue(run.out().contains("\"name\" : \"" + name + "\""), name);
        }
    }

    @Test
    void aTestsFileGivenAsThePathRunsItsItemsTests() {
        CliRunner.Run run = CliRunner.run("test", rules.resolve("Bulk.tests.yaml").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Tests: 3 passed"), run.out());
    }
}

package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.SUB;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.WS;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.loganalytics.models.Table;
import com.azure.resourcemanager.loganalytics.models.TablePlanEnum;
import com.azure.resourcemanager.loganalytics.models.TableTypeEnum;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The Log Analytics tables list and the preflight query, per workspace, through the real SDK and raw HTTP. */
class SandboxTablesTest {
    static final String WS_ID = "/subscriptions/" + SUB + "/resourceGroups/" + RG
            + "/providers/Microsoft.OperationalInsights/workspaces/" + WS;
    static final String QUERY = WS_ID + "/api/query?api-version=2020-08-01";

    static String body(String query, String timespan) {
        return "{\"query\": " + SandboxJson.MAPPER.writeValueAsString(query)
                + (timespan == null ? "" : ", \"timespan\": \"" + timespan + "\"") + "}";
    }

    static final String RECENCY = """
            union withsource=SentinelctlTable isfuzzy=true ['SecurityEvent'], ['SigninLogs'], ['Syslog'], ['Old_CL']
            | where TimeGenerated > ago(7d)
            | summarize LastRecord = max(TimeGenerated) by SentinelctlTable""";

    @Test
    void anUnconfiguredWorkspaceHasTheCatalogsTablesAndTheSdkReadsThem() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            List<Table> tables = fx.logAnalytics().tables().listByWorkspace(RG, WS).stream().toList();
            assertTrue(tables.size() > 500, "the catalog's tables: " + tables.size());
            Table se = tables.stream().filter(t -> t.name().equals("SecurityEvent")).findFirst().orElseThrow();
            assertEquals(TablePlanEnum.ANALYTICS, se.plan());
            assertEquals(TableTypeEnum.MICROSOFT, se.schema().tableType());
            assertEquals(30, se.retentionInDays());
            assertFalse(tables.stream().anyMatch(t -> t.name().equals("imDns")), "ASIM parsers are functions, not tables");
            assertEquals("SigninLogs", fx.logAnalytics().tables().get(RG, WS, "SigninLogs").name());
            assertThrows(ManagementException.class, () -> fx.logAnalytics().tables().get(RG, WS, "Nope_CL"));
        }
    }

    @Test
    void aSetUpWorkspaceHasExactlyItsTablesAndTheQueryAnswersWhenEachLastReceivedData() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            HttpResponse<String> setup = fx.send("POST", "/_sandbox/tables", """
                    {"workspace": "%s/%s/%s", "only": true, "tables": {"SecurityEvent": "live", "SigninLogs": "P10D",
                     "Syslog": "empty", "Old_CL": "2020-01-01T00:00:00Z", "Custom_CL": "PT3H"}}""".formatted(SUB, RG, WS), null);
            assertEquals(204, setup.statusCode(), setup.body());
            List<String> names = fx.logAnalytics().tables().listByWorkspace(RG, WS).stream().map(Table::name).toList();
            assertEquals(List.of("Custom_CL", "Old_CL", "SecurityEvent", "SigninLogs", "Syslog"), names);
            assertEquals(TableTypeEnum.CUSTOM_LOG, fx.logAnalytics().tables().get(RG, WS, "Custom_CL").schema().tableType());

            Instant before = Instant.now();
            HttpResponse<String> r = fx.send("POST", QUERY, body(RECENCY, "P7D"), "t");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode table = json(r.body()).path("tables").get(0);
            assertEquals("PrimaryResult", table.path("name").asString());
            assertEquals("SentinelctlTable", table.path("columns").get(0).path("name").asString());
            assertEquals("datetime", table.path("columns").get(1).path("type").asString());
            assertEquals(1, table.path("rows").size(), r.body());
            assertEquals("SecurityEvent", table.path("rows").get(0).get(0).asString());
            assertFalse(Instant.parse(table.path("rows").get(0).get(1).asString()).isBefore(before));
            assertFalse(json(r.body()).has("error"));

            // A wider window: SigninLogs' record from ten days ago is in it; the body's timespan narrows it again.
            String wide = RECENCY.replace("ago(7d)", "ago(14d)");
            assertEquals(2, json(fx.send("POST", QUERY, body(wide, null), "t").body()).path("tables").get(0).path("rows").size());
            assertEquals(1, json(fx.send("POST", QUERY, body(wide, "P7D"), "t").body()).path("tables").get(0).path("rows").size());

            // isfuzzy tolerates a table that does not exist, with Log Analytics' partial error; without it, a 400.
            String gone = "union withsource=S isfuzzy=true SecurityEvent, Gone_CL | summarize L = max(TimeGenerated) by S";
            JsonNode partial = json(fx.send("POST", QUERY, body(gone, null), "t").body());
            assertEquals("PartialError", partial.path("error").path("code").asString());
            assertEquals(1, partial.path("tables").get(0).path("rows").size());
            HttpResponse<String> strict = fx.send("POST", QUERY, body(gone.replace(" isfuzzy=true", ""), null), "t");
            assertEquals(400, strict.statusCode());
            assertTrue(strict.body().contains("Failed to resolve table expression named 'Gone_CL'"), strict.body());
        }
    }

    @Test
    void otherQueriesRunOnOurEngineAndUnknownWorkspacesAre404() throws Exception {
        SandboxOptions strict = SandboxOptions.defaults().withWorkspaces(List.of(new WorkspaceRef(SUB, RG, WS)));
        try (SandboxFixture fx = SandboxFixture.start(strict)) {
            // Any other query runs on sentinelctl's engine over the workspace's table data (none here): a table it
            // cannot resolve is the service's 400 BadArgumentError, with the engine's reason.
            for (String q : List.of("union withsource=S A | summarize count() by S",
                    "union withsource=S A | summarize L = max(TimeGenerated) by Other",
                    "union withsource=S A | summarize L = max(TimeGenerated) by S | take 1")) {
                HttpResponse<String> r = fx.send("POST", QUERY, body(q, null), "t");
                assertEquals(400, r.statusCode(), q);
                assertEquals("BadArgumentError", json(r.body()).path("error").path("code").asString());
                assertTrue(r.body().contains("EVAL-"), r.body());
            }
            HttpResponse<String> engine = fx.send("POST", QUERY, body("SecurityEvent | take 10 | project Computer, EventID", null), "t");
            assertEquals(200, engine.statusCode(), engine.body());
            assertEquals("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"Computer\",\"type\":\"string\"},"
                    + "{\"name\":\"EventID\",\"type\":\"int\"}],\"rows\":[]}]}", json(engine.body()).toString());
            assertEquals(400, fx.send("POST", QUERY.replace("2020-08-01", "2099-01-01"), body(RECENCY, null), "t").statusCode());
            assertEquals(405, fx.send("GET", QUERY, null, "t").statusCode());
            String other = WS_ID.replace(WS, "ws-missing");
            assertEquals(404, fx.send("GET", other + "/tables?api-version=2022-10-01", null, "t").statusCode());
            assertEquals(404, fx.send("POST", other + "/api/query?api-version=2020-08-01", body(RECENCY, null), "t").statusCode());
            assertEquals(400, fx.send("POST", "/_sandbox/tables", "{\"workspace\": \"a/b/c\", \"tables\": {\"T\": \"soon\"}}", null)
                    .statusCode());

            // Faults apply as to every ARM call: the SDK retries a throttled list after Retry-After.
            fx.sandbox.stats().reset();
            fx.sandbox.faults().throttleNext(1, 0);
            assertTrue(fx.logAnalytics().tables().listByWorkspace(RG, WS).stream().count() > 0);
            assertEquals(2, fx.sandbox.stats().count("LIST", "tables"), "one throttled, one answered");
            fx.sandbox.faults().failPath("/workspaces/" + WS + "/tables", 403);
            HttpResponse<String> denied = fx.send("GET", WS_ID + "/tables?api-version=2022-10-01", null, "t");
            assertEquals(403, denied.statusCode());
            assertEquals("AuthorizationFailed", json(denied.body()).path("error").path("code").asString());
        }
    }

    @Test
    void setupsSurviveARestartAndASeedFileSetsThemUpAtStart(@TempDir Path data) throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults().withDataDir(data))) {
            fx.sandbox.configureTables(new WorkspaceRef(SUB, RG, WS), false, Map.of("SecurityEvent", "absent", "Mine_CL", "P2D"));
        }
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults().withDataDir(data))) {
            List<String> names = fx.logAnalytics().tables().listByWorkspace(RG, WS).stream().map(Table::name).toList();
            assertTrue(names.contains("Mine_CL") && names.contains("SigninLogs") && !names.contains("SecurityEvent"));
        }
        Path seed = data.resolve("tables.json");
        Files.writeString(seed, "[{\"workspace\": \"" + SUB + "/" + RG + "/" + WS + "\", \"only\": true, \"tables\": {\"Syslog\": \"live\"}}]");
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults().withDataDir(data).withTablesFile(seed))) {
            assertEquals(List.of("Syslog"), fx.logAnalytics().tables().listByWorkspace(RG, WS).stream().map(Table::name).toList());
        }
        Files.writeString(seed, "{\"workspace\": \"x\"}");
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> ArmSandbox.start(SandboxOptions.defaults().withTablesFile(seed)));
        assertTrue(bad.getMessage().contains("tables.json") && bad.getMessage().contains("SUBSCRIPTION/RESOURCE_GROUP/WORKSPACE"),
                bad.getMessage());
    }

    @Test
    void aSetupsRowsAreWhatOtherQueriesReadWithinTheTimespan() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            String setup = """
                    {"workspace": "%s/%s/%s", "tables": {},
                     "data": {"SecurityEvent": [
                       {"TimeGenerated": "2024-05-01T10:00:00Z", "EventID": 4625, "Computer": "dc1"},
                       {"TimeGenerated": "2024-05-01T11:30:00Z", "EventID": 4625, "Computer": "dc2"},
                       {"TimeGenerated": "2024-05-01T11:45:00Z", "EventID": 4624, "Computer": "dc3"}]}}
                    """.formatted(SUB, RG, WS);
            assertEquals(204, fx.send("POST", "/_sandbox/tables", setup, null).statusCode());
            String q = "SecurityEvent | where EventID == 4625 | project Computer, Bag = pack('id', EventID)";
            HttpResponse<String> r = fx.send("POST", QUERY, body(q, "2024-05-01T11:00:00Z/2024-05-01T12:00:00Z"), "t");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"Computer\",\"type\":\"string\"},"
                    + "{\"name\":\"Bag\",\"type\":\"dynamic\"}],\"rows\":[[\"dc2\",\"{\\\"id\\\":4625}\"]]}]}",
                    json(r.body()).toString(), "only dc2 is inside the window and matches; dynamic comes as JSON text");
            String bad = "{\"workspace\": \"a/b/c\", \"tables\": {}, \"data\": {\"T\": {\"not\": \"rows\"}}}";
            HttpResponse<String> refused = fx.send("POST", "/_sandbox/tables", bad, null);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("'data.T' must be an array of row objects."), refused.body());
        }
    }
}

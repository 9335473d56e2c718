package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.SUB;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.WS;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.json;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.rulePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ARM protocol details checked with a raw HTTPS client, where the SDK would hide or prevent them. */
class SandboxProtocolTest {
    private static final String API = "?api-version=2022-09-01-preview";
    private static final String RULE = """
            {"kind":"Scheduled","properties":{"displayName":"Raw","enabled":true,"query":"Heartbeat",
             "severity":"Low","queryFrequency":"PT1H","queryPeriod":"PT1H","triggerOperator":"GreaterThan",
             "triggerThreshold":0,"suppressionEnabled":false,"suppressionDuration":"PT1H"}}""";
    private static SandboxFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start(SandboxOptions.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void missingBearerIs401WithAnArmError() throws Exception {
        HttpResponse<String> r = fx.send("GET", rulePath(null) + API, null, null);
        assertEquals(401, r.statusCode());
        assertEquals("AuthenticationFailed", json(r.body()).path("error").path("code").asString());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer "));

        HttpResponse<String> basic = fx.send("GET", rulePath(null) + API, null, null, "Authorization", "Basic abc");
        assertEquals(401, basic.statusCode());
    }

    @Test
    void apiVersionIsRequiredAndMustBeKnown() throws Exception {
        HttpResponse<String> missing = fx.send("GET", rulePath(null), null, "t");
        assertEquals(400, missing.statusCode());
        assertEquals("MissingApiVersionParameter", json(missing.body()).path("error").path("code").asString());

        HttpResponse<String> unknown = fx.send("GET", rulePath(null) + "?api-version=2099-01-01", null, "t");
        assertEquals(400, unknown.statusCode());
        JsonNode error = json(unknown.body()).path("error");
        assertEquals("InvalidApiVersionParameter", error.path("code").asString());
        assertTrue(error.path("message").asString().contains("2022-09-01-preview"), "lists the supported versions");

        HttpResponse<String> savedSearchVersionOnRule = fx.send("GET", rulePath(null) + "?api-version=2020-08-01",
                null, "t");
        assertEquals(400, savedSearchVersionOnRule.statusCode(), "versions are per resource type");
        assertEquals(200, fx.send("GET", rulePath(null) + "?API-VERSION=2023-11-01", null, "t").statusCode());
    }

    @Test
    void responsesCarryArmHeaders() throws Exception {
        HttpResponse<String> r = fx.send("PUT", rulePath("raw-headers") + API, RULE, "t");
        assertEquals(201, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("x-ms-request-id").isPresent());
        assertTrue(r.headers().firstValue("x-ms-correlation-request-id").isPresent());
        JsonNode body = json(r.body());
        assertEquals("Scheduled", body.path("kind").asString());
        assertNotNull(body.path("properties").get("lastModifiedUtc"));
        assertEquals("sentinelctl-sandbox", body.path("systemData").path("createdBy").asString());
    }

    @Test
    void pathsMatchCaseInsensitivelyAndKeepTheCreationCasing() throws Exception {
        assertEquals(201, fx.send("PUT", rulePath("MixedCase") + API, RULE, "t").statusCode());
        String lower = rulePath("mixedcase").toLowerCase();
        HttpResponse<String> r = fx.send("GET", lower + API, null, "t");
        assertEquals(200, r.statusCode());
        assertEquals("MixedCase", json(r.body()).path("name").asString());
        assertEquals(rulePath("MixedCase"), json(r.body()).path("id").asString());
        assertEquals(200, fx.send("PUT", lower + API, RULE, "t").statusCode(), "same resource: an update");
    }

    @Test
    void payloadErrorsAre400WithAnAzureStyleBody() throws Exception {
        HttpResponse<String> noKind = fx.send("PUT", rulePath("no-kind") + API, "{\"properties\":{}}", "t");
        assertEquals(400, noKind.statusCode());
        JsonNode error = json(noKind.body()).path("error");
        assertEquals("BadRequest", error.path("code").asString());
        assertTrue(error.path("message").asString().contains("'kind'"), error.toString());

        String badDuration = RULE.replace("\"PT1H\",\"queryPeriod\"", "\"1h\",\"queryPeriod\"");
        HttpResponse<String> duration = fx.send("PUT", rulePath("bad-duration") + API, badDuration, "t");
        assertEquals(400, duration.statusCode());
        assertTrue(json(duration.body()).path("error").path("message").asString().contains("ISO 8601"));

        HttpResponse<String> notJson = fx.send("PUT", rulePath("not-json") + API, "{kind:", "t");
        assertEquals(400, notJson.statusCode());
        assertEquals(404, fx.send("GET", rulePath("no-kind") + API, null, "t").statusCode(), "nothing was stored");
    }

    @Test
    void ifMatchHeaderIsAPreconditionAnd412WhenStale() throws Exception {
        String etag = json(fx.send("PUT", rulePath("if-match") + API, RULE, "t").body()).path("etag").asString();
        assertEquals(200, fx.send("PUT", rulePath("if-match") + API, RULE, "t", "If-Match", etag).statusCode());
        HttpResponse<String> stale = fx.send("PUT", rulePath("if-match") + API, RULE, "t", "If-Match", etag);
        assertEquals(412, stale.statusCode());
        assertEquals("PreconditionFailed", json(stale.body()).path("error").path("code").asString());
        assertEquals(412, fx.send("PUT", rulePath("if-match") + API, RULE, "t", "If-None-Match", "*").statusCode());
    }

    @Test
    void deleteAnswersWithAnEmptyBody() throws Exception {
        fx.send("PUT", rulePath("to-delete") + API, RULE, "t");
        HttpResponse<String> deleted = fx.send("DELETE", rulePath("to-delete") + API, null, "t");
        assertEquals(200, deleted.statusCode());
        assertEquals("0", deleted.headers().firstValue("Content-Length").orElse(""));
        assertTrue(deleted.headers().firstValue("Transfer-Encoding").isEmpty());
        HttpResponse<String> again = fx.send("DELETE", rulePath("to-delete") + API, null, "t");
        assertEquals(204, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void concurrentWritersAreAllServed() throws Exception {
        var rules = fx.sentinel().alertRules();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String id = "parallel-" + i;
                done.add(pool.submit(() -> rules.createOrUpdate(RG, "ws-parallel", id, SandboxFixture.scheduled(id))));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(80, rules.list(RG, "ws-parallel").stream().count());
    }

    @Test
    void unknownPathsAndMethodsAreRejected() throws Exception {
        String bookmarks = "/subscriptions/" + SUB + "/resourceGroups/" + RG
                + "/providers/Microsoft.OperationalInsights/workspaces/" + WS
                + "/providers/Microsoft.SecurityInsights/bookmarks" + API;
        HttpResponse<String> r = fx.send("GET", bookmarks, null, "t");
        assertEquals(404, r.statusCode());
        assertEquals("InvalidResourceType", json(r.body()).path("error").path("code").asString());
        assertEquals(405, fx.send("POST", rulePath("x") + API, "{}", "t").statusCode());
        assertEquals(405, fx.send("DELETE", rulePath(null) + API, null, "t").statusCode());
    }

    @Test
    void statsEndpointCountsByOperationAndResource() throws Exception {
        fx.send("GET", rulePath(null) + API, null, "t");
        JsonNode stats = json(fx.send("GET", "/_sandbox/stats", null, null).body());
        assertTrue(stats.path("operations").path("LIST alertRules").asLong() >= 1, stats.toString());
        assertTrue(stats.path("total").asLong() >= 1);
        assertTrue(stats.path("workspaces").isArray());

        assertEquals(204, fx.send("POST", "/_sandbox/faults", "{\"failNext\":1,\"failStatus\":502}", null)
                .statusCode());
        assertEquals(502, fx.send("GET", rulePath(null) + API, null, "t").statusCode());
    }

    @Test
    void certificateNamesTheLoopbackAddress() throws Exception {
        X509Certificate cert = fx.sandbox.certificate();
        cert.checkValidity();
        List<?> ip = cert.getSubjectAlternativeNames().stream().filter(san -> (Integer) san.get(0) == 7)
                .findFirst().orElseThrow();
        assertEquals("127.0.0.1", ip.get(1));
        assertTrue(java.nio.file.Files.readString(fx.sandbox.trustFile()).startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals("https", fx.sandbox.baseUrl().getScheme());
        assertEquals("127.0.0.1", fx.sandbox.baseUrl().getHost());
    }

    @Test
    void declaredWorkspacesMakeOthersNotFound() throws Exception {
        SandboxOptions only = SandboxOptions.defaults().withWorkspaces(List.of(new WorkspaceRef(SUB, RG, WS)));
        try (SandboxFixture strict = SandboxFixture.start(only)) {
            assertEquals(200, strict.send("GET", rulePath(null) + API, null, "t").statusCode());
            HttpResponse<String> other = strict.send("GET", rulePath(null).replace(WS, "ws-typo") + API, null, "t");
            assertEquals(404, other.statusCode());
            JsonNode error = json(other.body()).path("error");
            assertEquals("ResourceNotFound", error.path("code").asString());
            assertTrue(error.path("message").asString().contains("ws-typo"));
            assertFalse(strict.sandbox.workspaces().isEmpty());

            var workspaces = strict.logAnalytics().workspaces();
            assertEquals("Succeeded", workspaces.getByResourceGroup(RG, WS).provisioningState().toString());
            var created = workspaces.define("ws-new").withRegion("westeurope").withExistingResourceGroup(RG).create();
            assertEquals("westeurope", created.regionName());
            assertEquals(200, strict.send("GET", rulePath(null).replace(WS, "ws-new") + API, null, "t").statusCode(),
                    "a workspace created with PUT exists from then on");
            assertEquals(1, strict.sandbox.stats().count("PUT", "workspaces"));
        }
    }
}

package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.SUB;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The workbook stand-in: resource-group paths, its REST contract and ARM's 400s. */
class SandboxWorkbooksTest {
    static final String COLLECTION = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Insights/workbooks";
    static final String NAME = "5a0b7f0e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    static final String API = "?api-version=2023-06-01";
    static final String BODY = """
            {"kind": "shared", "location": "westeurope", "tags": {"team": "soc"},
             "properties": {"displayName": "Sign-ins", "category": "sentinel", "serializedData": %s,
               "sourceId": "/subscriptions/%s/resourceGroups/%s/providers/Microsoft.OperationalInsights/workspaces/ws-prod"}}
            """;

    private static String body(String serializedData) {
        return BODY.formatted(serializedData, SUB, RG);
    }

    @Test
    void putGetListDeleteWithTheServiceContract() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            String gallery = "\"{\\\"version\\\":\\\"Notebook/1.0\\\",\\\"items\\\":[]}\"";
            HttpResponse<String> created = fx.send("PUT", COLLECTION + "/" + NAME + API, body(gallery), "t");
            assertEquals(201, created.statusCode(), created.body());
            JsonNode wb = json(created.body());
            assertEquals("Microsoft.Insights/workbooks", wb.get("type").asString());
            assertEquals("shared", wb.get("kind").asString());
            assertEquals("soc", wb.path("tags").path("team").asString());
            assertTrue(wb.path("properties").has("timeModified"));
            assertEquals(200, fx.send("PUT", COLLECTION + "/" + NAME + API, body(gallery), "t").statusCode());
            assertEquals(200, fx.send("GET", COLLECTION + "/" + NAME + API, null, "t").statusCode());

            HttpResponse<String> noCategory = fx.send("GET", COLLECTION + API, null, "t");
            assertEquals(400, noCategory.statusCode());
            assertEquals("MissingRequiredQueryParameter", json(noCategory.body()).path("error").path("code").asString());
            JsonNode plain = json(fx.send("GET", COLLECTION + API + "&category=sentinel", null, "t").body()).get("value");
            assertEquals(1, plain.size());
            assertFalse(plain.get(0).path("properties").has("serializedData"), "content only with canFetchContent");
            JsonNode full = json(fx.send("GET", COLLECTION + API + "&category=sentinel&canFetchContent=true", null, "t").body());
            assertTrue(full.get("value").get(0).path("properties").has("serializedData"));
            assertEquals(0, json(fx.send("GET", COLLECTION + API + "&category=workbook", null, "t").body()).get("value").size());

            assertEquals(200, fx.send("DELETE", COLLECTION + "/" + NAME + API, null, "t").statusCode());
            assertEquals(204, fx.send("DELETE", COLLECTION + "/" + NAME + API, null, "t").statusCode());
            assertEquals(404, fx.send("GET", COLLECTION + "/" + NAME + API, null, "t").statusCode());
            assertEquals(400, fx.send("GET", COLLECTION + "?api-version=2025-09-01&category=sentinel", null, "t").statusCode());
        }
    }

    @Test
    void badBodiesAreArmsBadRequests() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            HttpResponse<String> notJson = fx.send("PUT", COLLECTION + "/" + NAME + API, body("\"{not json\""), "t");
            assertEquals(400, notJson.statusCode());
            assertEquals("InvalidWorkbookContent", json(notJson.body()).path("error").path("code").asString());
            assertTrue(json(notJson.body()).path("error").path("message").asString().contains("serializedData"));
            HttpResponse<String> array = fx.send("PUT", COLLECTION + "/" + NAME + API, body("\"[]\""), "t");
            assertEquals(400, array.statusCode());
            String noLocation = body("\"{}\"").replace("\"location\": \"westeurope\", ", "");
            HttpResponse<String> r = fx.send("PUT", COLLECTION + "/" + NAME + API, noLocation, "t");
            assertEquals(400, r.statusCode());
            assertEquals("LocationRequired", json(r.body()).path("error").path("code").asString());
            HttpResponse<String> user = fx.send("PUT", COLLECTION + "/" + NAME + API, body("\"{}\"").replace("\"shared\"", "\"user\""), "t");
            assertEquals(400, user.statusCode(), user.body());
        }
    }
}

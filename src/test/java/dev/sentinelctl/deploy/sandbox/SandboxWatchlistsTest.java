package dev.sentinelctl.deploy.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox's watchlists (a long-running create, items below them) and saved-search functions, over raw HTTP. */
class SandboxWatchlistsTest {
    static final String WS = "/subscriptions/" + SandboxFixture.SUB + "/resourceGroups/" + SandboxFixture.RG
            + "/providers/Microsoft.OperationalInsights/workspaces/" + SandboxFixture.WS;
    static final String WL = WS + "/providers/Microsoft.SecurityInsights/watchlists/";
    static final String API = "?api-version=2025-09-01";

    static String watchlist(String csv, String key) {
        return """
                {"properties": {"displayName": "VIP", "provider": "Custom", "itemsSearchKey": "%s", "contentType": "text/csv",
                 "numberOfLinesToSkip": 0, "rawContent": "%s"}}""".formatted(key, csv.replace("\n", "\\n"));
    }

    @Test
    void aCreateIsALongRunningOperationWhoseItemsAppearWhenItSucceeds() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            HttpResponse<String> put = fx.send("PUT", WL + "vip" + API, watchlist("Upn,Tier\na@x.com,1\nb@x.com,2\n", "Upn"), "t");
            assertEquals(201, put.statusCode(), put.body());
            String op = put.headers().firstValue("Azure-AsyncOperation").orElseThrow();
            assertTrue(op.startsWith(fx.sandbox.baseUrl().toString()) && op.contains("/operationStatuses/"), op);
            JsonNode created = SandboxFixture.json(put.body());
            assertEquals("InProgress", created.path("properties").path("provisioningState").asString());
            assertFalse(created.path("properties").has("rawContent"), "GET never returns the CSV");
            java.net.URI opUri = java.net.URI.create(op);
            String opPath = opUri.getRawPath() + "?" + opUri.getRawQuery();

            assertEquals(0, SandboxFixture.json(fx.send("GET", WL + "vip/watchlistItems" + API, null, "t").body()).path("value").size(),
                    "no items while provisioning");
            assertEquals("InProgress", SandboxFixture.json(fx.send("GET", opPath, null, "t").body()).path("status").asString());
            assertEquals("Succeeded", SandboxFixture.json(fx.send("GET", opPath, null, "t").body()).path("status").asString());
            JsonNode items = SandboxFixture.json(fx.send("GET", WL + "vip/watchlistItems" + API, null, "t").body()).path("value");
            assertEquals(2, items.size());
            java.util.Set<String> upns = new java.util.TreeSet<>();
            items.forEach(i -> upns.add(i.path("properties").path("itemsKeyValue").path("Upn").asString()));
            assertEquals(java.util.Set.of("a@x.com", "b@x.com"), upns);
            assertEquals("Succeeded", SandboxFixture.json(fx.send("GET", WL + "vip" + API, null, "t").body())
                    .path("properties").path("provisioningState").asString());

            HttpResponse<String> delete = fx.send("DELETE", WL + "vip" + API, null, "t");
            assertEquals(202, delete.statusCode());
            assertTrue(delete.headers().firstValue("Location").orElseThrow().contains("/operationResults/"));
            assertEquals(404, fx.send("GET", WL + "vip/watchlistItems" + API, null, "t").statusCode(), "its items went with it");
            assertEquals(204, fx.send("DELETE", WL + "vip" + API, null, "t").statusCode(), "deleting the absent");
        }
    }

    @Test
    void itemsArePutListedAndDeletedBelowAnExistingWatchlistOnly() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            String item = "{\"properties\": {\"itemsKeyValue\": {\"Upn\": \"c@x.com\", \"Tier\": \"3\"}}}";
            HttpResponse<String> orphan = fx.send("PUT", WL + "none/watchlistItems/1b4e28ba-2fa1-11d2-883f-0016d3cca427" + API, item, "t");
            assertEquals(404, orphan.statusCode(), orphan.body());
            fx.send("PUT", WL + "vip" + API, "{\"properties\": {\"displayName\": \"VIP\", \"provider\": \"Custom\", \"itemsSearchKey\": \"Upn\"}}", "t");
            String at = WL + "vip/watchlistItems/1b4e28ba-2fa1-11d2-883f-0016d3cca427" + API;
            assertEquals(201, fx.send("PUT", at, item, "t").statusCode());
            assertEquals(200, fx.send("PUT", at, item, "t").statusCode());
            HttpResponse<String> bad = fx.send("PUT", at, "{\"properties\": {}}", "t");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("itemsKeyValue"), bad.body());
            assertEquals(1, SandboxFixture.json(fx.send("GET", WL + "vip/watchlistItems" + API, null, "t").body()).path("value").size());
            assertEquals(200, fx.send("DELETE", at, null, "t").statusCode());
            assertEquals(204, fx.send("DELETE", at, null, "t").statusCode());
        }
    }

    @Test
    void aSearchKeyThatIsNoColumnAndBrokenCsvAre400() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            HttpResponse<String> key = fx.send("PUT", WL + "vip" + API, watchlist("Upn,Tier\na@x.com,1\n", "Mail"), "t");
            assertEquals(400, key.statusCode());
            assertTrue(key.body().contains("'Mail' is not a column"), key.body());
            HttpResponse<String> csv = fx.send("PUT", WL + "vip" + API, watchlist("Upn,Tier\n\\\"a@x.com,1\n", "Upn"), "t");
            assertEquals(400, csv.statusCode(), csv.body());
            assertTrue(csv.body().contains("not valid CSV"), csv.body());
        }
    }

    @Test
    void functionsNeedAKustoAliasAndParametersOnlyWithOne() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            String at = WS + "/savedSearches/f1?api-version=2020-08-01";
            String ok = "{\"etag\": \"*\", \"properties\": {\"category\": \"ASIM\", \"displayName\": \"d\", \"query\": \"print 1\", "
                    + "\"functionAlias\": \"imDns\", \"functionParameters\": \"t:(a:string, b:long), disabled:bool=False, s:string='a,b'\", \"version\": 2}}";
            assertEquals(200, fx.send("PUT", at, ok, "t").statusCode());
            HttpResponse<String> alias = fx.send("PUT", at, ok.replace("\"imDns\"", "\"im-Dns\""), "t");
            assertEquals(400, alias.statusCode());
            assertTrue(alias.body().contains("functionAlias"), alias.body());
            HttpResponse<String> param = fx.send("PUT", at, ok.replace("disabled:bool=False", "disabled"), "t");
            assertEquals(400, param.statusCode());
            assertTrue(param.body().contains("'disabled'"), param.body());
            HttpResponse<String> noAlias = fx.send("PUT", WS + "/savedSearches/f2?api-version=2020-08-01",
                    ok.replace("\"functionAlias\": \"imDns\", ", ""), "t");
            assertEquals(400, noAlias.statusCode());
            assertTrue(noAlias.body().contains("only valid on a function"), noAlias.body());
        }
    }
}

package dev.sentinelctl.deploy.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.playbook.PlaybookFixtures;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The ARM deployments stand-in at the HTTP level: ARM's status codes, async header, error shape and delete semantics. */
class SandboxDeploymentsTest {
    private static final String RGP = "/subscriptions/" + SandboxFixture.SUB + "/resourceGroups/" + SandboxFixture.RG + "/providers/";
    private static final String DEP = RGP + "Microsoft.Resources/deployments/pb1";
    private static final String V = "?api-version=2025-04-01";

    private static String body(String email) {
        String params = email == null ? "{\"workspace\": {\"value\": \"ws\"}}"
                : "{\"NotificationEmail\": {\"value\": \"" + email + "\"}, \"workspace\": {\"value\": \"ws\"}}";
        return "{\"properties\": {\"mode\": \"Incremental\", \"template\": " + PlaybookFixtures.TEMPLATE + ", \"parameters\": "
                + params + "}, \"tags\": {\"k\": \"v\"}}";
    }

    @Test
    void deploymentLifecycle() throws Exception {
        try (SandboxFixture f = SandboxFixture.start(SandboxOptions.defaults())) {
            HttpResponse<String> missing = f.send("PUT", DEP + V, body(null), "t");
            assertEquals(400, missing.statusCode());
            assertEquals("InvalidTemplate", SandboxFixture.json(missing.body()).path("error").path("code").asString());
            assertTrue(missing.body().contains("'NotificationEmail' is not provided"), missing.body());

            HttpResponse<String> created = f.send("PUT", DEP + V, body("a@b"), "t");
            assertEquals(201, created.statusCode(), created.body());
            String op = created.headers().firstValue("Azure-AsyncOperation").orElseThrow();
            assertEquals("Running", SandboxFixture.json(created.body()).path("properties").path("provisioningState").asString());
            assertFalse(f.send("GET", RGP + "Microsoft.Logic/workflows" + V, null, "t").body().contains("Block-AADUser"),
                    "nothing is created before the operation runs");
            String statusPath = op.substring(op.indexOf("/subscriptions/"));
            assertEquals("Succeeded", SandboxFixture.json(f.send("GET", statusPath, null, "t").body()).path("status").asString());

            JsonNode got = SandboxFixture.json(f.send("GET", DEP + V, null, "t").body());
            assertEquals("Succeeded", got.path("properties").path("provisioningState").asString());
            assertFalse(got.path("properties").has("template"), "ARM's GET has no template");
            assertEquals("v", got.path("tags").path("k").asString());
            assertEquals(2, got.path("properties").path("outputResources").size());
            assertEquals(200, f.send("PUT", DEP + V, body("c@d"), "t").statusCode(), "over an existing deployment");

            HttpResponse<String> wrongVersion = f.send("GET", DEP + "?api-version=2019-01-01", null, "t");
            assertEquals(400, wrongVersion.statusCode());
            assertEquals("InvalidApiVersionParameter", SandboxFixture.json(wrongVersion.body()).path("error").path("code").asString());

            assertEquals(202, f.send("DELETE", DEP + V, null, "t").statusCode());
            assertEquals(204, f.send("DELETE", DEP + V, null, "t").statusCode());
            assertEquals(404, f.send("GET", DEP + V, null, "t").statusCode());
            HttpResponse<String> workflow = f.send("GET", RGP + "Microsoft.Logic/workflows/Block-AADUser?api-version=2019-05-01", null, "t");
            assertEquals(200, workflow.statusCode(), "ARM keeps a deployment's resources when the deployment is deleted");
            assertFalse(workflow.body().contains("\"sent\""), workflow.body());
        }
    }
}

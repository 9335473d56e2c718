package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.SUB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Workbooks at resource-group level: plan, apply, rerun, drift, prune, export; two workspaces in one resource group. */
class DeployWorkbooksTest {
    static final String WB1 = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f1";
    static final String WB2 = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f2";
    static final String COLLECTION = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Insights/workbooks";
    static final String API = "2023-06-01";

    @TempDir
    Path dir;

    /** Two workspaces, prod and dev, in one resource group; dev's content is its own folder. */
    private static String twoWorkspaces() {
        return """
                version: 1
                source: %s
                defaults:
                  tenant: sandbox-tenant
                  subscription: %s
                  resourceGroup: %s
                  credential: environment
                workspaces:
                  prod:
                    workspace: ws-prod
                    content:
                      paths: [content]
                  dev:
                    workspace: ws-dev
                    content:
                      paths: [content-dev]
                """.formatted(DeployFixture.SOURCE, SUB, RG);
    }

    static void workbook(Path folder, String name, String id, String title) {
        DeployFixture.write(folder.resolve("Workbooks/" + name + ".yaml"), """
                id: %s
                displayName: %s
                description: Sign-ins at a glance.
                location: westeurope
                tags:
                  team: soc
                """.formatted(id, title));
        DeployFixture.write(folder.resolve("Workbooks/" + name + ".json"), """
                {"version": "Notebook/1.0", "items": [{"type": 1, "content": {"json": "## %s"}, "name": "text - 0"}],
                 "fallbackResourceIds": [], "$schema": "https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json"}
                """.formatted(title));
    }

    private static List<ObjectNode> listed(DeployFixture f) {
        return f.portalRest().list(COLLECTION, API, "category=sentinel&canFetchContent=true");
    }

    @Test
    void planApplyRerunDriftPruneAcrossTwoWorkspacesInOneResourceGroup() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withPageSize(1))) {
            f.writeConfig(twoWorkspaces());
            workbook(f.content, "SignIns", WB1, "Sign-ins");
            workbook(f.content, "Incidents", WB2, "Incidents");
            workbook(dir.resolve("content-dev"), "SignIns", WB1, "Sign-ins");
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("+ create workbook"), plan.out());
            assertTrue(plan.out().contains("Plan: 3 to create"), plan.out());

            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(3, f.count("PUT", "workbooks"), "one PUT per workbook: the marker is a tag in the body");
            assertEquals(0, f.count("PUT", "metadata"));
            List<ObjectNode> all = listed(f);
            assertEquals(3, all.size(), "the same content in two workspaces is two workbooks");
            ObjectNode prodSignIns = all.stream().filter(w -> w.path("tags").path("sentinelctl-workspace").asString()
                    .endsWith("/ws-prod") && w.path("properties").path("displayName").asString().equals("Sign-ins"))
                    .findFirst().orElseThrow();
            assertEquals(DeployFixture.SOURCE, prodSignIns.path("tags").path("sentinelctl-source").asString());
            assertEquals("soc", prodSignIns.path("tags").path("team").asString());
            assertTrue(prodSignIns.path("properties").path("sourceId").asString().endsWith("/workspaces/ws-prod"));
            assertTrue(prodSignIns.path("properties").path("serializedData").asString().contains("Notebook/1.0"));

            f.sandbox.stats().reset();
            CliRunner.Run again = f.run("plan", "--detailed-exitcode");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertTrue(again.out().contains("0 to create, 0 to update, 0 to delete, 0 conflicts, 3 unchanged"), again.out());

            // A portal edit of the gallery is drift; reformatting the JSON in the repository is not a change.
            ObjectNode edited = prodSignIns.deepCopy();
            ((ObjectNode) edited.get("properties")).put("serializedData",
                    "{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,\"content\":{\"json\":\"## edited\"},\"name\":\"text - 0\"}]}");
            edited.remove("etag");
            f.portalRest().put(prodSignIns.path("id").asString(), API, edited);
            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted workbook " + prodSignIns.path("name").asString()), drift.out());
            assertTrue(drift.out().contains("properties.serializedData"), drift.out());
            assertEquals(0, f.run("apply").exit());
            Path json = f.content.resolve("Workbooks/SignIns.json");
            Files.writeString(json, Files.readString(json).replace(", ", ",\n   "));
            assertEquals(0, f.run("drift").exit());

            // Prune in prod deletes prod's workbook only; dev's copy of the same content stays.
            Files.delete(f.content.resolve("Workbooks/SignIns.yaml"));
            CliRunner.Run kept = f.run("plan", "--workspace", "prod");
            assertTrue(kept.out().contains("1 owned resource whose content left the repository, kept"), kept.out());
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            assertTrue(prune.out().contains("- delete workbook " + prodSignIns.path("name").asString()), prune.out());
            assertEquals(1, f.count("DELETE", "workbooks"));
            assertEquals(0, f.count("DELETE", "metadata"));
            List<ObjectNode> left = listed(f);
            assertEquals(2, left.size());
            assertTrue(left.stream().anyMatch(w -> w.path("tags").path("sentinelctl-workspace").asString().endsWith("/ws-dev")));
            assertEquals(0, f.run("plan", "--detailed-exitcode", "--prune").exit());
        }
    }

    @Test
    void aHandMadeWorkbookIsNeverTouchedAndExportGivesBackTheYamlAndJsonPair() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            workbook(f.content, "SignIns", WB1, "Sign-ins");
            assertEquals(0, f.run("apply").exit());
            ObjectNode handMade = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
            handMade.put("kind", "shared").put("location", "westeurope");
            handMade.putObject("properties").put("displayName", "Made in the portal").put("category", "sentinel")
                    .put("serializedData", "{\"version\":\"Notebook/1.0\",\"items\":[]}");
            f.portalRest().put(COLLECTION + "/0b6f6a52-1111-4222-8333-944455556666", API, handMade);
            ObjectNode otherRepo = handMade.deepCopy();
            ((ObjectNode) otherRepo.get("properties")).put("displayName", "Another repository's");
            otherRepo.putObject("tags").put("sentinelctl-source", "other/repo").put("sentinelctl-workspace",
                    "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.OperationalInsights/workspaces/ws-prod");
            f.portalRest().put(COLLECTION + "/0b6f6a52-1111-4222-8333-944455556667", API, otherRepo);
            CliRunner.Run prune = f.run("apply", "--prune");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            assertEquals(3, listed(f).size(), "neither the hand-made workbook nor another source's is ours to prune");

            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            assertTrue(export.out().contains("Exported 0 analytic rules and 0 hunting queries, 3 workbooks from prod"), export.out());
            String yaml = Files.readString(out.resolve("Workbooks/SignIns.yaml"));
            assertTrue(yaml.contains("id: " + WB1), yaml);
            assertFalse(yaml.contains("sentinelctl-"), yaml);
            assertTrue(Files.readString(out.resolve("Workbooks/SignIns.json")).contains("Notebook/1.0"));
            CliRunner.Run check = CliRunner.run("check", out.resolve("Workbooks/SignIns.yaml").toString());
            assertEquals(0, check.exit(), check.out() + check.err());
            Files.delete(out.resolve("Workbooks/MadeInThePortal.yaml"));
            Files.delete(out.resolve("Workbooks/AnotherRepositoryS.yaml"));
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode", out.toString());
            assertEquals(0, plan.exit(), plan.out() + plan.err());
        }
    }

    @Test
    void aMissingOrBrokenGalleryIsAnErrorAtItsField() throws Exception {
        Path content = dir.resolve("content");
        DeployFixture.write(content.resolve("Workbooks/A.yaml"), """
                id: %s
                displayName: A
                location: westeurope
                serializedData: missing.json
                """.formatted(WB1));
        DeployFixture.write(content.resolve("Workbooks/B.yaml"), """
                id: %s
                displayName: B
                location: westeurope
                """.formatted(WB2));
        DeployFixture.write(content.resolve("Workbooks/B.json"), "{\"version\": \"Notebook/1.0\", \"items\": [");
        CliRunner.Run check = CliRunner.run("check", content.toString());
        assertEquals(1, check.exit(), check.out() + check.err());
        assertTrue(check.out().contains("A.yaml:4:17: error WORKBOOK-gallery"), check.out());
        assertTrue(check.out().contains("B.yaml:1:1: error WORKBOOK-gallery"), check.out());
        assertTrue(check.out().contains("B.json is not JSON"), check.out());
    }

    @Test
    void throttlingAndServerErrorsConvergeToOneWorkbookEach() throws Exception {
        dev.sentinelctl.deploy.sandbox.FaultOptions faults = dev.sentinelctl.deploy.sandbox.FaultOptions.NONE
                .withThrottle(0.15, 0).withFailures(0.15, 503).withSeed(20261206);
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withPageSize(2).withFaults(faults))) {
            for (int i = 1; i <= 8; i++) {
                workbook(f.content, "Wb" + i, java.util.UUID.nameUUIDFromBytes(("wb-" + i).getBytes()).toString(), "Workbook " + i);
            }
            int runs = 0;
            CliRunner.Run last;
            do {
                last = f.run("apply", "--parallelism", "4", "--retries", "4");
                runs++;
            } while (last.exit() != 0 && runs < 4);
            assertEquals(0, last.exit(), "did not converge in " + runs + " runs:\n" + last.out() + last.err());
            assertTrue(f.sandbox.stats().countFault("throttle") > 0, "throttles were injected");
            assertTrue(f.sandbox.stats().countFault("fail") > 0, "failures were injected");
            assertEquals(8, f.sandbox.resourceCount(), "eight workbooks, no metadata, nothing twice");
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode", "--retries", "6");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
        }
    }
}

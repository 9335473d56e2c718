package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.azure.ArmClients;
import dev.sentinelctl.deploy.azure.ArmTarget;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.deploy.kinds.customdetection.CustomDetectionKind;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Defender XDR custom detections end to end: the real CLI and the real azure-core pipeline against the sandbox's
 * Graph stand-in (server-assigned ids, Graph's token audience), plan → apply → rerun → a portal edit is drift → prune.
 */
class DeployCustomDetectionTest {
    private static final String COLLECTION = "/security/rules/detectionRules";

    @TempDir
    Path dir;

    static String detectionId(int n) {
        return UUID.nameUUIDFromBytes(("xdr-" + n).getBytes()).toString();
    }

    static Path detectionFile(DeployFixture f, int n) {
        return f.content.resolve("Custom Detections/Det" + n + ".yaml");
    }

    static void detection(DeployFixture f, int n) {
        DeployFixture.write(detectionFile(f, n), """
                id: %s
                displayName: Encoded PowerShell %d
                isEnabled: true
                queryCondition:
                  queryText: |
                    DeviceProcessEvents
                    | where FileName =~ "powershell.exe" and ProcessCommandLine has "-enc%d"
                    | project Timestamp, ReportId, DeviceId, DeviceName, ProcessCommandLine
                schedule:
                  period: 1H
                detectionAction:
                  alertTemplate:
                    title: Encoded PowerShell %d
                    description: PowerShell ran with an encoded command.
                    severity: medium
                    category: Execution
                    mitreTechniques: [T1059.001]
                    impactedAssets:
                      - "@odata.type": "#microsoft.graph.security.impactedDeviceAsset"
                        identifier: deviceId
                  responseActions: []
                version: 1.0.0
                """.formatted(detectionId(n), n, n, n));
    }

    /** The tenant {@link DeployFixture#config} deploys to (Graph objects belong to a tenant). */
    static final String TENANT = "sandbox-tenant";

    /** A Graph client that plays the portal of the fixture's tenant: a token for {@code audience}. */
    static ArmRest graphClient(DeployFixture f, String audience) {
        return graphClient(f, audience, TENANT);
    }

    /** A Graph client that plays the portal of {@code tenant}. */
    static ArmRest graphClient(DeployFixture f, String audience, String tenant) {
        TokenCredential cred = r -> Mono.just(new AccessToken(SandboxTokens.issue(audience, "portal", tenant),
                OffsetDateTime.now().plusHours(1)));
        ArmClients c = ArmClients.create(ArmTarget.custom(f.sandbox.baseUrl(), f.sandbox.trustFile(), f.sandbox.baseUrl()),
                cred, new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(200)));
        return new ArmRest(c.pipeline(), f.sandbox.baseUrl().toString()).withGraph(c.graphPipeline(), c.graphEndpoint())
                .at(CustomDetectionKind.INSTANCE.scope());
    }

    static List<ObjectNode> listed(DeployFixture f) {
        return graphClient(f, SandboxTokens.GRAPH).list(COLLECTION, "v1.0");
    }

    @Test
    void fiveDetectionsApplyRerunDriftAndPrune() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            for (int i = 1; i <= 5; i++) detection(f, i);
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("+ create custom detection " + detectionId(1) + " \"Encoded PowerShell 1\""), plan.out());
            assertTrue(plan.out().contains("Plan: 5 to create, 0 to update, 0 to delete, 0 conflicts, 0 unchanged"), plan.out());
            assertEquals(0, f.count("POST", "detectionRules"), "plan writes nothing");

            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(5, f.count("POST", "detectionRules"));
            assertEquals(0, f.count("PUT", "metadata"), "no Sentinel metadata for Graph objects");
            List<ObjectNode> rules = listed(f);
            assertEquals(5, rules.size());
            String description = rules.stream().filter(r -> r.path("displayName").asString().equals("Encoded PowerShell 1"))
                    .findFirst().orElseThrow().path("detectionAction").path("alertTemplate").path("description").asString();
            assertTrue(description.endsWith("\n\nsentinelctl: " + DeployFixture.SOURCE + " " + detectionId(1)), description);

            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            Path exported = Files.list(out.resolve("Custom Detections")).filter(p -> {
                try {
                    return Files.readString(p).contains("id: " + detectionId(4));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
            String yaml = Files.readString(exported);
            assertTrue(yaml.contains("displayName: Encoded PowerShell 4") && yaml.contains("period: '1H'")
                    && !yaml.contains("sentinelctl:") && !yaml.contains("createdDateTime"), yaml);
            CliRunner.Run recheck = CliRunner.run("check", exported.toString());
            assertEquals(0, recheck.exit(), recheck.out() + recheck.err());

            f.sandbox.stats().reset();
            CliRunner.Run again = f.run("apply");
            assertEquals(0, again.exit(), again.out() + again.err());
            assertTrue(again.out().contains("No changes."), again.out());
            assertEquals(0, f.count("POST", "detectionRules") + f.count("PATCH", "detectionRules")
                    + f.count("DELETE", "detectionRules"), "a rerun writes nothing");
            assertEquals(1, f.count("LIST", "detectionRules"));

            // The portal raises one detection's severity and disables it: drift, and apply puts it back with a PATCH.
            ObjectNode third = rules.stream().filter(r -> r.path("displayName").asString().equals("Encoded PowerShell 3"))
                    .findFirst().orElseThrow();
            ObjectNode edit = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            edit.put("isEnabled", false);
            edit.putObject("detectionAction").putObject("alertTemplate").put("severity", "high");
            graphClient(f, SandboxTokens.GRAPH).patch(COLLECTION + "/" + third.path("id").asString(), "v1.0", edit);
            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted custom detection " + detectionId(3)), drift.out());
            assertTrue(drift.out().contains("isEnabled: false → true"), drift.out());
            assertTrue(drift.out().contains("alertTemplate.severity: \"high\" → \"medium\""), drift.out());
            f.sandbox.stats().reset();
            assertEquals(0, f.run("apply").exit());
            assertEquals(1, f.count("PATCH", "detectionRules"));
            assertEquals(0, f.count("POST", "detectionRules"));
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());

            // A detection made in the portal (no marker) is not ours: never touched, never pruned.
            ObjectNode handMade = rules.get(0).deepCopy();
            List.of("id", "@odata.context", "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime",
                    "detectorId").forEach(handMade::remove);
            ((ObjectNode) handMade.path("detectionAction").path("alertTemplate")).put("description", "made by hand");
            handMade.put("displayName", "Hand made");
            graphClient(f, SandboxTokens.GRAPH).post(COLLECTION, "v1.0", handMade);

            // Content leaves the repository: prune deletes exactly that one, by its server id.
            Files.delete(detectionFile(f, 2));
            CliRunner.Run orphan = f.run("plan");
            assertTrue(orphan.out().contains("custom detection " + detectionId(2)), orphan.out() + orphan.err());
            CliRunner.Run prunePlan = f.run("plan", "--prune", "--detailed-exitcode");
            assertEquals(2, prunePlan.exit(), prunePlan.out() + prunePlan.err());
            assertTrue(prunePlan.out().contains("- delete custom detection " + detectionId(2)), prunePlan.out());
            assertTrue(prunePlan.out().contains("0 to create, 0 to update, 1 to delete"), prunePlan.out());
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            assertEquals(1, f.count("DELETE", "detectionRules"));
            List<String> names = listed(f).stream().map(r -> r.path("displayName").asString()).sorted().toList();
            assertEquals(List.of("Encoded PowerShell 1", "Encoded PowerShell 3", "Encoded PowerShell 4",
                    "Encoded PowerShell 5", "Hand made"), names);

            // The last ones leave too: with --prune Graph is read although the content has no detection left.
            for (int i : new int[] {1, 3, 4, 5}) Files.delete(detectionFile(f, i));
            f.rule(1, "Medium", DeployFixture.query(1));
            CliRunner.Run pruneAll = f.run("apply", "--prune");
            assertEquals(0, pruneAll.exit(), pruneAll.out() + pruneAll.err());
            assertEquals(List.of("Hand made"), listed(f).stream().map(r -> r.path("displayName").asString()).toList());
            f.sandbox.stats().reset();
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
            assertEquals(0, f.count("LIST", "detectionRules"), "without --prune and without detections, Graph is not read");
        }
    }

    @Test
    void exportAndGraphJsonImportRoundTripToNoChangeAndAPortalMadeDetectionIsAdoptedNotDuplicated() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            detection(f, 1);
            detection(f, 2);
            assertEquals(0, f.run("apply").exit());
            ArmRest graph = graphClient(f, SandboxTokens.GRAPH);
            ObjectNode handMade = listed(f).get(0).deepCopy();
            List.of("id", "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime", "detectorId")
                    .forEach(handMade::remove);
            ((ObjectNode) handMade.path("detectionAction").path("alertTemplate")).put("description", "made by hand");
            handMade.put("displayName", "Hand made");
            String handMadeId = graph.post(COLLECTION, "v1.0", handMade).path("id").asString();
            String handMadeContentId = CustomDetectionKind.unmarkedContentId(graph.list(COLLECTION, "v1.0").stream()
                    .filter(r -> r.path("id").asString().equals(handMadeId)).findFirst().orElseThrow());

            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            assertTrue(export.out().contains("3 custom detections"), export.out());
            assertEquals(0, CliRunner.run("check", out.toString()).exit(), "the export checks clean");

            // Graph's own JSON of the same detections imports to the same files as the export.
            Path graphJson = dir.resolve("graph/detectionRules.json");
            Files.createDirectories(graphJson.getParent());
            ObjectNode page = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            graph.list(COLLECTION, "v1.0").forEach(page.putArray("value")::add);
            Files.writeString(graphJson, page.toString());
            Path imported = dir.resolve("imported");
            CliRunner.Run imp = CliRunner.run("import", graphJson.toString(), "--out", imported.toString());
            assertEquals(0, imp.exit(), imp.out() + imp.err());
            try (var s = Files.list(out.resolve("Custom Detections"))) {
                for (Path e : s.toList()) {
                    assertEquals(Files.readString(e), Files.readString(imported.resolve("detectionRules").resolve(e.getFileName())),
                            "import of Graph JSON = export: " + e.getFileName());
                }
            }

            // The export becomes the content: ours plan as no change; the hand-made one is found (not created twice)
            // and is a conflict until adopted.
            java.nio.file.Files.walk(f.content).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            Files.move(out, f.content);
            CliRunner.Run plan = f.run("plan");
            assertTrue(plan.out().contains("! conflict custom detection " + handMadeContentId), plan.out() + plan.err());
            assertTrue(plan.out().contains("0 to create, 0 to update, 0 to delete, 1 conflict"), plan.out());
            f.sandbox.stats().reset();
            CliRunner.Run adopt = f.run("apply", "--adopt");
            assertEquals(0, adopt.exit(), adopt.out() + adopt.err());
            assertEquals(0, f.count("POST", "detectionRules"), "adopted in place, not duplicated");
            assertEquals(1, f.count("PATCH", "detectionRules"));
            assertEquals(3, listed(f).size());
            CliRunner.Run after = f.run("plan", "--detailed-exitcode");
            assertEquals(0, after.exit(), after.out() + after.err());
        }
    }

    @Test
    void theGraphStandInRefusesAnArmTokenAndArmRefusesAGraphToken() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            ArmCallException refused = assertThrows(ArmCallException.class,
                    () -> graphClient(f, "https://management.core.windows.net/").list(COLLECTION, "v1.0"));
            assertEquals(401, refused.status());
            assertEquals("InvalidAuthenticationToken", refused.code());
            assertTrue(refused.getMessage().contains("Invalid audience"), refused.getMessage());

            TokenCredential graphOnly = r -> Mono.just(new AccessToken(SandboxTokens.issue(SandboxTokens.GRAPH, "x"),
                    OffsetDateTime.now().plusHours(1)));
            ArmClients c = ArmClients.create(ArmTarget.custom(f.sandbox.baseUrl(), f.sandbox.trustFile(), f.sandbox.baseUrl()),
                    graphOnly, new RetrySettings(0, Duration.ofMillis(20), Duration.ofMillis(20)));
            ArmCallException arm = assertThrows(ArmCallException.class, () -> new ArmRest(c.pipeline(),
                    f.sandbox.baseUrl().toString()).list("/subscriptions/" + DeployFixture.SUB + "/resourceGroups/"
                    + DeployFixture.RG + "/providers/Microsoft.OperationalInsights/workspaces/" + DeployFixture.WS
                    + "/savedSearches", "2020-08-01"));
            assertEquals(401, arm.status());
            assertEquals("InvalidAuthenticationTokenAudience", arm.code());

            // What the deploy itself gets: the environment credential asks the sandbox for each audience in turn.
            detection(f, 1);
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(1, listed(f).size());
        }
    }

    @Test
    void graphValidationErrorsAreReportedAndInjectedFaultsConverge() throws Exception {
        FaultOptions faults = FaultOptions.NONE.withThrottle(0.15, 0).withFailures(0.15, 503).withSeed(20261206);
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withFaults(faults))) {
            for (int i = 1; i <= 5; i++) detection(f, i);
            int runs = 0;
            CliRunner.Run last;
            do {
                last = f.run("apply", "--retries", "4");
                runs++;
            } while (last.exit() != 0 && runs < 4);
            assertEquals(0, last.exit(), "did not converge in " + runs + " runs:\n" + last.out() + last.err());
            assertTrue(f.sandbox.stats().countFault("throttle") + f.sandbox.stats().countFault("fail") > 0, "faults were injected");
            assertEquals(5, listed(f).size(), "each detection exactly once");
            assertEquals(0, f.run("plan", "--detailed-exitcode", "--retries", "6").exit());
        }
        try (DeployFixture f = new DeployFixture(dir.resolve("second"), SandboxOptions.defaults())) {
            ObjectNode bad = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            bad.put("displayName", "x");
            bad.putObject("queryCondition").put("queryText", "DeviceEvents");
            bad.putObject("schedule").put("period", "2H");
            ArmCallException e = assertThrows(ArmCallException.class,
                    () -> graphClient(f, SandboxTokens.GRAPH).post(COLLECTION, "v1.0", bad));
            assertEquals(400, e.status());
            assertEquals("BadRequest", e.code());
            assertTrue(e.getMessage().contains("schedule.period"), e.getMessage());

            // Lists page with @odata.nextLink (50 a page), which the client follows.
            bad.putObject("schedule").put("period", "24H");
            ObjectNode template = bad.putObject("detectionAction").putObject("alertTemplate");
            template.put("title", "t").put("severity", "low").put("category", "Execution");
            template.putArray("impactedAssets").addObject().put("@odata.type", "#microsoft.graph.security.impactedDeviceAsset")
                    .put("identifier", "deviceId");
            ArmRest graph = graphClient(f, SandboxTokens.GRAPH);
            for (int i = 0; i < 60; i++) graph.post(COLLECTION, "v1.0", bad);
            f.sandbox.stats().reset();
            assertEquals(60, graph.list(COLLECTION, "v1.0").size());
            assertEquals(2, f.count("LIST", "detectionRules"));
        }
    }


    @Test
    void twoWorkspacesOfOneTenantCannotBothDeployTheTenantWideDetections() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            detection(f, 1);
            String two = DeployFixture.config("") + "  dev:\n    workspace: ws-dev\n";
            f.writeConfig(two);
            CliRunner.Run plan = f.run("plan");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.err().contains("workspaces 'prod' and 'dev' are in tenant sandbox-tenant and both deploy custom detections"),
                    plan.err());
            f.writeConfig(two + "    content:\n      exclude:\n        kinds: [CustomDetection]\n");
            CliRunner.Run ok = f.run("plan", "--detailed-exitcode");
            assertEquals(2, ok.exit(), ok.out() + ok.err());
            assertTrue(ok.out().contains("+ create custom detection " + detectionId(1)), ok.out());
        }
    }

    @Test
    void aDetectionMarkedByAnotherSourceIsAConflictUntilAdopted() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            detection(f, 1);
            assertEquals(0, f.run("apply").exit());
            ObjectNode ours = listed(f).get(0);
            ObjectNode edit = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            edit.putObject("detectionAction").putObject("alertTemplate").put("description",
                    "Taken over.\n\nsentinelctl: other/repo " + detectionId(1));
            graphClient(f, SandboxTokens.GRAPH).patch(COLLECTION + "/" + ours.path("id").asString(), "v1.0", edit);
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertTrue(plan.out().contains("! conflict custom detection " + detectionId(1)), plan.out());
            assertTrue(plan.out().contains("owned by source 'other/repo'"), plan.out());
            f.sandbox.stats().reset();
            CliRunner.Run adopt = f.run("apply", "--adopt");
            assertEquals(0, adopt.exit(), adopt.out() + adopt.err());
            assertEquals(1, f.count("PATCH", "detectionRules"));
            assertEquals(0, f.count("POST", "detectionRules"));
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    @Test
    void pruneWithoutGraphPermissionWarnsAndStillPlansTheArmKinds() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.rules(2);
            f.sandbox.faults().failPath("/security/rules/detectionRules", 403);
            CliRunner.Run plan = f.run("plan", "--prune", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("Plan: 2 to create"), plan.out());
            assertTrue(plan.err().contains("warning: workspace 'prod': custom detections were not checked for prune"),
                    plan.err());
        }
    }
}

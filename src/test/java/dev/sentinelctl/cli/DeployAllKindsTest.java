package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.playbook.PlaybookFixtures;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.kinds.playbook.PlaybookDeployment;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import dev.sentinelctl.deploy.sandbox.SandboxTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14's end-to-end acceptance: one content tree with every kind (2 watchlists, source parsers + a union parser,
 * 20 rules calling them, 3 automation rules (one runs the content playbook), a workbook, a playbook, 5 custom
 * detections) through the real pipeline and the sandbox. The plan is in dependency order; apply converges
 * under injected 429/503; a rerun is no change; a one-row watchlist change is one write; drift finds a portal edit
 * of each kind; prune deletes in reverse dependency order and leaves a hand-made rule alone.
 */
class DeployAllKindsTest {
    static final String SI = DeployParsersTest.WS_ID + "/providers/Microsoft.SecurityInsights/";
    static final String RGID = "/subscriptions/" + DeployFixture.SUB + "/resourceGroups/" + DeployFixture.RG;
    static final String DEPLOYMENTS = RGID + "/providers/Microsoft.Resources/deployments";
    static final String SI_API = "2025-09-01";
    static final String RUN_PLAYBOOK_ID = UUID.nameUUIDFromBytes("allkinds-run-playbook".getBytes()).toString();
    static final String THIRD_ID = UUID.nameUUIDFromBytes("allkinds-third".getBytes()).toString();
    static final String HAND_MADE = "0b6f6a52-aaaa-4bbb-8ccc-944455556666";

    @TempDir
    Path dir;

    /** The whole tree: DeployWatchlistsTest's watchlists, parsers and rules 1-3, then rules 4-20 and the other kinds. */
    private static void tree(DeployFixture f) {
        DeployWatchlistsTest.tree(f);
        for (int i = 4; i <= 12; i++) {
            f.rule(i, "Medium", "imDnsContoso\n| where Name has 'evil" + i + "'\n| project TimeGenerated, Computer, Name");
        }
        for (int i = 13; i <= 20; i++) {
            f.rule(i, "Low", "let blocked = _GetWatchlist('BlockedDomains') | project SearchKey;\nDnsEvents\n"
                    + "| where Name in (blocked) and Computer has 'host" + i + "'\n| project TimeGenerated, Computer, Name");
        }
        DeployFixture.write(f.content.resolve("Automation Rules/TagIncidents.yaml"), DeployAutomationRulesTest.tagRule(
                "- ../Detections/SecurityEvent/Rule1.yaml\n- " + DeployFixture.ruleId(2)));
        // The content playbook by the Logic App name its template creates: the rule depends on the playbook's
        // deployment in the workspace and runs the Logic App that deployment creates.
        DeployFixture.write(f.content.resolve("Automation Rules/RunPlaybook.yaml"), DeployAutomationRulesTest.playbookRule()
                .replace(DeployAutomationRulesTest.PLAYBOOK_ID, RUN_PLAYBOOK_ID)
                .replace("logicAppResourceId: " + DeployAutomationRulesTest.LOGIC_APP, "playbook: Block-AADUser"));
        DeployFixture.write(f.content.resolve("Automation Rules/Third.yaml"), DeployAutomationRulesTest.tagRule(
                "- " + DeployFixture.ruleId(13) + "\n- ../Detections/SecurityEvent/Rule20.yaml")
                .replace(DeployAutomationRulesTest.TAG_ID, THIRD_ID).replace("order: 10", "order: 30")
                .replace("Tag incidents of rules 1 and 2", "Tag incidents of watchlist rules"));
        DeployWorkbooksTest.workbook(f.content, "SignIns", DeployWorkbooksTest.WB1, "Sign-ins");
        DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.json"), PlaybookFixtures.TEMPLATE);
        DeployFixture.write(f.content.resolve("Playbooks/Block-AADUser/azuredeploy.parameters.json"),
                PlaybookFixtures.parameters("soc@contoso.com"));
        for (int i = 1; i <= 5; i++) DeployCustomDetectionTest.detection(f, i);
    }

    private static int at(String text, String part) {
        int i = text.indexOf(part);
        assertTrue(i >= 0, "missing \"" + part + "\" in:\n" + text);
        return i;
    }

    private static int first(List<SandboxStats.RequestRecord> log, String op, String resource) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).operation().equals(op) && log.get(i).resource().equals(resource)) return i;
        }
        throw new AssertionError("no " + op + " " + resource + " in " + lines(log));
    }

    private static int last(List<SandboxStats.RequestRecord> log, String op, String resource) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).operation().equals(op) && log.get(i).resource().equals(resource)) return i;
        }
        throw new AssertionError("no " + op + " " + resource + " in " + lines(log));
    }

    private static String lines(List<SandboxStats.RequestRecord> log) {
        return String.join("\n", log.stream().map(SandboxStats.RequestRecord::line).toList());
    }

    @Test
    void everyKindInOneTreePlansInOrderConvergesUnderFaultsDriftsAndPrunesInReverse() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            tree(f);
            DeployPlaybookTest.externalConnection(f, "office365-shared"); // the playbook uses it; preflight checks it

            // (1) the plan lists what is needed before what needs it
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(2, plan.exit(), plan.out() + plan.err());
            String p = plan.out();
            assertTrue(p.contains("Plan: 35 to create"), "2 watchlists, 3 parsers, 20 rules, 3 automation rules, "
                    + "a workbook, a playbook, 5 custom detections:\n" + p);
            int union = at(p, "+ create parser " + DeployParsersTest.parserId("imDnsContoso"));
            assertTrue(at(p, "+ create watchlist BlockedDomains") < union && at(p, "+ create watchlist DisabledParsers") < union
                    && at(p, "+ create parser " + DeployParsersTest.parserId("vimDnsContoso")) < union
                    && at(p, "+ create parser " + DeployParsersTest.parserId("vimDnsFabrikam")) < union, p);
            // Waves by dependency, not by kind: a rule needs only what it calls, an automation rule only its rules.
            int blocked = at(p, "+ create watchlist BlockedDomains");
            int[] rule = new int[21];
            for (int i = 1; i <= 20; i++) rule[i] = at(p, "+ create alert rule " + DeployFixture.ruleId(i));
            for (int i = 1; i <= 12; i++) assertTrue(union < rule[i], "union before rule " + i + ":\n" + p);
            for (int i : new int[] {1, 13, 14, 15, 16, 17, 18, 19, 20}) {
                assertTrue(blocked < rule[i], "BlockedDomains before rule " + i + ":\n" + p);
            }
            int tag = at(p, "+ create automation rule " + DeployAutomationRulesTest.TAG_ID);
            int runPlaybook = at(p, "+ create automation rule " + RUN_PLAYBOOK_ID);
            int thirdRule = at(p, "+ create automation rule " + THIRD_ID);
            assertTrue(rule[1] < tag && rule[2] < tag && rule[1] < runPlaybook && rule[13] < thirdRule
                    && rule[20] < thirdRule, "automation rules after the rules they name:\n" + p);
            assertTrue(at(p, "+ create playbook ") < runPlaybook, "the playbook before the automation rule that runs it:\n" + p);

            // (2) apply converges under injected throttling and server errors; a rerun is no change
            f.sandbox.faults().configure(FaultOptions.NONE.withThrottle(0.1, 0).withFailures(0.1, 503).withSeed(20261206));
            f.sandbox.stats().reset();
            int runs = 0;
            CliRunner.Run last;
            do {
                last = f.run("apply", "--parallelism", "4", "--retries", "4");
                runs++;
            } while (last.exit() != 0 && runs < 4);
            assertEquals(0, last.exit(), "did not converge in " + runs + " runs:\n" + last.out() + last.err());
            assertTrue(f.sandbox.stats().countFault("throttle") > 0 && f.sandbox.stats().countFault("fail") > 0,
                    "429s and 503s were injected");
            List<SandboxStats.RequestRecord> applied = f.sandbox.stats().recent();
            int deployed = last(applied, "PUT", "deployments");
            for (int i = 0; i < applied.size(); i++) {
                if (applied.get(i).operation().equals("PUT") && applied.get(i).pathAndQuery().contains("automationRules/" + RUN_PLAYBOOK_ID)) {
                    assertTrue(deployed < i, "the playbook's deployment is written before the rule that runs it:\n" + lines(applied));
                }
            }
            f.sandbox.faults().configure(FaultOptions.NONE);
            CliRunner.Run rerun = f.run("plan", "--detailed-exitcode");
            assertEquals(0, rerun.exit(), "rerun = no change:\n" + rerun.out() + rerun.err());
            ArmRest portal = f.portalRest();
            assertEquals(5, portal.list(SI + "watchlists/BlockedDomains/watchlistItems", SI_API).size());
            assertEquals(5, DeployCustomDetectionTest.listed(f).size(), "five detections, none duplicated by retries");
            assertEquals(20, f.portal().alertRules().list(DeployFixture.RG, DeployFixture.WS).stream().count());
            // the rule runs the Logic App the playbook's deployment created, by its full id in the workspace's group
            String logicApp = RGID + "/providers/Microsoft.Logic/workflows/Block-AADUser";
            assertEquals(logicApp, portal.get(SI + "automationRules/" + RUN_PLAYBOOK_ID, SI_API).orElseThrow()
                    .path("properties").path("actions").get(0).path("actionConfiguration").path("logicAppResourceId").asString());
            assertTrue(portal.get(logicApp, "2019-05-01").isPresent(), "the Logic App exists: " + logicApp);

            // (3) a one-row change in data.csv is exactly one write, of that item
            DeployWatchlistsTest.watchlist(f, "BlockedDomains", "Domain", DeployWatchlistsTest.domains(5, "confirmed phishing"));
            f.sandbox.stats().reset();
            CliRunner.Run oneRow = f.run("apply");
            assertEquals(0, oneRow.exit(), oneRow.out() + oneRow.err());
            List<String> writes = f.sandbox.stats().recent().stream()
                    .filter(r -> !r.operation().equals("GET") && !r.operation().equals("LIST"))
                    .filter(r -> !r.pathAndQuery().contains("/oauth2/")) // token requests write nothing
                    .map(SandboxStats.RequestRecord::line).toList();
            assertEquals(1, writes.size(), "one write in all: " + writes);
            assertEquals(1, f.count("PUT", "watchlistItems"), writes.toString());

            // (4) a portal edit of each kind is drift
            ObjectNode item = portal.list(SI + "watchlists/BlockedDomains/watchlistItems", SI_API).get(0);
            ((ObjectNode) item.path("properties").path("itemsKeyValue")).put("Reason", "edited in the portal");
            portal.put(SI + "watchlists/BlockedDomains/watchlistItems/" + item.path("name").asString(), SI_API, item);

            String parser = DeployParsersTest.WS_ID + "/savedSearches/" + DeployParsersTest.parserId("vimDnsFabrikam");
            ObjectNode parserBody = portal.get(parser, "2020-08-01").orElseThrow();
            ((ObjectNode) parserBody.get("properties")).put("query", "DnsEvents | project TimeGenerated, Computer, Name");
            portal.put(parser, "2020-08-01", parserBody);

            String rule7 = SI + "alertRules/" + DeployFixture.ruleId(7);
            ObjectNode ruleBody = portal.get(rule7, SI_API).orElseThrow();
            ((ObjectNode) ruleBody.get("properties")).put("severity", "High");
            portal.put(rule7, SI_API, ruleBody);

            f.portal().automationRules().get(DeployFixture.RG, DeployFixture.WS, THIRD_ID).update()
                    .withDisplayName("Renamed in the portal").apply();

            ObjectNode workbook = portal.list(RGID + "/providers/Microsoft.Insights/workbooks", DeployWorkbooksTest.API,
                    "category=sentinel&canFetchContent=true").get(0);
            ((ObjectNode) workbook.get("properties")).put("serializedData",
                    "{\"version\":\"Notebook/1.0\",\"items\":[{\"type\":1,\"content\":{\"json\":\"## edited\"},\"name\":\"text - 0\"}]}");
            workbook.remove("etag");
            portal.put(workbook.path("id").asString(), DeployWorkbooksTest.API, workbook);

            ObjectNode deployment = portal.list(DEPLOYMENTS, "2025-04-01").stream()
                    .filter(x -> !x.path("name").asString().startsWith("by-hand-")).findFirst().orElseThrow();
            ObjectNode redeploy = deployment.deepCopy();
            redeploy.remove("id");
            ObjectNode props = redeploy.putObject("properties");
            props.put("mode", "Incremental");
            props.set("template", new tools.jackson.databind.json.JsonMapper().readTree(PlaybookFixtures.TEMPLATE));
            props.putObject("parameters").putObject("NotificationEmail").put("value", "other@contoso.com");
            ((ObjectNode) props.get("parameters")).putObject("workspace").put("value", DeployFixture.WS);
            ((ObjectNode) redeploy.get("tags")).put(PlaybookDeployment.HASH_TAG, "edited-in-the-portal");
            portal.putAndWait(DEPLOYMENTS + "/" + deployment.path("name").asString(), "2025-04-01", redeploy);

            ObjectNode third = DeployCustomDetectionTest.listed(f).stream()
                    .filter(r -> r.path("displayName").asString().equals("Encoded PowerShell 3")).findFirst().orElseThrow();
            ObjectNode edit = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            edit.putObject("detectionAction").putObject("alertTemplate").put("severity", "high");
            DeployCustomDetectionTest.graphClient(f, SandboxTokens.GRAPH)
                    .patch("/security/rules/detectionRules/" + third.path("id").asString(), "v1.0", edit);

            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            String d = drift.out();
            for (String expected : List.of("~ drifted watchlist BlockedDomains",
                    "~ drifted parser " + DeployParsersTest.parserId("vimDnsFabrikam"),
                    "~ drifted alert rule " + DeployFixture.ruleId(7),
                    "~ drifted automation rule " + THIRD_ID,
                    "~ drifted workbook " + workbook.path("name").asString(),
                    "~ drifted playbook",
                    "~ drifted custom detection " + DeployCustomDetectionTest.detectionId(3))) {
                assertTrue(d.contains(expected), expected + " in:\n" + d);
            }
            assertEquals(7, d.lines().filter(l -> l.contains("~ drifted ")).count(), "one drift per kind, nothing else:\n" + d);
            CliRunner.Run repair = f.run("apply");
            assertEquals(0, repair.exit(), repair.out() + repair.err());
            CliRunner.Run clean = f.run("drift");
            assertEquals(0, clean.exit(), clean.out() + clean.err());

            // (5) prune in reverse order, and a rule made by hand (no ownership marker) survives
            ObjectNode handMade = portal.get(SI + "alertRules/" + DeployFixture.ruleId(1), SI_API).orElseThrow();
            handMade.remove("etag");
            handMade.remove("id");
            handMade.remove("name");
            ((ObjectNode) handMade.get("properties")).put("displayName", "Made in the portal");
            portal.put(SI + "alertRules/" + HAND_MADE, SI_API, handMade);
            try (Stream<Path> files = Files.walk(f.content)) {
                for (Path x : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
            }
            f.hunt(1); // the content may not be empty
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune", "--max-deletes", "100");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            List<SandboxStats.RequestRecord> log = f.sandbox.stats().recent();
            assertEquals(3, f.count("DELETE", "automationRules"));
            assertEquals(20, f.count("DELETE", "alertRules"), "ours only: " + lines(log));
            assertEquals(3, f.count("DELETE", "savedSearches"));
            assertEquals(2, f.count("DELETE", "watchlists"));
            assertEquals(5, f.count("DELETE", "detectionRules"));
            assertEquals(1, f.count("DELETE", "workbooks"));
            assertTrue(last(log, "DELETE", "automationRules") < first(log, "DELETE", "alertRules"), lines(log));
            assertTrue(last(log, "DELETE", "automationRules") < first(log, "DELETE", "deployments"), lines(log));
            assertTrue(last(log, "DELETE", "alertRules") < first(log, "DELETE", "savedSearches"), lines(log));
            assertTrue(last(log, "DELETE", "alertRules") < first(log, "DELETE", "watchlists"), lines(log));
            // The union parser before the source parsers its deployed query calls (the files are gone: the deployed
            // bodies say so), and a parser before the watchlist it reads.
            String unionParser = DeployParsersTest.parserId("imDnsContoso");
            int unionDeleted = -1;
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i).operation().equals("DELETE") && log.get(i).pathAndQuery().contains("savedSearches/" + unionParser)) unionDeleted = i;
            }
            for (String source : List.of("vimDnsContoso", "vimDnsFabrikam")) {
                for (int i = 0; i < log.size(); i++) {
                    if (log.get(i).operation().equals("DELETE")
                            && log.get(i).pathAndQuery().contains("savedSearches/" + DeployParsersTest.parserId(source))) {
                        assertTrue(unionDeleted >= 0 && unionDeleted < i, "union before " + source + ":\n" + lines(log));
                    }
                }
            }
            assertTrue(last(log, "DELETE", "savedSearches") < first(log, "DELETE", "watchlists"), lines(log));
            assertTrue(portal.get(SI + "alertRules/" + HAND_MADE, SI_API).isPresent(), "the hand-made rule survives");
            assertEquals(1, f.portal().alertRules().list(DeployFixture.RG, DeployFixture.WS).stream().count());
        }
    }
}

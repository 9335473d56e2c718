package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parsers deployed as saved functions through the real pipeline and the sandbox: an ASIM-style union parser over two
 * source parsers, and rules calling the union. Apply writes source parsers, then the union, then the rules; a rerun
 * changes nothing; a portal edit of a parser is drift; prune deletes rules before the parsers they call.
 */
class DeployParsersTest {
    static final String WS_ID = "/subscriptions/" + DeployFixture.SUB + "/resourceGroups/" + DeployFixture.RG
            + "/providers/Microsoft.OperationalInsights/workspaces/" + DeployFixture.WS;

    @TempDir
    Path dir;

    static String parserId(String alias) {
        return UUID.nameUUIDFromBytes(("parser-" + alias).getBytes()).toString();
    }

    static void parser(DeployFixture f, String alias, String query, String parameters) {
        DeployFixture.write(f.content.resolve("Parsers/" + alias + ".yaml"), """
                id: %s
                name: %s parser
                functionAlias: %s
                category: ASIM
                version: 1.0.0
                %squery: |
                %s
                """.formatted(parserId(alias), alias, alias, parameters, query.indent(2).stripTrailing()));
    }

    /** Source parsers vimDnsContoso and vimDnsFabrikam, union imDnsContoso, rules 1-3 calling the union. */
    static void dnsTree(DeployFixture f) {
        parser(f, "vimDnsContoso", "DnsEvents\n| where Computer startswith 'contoso'\n| project TimeGenerated, Computer, Name", "");
        parser(f, "vimDnsFabrikam", "DnsEvents\n| where Computer startswith 'fabrikam'\n| project TimeGenerated, Computer, Name", "");
        parser(f, "imDnsContoso", "union isfuzzy=true vimDnsContoso, (vimDnsFabrikam | where not(disabled))",
                "parameters:\n  - name: disabled\n    type: bool\n    default: false\n");
        for (int i = 1; i <= 3; i++) {
            f.rule(i, "Medium", "imDnsContoso\n| where Name has 'evil" + i + "'\n| project TimeGenerated, Computer, Name");
        }
    }

    @Test
    void parsersAreWrittenInDependencyOrderBeforeTheRulesThatCallThem() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            dnsTree(f);
            CliRunner.Run plan = f.run("plan");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("+ create parser " + parserId("imDnsContoso")), plan.out());

            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply", "--parallelism", "4");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(3, f.count("PUT", "savedSearches"), "three functions");
            assertEquals(3, f.count("PUT", "alertRules"));

            List<String> puts = f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("PUT")
                    && !r.resource().equals("metadata")).map(SandboxStats.RequestRecord::pathAndQuery).toList();
            int union = index(puts, parserId("imDnsContoso"));
            assertTrue(index(puts, parserId("vimDnsContoso")) < union && index(puts, parserId("vimDnsFabrikam")) < union,
                    "source parsers before the union: " + puts);
            for (int i = 1; i <= 3; i++) assertTrue(union < index(puts, DeployFixture.ruleId(i)), "union before rule " + i + ": " + puts);

            // Microsoft's converter's mapping, as stored
            ObjectNode stored = f.portalRest().get(WS_ID + "/savedSearches/" + parserId("imDnsContoso"), "2020-08-01").orElseThrow();
            assertEquals("imDnsContoso", stored.path("properties").path("functionAlias").asString());
            assertEquals("disabled:bool=False", stored.path("properties").path("functionParameters").asString());
            assertEquals("ASIM", stored.path("properties").path("category").asString());
            assertEquals(2, stored.path("properties").path("version").asInt());

            CliRunner.Run again = f.run("plan", "--detailed-exitcode");
            assertEquals(0, again.exit(), "rerun = no change:\n" + again.out() + again.err());
        }
    }

    @Test
    void huntingQueriesAndParsersShareOneListCallAndClaimOnlyTheirOwn() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            dnsTree(f);
            f.hunt(1);
            assertEquals(0, f.run("apply").exit());
            f.sandbox.stats().reset();
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            assertEquals(1, f.sandbox.stats().count("LIST", "savedSearches"), "one list call serves both kinds");

            CliRunner.Run drift = f.run("drift");
            assertEquals(0, drift.exit(), drift.out() + drift.err());
        }
    }

    @Test
    void aPortalEditOfAParserIsDriftAndPruneDeletesRulesBeforeParsers() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            dnsTree(f);
            assertEquals(0, f.run("apply").exit());
            ArmRest portal = f.portalRest();
            String id = WS_ID + "/savedSearches/" + parserId("vimDnsFabrikam");
            ObjectNode body = portal.get(id, "2020-08-01").orElseThrow();
            ((ObjectNode) body.get("properties")).put("query", "DnsEvents | project TimeGenerated, Computer, Name");
            portal.put(id, "2020-08-01", body);

            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted parser " + parserId("vimDnsFabrikam")), drift.out());
            assertFalse(drift.out().contains(parserId("vimDnsContoso")), drift.out());

            assertEquals(0, f.run("apply").exit(), "apply puts it back");
            assertEquals(0, f.run("drift").exit());

            // Everything leaves the repository: rules go first, then the union, then its sources.
            for (int i = 1; i <= 3; i++) java.nio.file.Files.delete(f.ruleFile(i));
            for (String a : List.of("vimDnsContoso", "vimDnsFabrikam", "imDnsContoso")) {
                java.nio.file.Files.delete(f.content.resolve("Parsers/" + a + ".yaml"));
            }
            f.hunt(1); // the content may not be empty
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune", "--max-deletes", "10");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            List<String> deletes = f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("DELETE")
                    && !r.resource().equals("metadata")).map(SandboxStats.RequestRecord::resource).toList();
            assertEquals(List.of("alertRules", "alertRules", "alertRules", "savedSearches", "savedSearches", "savedSearches"),
                    deletes, "rules before parsers");
            assertTrue(portal.get(id, "2020-08-01").isEmpty());
        }
    }

    @Test
    void pruneDeletesAUnionParserBeforeTheSourceParserItsDeployedQueryCallsAndRulesBeforeBoth() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            dnsTree(f);
            assertEquals(0, f.run("apply").exit());
            // The union and one of its sources leave the repository, with the rules that call the union; the other
            // source stays. Once the files are gone only the deployed bodies say the union calls vimDnsFabrikam (whose
            // name sorts before the union's, so an order by name or listing would delete it first).
            for (int i = 1; i <= 3; i++) java.nio.file.Files.delete(f.ruleFile(i));
            for (String a : List.of("vimDnsFabrikam", "imDnsContoso")) {
                java.nio.file.Files.delete(f.content.resolve("Parsers/" + a + ".yaml"));
            }
            CliRunner.Run plan = f.run("plan", "--prune");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            String p = plan.out();
            int union = p.indexOf("- delete parser " + parserId("imDnsContoso"));
            int source = p.indexOf("- delete parser " + parserId("vimDnsFabrikam"));
            assertTrue(union >= 0 && source > union, "the plan lists the union's delete before its source's:\n" + p);
            for (int i = 1; i <= 3; i++) {
                int rule = p.indexOf("- delete alert rule " + DeployFixture.ruleId(i));
                assertTrue(rule >= 0 && rule < union, "rule " + i + " before the parsers:\n" + p);
            }

            f.sandbox.stats().reset();
            // One at a time, so the order is the plan's, not a race within a wave.
            CliRunner.Run prune = f.run("apply", "--prune", "--max-deletes", "10", "--parallelism", "1");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            List<String> deletes = f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("DELETE")
                    && !r.resource().equals("metadata")).map(SandboxStats.RequestRecord::pathAndQuery)
                    .map(q -> q.substring(0, q.indexOf('?'))).map(q -> q.substring(q.lastIndexOf('/') + 1)).toList();
            assertEquals(5, deletes.size(), deletes.toString());
            assertEquals(java.util.Set.of(DeployFixture.ruleId(1), DeployFixture.ruleId(2), DeployFixture.ruleId(3)),
                    java.util.Set.copyOf(deletes.subList(0, 3)), "the rules first: " + deletes);
            assertEquals(List.of(parserId("imDnsContoso"), parserId("vimDnsFabrikam")), deletes.subList(3, 5),
                    "then the union, then its source");
            assertTrue(f.portalRest().get(WS_ID + "/savedSearches/" + parserId("vimDnsContoso"), "2020-08-01").isPresent(),
                    "the source still in the repository stays");
        }
    }

    @Test
    void parsersConvergeUnderThrottlingAndServerErrors() throws Exception {
        FaultOptions faults = FaultOptions.NONE.withThrottle(0.1, 0).withFailures(0.1, 503).withSeed(20261206);
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withFaults(faults))) {
            dnsTree(f);
            int runs = 0;
            CliRunner.Run last;
            do {
                last = f.run("apply", "--retries", "4");
                runs++;
            } while (last.exit() != 0 && runs < 4);
            assertEquals(0, last.exit(), "did not converge in " + runs + " runs:\n" + last.out() + last.err());
            assertTrue(f.sandbox.stats().countFault("throttle") + f.sandbox.stats().countFault("fail") > 0);
            assertEquals(12, f.sandbox.resourceCount(), "3 parsers + 3 rules, each with its metadata");
            assertEquals(0, f.run("plan", "--detailed-exitcode", "--retries", "6").exit());
        }
    }

    @Test
    void exportWritesParsersBackAsNativeParserYamlThatChecks() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            dnsTree(f);
            assertEquals(0, f.run("apply").exit());
            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            List<Path> parsers;
            try (var s = java.nio.file.Files.list(out.resolve("Parsers"))) {
                parsers = s.sorted().toList();
            }
            assertEquals(3, parsers.size(), parsers.toString());
            String union = "";
            for (Path p : parsers) {
                String text = java.nio.file.Files.readString(p);
                if (text.contains("functionAlias: imDnsContoso")) union = text;
            }
            assertTrue(union.contains("functionAlias: imDnsContoso"), union);
            assertTrue(union.contains("name: disabled") && union.contains("type: bool"), union);
            CliRunner.Run check = CliRunner.run("check", out.toString());
            assertEquals(0, check.exit(), "the export checks clean, parsers and the rules calling them:\n" + check.out());
        }
    }

    private static int index(List<String> paths, String name) {
        for (int i = 0; i < paths.size(); i++) if (paths.get(i).contains(name)) return i;
        throw new AssertionError(name + " was not written: " + paths);
    }
}

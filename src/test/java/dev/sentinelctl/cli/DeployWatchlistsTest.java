package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import dev.sentinelctl.deploy.sandbox.SandboxStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * Watchlists, parsers and rules deployed together through the real pipeline and the sandbox: watchlists first (each
 * create waited for through its async operation), then source parsers, the union parser, the rules. An update writes
 * only the items that changed; a portal edit of an item is drift; prune deletes rules, parsers, then watchlists.
 */
class DeployWatchlistsTest {
    static final String WL = DeployParsersTest.WS_ID + "/providers/Microsoft.SecurityInsights/watchlists/";
    static final String API = "2025-09-01";

    @TempDir
    Path dir;

    static void watchlist(DeployFixture f, String alias, String key, String csv) {
        Path folder = f.content.resolve("Watchlists/" + alias);
        DeployFixture.write(folder.resolve("watchlist.yaml"), """
                alias: %s
                displayName: %s list
                description: Test watchlist %s.
                provider: Custom
                itemsSearchKey: %s
                labels:
                  - dns
                """.formatted(alias, alias, alias, key));
        DeployFixture.write(folder.resolve("data.csv"), csv);
    }

    static String domains(int rows, String changedReason) {
        StringBuilder sb = new StringBuilder("Domain,Reason\n");
        for (int i = 1; i <= rows; i++) sb.append("bad").append(i).append(".example,").append(i == 2 && changedReason != null
                ? changedReason : "reported " + i).append('\n');
        return sb.toString();
    }

    /** Two watchlists, the DNS parsers (the union reads DisabledParsers) and rules 1-3 (rule 1 reads BlockedDomains). */
    static void tree(DeployFixture f) {
        watchlist(f, "BlockedDomains", "Domain", domains(5, null));
        watchlist(f, "DisabledParsers", "ParserName", "ParserName,Why\nvimDnsLegacy,retired\n");
        DeployParsersTest.parser(f, "vimDnsContoso", "DnsEvents\n| project TimeGenerated, Computer, Name", "");
        DeployParsersTest.parser(f, "vimDnsFabrikam", "DnsEvents\n| where Computer startswith 'fab'\n| project TimeGenerated, Computer, Name", "");
        DeployParsersTest.parser(f, "imDnsContoso", """
                let off = toscalar(_GetWatchlist('DisabledParsers') | summarize make_set(SearchKey));
                union isfuzzy=true vimDnsContoso, (vimDnsFabrikam | where not(set_has_element(off, 'vimDnsFabrikam')))""", "");
        f.rule(1, "High", "let blocked = _GetWatchlist('BlockedDomains') | project SearchKey;\nimDnsContoso\n"
                + "| where Name in (blocked)\n| project TimeGenerated, Computer, Name");
        for (int i = 2; i <= 3; i++) f.rule(i, "Medium", "imDnsContoso\n| where Name has 'evil" + i + "'\n| project TimeGenerated, Computer, Name");
    }

    @Test
    void watchlistsThenParsersInDependencyOrderThenRulesAndARerunChangesNothing() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            tree(f);
            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply", "--parallelism", "4");
            assertEquals(0, apply.exit(), apply.out() + apply.err());

            List<SandboxStats.RequestRecord> log = f.sandbox.stats().recent();
            List<String> puts = log.stream().filter(r -> r.operation().equals("PUT") && !r.resource().equals("metadata"))
                    .map(r -> r.resource() + " " + r.pathAndQuery()).toList();
            // Waves by dependency: the watchlists and the source parsers need nothing and go first, side by side; the
            // union reads DisabledParsers and calls both sources; the rules call the union (rule 1 reads BlockedDomains).
            int lastWatchlist = lastIndex(puts, "watchlists ");
            int union = firstIndex(puts, DeployParsersTest.parserId("imDnsContoso"));
            int lastSource = Math.max(firstIndex(puts, DeployParsersTest.parserId("vimDnsContoso")),
                    firstIndex(puts, DeployParsersTest.parserId("vimDnsFabrikam")));
            int firstRule = firstIndex(puts, "alertRules ");
            assertTrue(lastWatchlist < union && lastSource < union && union < firstRule, String.join("\n", puts));
            assertEquals(5, firstRule, "three parsers and two watchlists before any rule: " + String.join("\n", puts));
            // Each create was waited for: its operation polled to Succeeded before anything that reads it was written.
            assertTrue(f.count("GET", "operations") >= 4, "two polls per watchlist: " + f.count("GET", "operations"));
            int lastPoll = -1;
            int unionWrite = Integer.MAX_VALUE;
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i).resource().equals("operations")) lastPoll = i;
                if (log.get(i).operation().equals("PUT") && log.get(i).pathAndQuery().contains(DeployParsersTest.parserId("imDnsContoso"))) {
                    unionWrite = Math.min(unionWrite, i);
                }
            }
            assertTrue(lastPoll < unionWrite, "provisioning finished before the parser reading the watchlist was written");
            assertEquals(0, f.count("PUT", "watchlistItems"), "a create sends the CSV inline, no item writes");

            ArmRest portal = f.portalRest();
            assertEquals(5, portal.list(WL + "BlockedDomains/watchlistItems", API).size());
            ObjectNode w = portal.get(WL + "BlockedDomains", API).orElseThrow();
            assertEquals("Succeeded", w.path("properties").path("provisioningState").asString());

            CliRunner.Run again = f.run("plan", "--detailed-exitcode");
            assertEquals(0, again.exit(), "rerun = no change:\n" + again.out() + again.err());
            assertEquals(0, f.run("drift").exit());
        }
    }

    @Test
    void aOneRowChangeIsExactlyOneItemWriteAndAnAddedAndARemovedRowOneEach() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            tree(f);
            assertEquals(0, f.run("apply").exit());
            watchlist(f, "BlockedDomains", "Domain", domains(5, "confirmed phishing"));
            f.sandbox.stats().reset();
            CliRunner.Run apply = f.run("apply");
            assertEquals(0, apply.exit(), apply.out() + apply.err());
            assertEquals(1, f.count("PUT", "watchlistItems"), "one changed row, one item write");
            assertEquals(0, f.count("DELETE", "watchlistItems"));
            assertEquals(0, f.count("PUT", "watchlists"), "the watchlist itself is not re-sent");
            assertEquals(0, f.count("DELETE", "watchlists"), "never delete-and-recreate");
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());

            // Row 5 leaves, row 6 arrives.
            watchlist(f, "BlockedDomains", "Domain", domains(4, "confirmed phishing") + "new6.example,reported 6\n");
            f.sandbox.stats().reset();
            assertEquals(0, f.run("apply").exit());
            assertEquals(1, f.count("PUT", "watchlistItems"));
            assertEquals(1, f.count("DELETE", "watchlistItems"));
            assertEquals(5, f.portalRest().list(WL + "BlockedDomains/watchlistItems", API).size(), "the item count afterwards");
            assertEquals(0, f.run("plan", "--detailed-exitcode").exit());
        }
    }

    @Test
    void aPortalEditOfAWatchlistItemIsDriftAndApplyPutsBackThatOneItem() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            tree(f);
            assertEquals(0, f.run("apply").exit());
            ArmRest portal = f.portalRest();
            ObjectNode item = portal.list(WL + "BlockedDomains/watchlistItems", API).get(0);
            ObjectNode edited = item.deepCopy();
            ((ObjectNode) edited.path("properties").path("itemsKeyValue")).put("Reason", "edited in the portal");
            portal.put(WL + "BlockedDomains/watchlistItems/" + item.path("name").asString(), API, edited);

            CliRunner.Run drift = f.run("drift");
            assertEquals(2, drift.exit(), drift.out() + drift.err());
            assertTrue(drift.out().contains("~ drifted watchlist BlockedDomains"), drift.out());
            assertTrue(drift.out().contains("edited in the portal"), drift.out());
            assertFalse(drift.out().contains("DisabledParsers"), drift.out());

            f.sandbox.stats().reset();
            assertEquals(0, f.run("apply").exit());
            assertEquals(1, f.count("PUT", "watchlistItems"));
            assertEquals(0, f.run("drift").exit());
        }
    }

    @Test
    void pruneDeletesRulesThenParsersThenWatchlists() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            tree(f);
            assertEquals(0, f.run("apply").exit());
            deleteTree(f.content);
            f.hunt(1);
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune", "--max-deletes", "20");
            assertEquals(0, prune.exit(), prune.out() + prune.err());
            List<String> deletes = f.sandbox.stats().recent().stream().filter(r -> r.operation().equals("DELETE")
                    && !r.resource().equals("metadata")).map(SandboxStats.RequestRecord::resource).distinct().toList();
            assertEquals(List.of("alertRules", "savedSearches", "watchlists"), deletes);
            assertTrue(f.portalRest().list(DeployParsersTest.WS_ID + "/providers/Microsoft.SecurityInsights/watchlists", API).isEmpty());
        }
    }

    @Test
    void applyConvergesUnderThrottlingAndServerErrors() throws Exception {
        FaultOptions faults = FaultOptions.NONE.withThrottle(0.1, 0).withFailures(0.1, 503).withSeed(20261206);
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withPageSize(3).withFaults(faults))) {
            tree(f);
            int runs = 0;
            CliRunner.Run last;
            do {
                last = f.run("apply", "--retries", "4");
                runs++;
            } while (last.exit() != 0 && runs < 4);
            assertEquals(0, last.exit(), "did not converge in " + runs + " runs:\n" + last.out() + last.err());
            assertTrue(f.sandbox.stats().countFault("throttle") + f.sandbox.stats().countFault("fail") > 0);
            assertEquals(0, f.run("plan", "--detailed-exitcode", "--retries", "6").exit());
            assertEquals(5, f.portalRest().list(WL + "BlockedDomains/watchlistItems", API).size());
        }
    }

    @Test
    void preflightCountsAWatchlistTheSamePlanDeploysAndSkipsARuleWhoseWatchlistIsNowhere() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            f.tables(DeployFixture.WS, true, java.util.Map.of("DnsEvents", "live"));
            tree(f);
            CliRunner.Run plan = f.run("plan", "--format", "json");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
            assertTrue(plan.out().contains("\"skip\" : 0"), "the watchlist is deployed in the same plan: " + plan.out());

            deleteTree(f.content.resolve("Watchlists/BlockedDomains"));
            CliRunner.Run without = f.run("plan");
            assertEquals(0, without.exit(), without.out() + without.err());
            assertTrue(without.out().contains("○ skip alert rule " + DeployFixture.ruleId(1)), without.out());
            assertTrue(without.out().contains("watchlist 'BlockedDomains' does not exist in ws-prod"), without.out());

            CliRunner.Run unchecked = f.run("plan", "--no-preflight");
            assertEquals(2, unchecked.exit(), "without preflight the missing watchlist fails the plan: " + unchecked.out());
            assertTrue(unchecked.err().contains("needs watchlist BlockedDomains (calls _GetWatchlist('BlockedDomains')), which is "
                    + "neither in the content nor in the workspace"), unchecked.err());
        }
    }

    @Test
    void exportWritesEachWatchlistAsAFolderAndExportCheckPlanIsNoChange() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            tree(f);
            // The search key is not the first column here, and values need quoting: a comma, a quote, a line break.
            watchlist(f, "Vips", "Upn", "Team,Upn,Note\nfinance,cfo@contoso.com,\"board, audit\"\n"
                    + "it,admin@contoso.com,\"says \"\"hi\"\"\"\nlegal,gc@contoso.com,\"two\nlines\"\n");
            assertEquals(0, f.run("apply").exit());
            Path out = dir.resolve("exported");
            CliRunner.Run export = f.run("export", "--workspace", "prod", "--out", out.toString());
            assertEquals(0, export.exit(), export.out() + export.err());
            assertFalse(export.out().contains("skipped"), export.out());
            assertTrue(export.out().contains("3 watchlists"), export.out());

            Path vips = out.resolve("Watchlists/Vips");
            assertEquals("""
                    alias: Vips
                    displayName: Vips list
                    description: Test watchlist Vips.
                    provider: Custom
                    itemsSearchKey: Upn
                    labels:
                      - dns
                    """, Files.readString(vips.resolve("watchlist.yaml")));
            assertEquals("Upn,Team,Note\nadmin@contoso.com,it,\"says \"\"hi\"\"\"\n"
                    + "cfo@contoso.com,finance,\"board, audit\"\ngc@contoso.com,legal,\"two\nlines\"\n",
                    Files.readString(vips.resolve("data.csv")), "the search key first, rows by key, values quoted only where needed");
            assertEquals(domains(5, null), Files.readString(out.resolve("Watchlists/BlockedDomains/data.csv")));

            CliRunner.Run check = CliRunner.run("check", out.toString());
            assertEquals(0, check.exit(), "the export checks clean:\n" + check.out());
            // The export becomes the content: the same workspace then plans no change, item by item.
            deleteTree(f.content);
            Files.move(out, f.content);
            CliRunner.Run plan = f.run("plan", "--detailed-exitcode");
            assertEquals(0, plan.exit(), "export → plan is no change:\n" + plan.out() + plan.err());
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static int firstIndex(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
        throw new AssertionError(part + " not in " + lines);
    }

    private static int lastIndex(List<String> lines, String part) {
        for (int i = lines.size() - 1; i >= 0; i--) if (lines.get(i).contains(part)) return i;
        throw new AssertionError(part + " not in " + lines);
    }

    @Test
    void pruneRefusesToDeleteAWatchlistAKeptRuleStillReads() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            tree(f);
            assertEquals(0, f.run("apply").exit());
            // The folder leaves the repository, but rule 1 still calls _GetWatchlist('BlockedDomains').
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(f.content.resolve("Watchlists/BlockedDomains"))) {
                for (Path x : files.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(x);
            }
            f.sandbox.stats().reset();
            CliRunner.Run prune = f.run("apply", "--prune", "--max-deletes", "10");
            assertEquals(2, prune.exit(), prune.out() + prune.err());
            String all = prune.out() + prune.err();
            assertTrue(all.contains("needs watchlist BlockedDomains (calls _GetWatchlist('BlockedDomains'))")
                    && all.contains("which --prune would delete"), all);
            assertEquals(0, f.count("DELETE", "watchlists"), "nothing deleted");
        }
    }
}

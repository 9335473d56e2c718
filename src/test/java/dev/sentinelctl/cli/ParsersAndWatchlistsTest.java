package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** check, import and build over parsers and watchlists, end to end through the command line. */
class ParsersAndWatchlistsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    static final String PARSER = """
            id: 9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d
            name: Failed logons per account
            functionAlias: FailedLogons
            parameters:
              - name: lookback
                type: timespan
                default: 1d
              - name: minimum
                type: long
            query: |
              SecurityEvent
              | where TimeGenerated > ago(lookback) and EventID == 4625
              | summarize Failures = count() by TargetAccount, Computer
              | where Failures >= minimum
            """;

    static final String HUNTING_CALL = """
            id: 1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e
            name: Accounts failing on many computers
            description: Accounts whose logons fail on more than five computers.
            query: |
              FailedLogons(minimum=3)
              | summarize Computers = dcount(Computer) by TargetAccount
              | where Computers > 5
            version: 1.0.0
            """;

    private List<String> findings(CliRunner.Run run) {
        JsonNode root = MAPPER.readTree(run.out());
        List<String> out = new ArrayList<>();
        root.get("diagnostics").forEach(d -> out.add(d.get("ruleId").asString() + "@"
                + Path.of(d.get("file").asString()).getFileName() + ":" + d.get("line").asInt() + ":" + d.get("column").asInt()));
        return out;
    }

    @Test
    void aQueryCallingTheContentsParserBindsAgainstItsColumns() {
        Fixtures.write(dir, "Parsers/FailedLogons.yaml", PARSER);
        Fixtures.write(dir, "Hunting Queries/Spread.yaml", HUNTING_CALL);
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.out());

        Fixtures.write(dir, "Hunting Queries/Spread.yaml", HUNTING_CALL.replace("by TargetAccount", "by TargetUser"));
        assertEquals(List.of("KS142@Spread.yaml:6:47"), findings(CliRunner.run("check", dir.toString(), "--format", "json")));
    }

    @Test
    void wrongArgumentsAreErrorsAtTheCall() {
        Fixtures.write(dir, "Parsers/FailedLogons.yaml", PARSER);
        // minimum has no default: leaving it out is an error; "7d" where a timespan is declared is another
        Fixtures.write(dir, "Hunting Queries/Spread.yaml", HUNTING_CALL.replace("FailedLogons(minimum=3)", "FailedLogons(1d)")
                .replace("id: 1b2c", "id: 2b2c"));
        Fixtures.write(dir, "Hunting Queries/Typed.yaml", HUNTING_CALL.replace("FailedLogons(minimum=3)", "FailedLogons(\"7d\", 3)"));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.out());
        assertEquals(List.of("KS119@Spread.yaml:5:3", "KS107@Typed.yaml:5:16"), findings(run));
        assertTrue(run.out().contains("needs a value for its parameter 'minimum'"), run.out());

        // ASIM's union parsers pass named arguments, then one positional: which parameter that fills is Kusto's call
        Fixtures.write(dir, "Hunting Queries/Typed.yaml", HUNTING_CALL.replace("FailedLogons(minimum=3)", "FailedLogons(minimum=3, true)"));
        Fixtures.write(dir, "Hunting Queries/Spread.yaml", HUNTING_CALL.replace("id: 1b2c", "id: 2b2c"));
        assertEquals(List.of(), findings(CliRunner.run("check", dir.toString(), "--format", "json")));
    }

    @Test
    void theParsersOwnQueryIsBoundWithItsParametersInScope() {
        Fixtures.write(dir, "Parsers/FailedLogons.yaml", PARSER.replace("ago(lookback)", "ago(lookbak)"));
        assertEquals(List.of("KS142@FailedLogons.yaml:12:31"), findings(CliRunner.run("check", dir.toString(), "--format", "json")));
    }

    @Test
    void aCycleIsReportedOnBothParsers() {
        Fixtures.write(dir, "Parsers/A.yaml", PARSER.replace("SecurityEvent\n", "SecurityEvent\n  | join (OtherParser) on Computer\n"));
        Fixtures.write(dir, "Parsers/B.yaml", """
                id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
                name: Other
                functionAlias: OtherParser
                query: |
                  FailedLogons(minimum=1)
                """);
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(1, run.exit());
        List<String> got = findings(run);
        assertTrue(got.contains("PARSER-cycle@A.yaml:12:11") && got.contains("PARSER-cycle@B.yaml:5:3"), got.toString());
    }

    @Test
    void getWatchlistBindsAgainstTheWatchlistFolder() {
        Fixtures.write(dir, "Watchlists/Vips/watchlist.json", """
                {"watchlistAlias": "Vips", "displayName": "VIPs", "provider": "Custom", "itemsSearchKey": "Upn"}
                """);
        Fixtures.write(dir, "Watchlists/Vips/data.csv", "Upn,Department\nalice@contoso.com,Finance\n");
        Fixtures.write(dir, "Hunting Queries/Vip.yaml", HUNTING_CALL.replace("""
                  FailedLogons(minimum=3)
                  | summarize Computers = dcount(Computer) by TargetAccount
                  | where Computers > 5
                """, """
                  SigninLogs
                  | where TimeGenerated > ago(1d)
                  | where UserPrincipalName in ((_GetWatchlist('Vips') | where Department == "Finance" | project SearchKey))
                """));
        assertEquals(List.of(), findings(CliRunner.run("check", dir.toString(), "--format", "json")));
        Fixtures.write(dir, "Hunting Queries/Vip.yaml", HUNTING_CALL.replace("""
                  FailedLogons(minimum=3)
                  | summarize Computers = dcount(Computer) by TargetAccount
                  | where Computers > 5
                """, """
                  _GetWatchlist('Vips') | project Dept
                """));
        assertEquals(List.of("KS142@Vip.yaml:5:35"), findings(CliRunner.run("check", dir.toString(), "--format", "json")));
    }

    @Test
    void twoWatchlistFoldersWithOneAlias() {
        for (String folder : List.of("A", "B")) {
            Fixtures.write(dir, "Watchlists/" + folder + "/watchlist.yaml",
                    "alias: Vips\ndisplayName: VIPs\nprovider: Custom\nitemsSearchKey: Upn\n");
            Fixtures.write(dir, "Watchlists/" + folder + "/data.csv", "Upn\nalice\n");
        }
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        assertEquals(List.of("REPO-duplicate-id@watchlist.yaml:1:8", "REPO-duplicate-id@watchlist.yaml:1:8"), findings(run),
                "the same-named metadata files are not a duplicate file name, the alias is");
        assertTrue(run.out().contains("Rename one alias"), run.out());
    }

    @Test
    void importConvertsEveryDialectAndTheWatchlistTemplateThenTheyCheckClean() throws Exception {
        Path src = dir.resolve("src");
        Fixtures.write(src, "Parsers/ASimDnsExample.yaml", dev.sentinelctl.importer.ParserDialectsTest.ASIM);
        Fixtures.write(src, "Parsers/Solution/ExampleEvent.yaml", dev.sentinelctl.importer.ParserDialectsTest.SOLUTION);
        Fixtures.write(src, "Parsers/Legacy/ExampleAudit.kql", dev.sentinelctl.importer.ParserDialectsTest.LEGACY);
        Fixtures.write(src, "Watchlists/Ports/azuredeploy.json", """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"workspaceName": {"type": "string"},
                                "watchlistdescription": {"type": "string", "defaultValue": "Ports and their services"}},
                 "resources": [{
                   "name": "[concat(parameters('workspaceName'), '/Microsoft.SecurityInsights/listofports')]",
                   "type": "Microsoft.OperationalInsights/workspaces/providers/Watchlists",
                   "kind": "", "apiVersion": "2022-08-01",
                   "properties": {"displayName": "List of ports", "source": "ports.csv",
                     "description": "[parameters('watchlistdescription')]", "provider": "Custom", "isDeleted": false,
                     "labels": [], "defaultDuration": "P1000Y", "contentType": "Text/Csv", "numberOfLinesToSkip": 0,
                     "itemsSearchKey": "Port", "rawContent": "Port,Service\\r\\n22,ssh\\r\\n443,https\\r\\n"}}]}
                """);
        Path out = dir.resolve("out");
        CliRunner.Run imp = CliRunner.run("import", src.toString(), "--out", out.toString());
        assertEquals(0, imp.exit(), imp.out() + imp.err());
        assertTrue(imp.err().contains("Imported 3 parsers and 1 watchlist"), imp.err());
        String w = Files.readString(out.resolve("Watchlists/Ports/watchlist.yaml"));
        assertTrue(w.startsWith("alias: listofports\ndisplayName: List of ports\ndescription: Ports and their services\n"), w);
        assertEquals("Port,Service\n22,ssh\n443,https\n", Files.readString(out.resolve("Watchlists/Ports/data.csv")));
        String legacy = Files.readString(out.resolve("Parsers/Legacy/ExampleAudit.yaml"));
        assertTrue(legacy.contains("functionAlias: ExampleAudit\n"), legacy);
        CliRunner.Run check = CliRunner.run("check", out.toString(), "--format", "json");
        assertEquals(List.of(), findings(check));
    }

    @Test
    void azureSentinelParserYamlInTheContentIsNamedOnceButCallable() {
        Fixtures.write(dir, "Parsers/ASimDnsExample.yaml", dev.sentinelctl.importer.ParserDialectsTest.ASIM);
        Fixtures.write(dir, "Hunting Queries/Dns.yaml", HUNTING_CALL.replace("""
                  FailedLogons(minimum=3)
                  | summarize Computers = dcount(Computer) by TargetAccount
                  | where Computers > 5
                """, """
                  ASimDnsExample(disabled=false) | summarize count() by Computer
                """));
        CliRunner.Run run = CliRunner.run("check", dir.toString(), "--format", "json");
        // One info finding names the dialect and the conversion (issue 15: one finding per foreign-dialect file); the
        // query that calls the parser binds, so nothing else is reported.
        assertEquals(List.of("CONTENT-not-checked@ASimDnsExample.yaml:1:1"), findings(run));
    }

    @Test
    void buildWritesTheParserAsASavedFunction() throws Exception {
        Fixtures.write(dir, "content/Parsers/FailedLogons.yaml", PARSER);
        Fixtures.write(dir, "content/Watchlists/Vips/watchlist.yaml", "alias: Vips\ndisplayName: VIPs\nprovider: Custom\nitemsSearchKey: Upn\n");
        Fixtures.write(dir, "content/Watchlists/Vips/data.csv", "Upn\nalice\n");
        Path arm = dir.resolve("arm");
        CliRunner.Run build = CliRunner.run("build", dir.resolve("content").toString(), "--out", arm.toString());
        assertEquals(0, build.exit(), build.out() + build.err());
        assertTrue(build.err().contains("Built 1 template (1 item)") && build.err().contains("1 watchlist checked, not built"), build.err());
        JsonNode t = MAPPER.readTree(Files.readString(arm.resolve("Parsers/FailedLogons.json")));
        JsonNode p = t.get("resources").get(0).get("properties");
        assertEquals("FailedLogons", p.get("functionAlias").asString());
        assertEquals("lookback:timespan=1d,minimum:long", p.get("functionParameters").asString());
        assertEquals("Parsers", p.get("category").asString());
    }
}

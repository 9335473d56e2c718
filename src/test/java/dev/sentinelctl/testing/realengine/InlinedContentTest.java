package dev.sentinelctl.testing.realengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.library.ContentLibrary;
import dev.sentinelctl.library.ContentLibraryLoader;
import dev.sentinelctl.testing.FixtureTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query made self-contained for a database that has neither the repository's parsers nor its watchlists: the
 * content parsers it reaches are declared as let-bound functions (called ones first, only those reached), the
 * content watchlists they read are inlined unless the test gives them. The inlined text is run on our own engine
 * with no functions, no watchlists and no tables given, so anything left out shows as a wrong answer.
 */
class InlinedContentTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");

    @TempDir
    Path content;
    ContentLibrary library;

    private static String parser(String alias, String query) {
        return "id: 0b7f3c1e-1111-4a2b-9c3d-" + String.format("%012d", Math.abs(alias.hashCode()) % 1_000_000_000L) + "\n"
                + "name: " + alias + "\nfunctionAlias: " + alias + "\nparameters:\n  - name: domain\n    type: string\n    default: '*'\n"
                + "query: |\n" + query.indent(2) + "version: 1.0.0\n";
    }

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(content.resolve("Parsers"));
        Files.writeString(content.resolve("Parsers/vimDnsWindows.yaml"), parser("vimDnsWindows", """
                DnsEvents
                | where TimeGenerated > ago(1h)
                | where domain == '*' or Name has domain
                | project TimeGenerated, DnsQuery = Name, SrcIpAddr = ClientIP, EventVendor = 'Microsoft'"""));
        Files.writeString(content.resolve("Parsers/vimDnsSyslog.yaml"), parser("vimDnsSyslog", """
                let scanners = _GetWatchlist('DnsScanners') | project SearchKey;
                Syslog
                | where ProcessName == 'named' and HostIP !in (scanners)
                | parse SyslogMessage with * 'query: ' Query ' IN' *
                | where domain == '*' or Query has domain
                | project TimeGenerated, DnsQuery = Query, SrcIpAddr = HostIP, EventVendor = 'ISC'"""));
        Files.writeString(content.resolve("Parsers/imDnsRepo.yaml"), parser("imDnsRepo",
                "union isfuzzy=true vimDnsWindows(domain), vimDnsSyslog(domain)"));
        Files.writeString(content.resolve("Parsers/vimNotReached.yaml"), parser("vimNotReached",
                "_GetWatchlist('Unread') | project Name = SearchKey"));
        dev.sentinelctl.cli.TestWithContentLibraryTest.scannersWatchlist(content, "Ip,Owner\n10.9.9.9,\"scanning, weekly\"\n");
        Path unread = Files.createDirectories(content.resolve("Watchlists/Unread"));
        Files.writeString(unread.resolve("watchlist.yaml"), """
                alias: Unread
                displayName: Unread
                description: No query reads it.
                provider: Custom
                itemsSearchKey: Name
                """);
        Files.writeString(unread.resolve("data.csv"), "Name\nx\n");
        library = new ContentLibraryLoader().load(List.of(content), Catalog.builtIn());
        assertTrue(library.diagnostics().isEmpty(), library.diagnostics().toString());
    }

    private FixtureTable table(String name, Map<String, Object> values) {
        List<Column> cols = library.catalog().table(name).orElseThrow().columns();
        Object[] row = new Object[cols.size()];
        for (int i = 0; i < cols.size(); i++) row[i] = values.get(cols.get(i).name());
        return new FixtureTable(name, cols, List.<Object[]>of(row));
    }

    private Map<String, FixtureTable> fixtures() {
        return Map.of("DnsEvents", table("DnsEvents", Map.of("TimeGenerated", NOW.minusSeconds(300), "Name", "www.evil.example",
                        "ClientIP", "10.0.0.5")),
                "Syslog", new FixtureTable("Syslog", library.catalog().table("Syslog").orElseThrow().columns(), syslogRows()));
    }

    private List<Object[]> syslogRows() {
        List<Column> cols = library.catalog().table("Syslog").orElseThrow().columns();
        List<Object[]> rows = new ArrayList<>();
        for (String ip : List.of("10.0.0.7", "10.9.9.9")) {
            Object[] row = new Object[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                row[i] = switch (cols.get(i).name()) {
                    case "TimeGenerated" -> NOW.minusSeconds(300);
                    case "ProcessName" -> "named";
                    case "HostIP" -> ip;
                    case "SyslogMessage" -> "client " + ip + "#5353: query: evil.example IN A +";
                    default -> null;
                };
            }
            rows.add(row);
        }
        return rows;
    }

    private static Table run(String inlined) {
        // no functions, no watchlists, no tables and another clock: the text must carry everything itself
        EvalResult r = new KqlEngine(Catalog.builtIn()).run(inlined, Map.of(), EvalContext.at(LATER));
        return assertInstanceOf(EvalResult.Ok.class, r, () -> r + "\n" + inlined).table();
    }

    private static List<String> column(Table t, String name) {
        int c = -1;
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(name)) c = i;
        List<String> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) out.add(String.valueOf(t.value(r, c)));
        return out.stream().sorted().toList();
    }

    @Test
    void theParsersTheQueryReachesAreDeclaredCalledOnesFirstAndOnlyThose() {
        String inlined = InlinedQuery.inline("imDnsRepo(domain='evil.example') | summarize Lookups = count() by SrcIpAddr, EventVendor",
                fixtures(), Map.of(), NOW, library);
        int windows = inlined.indexOf("let vimDnsWindows = (");
        int syslog = inlined.indexOf("let vimDnsSyslog = (");
        int union = inlined.indexOf("let imDnsRepo = (");
        assertTrue(windows > 0 && syslog > 0 && union > windows && union > syslog, inlined);
        assertTrue(inlined.contains("let imDnsRepo = " + library.functions().get("imDnsRepo") + ";\n")
                        && library.functions().get("imDnsRepo").startsWith("(domain:string='*') {\nunion isfuzzy=true vimDnsWindows(domain)"),
                "the function text as the workspace would store it: " + inlined);
        assertTrue(inlined.indexOf("let DnsEvents = datatable(") < windows && inlined.indexOf("let Syslog = datatable(") < windows, inlined);
        assertFalse(inlined.contains("vimNotReached") || inlined.contains("'Unread'"), "a parser nothing reaches stays out: " + inlined);
        assertTrue(inlined.contains("where TimeGenerated > (__sentinelctl_now - (1h))"), "a parser's clock is pinned too: " + inlined);
        assertFalse(inlined.contains("_GetWatchlist("), "a parser's watchlist call is redirected: " + inlined);
        Table t = run(inlined);
        assertEquals(List.of("10.0.0.5", "10.0.0.7"), column(t, "SrcIpAddr"), "the listed scanner 10.9.9.9 is left out: " + inlined);
        assertEquals(List.of("ISC", "Microsoft"), column(t, "EventVendor"));
    }

    @Test
    void aQueryThatCallsNoParserDeclaresNone() {
        String inlined = InlinedQuery.inline("DnsEvents | project Name", fixtures(), Map.of(), NOW, library);
        assertFalse(inlined.contains("vimDns") || inlined.contains("imDnsRepo") || inlined.contains("__sentinelctl_watchlist_"), inlined);
    }

    @Test
    void theContentWatchlistIsInlinedAsItsFixtureWouldBe() {
        String inlined = InlinedQuery.inline("_GetWatchlist('DnsScanners') | project SearchKey, Ip, Owner, Item = tostring(WatchlistItem.Owner), _DTItemId",
                Map.of(), Map.of(), NOW, library);
        assertTrue(inlined.contains("let __sentinelctl_watchlist_0 = datatable("), inlined);
        assertTrue(inlined.contains("[\"WatchlistItem\"]:dynamic"), inlined);
        Table t = run(inlined);
        assertEquals(1, t.rowCount());
        assertEquals(List.of("10.9.9.9"), column(t, "SearchKey"));
        assertEquals(List.of("10.9.9.9"), column(t, "Ip"));
        assertEquals(List.of("scanning, weekly"), column(t, "Owner"));
        assertEquals(List.of("scanning, weekly"), column(t, "Item"));
        assertEquals(List.of(""), column(t, "_DTItemId"), "the service assigns it: null (a Kusto string reads it as empty)");
    }

    @Test
    void aWatchlistTheTestGivesReplacesTheContentsOneInsideTheParsersToo() {
        List<Column> cols = List.of(new Column("SearchKey", ScalarType.STRING), new Column("Owner", ScalarType.STRING));
        FixtureTable given = new FixtureTable("DnsScanners", cols, List.<Object[]>of(new Object[] {"10.0.0.7", "red team"}));
        String inlined = InlinedQuery.inline("imDnsRepo() | project SrcIpAddr", fixtures(), Map.of("DnsScanners", given), NOW, library);
        assertEquals(1, inlined.split("__sentinelctl_watchlist_\\d+ = datatable", -1).length - 1, "one watchlist, the test's: " + inlined);
        assertFalse(inlined.contains("scanning, weekly"), inlined);
        assertEquals(List.of("10.0.0.5", "10.9.9.9"), column(run(inlined), "SrcIpAddr"));
    }

    @Test
    void aWatchlistNeitherGivenNorInTheContentIsEmptyOnADatabaseAndDeployedOnAWorkspace() {
        String query = "_GetWatchlist('Elsewhere') | project SearchKey, _DTItemId";
        String adx = InlinedQuery.inline(query, Map.of(), Map.of(), NOW, library);
        assertFalse(adx.contains("_GetWatchlist("), adx);
        Table t = run(adx);
        assertEquals(0, t.rowCount());
        assertEquals(List.of("SearchKey", "_DTItemId"), t.columns().stream().map(Column::name).toList());
        String workspace = InlinedQuery.inline(query, Map.of(), Map.of(), NOW, library.catalog());
        assertTrue(workspace.contains("_GetWatchlist('Elsewhere')"), "a workspace reads its own: " + workspace);
        assertTrue(InlinedQuery.inline("_GetWatchlist('DnsScanners')", Map.of(), Map.of(), NOW, library.catalog())
                .contains("_GetWatchlist('DnsScanners')"), "a workspace reads the deployed content watchlist");
    }
}

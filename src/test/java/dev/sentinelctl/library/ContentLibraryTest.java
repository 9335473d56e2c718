package dev.sentinelctl.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.semantic.binder.BoundQuery;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.report.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content's parsers and watchlists as catalog entries: result columns, dependency order, cycles. */
class ContentLibraryTest {
    @TempDir
    Path dir;

    static String parser(String id, String alias, String params, String query) {
        return "id: " + id + "\nname: " + alias + "\nfunctionAlias: " + alias + "\n" + params + "query: |\n"
                + query.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }

    static final String SRC_A = parser("11111111-1111-1111-1111-111111111111", "vimDnsAlpha",
            "parameters:\n  - name: disabled\n    type: bool\n    default: false\n",
            "Syslog | where not(disabled) | project TimeGenerated, DnsQuery = SyslogMessage, Dvc = Computer");
    static final String SRC_B = parser("22222222-2222-2222-2222-222222222222", "vimDnsBeta",
            "parameters:\n  - name: disabled\n    type: bool\n    default: false\n",
            "Syslog | where not(disabled) | project TimeGenerated, DnsQuery = SyslogMessage, SrcIpAddr = HostIP");
    static final String UNION = parser("33333333-3333-3333-3333-333333333333", "imDnsExample",
            "parameters:\n  - name: pack\n    type: bool\n    default: false\n",
            "union isfuzzy=true vimDnsAlpha(pack), vimDnsBeta(pack)");

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ContentLibrary load() {
        return new ContentLibraryLoader().load(List.of(dir), Catalog.builtIn());
    }

    private static List<String> columns(FunctionSymbol f) {
        return f.resultColumns().stream().map(Column::name).toList();
    }

    @Test
    void aUnionParserGetsItsSourceParsersColumnsInDependencyOrder() throws IOException {
        // the union parser's file sorts first: the order must come from the calls, not the files
        write("Parsers/a/imDnsExample.yaml", UNION);
        write("Parsers/b/vimDnsAlpha.yaml", SRC_A);
        write("Parsers/c/vimDnsBeta.yaml", SRC_B);
        ContentLibrary lib = load();
        assertEquals(List.of(), lib.diagnostics());
        assertEquals(List.of("vimDnsAlpha", "vimDnsBeta"), lib.dependencies().get("imDnsExample"));
        assertTrue(lib.order().indexOf("imDnsExample") > lib.order().indexOf("vimDnsAlpha"));
        FunctionSymbol union = lib.catalog().sentinelFunction("imDnsExample").orElseThrow();
        assertEquals(List.of("TimeGenerated", "DnsQuery", "Dvc", "SrcIpAddr"), columns(union));
        assertTrue(union.isContent());

        BoundQuery q = new Binder(lib.catalog()).bind(KqlParser.parse("imDnsExample | where SrcIpAddr == '10.0.0.1' | project Dvc"));
        assertEquals(List.of(), q.diagnostics());
        BoundQuery bad = new Binder(lib.catalog()).bind(KqlParser.parse("imDnsExample | project DstIpAddr"));
        assertEquals("KS142", bad.diagnostics().get(0).code());
    }

    @Test
    void aCycleIsAnErrorNamingBothEnds() throws IOException {
        write("Parsers/P1.yaml", parser("44444444-4444-4444-4444-444444444444", "ParserOne", "", "ParserTwo | take 1"));
        write("Parsers/P2.yaml", parser("55555555-5555-5555-5555-555555555555", "ParserTwo", "", "Syslog\n| join (ParserOne) on Computer"));
        ContentLibrary lib = load();
        List<Diagnostic> ds = lib.diagnostics();
        assertEquals(2, ds.size(), ds.toString());
        Diagnostic one = ds.stream().filter(d -> d.file().endsWith("P1.yaml")).findFirst().orElseThrow();
        assertEquals("PARSER-cycle", one.ruleId());
        assertTrue(one.message().contains("ParserOne calls ParserTwo") && one.message().contains("P2.yaml"), one.message());
        assertEquals(5, one.line(), "at the call inside the query");
        assertEquals(3, one.column());
        Diagnostic two = ds.stream().filter(d -> d.file().endsWith("P2.yaml")).findFirst().orElseThrow();
        assertEquals(6, two.line());
        assertEquals(11, two.column());
        // still callable: the cycle does not turn every caller into unknown-function errors
        assertTrue(lib.catalog().sentinelFunction("ParserOne").isPresent());
    }

    @Test
    void aParserCallingItselfIsACycle() throws IOException {
        write("Parsers/Self.yaml", parser("66666666-6666-6666-6666-666666666666", "SelfCall", "", "SelfCall | take 1"));
        List<Diagnostic> ds = load().diagnostics();
        assertEquals(1, ds.size());
        assertTrue(ds.get(0).message().contains("calls itself"), ds.get(0).message());
    }

    @Test
    void aLetWithTheParsersOwnNameIsNotACall() throws IOException {
        // Azure-Sentinel's Corelight parsers: let corelight_conn = view () {...}; corelight_conn
        write("Parsers/C.yaml", parser("88888888-8888-8888-8888-888888888888", "corelight_conn", "",
                "let corelight_conn = view () { Syslog | project Computer };\ncorelight_conn"));
        ContentLibrary lib = load();
        assertEquals(List.of(), lib.diagnostics());
        assertEquals(List.of("Computer"), columns(lib.catalog().sentinelFunction("corelight_conn").orElseThrow()));
    }

    @Test
    void twoParsersWithOneAlias() throws IOException {
        write("Parsers/A.yaml", SRC_A);
        write("Parsers/B.yaml", SRC_A.replace("11111111-1111-1111-1111-111111111111", "77777777-7777-7777-7777-777777777777"));
        List<Diagnostic> ds = load().diagnostics();
        assertEquals(List.of("PARSER-duplicate-alias"), ds.stream().map(Diagnostic::ruleId).toList());
        assertTrue(ds.get(0).file().endsWith("B.yaml") && ds.get(0).line() == 3 && ds.get(0).column() == 16,
                "at the second file's functionAlias: " + ds.get(0));
        assertTrue(ds.get(0).message().contains("A.yaml"), ds.get(0).message());
    }

    @Test
    void azureSentinelDialectFilesCountToo() throws IOException {
        write("Parsers/ASimDnsX.yaml", """
                Parser:
                  Title: x
                ParserName: ASimDnsX
                ParserParams:
                  - Name: disabled
                    Type: bool
                    Default: false
                ParserQuery: |
                  Syslog | where not(disabled) | project Computer
                """);
        FunctionSymbol f = load().catalog().sentinelFunction("ASimDnsX").orElseThrow();
        assertEquals(List.of("Computer"), columns(f));
        assertEquals("disabled:bool=False", f.signatures().get(0).parameters().get(0).name() + ":bool="
                + f.signatures().get(0).parameters().get(0).defaultValue());
    }

    @Test
    void getWatchlistBindsToTheFoldersCsvColumns() throws IOException {
        write("Watchlists/Vips/watchlist.yaml", "alias: Vips\ndisplayName: VIPs\nprovider: Custom\nitemsSearchKey: Upn\n");
        write("Watchlists/Vips/data.csv", "Upn,Department\nalice@contoso.com,Finance\n");
        Catalog catalog = load().catalog();
        BoundQuery q = new Binder(catalog).bind(KqlParser.parse(
                "_GetWatchlist('Vips') | project SearchKey, Upn, Department, LastUpdatedTimeUTC, _DTItemId"));
        assertEquals(List.of(), q.diagnostics());
        BoundQuery bad = new Binder(catalog).bind(KqlParser.parse("_GetWatchlist('Vips') | project Departmnt"));
        assertEquals("KS142", bad.diagnostics().get(0).code());
        // an alias the content does not define stays open, as before
        assertEquals(List.of(), new Binder(catalog).bind(KqlParser.parse("_GetWatchlist('Other') | project Anything")).diagnostics());
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.UserSchemaLoader;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.SyntaxWalker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.bind;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.codes;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** let scopes, user functions, tables lists, the per-node API, user schema overlays and thread safety. */
class BinderScopeTest {

    @Test
    void letScalarsTablesAndFunctions() {
        assertEquals("User:string, n:long", columns("let minPort = 10; let L = Logons | where Port > minPort; "
                + "let top = (T:(*), k:long = 5) { T | summarize n = count() by User | top k by n }; top(L)"));
        assertEquals("User:string", columns("let v = view () { Logons | project User }; v"));
        assertEquals("Host:string", columns("let m = materialize(Logons | distinct Host); m | join kind=leftsemi (Hosts) on Host | project Host"));
    }

    @Test
    void functionBodyErrorsAreReportedOnceNotPerCall() {
        BoundQuery b = bind("let f = (x:string) { Logons | where Usr == x }; union f('a'), f('b')");
        assertEquals(List.of("KS142"), codes(b));
    }

    @Test
    void functionArgumentCount() {
        assertEquals(List.of("KS119"), codes(bind("let f = (x:string) { Logons | where User == x }; f()")));
    }

    @Test
    void letShadowsAndAsNamesAreUsable() {
        assertEquals(List.of(), codes(bind("Logons | as L | join (L | project User) on User")));
        assertEquals("x:string", columns("let x = 1; let x = 'a'; print x = x"));
    }

    @Test
    void tablesInFirstUseOrderAndUnknownTables() {
        BoundQuery b = bind("Hosts | join (Logons) on Host | union Nope");
        assertEquals(List.of("Hosts", "Logons"), b.tables());
        assertEquals(List.of("Nope"), b.unknownTables());
        assertEquals(List.of("Logons"), bind("let L = Logons; L | take 1").tables());
    }

    @Test
    void perNodeTypesAndRowSchemasAreQueryable() {
        var parsed = KqlParser.parse("Logons | extend n = strlen(User) | where n > 3");
        BoundQuery b = BinderFixtures.BINDER.bind(parsed);
        Expr.FunctionCall call = SyntaxWalker.nodesOfType(parsed.root(), Expr.FunctionCall.class).get(0);
        assertEquals(ScalarType.LONG, b.typeOf(call).orElseThrow());
        assertEquals("strlen", b.functionOf(call).orElseThrow().name());
        QueryOperator.Extend extend = SyntaxWalker.nodesOfType(parsed.root(), QueryOperator.Extend.class).get(0);
        assertTrue(b.rowsOf(extend).orElseThrow().columns().stream().anyMatch(c -> c.name().equals("n")));
    }

    @Test
    void timeFiltersAreFoundThroughRenamesAndBetween() {
        BoundQuery b = bind("let start = ago(7d); Logons | where Time > ago(1d) and Port == 22 "
                + "| extend T2 = Time | where T2 between (start .. now()) | where User == 'x'");
        assertEquals(List.of("Time", "T2"), b.timeFilters().stream().map(TimeFilter::column).toList());
        assertEquals("ago(1d)", b.timeFilters().get(0).bound().text());
        assertEquals(List.of(), bind("Logons | where User == 'x'").timeFilters());
    }

    @Test
    void longChainsBindWithoutDeepRecursion() {
        assertEquals("User:string", columns("Logons" + " | where Port > 1".repeat(3000) + " | project User"));
        assertEquals("x:long", columns("print x = 1" + " + 1".repeat(5000)));
        assertEquals(List.of("KS142"), codes(bind("Logons | where " + "Port == 1 or ".repeat(2000) + "Nope == 2")));
    }

    @Test
    void scalarLastStatementHasNoResultColumns() {
        BoundQuery b = bind("let x = 1; x + 1");
        assertEquals(List.of(), b.resultColumns());
        assertEquals(ScalarType.LONG, b.scalarResult().orElseThrow());
    }

    @Test
    void userSchemaOverlayDeclaresCustomTables(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MyVendor_CL.json"),
                "{\"Name\": \"MyVendor_CL\", \"Properties\": [{\"Name\": \"Action_s\", \"Type\": \"string\"}, {\"Name\": \"Count_d\", \"Type\": \"real\"}]}");
        Catalog cat = BinderFixtures.CATALOG.withOverlay(UserSchemaLoader.load(dir).catalog());
        Binder binder = new Binder(cat);
        BoundQuery ok = binder.bind(KqlParser.parse("MyVendor_CL | where Count_d > 1 | project Action_s"));
        assertEquals(List.of(), ok.diagnostics());
        assertEquals(List.of("MyVendor_CL"), ok.tables());
        BoundQuery bad = binder.bind(KqlParser.parse("MyVendor_CL | project Action"));
        assertEquals(List.of("KS142"), bad.diagnostics().stream().map(d -> d.code()).toList());
    }

    @Test
    void oneBinderIsSafeAcrossThreads() throws Exception {
        List<String> queries = List.of("Logons | summarize count() by User", "Hosts | join (Logons) on Host",
                "Logon | take 1", "Logons | extend x = strln(User)");
        List<String> expected = new ArrayList<>();
        for (String q : queries) expected.add(BinderFixtures.render(bind(q)) + codes(bind(q)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String q = queries.get(i % queries.size());
                fs.add(pool.submit(() -> BinderFixtures.render(bind(q)) + codes(bind(q))));
            }
            for (int i = 0; i < fs.size(); i++) assertEquals(expected.get(i % queries.size()), fs.get(i).get());
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.sentinelctl.kql.semantic;

import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogUserSchemaTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CatalogUserSchemaTest.class.getResource("/user-schema/" + name).toURI());
    }

    @Test
    void readsTablesFunctionsAndWatchlistsInAllShapes() throws Exception {
        UserSchema user = UserSchemaLoader.load(fixture("good"));
        Catalog c = user.catalog();

        TableSchema app = c.table("MyApp_CL").orElseThrow();
        assertEquals(List.of("TimeGenerated", "user_s", "bytes_d", "count_d", "extra_b"),
                app.columns().stream().map(Column::name).toList(), "union over MyApp_CL.json and bundle.json");
        assertEquals(ScalarType.DATETIME, app.column("TimeGenerated").orElseThrow().type());
        assertEquals(ScalarType.REAL, app.column("bytes_d").orElseThrow().type());
        assertEquals(ScalarType.LONG, app.column("count_d").orElseThrow().type(), "\"Int64 \" with a trailing space");
        assertEquals(ScalarType.BOOL, app.column("extra_b").orElseThrow().type());

        assertEquals(ScalarType.INT, c.table("Csv_CL").orElseThrow().column("y").orElseThrow().type());
        assertEquals(ScalarType.DYNAMIC, c.table("Other_CL").orElseThrow().column("a").orElseThrow().type());

        FunctionSymbol parser = c.sentinelFunction("MyParser").orElseThrow();
        assertEquals(1, parser.signatures().get(0).minArgs(), "IsRequired=true makes a parameter required");
        assertEquals(List.of("TimeGenerated", "User"), parser.resultColumns().stream().map(Column::name).toList());
        FunctionSymbol scalar = c.sentinelFunction("ScalarHelper").orElseThrow();
        assertEquals(ScalarType.DYNAMIC, scalar.signatures().get(0).returnType(), "no result columns: scalar dynamic");

        assertEquals(List.of("SearchKey", "UPN", "Department"),
                c.watchlist("VIPUsers").orElseThrow().columns().stream().map(Column::name).toList());
        assertTrue(c.watchlist("HighValueAssets").orElseThrow().hasColumn("Hostname"));

        List<Diagnostic> d = user.diagnostics();
        assertEquals(1, d.size(), d.toString());
        assertEquals(Severity.WARNING, d.get(0).severity());
        assertTrue(d.get(0).file().endsWith("array.json"));
        assertEquals(2, d.get(0).line());
        assertTrue(d.get(0).message().contains("unknown type 'weird'"), d.get(0).message());
    }

    @Test
    void userDefinitionsOverrideBuiltIns() throws Exception {
        Catalog merged = Catalog.builtIn().withOverlay(UserSchemaLoader.load(fixture("good")).catalog());
        TableSchema signin = merged.table("SigninLogs").orElseThrow();
        assertEquals(List.of("OnlyColumn"), signin.columns().stream().map(Column::name).toList());
        assertEquals(List.of("Mine"), merged.sentinelFunction("_Im_Dns").orElseThrow().resultColumns().stream()
                .map(Column::name).toList());
        assertTrue(merged.table("SecurityEvent").isPresent(), "built-ins stay visible");
        assertTrue(merged.tableNames().contains("MyApp_CL"));
        assertTrue(merged.scalarFunction("strcat").isPresent());
        assertEquals("MyApp_CL", merged.suggestTables("MyApp_Cl").get(0));
    }

    @Test
    void malformedFilesGiveDiagnosticsWithPositionsAndNoException() throws Exception {
        UserSchema user = UserSchemaLoader.load(fixture("bad"));
        List<Diagnostic> d = user.diagnostics();

        Diagnostic broken = only(d, "broken.json");
        assertEquals(UserSchemaLoader.RULE_SYNTAX, broken.ruleId());
        assertEquals(Severity.ERROR, broken.severity());
        assertEquals(5, broken.line());
        assertEquals(5, broken.column());

        Diagnostic shape = only(d, "shape.json");
        assertEquals(UserSchemaLoader.RULE_CONTENT, shape.ruleId());
        assertEquals(1, shape.line());
        assertEquals(1, shape.column());

        List<Diagnostic> cols = d.stream().filter(x -> x.file().endsWith("columns.json")).toList();
        assertEquals(3, cols.size(), cols.toString());
        assertEquals(List.of(5, 6, 7), cols.stream().map(Diagnostic::line).toList());
        assertEquals(List.of(Severity.ERROR, Severity.ERROR, Severity.WARNING), cols.stream().map(Diagnostic::severity).toList());
        assertEquals(List.of("ok"), user.catalog().table("Half_CL").orElseThrow().columns().stream().map(Column::name).toList(),
                "a bad column does not lose the table");

        Diagnostic unclosed = only(d, "unclosed.json");
        assertEquals(1, unclosed.line());
        assertEquals(55, unclosed.column(), "the opening quote of the string");
        assertTrue(unclosed.message().contains("not closed"), unclosed.message());

        assertEquals(1, only(d, "empty.json").line());
        assertTrue(only(d, "latin1.json").message().contains("UTF-8"));

        assertTrue(user.catalog().table("Fine_CL").isPresent(), "bad files do not stop good ones");
        assertTrue(user.catalog().table("Broken_CL").isEmpty());
    }

    @Test
    void missingFolderIsADiagnostic(@TempDir Path tmp) {
        UserSchema user = UserSchemaLoader.load(tmp.resolve("nope"));
        assertEquals(1, user.diagnostics().size());
        assertTrue(user.catalog().tableNames().isEmpty());
    }

    @Test
    void aSingleFileAndTopLevelJunkAreHandled(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("x.json");
        Files.writeString(f, "[1, {\"Tables\": 3}, {\"Name\": \"T\", \"Properties\": {}}]");
        UserSchema user = UserSchemaLoader.load(f);
        assertEquals(3, user.diagnostics().size(), user.diagnostics().toString());
        assertTrue(user.diagnostics().stream().allMatch(x -> x.line() == 1));
        assertEquals(List.of(2, 16, 48), user.diagnostics().stream().map(Diagnostic::column).toList());
    }

    @Test
    void deeplyNestedInputIsRejectedNotCrashing(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("deep.json");
        Files.writeString(f, "[".repeat(100_000));
        UserSchema user = UserSchemaLoader.load(f);
        assertEquals(1, user.diagnostics().size());
        assertTrue(user.diagnostics().get(0).message().contains("nesting"));
    }

    private static Diagnostic only(List<Diagnostic> all, String file) {
        List<Diagnostic> hits = all.stream().filter(x -> x.file().endsWith(file)).toList();
        assertEquals(1, hits.size(), file + ": " + all);
        return hits.get(0);
    }

}

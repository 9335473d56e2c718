package dev.sentinelctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.content.ContentScanner;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.schema.SchemaValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each CSV problem of a watchlist folder, at data.csv's line and column (or the metadata field), in both metadata forms. */
class WatchlistChecksTest {
    @TempDir
    Path dir;

    static final String YAML = """
            alias: Vips
            displayName: VIP users
            provider: Custom
            itemsSearchKey: Upn
            columns:
              Upn: string
              Added: datetime
              Tier: int
            """;

    static final String JSON = """
            {
              "watchlistAlias": "Vips",
              "displayName": "VIP users",
              "description": "Sentinel-As-Code's form",
              "provider": "Custom",
              "itemsSearchKey": "Upn"
            }
            """;

    private List<Diagnostic> check(String metadataName, String metadata, String csv) throws IOException {
        Path folder = dir.resolve("Watchlists/Vips");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(metadataName), metadata);
        if (csv != null) Files.writeString(folder.resolve("data.csv"), csv);
        SchemaValidator schemas = new SchemaValidator();
        FileChecker checker = new FileChecker(schemas, List.of());
        Path file = folder.resolve(metadataName);
        return checker.check(new ContentScanner.ContentFile(file, file.toString())).diagnostics();
    }

    private static String at(Diagnostic d) {
        return d.ruleId() + "@" + d.file().substring(d.file().lastIndexOf('/') + 1) + ":" + d.line() + ":" + d.column();
    }

    @Test
    void aGoodFolderIsCleanInBothForms() throws IOException {
        String csv = "Upn,Added,Tier\r\nalice@contoso.com,2024-01-02,1\r\n\"bob, jr@contoso.com\",2024-01-03T10:00:00Z,2\r\n";
        assertEquals(List.of(), check("watchlist.yaml", YAML, csv));
        Files.delete(dir.resolve("Watchlists/Vips/watchlist.yaml"));
        assertEquals(List.of(), check("watchlist.json", JSON, "Upn\nalice@contoso.com\n"));
        assertEquals(1, new ContentScanner().scan(List.of(dir)).files().size(), "watchlist.json is scanned as content");
    }

    @Test
    void missingCsv() throws IOException {
        List<Diagnostic> ds = check("watchlist.yaml", YAML, null);
        assertEquals(List.of("WATCHLIST-csv-missing@watchlist.yaml:1:1"), ds.stream().map(WatchlistChecksTest::at).toList());
        assertTrue(ds.get(0).fixHint().contains("data.csv"));
    }

    @Test
    void emptyCsvHasNoHeader() throws IOException {
        assertEquals(List.of("WATCHLIST-csv-syntax@data.csv:1:1"), check("watchlist.yaml", YAML, "\n").stream().map(WatchlistChecksTest::at).toList());
    }

    @Test
    void headerCellsMustBeNamedAndUnique() throws IOException {
        List<String> got = check("watchlist.json", JSON, "Upn,,Upn\na,b,c\n").stream().map(WatchlistChecksTest::at).toList();
        assertEquals(List.of("WATCHLIST-header@data.csv:1:5", "WATCHLIST-header@data.csv:1:6"), got);
    }

    @Test
    void searchKeyMustBeAColumnCaseSensitive() throws IOException {
        List<Diagnostic> ds = check("watchlist.json", JSON, "UPN\na\n");
        assertEquals(List.of("WATCHLIST-search-key@watchlist.json:6:21"), ds.stream().map(WatchlistChecksTest::at).toList());
        assertTrue(ds.get(0).fixHint().contains("Did you mean 'UPN'"), ds.get(0).fixHint());
    }

    @Test
    void rowsMustBeAsWideAsTheHeader() throws IOException {
        List<String> got = check("watchlist.json", JSON, "Upn,Name\na,b,c\nd\n").stream().map(WatchlistChecksTest::at).toList();
        assertEquals(List.of("WATCHLIST-row-width@data.csv:2:5", "WATCHLIST-row-width@data.csv:3:1"), got);
    }

    @Test
    void declaredTypesAreChecked() throws IOException {
        List<Diagnostic> ds = check("watchlist.yaml", YAML, "Upn,Added,Tier\na,yesterday,1\nb,2024-01-01,high\nc,,\n");
        assertEquals(List.of("WATCHLIST-type@data.csv:2:3", "WATCHLIST-type@data.csv:3:14"), ds.stream().map(WatchlistChecksTest::at).toList());
        assertTrue(ds.get(1).message().contains("'high' is not a int"), ds.get(1).message());
    }

    @Test
    void duplicateAndEmptySearchKeys() throws IOException {
        List<Diagnostic> ds = check("watchlist.json", JSON, "Upn,Note\nalice,x\nbob,y\nalice,z\n,w\n");
        assertEquals(List.of("WATCHLIST-duplicate-key@data.csv:4:1", "WATCHLIST-duplicate-key@data.csv:5:1"),
                ds.stream().map(WatchlistChecksTest::at).toList());
        assertTrue(ds.get(0).message().contains("line 2"), ds.get(0).message());
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() throws IOException {
        List<String> got = check("watchlist.json", JSON, "Upn,Note\nalice,\"never closed\n").stream().map(WatchlistChecksTest::at).toList();
        assertTrue(got.contains("WATCHLIST-csv-syntax@data.csv:2:7"), got.toString());
    }

    @Test
    void notUtf8() throws IOException {
        Path folder = dir.resolve("Watchlists/Vips");
        Files.createDirectories(folder);
        Files.write(folder.resolve("data.csv"), new byte[] {'U', 'p', 'n', '\n', (byte) 0xE9, '\n'});
        List<Diagnostic> ds = check("watchlist.json", JSON, null);
        assertEquals(List.of("WATCHLIST-csv-syntax@data.csv:1:1"), ds.stream().map(WatchlistChecksTest::at).toList());
    }

    @Test
    void largerThanTheInlineLimit() throws IOException {
        StringBuilder sb = new StringBuilder("Upn,Pad\n");
        String pad = "x".repeat(1000);
        for (int i = 0; sb.length() <= WatchlistChecks.INLINE_LIMIT_BYTES; i++) sb.append("u").append(i).append(',').append(pad).append('\n');
        List<Diagnostic> ds = check("watchlist.json", JSON, sb.toString());
        assertEquals(List.of("WATCHLIST-size@data.csv:1:1"), ds.stream().map(WatchlistChecksTest::at).toList());
        assertTrue(ds.get(0).message().contains("3.8 MB"), ds.get(0).message());
    }

    @Test
    void aBadAliasAndAMissingFieldAreSchemaErrors() throws IOException {
        List<String> got = check("watchlist.yaml", YAML.replace("alias: Vips", "alias: 1-bad").replace("provider: Custom\n", ""),
                "Upn,Added,Tier\n").stream().map(d -> d.ruleId()).toList();
        assertTrue(got.stream().anyMatch(r -> r.startsWith("SCHEMA")), got.toString());
        assertTrue(got.contains("WATCHLIST-alias"), got.toString());
    }
}

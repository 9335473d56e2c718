package dev.sentinelctl.check;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.Watchlist;
import dev.sentinelctl.content.WatchlistCsv;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.RuleInfo;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a watchlist folder's {@code data.csv} against its metadata: a header, unique column names, the search key
 * among them, every row as wide as the header, declared column types, unique search-key values, and the size the
 * inline upload accepts. Each finding points at the CSV's line and column (or the metadata field it concerns).
 */
public final class WatchlistChecks {

    /**
     * Largest {@code rawContent} the watchlist API takes inline: the REST/SDK documentation of
     * {@code Watchlist.rawContent} (az CLI {@code az sentinel watchlist}, JS {@code @azure/arm-securityinsight}) says
     * it "is mainly used for small watchlist (content size below 3.8 MB)". Taken as 3.8 × 10^6 bytes, the stricter
     * reading of "MB". Larger lists need the portal's Azure Storage upload, which has no ARM property to deploy.
     */
    public static final long INLINE_LIMIT_BYTES = 3_800_000L;

    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIMESPAN = Pattern.compile("(\\d+\\.)?\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?|\\d+(\\.\\d+)?(d|h|m|s|ms)");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public static final List<RuleInfo> RULES = List.of(
            rule("WATCHLIST-csv-missing", "WatchlistCsvMissing", "The watchlist folder has no data.csv",
                    "A watchlist's items live in data.csv next to watchlist.yaml/json.", "Add data.csv with a header line."),
            rule("WATCHLIST-csv-syntax", "WatchlistCsvSyntax", "The CSV is malformed (quotes, encoding, empty)",
                    "Sentinel parses rawContent as CSV; a broken quote shifts every later column.", "Fix the quoting at the position shown."),
            rule("WATCHLIST-header", "WatchlistHeader", "A header cell is empty or repeated",
                    "Column names become the watchlist's columns; they must be unique and non-empty.", "Rename the column."),
            rule("WATCHLIST-search-key", "WatchlistSearchKey", "itemsSearchKey is not a column of the CSV",
                    "Sentinel indexes the watchlist by this column (SearchKey); it must equal a header exactly (case-sensitive).",
                    "Set itemsSearchKey to one of the header's names."),
            rule("WATCHLIST-row-width", "WatchlistRowWidth", "A row has more or fewer fields than the header",
                    "Extra or missing fields misalign the row's values with the columns.", "Add the missing fields or quote values that contain commas."),
            rule("WATCHLIST-type", "WatchlistValueType", "A value does not match its column's declared type",
                    "Queries that convert the column (toint, todatetime) get null for such values.", "Fix the value or the declared type."),
            rule("WATCHLIST-duplicate-key", "WatchlistDuplicateKey", "Two rows have the same search-key value",
                    "Items are identified by their search key; a duplicate makes lookups ambiguous and item updates overwrite each other.",
                    "Merge or remove one of the rows."),
            rule("WATCHLIST-size", "WatchlistTooLarge", "The CSV is larger than the inline upload accepts",
                    "Watchlists are deployed with rawContent, documented as limited to 3.8 MB.", "Split the list or trim columns."),
            rule("WATCHLIST-alias", "WatchlistAlias", "The alias is not a valid watchlist alias",
                    "_GetWatchlist('alias') refers to it; Sentinel-As-Code's CI enforces letters and digits starting with a letter.",
                    "Use letters, digits and underscores, starting with a letter."));

    private static RuleInfo rule(String id, String name, String shortDescription, String full, String help) {
        return new RuleInfo(id, name, Severity.ERROR, shortDescription, full, help);
    }

    /** The CSV read from disk, or the problem that stopped it (missing, unreadable, not UTF-8). */
    public sealed interface Loaded {
        record Ok(WatchlistCsv csv) implements Loaded {}
        record Failed(String message, String fix) implements Loaded {}
    }

    public static Loaded read(Path csv) {
        if (!Files.isRegularFile(csv)) return new Loaded.Failed("no " + Watchlist.CSV_FILE + " next to the watchlist's metadata file",
                "Add " + Watchlist.CSV_FILE + " to the folder: a header line with the column names, then one row per item.");
        try {
            byte[] bytes = Files.readAllBytes(csv);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new Loaded.Ok(WatchlistCsv.parse(text, bytes.length));
        } catch (CharacterCodingException e) {
            return new Loaded.Failed(Watchlist.CSV_FILE + " is not UTF-8 text", "Save the file as UTF-8.");
        } catch (IOException e) {
            return new Loaded.Failed("cannot read " + Watchlist.CSV_FILE + ": " + e.getMessage(), "Check the file's permissions.");
        }
    }

    public List<Diagnostic> check(Watchlist w, String metadataPath, String csvPath) {
        List<Diagnostic> out = new ArrayList<>();
        if (!w.alias().isEmpty() && !ALIAS.matcher(w.alias()).matches()) {
            out.add(at(w, "/alias", "WATCHLIST-alias", metadataPath, "'" + w.alias() + "' is not a usable watchlist alias",
                    "Use letters, digits and underscores, starting with a letter."));
        }
        Loaded loaded = read(w.csv());
        if (loaded instanceof Loaded.Failed f) {
            out.add(Diagnostic.atFile(f.message().startsWith("no ") ? "WATCHLIST-csv-missing" : "WATCHLIST-csv-syntax",
                    Severity.ERROR, f.message().startsWith("no ") ? metadataPath : csvPath, f.message(), f.fix()));
            return out;
        }
        WatchlistCsv csv = ((Loaded.Ok) loaded).csv();
        for (WatchlistCsv.Problem p : csv.problems()) {
            out.add(cell(csvPath, "WATCHLIST-csv-syntax", p.line(), p.column(), 1, p.message(),
                    "Quote a field that contains commas, quotes or line breaks, and double the quotes inside it (\"a \"\"b\"\"\")."));
        }
        if (csv.bytes() > INLINE_LIMIT_BYTES) {
            out.add(Diagnostic.atFile("WATCHLIST-size", Severity.ERROR, csvPath, String.format(Locale.ROOT,
                    "%s is %,d bytes; a watchlist's inline rawContent is documented as limited to 3.8 MB (%,d bytes)",
                    Watchlist.CSV_FILE, csv.bytes(), INLINE_LIMIT_BYTES),
                    "Split it into several watchlists or drop columns; larger lists need Sentinel's Azure Storage upload."));
        }
        if (csv.header().isEmpty()) {
            out.add(cell(csvPath, "WATCHLIST-csv-syntax", 1, 1, 1, Watchlist.CSV_FILE + " is empty: it has no header line",
                    "Write the column names on the first line, e.g. `" + (w.itemsSearchKey().isEmpty() ? "Key" : w.itemsSearchKey()) + ",Description`."));
            return out;
        }
        Map<String, WatchlistCsv.Cell> seen = new HashMap<>();
        for (WatchlistCsv.Cell h : csv.header()) {
            String name = h.text().strip();
            if (name.isEmpty()) {
                out.add(cell(csvPath, "WATCHLIST-header", h.line(), h.column(), 1, "column " + (csv.header().indexOf(h) + 1)
                        + " of the header has no name", "Name the column or remove the empty field (a trailing comma?)."));
            } else if (seen.putIfAbsent(name, h) != null) {
                WatchlistCsv.Cell first = seen.get(name);
                out.add(cell(csvPath, "WATCHLIST-header", h.line(), h.column(), h.text().length(), "column '" + name
                        + "' appears twice in the header (first at column " + first.column() + ")", "Give each column a unique name."));
            }
        }
        List<String> names = csv.columnNames();
        int keyIndex = names.indexOf(w.itemsSearchKey());
        if (!w.itemsSearchKey().isEmpty() && keyIndex < 0) {
            Optional<String> nearly = names.stream().filter(n -> n.equalsIgnoreCase(w.itemsSearchKey())).findFirst();
            out.add(at(w, "/itemsSearchKey", "WATCHLIST-search-key", metadataPath, "itemsSearchKey '" + w.itemsSearchKey()
                    + "' is not a column of " + Watchlist.CSV_FILE + " (columns: " + String.join(", ", names) + ")",
                    nearly.map(n -> "Did you mean '" + n + "'? Column names are case-sensitive.")
                            .orElse("Set itemsSearchKey to the column that identifies an item.")));
        }
        Map<Integer, String> declared = new HashMap<>();
        for (Map.Entry<String, String> e : w.columnTypes().entrySet()) {
            int idx = names.indexOf(e.getKey());
            if (idx < 0) {
                out.add(at(w, "/columns/" + e.getKey(), "WATCHLIST-header", metadataPath, "columns declares '" + e.getKey()
                        + "', which is not a column of " + Watchlist.CSV_FILE, "Remove the declaration or add the column."));
            } else {
                declared.put(idx, e.getValue().strip().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Integer> keys = new HashMap<>();
        for (WatchlistCsv.Row row : csv.rows()) {
            List<WatchlistCsv.Cell> cells = row.cells();
            if (cells.size() != names.size()) {
                WatchlistCsv.Cell where = cells.size() > names.size() ? cells.get(names.size()) : cells.get(cells.size() - 1);
                out.add(cell(csvPath, "WATCHLIST-row-width", row.line(), where.column(), 1, "row has " + cells.size()
                        + " field" + (cells.size() == 1 ? "" : "s") + ", the header " + names.size(),
                        cells.size() > names.size() ? "Quote values that contain commas, or remove the extra fields."
                                : "Add the missing fields (empty ones are written as nothing between commas)."));
            }
            for (Map.Entry<Integer, String> d : declared.entrySet()) {
                if (d.getKey() >= cells.size()) continue;
                WatchlistCsv.Cell c = cells.get(d.getKey());
                String v = c.text().strip();
                if (!v.isEmpty() && !fits(d.getValue(), v)) {
                    out.add(cell(csvPath, "WATCHLIST-type", c.line(), c.column(), Math.max(1, c.text().length()), "'" + v
                            + "' is not a " + d.getValue() + " (column '" + names.get(d.getKey()) + "')",
                            "Write a " + d.getValue() + " value, or change the column's type under columns: in the metadata."));
                }
            }
            if (keyIndex >= 0 && keyIndex < cells.size()) {
                WatchlistCsv.Cell k = cells.get(keyIndex);
                String key = k.text().strip();
                if (key.isEmpty()) {
                    out.add(cell(csvPath, "WATCHLIST-duplicate-key", k.line(), k.column(), 1, "the search key '"
                            + w.itemsSearchKey() + "' is empty in this row", "Every item needs a search-key value."));
                } else {
                    Integer first = keys.putIfAbsent(key, row.line());
                    if (first != null) {
                        out.add(cell(csvPath, "WATCHLIST-duplicate-key", k.line(), k.column(), Math.max(1, k.text().length()),
                                "search key '" + key + "' repeats the item on line " + first, "Merge the two rows or remove one."));
                    }
                }
            }
        }
        return out;
    }

    static boolean fits(String type, String v) {
        return switch (type) {
            case "int", "long" -> INT.matcher(v).matches();
            case "real", "double", "decimal" -> REAL.matcher(v).matches();
            case "bool", "boolean" -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") || v.equals("0") || v.equals("1");
            case "guid" -> GUID.matcher(v).matches();
            case "timespan" -> TIMESPAN.matcher(v).matches();
            case "datetime" -> DATETIME.matcher(v).matches();
            default -> true;
        };
    }

    private static Diagnostic at(Watchlist w, String pointer, String rule, String path, String message, String fix) {
        Span s = w.document().spanOf(pointer, false);
        return new Diagnostic(rule, Severity.ERROR, path, s.line(), s.column(), s.endLine(), s.endColumn(), message, fix);
    }

    private static Diagnostic cell(String path, String rule, int line, int column, int length, String message, String fix) {
        return new Diagnostic(rule, Severity.ERROR, path, line, column, line, column + Math.max(1, length), message, fix);
    }
}

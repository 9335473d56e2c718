package dev.sentinelctl.testing;

import dev.sentinelctl.content.SourceText;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads fixture rows from the files Log Analytics and the Azure-Sentinel "Sample Data" folder hold: CSV (the portal's
 * export, header names such as {@code TimeGenerated [UTC]}), JSON (an array of row objects, or a query API response
 * {@code {"tables":[{"columns":[…],"rows":[[…]]}]}}) and JSON Lines (one row object per line).
 */
public final class FixtureFiles {

    /** The file could not be read as rows; the diagnostic says where and why. */
    public static final class Unreadable extends Exception {
        private final transient Diagnostic diagnostic;

        Unreadable(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YamlLoader LOADER = new YamlLoader(new YamlLoader.Limits(64L * 1024 * 1024, 64, 20_000_000, 0));

    private FixtureFiles() {}

    public static List<RawRow> read(Path file, String display) throws Unreadable {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unreadable(Diagnostic.atFile("TEST-fixture-file", Severity.ERROR, display,
                    "cannot read fixture file: " + e.getMessage(), "Check the path; it is relative to the tests file."));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (lower.endsWith(".csv")) return csv(text, display);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return jsonLines(text, display);
        if (lower.endsWith(".json")) return json(text, display);
        throw new Unreadable(Diagnostic.atFile("TEST-fixture-file", Severity.ERROR, display,
                "unknown fixture file type", "Use .csv, .json or .jsonl."));
    }

    /** Log Analytics adds the time zone to datetime headers ({@code TimeGenerated [UTC]}); the column is TimeGenerated. */
    static String columnName(String header) {
        String h = header.trim();
        int bracket = h.lastIndexOf(" [");
        if (bracket > 0 && h.endsWith("]")) h = h.substring(0, bracket).trim();
        return h;
    }

    static List<RawRow> csv(String text, String display) throws Unreadable {
        SourceText source = new SourceText(display, text);
        List<List<int[]>> records = new ArrayList<>(); // per record: [start, end) of each cell's raw text
        List<List<String>> values = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            List<int[]> spans = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                int start = i;
                StringBuilder cell = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new Unreadable(at(source, start, "unterminated quoted CSV field", "Close the field's quote."));
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                cell.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        cell.append(c);
                        i++;
                    }
                    if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        throw new Unreadable(at(source, i, "text after a quoted CSV field", "Quote the whole field."));
                    }
                } else {
                    while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') cell.append(text.charAt(i++));
                }
                spans.add(new int[] {start, i});
                cells.add(cell.toString());
                if (i < n && text.charAt(i) == ',') {
                    i++;
                } else {
                    if (i < n && text.charAt(i) == '\r') i++;
                    if (i < n && text.charAt(i) == '\n') i++;
                    endOfRecord = true;
                }
            }
            if (cells.size() == 1 && cells.get(0).isEmpty()) continue; // blank line
            records.add(spans);
            values.add(cells);
        }
        if (records.isEmpty()) return List.of();
        List<String> header = values.get(0).stream().map(FixtureFiles::columnName).toList();
        List<int[]> headerSpans = records.get(0);
        List<RawRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = values.get(r);
            List<int[]> spans = records.get(r);
            if (cells.size() != header.size()) {
                int[] first = spans.get(0);
                throw new Unreadable(at(source, first[0], "row has " + cells.size() + " fields but the header has " + header.size(),
                        "Give every row one field per header column (quote fields that contain commas)."));
            }
            rows.add(new RawRow(header, cells.toArray(), new RawRow.Locator() {
                @Override
                public Location key(String column) {
                    int[] s = headerSpans.get(Math.max(0, header.indexOf(column)));
                    return new Location(display, Span.of(source, s[0], s[1]));
                }

                @Override
                public Location value(String column) {
                    int[] s = spans.get(Math.max(0, header.indexOf(column)));
                    return new Location(display, Span.of(source, s[0], Math.max(s[1], s[0] + 1)));
                }
            }));
        }
        return rows;
    }

    static List<RawRow> jsonLines(String text, String display) throws Unreadable {
        List<RawRow> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int l = 0; l < lines.length; l++) {
            if (lines[l].isBlank()) continue;
            JsonNode node;
            try {
                node = JSON.readTree(lines[l]);
            } catch (RuntimeException e) {
                throw new Unreadable(Location.line(display, l + 1, 1).error("TEST-fixture-file",
                        "line is not JSON: " + firstLine(e.getMessage()), "Write one JSON object per line."));
            }
            if (!node.isObject()) {
                throw new Unreadable(Location.line(display, l + 1, 1).error("TEST-fixture-file",
                        "a JSON Lines row must be an object of column → value", "Write one JSON object per line."));
            }
            Location where = Location.line(display, l + 1, 1);
            Map<String, Object> cells = new LinkedHashMap<>();
            node.properties().forEach(e -> cells.put(columnName(e.getKey()), e.getValue()));
            rows.add(RawRow.of(cells, fixed(where)));
        }
        return rows;
    }

    static List<RawRow> json(String text, String display) throws Unreadable {
        YamlLoader.Result loaded = LOADER.load(text.getBytes(StandardCharsets.UTF_8), display);
        if (loaded.document().isEmpty()) {
            Diagnostic d = loaded.diagnostics().isEmpty()
                    ? Diagnostic.atFile("TEST-fixture-file", Severity.ERROR, display, "file holds no JSON", "Write a JSON array of rows.")
                    : loaded.diagnostics().get(0);
            throw new Unreadable(new Diagnostic("TEST-fixture-file", Severity.ERROR, display, d.line(), d.column(), d.endLine(),
                    d.endColumn(), "not valid JSON: " + d.message(), "Write a JSON array of row objects."));
        }
        YamlDocument doc = loaded.document().get();
        JsonNode root = doc.root();
        List<RawRow> rows = new ArrayList<>();
        if (root.isArray()) {
            for (int r = 0; r < root.size(); r++) {
                String pointer = "/" + r;
                JsonNode row = root.get(r);
                if (!row.isObject()) {
                    throw new Unreadable(YamlPositions.at(doc, pointer, false).error("TEST-fixture-file",
                            "a row must be an object of column → value", "Write each row as {\"Column\": value, …}."));
                }
                Map<String, Object> cells = new LinkedHashMap<>();
                Map<String, String> keys = new LinkedHashMap<>();
                row.properties().forEach(e -> {
                    cells.put(columnName(e.getKey()), e.getValue());
                    keys.put(columnName(e.getKey()), e.getKey());
                });
                rows.add(RawRow.of(cells, YamlPositions.rowLocator(doc, pointer, keys)));
            }
            return rows;
        }
        JsonNode tables = root.path("tables");
        if (tables.isArray() && !tables.isEmpty()) {
            JsonNode table = tables.get(0);
            JsonNode columns = table.path("columns");
            JsonNode data = table.path("rows");
            List<String> names = new ArrayList<>();
            columns.forEach(c -> names.add(c.path("name").asString(c.path("ColumnName").asString(""))));
            for (int r = 0; r < data.size(); r++) {
                JsonNode row = data.get(r);
                String pointer = "/tables/0/rows/" + r;
                if (!row.isArray() || row.size() != names.size()) {
                    throw new Unreadable(YamlPositions.at(doc, pointer, false).error("TEST-fixture-file",
                            "row " + r + " does not have one value per column (" + names.size() + ")",
                            "Write each row as an array in the order of 'columns'."));
                }
                Map<String, Object> cells = new LinkedHashMap<>();
                for (int c = 0; c < names.size(); c++) cells.put(names.get(c), row.get(c));
                rows.add(RawRow.of(cells, new RawRow.Locator() {
                    @Override
                    public Location key(String column) {
                        return YamlPositions.at(doc, "/tables/0/columns/" + Math.max(0, names.indexOf(column)), false);
                    }

                    @Override
                    public Location value(String column) {
                        return YamlPositions.at(doc, pointer + "/" + Math.max(0, names.indexOf(column)), false);
                    }
                }));
            }
            return rows;
        }
        throw new Unreadable(Diagnostic.atFile("TEST-fixture-file", Severity.ERROR, display,
                "JSON fixture must be an array of row objects or a query API response with 'tables'",
                "Write [{\"Column\": value, …}, …]."));
    }

    private static RawRow.Locator fixed(Location where) {
        return new RawRow.Locator() {
            @Override
            public Location key(String column) {
                return where;
            }

            @Override
            public Location value(String column) {
                return where;
            }
        };
    }

    private static Diagnostic at(SourceText source, int offset, String message, String hint) {
        return new Diagnostic("TEST-fixture-file", Severity.ERROR, source.displayPath(), source.lineOf(offset),
                source.columnOf(offset), source.lineOf(offset), source.columnOf(offset) + 1, message, hint);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package dev.sentinelctl.testing;

import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.report.Diagnostic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Builds one table from a fixture (inline rows, files, generators) against the table's schema: every value is typed
 * by its column, and a column the table does not have or a value of the wrong type is an error at its line and
 * column, with the closest column name when there is one.
 */
public final class FixtureBuilder {
    private static final int MAX_ERRORS = 20;

    /** The table, and what was wrong with the fixture (the table is only usable when there are no errors). */
    public record Built(FixtureTable table, List<Diagnostic> diagnostics) {}

    private final YamlDocument document;
    private final Path baseDir;
    private final FixtureValues values;

    /**
     * @param document the tests file the fixture is written in
     * @param baseDir  what fixture file paths are relative to
     * @param now      the test's clock, for relative datetimes
     */
    public FixtureBuilder(YamlDocument document, Path baseDir, Instant now) {
        this(document, baseDir, now, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * @param files fixture files already read in this run, by absolute path: tests of one rule often share a file,
     *              and rows are typed per test (relative datetimes depend on the test's clock), so the raw rows are kept
     */
    public FixtureBuilder(YamlDocument document, Path baseDir, Instant now, Map<Path, FileRows> files) {
        this(document, baseDir, now, files, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** @param typedFiles files' rows already typed in this run, by (file, clock, table) */
    public FixtureBuilder(YamlDocument document, Path baseDir, Instant now, Map<Path, FileRows> files, Map<List<Object>, Built> typedFiles) {
        this.document = document;
        this.baseDir = baseDir;
        this.values = new FixtureValues(now);
        this.readFiles = files;
        this.typedFiles = typedFiles;
    }

    private final Map<Path, FileRows> readFiles;

    /** A fixture file's raw rows, or why it could not be read. */
    public record FileRows(List<RawRow> rows, Optional<Diagnostic> problem) {}
    private final Map<List<Object>, Built> typedFiles;

    /** A table fixture against the table's catalog schema. */
    public Built table(TestCase.Fixture fixture, TableSchema schema) {
        JsonNode node = fixture.node();
        if (node.isArray() || !(node.has("file") || node.has("files"))) {
            List<Diagnostic> problems = new ArrayList<>();
            List<RawRow> raw = rows(fixture, problems);
            return new Built(typed(schema.name(), schema.columns(), raw, values, problems, true), problems);
        }
        // With files: each file's rows typed once per (file, clock, table) in a run, since tests of a rule share files.
        List<Diagnostic> problems = new ArrayList<>();
        Map<Path, String> files = files(fixture, problems);
        boolean fileOnly = node.path("rows").isEmpty() && node.path("generate").isEmpty() && files.size() == 1 && problems.isEmpty();
        List<Object[]> rows = new ArrayList<>();
        List<RawRow> inline = new ArrayList<>();
        inline(node.path("rows"), fixture.pointer() + "/rows", inline);
        rows.addAll(typed(schema.name(), schema.columns(), inline, values, problems, true).rows());
        for (Map.Entry<Path, String> file : files.entrySet()) {
            FileRows read = raw(file.getKey());
            if (read.problem().isPresent()) {
                problems.add(read.problem().get());
                continue;
            }
            Built typedFile = typedFiles.computeIfAbsent(List.of(file.getKey(), values.now(), schema.name()), k -> {
                List<Diagnostic> fileProblems = new ArrayList<>();
                return new Built(typed(schema.name(), schema.columns(), read.rows(), values, fileProblems, true), fileProblems);
            });
            if (fileOnly) return typedFile; // the very table other tests get, so the engine's copy of it can be shared too
            problems.addAll(typedFile.diagnostics());
            rows.addAll(typedFile.table().rows());
        }
        List<RawRow> generated = new ArrayList<>();
        JsonNode generators = node.path("generate");
        for (int g = 0; g < generators.size(); g++) generate(generators.get(g), fixture.pointer() + "/generate/" + g, generated, problems);
        rows.addAll(typed(schema.name(), schema.columns(), generated, values, problems, true).rows());
        return new Built(new FixtureTable(schema.name(), schema.columns(), rows), problems);
    }

    /** The fixture's files that exist (absolute path → as written); missing ones are reported. */
    private Map<Path, String> files(TestCase.Fixture fixture, List<Diagnostic> problems) {
        JsonNode node = fixture.node();
        List<String> files = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        if (node.has("file")) {
            files.add(node.get("file").asString());
            pointers.add(fixture.pointer() + "/file");
        }
        JsonNode list = node.path("files");
        for (int i = 0; i < list.size(); i++) {
            files.add(list.get(i).asString());
            pointers.add(fixture.pointer() + "/files/" + i);
        }
        Map<Path, String> out = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = baseDir.resolve(files.get(i)).normalize().toAbsolutePath();
            if (!java.nio.file.Files.isRegularFile(file)) {
                problems.add(YamlPositions.at(document, pointers.get(i), false).error("TEST-fixture-file",
                        "fixture file not found: " + files.get(i) + " (looked in " + baseDir + ")",
                        "Paths are relative to the tests file's folder."));
                continue;
            }
            out.put(file, files.get(i));
        }
        return out;
    }

    /** A file's raw rows, or the diagnostic saying why it cannot be read; read once per run. */
    private FileRows raw(Path file) {
        return readFiles.computeIfAbsent(file, f -> {
            try {
                return new FileRows(FixtureFiles.read(file, display(file)), Optional.empty());
            } catch (FixtureFiles.Unreadable e) {
                return new FileRows(List.of(), Optional.of(e.diagnostic()));
            }
        });
    }

    /**
     * A watchlist fixture: {@code _GetWatchlist}'s own columns ({@code base}) plus the fixture's columns as strings
     * (Sentinel stores watchlist items as text), with SearchKey filled from the {@code searchKey:} column.
     */
    public Built watchlist(String alias, TestCase.Fixture fixture, List<Column> base) {
        List<Diagnostic> problems = new ArrayList<>();
        List<RawRow> raw = rows(fixture, problems);
        List<Column> columns = new ArrayList<>(base);
        for (RawRow r : raw) {
            for (String name : r.names()) {
                if (columns.stream().noneMatch(c -> c.name().equals(name))) columns.add(new Column(name, ScalarType.STRING));
            }
        }
        String searchKey = fixture.node().path("searchKey").asString("");
        if (!searchKey.isEmpty() && columns.stream().noneMatch(c -> c.name().equals("SearchKey"))) {
            columns.add(0, new Column("SearchKey", ScalarType.STRING));
        }
        if (!searchKey.isEmpty()) {
            List<RawRow> keyed = new ArrayList<>();
            for (RawRow r : raw) {
                Map<String, Object> cells = new LinkedHashMap<>(r.cells());
                Object key = cells.get(searchKey);
                if (key == null) {
                    problems.add(r.locator().key(searchKey).error("TEST-fixture-column", "watchlist '" + alias + "' row has no "
                            + searchKey + " (its searchKey)", "Give every row a " + searchKey + " value."));
                }
                cells.putIfAbsent("SearchKey", key);
                keyed.add(RawRow.of(cells, r.locator()));
            }
            raw = keyed;
        }
        return new Built(typed("_GetWatchlist('" + alias + "')", columns, raw, values, problems, false), problems);
    }

    private List<RawRow> rows(TestCase.Fixture fixture, List<Diagnostic> problems) {
        JsonNode node = fixture.node();
        List<RawRow> out = new ArrayList<>();
        if (node.isArray()) {
            inline(node, fixture.pointer(), out);
            return out;
        }
        inline(node.path("rows"), fixture.pointer() + "/rows", out);
        for (Path file : files(fixture, problems).keySet()) {
            FileRows read = raw(file);
            read.problem().ifPresent(problems::add);
            out.addAll(read.rows());
        }
        JsonNode generators = node.path("generate");
        for (int g = 0; g < generators.size(); g++) generate(generators.get(g), fixture.pointer() + "/generate/" + g, out, problems);
        return out;
    }

    private String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private void inline(JsonNode rows, String pointer, List<RawRow> out) {
        for (int i = 0; i < rows.size(); i++) {
            String rowPointer = pointer + "/" + i;
            Map<String, Object> cells = new LinkedHashMap<>();
            rows.get(i).properties().forEach(e -> cells.put(e.getKey(), e.getValue()));
            out.add(RawRow.of(cells, YamlPositions.rowLocator(document, rowPointer, Map.of())));
        }
    }

    /** Expands {count, row}: {i} in strings, {sequence: […]} cycled, {from, step} counted up. */
    private void generate(JsonNode generator, String pointer, List<RawRow> out, List<Diagnostic> problems) {
        int count = generator.path("count").asInt();
        JsonNode template = generator.path("row");
        String rowPointer = pointer + "/row";
        RawRow.Locator locator = YamlPositions.rowLocator(document, rowPointer, Map.of());
        Map<String, Object> starts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : template.properties()) {
            JsonNode spec = e.getValue();
            if (spec.isObject() && spec.has("from") && spec.has("step")) starts.put(e.getKey(), counter(e.getKey(), spec, locator, problems));
        }
        List<String> names = new ArrayList<>();
        List<JsonNode> specs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : template.properties()) {
            names.add(e.getKey());
            specs.add(e.getValue());
        }
        for (int i = 1; i <= count; i++) {
            Object[] row = new Object[names.size()];
            for (int c = 0; c < row.length; c++) {
                JsonNode spec = specs.get(c);
                if (spec.isString() && spec.asString().contains("{i}")) {
                    row[c] = JsonNodeFactory.instance.stringNode(spec.asString().replace("{i}", Integer.toString(i)));
                } else if (spec.isObject() && spec.has("sequence")) {
                    JsonNode seq = spec.get("sequence");
                    row[c] = seq.get((i - 1) % seq.size());
                } else if (starts.containsKey(names.get(c))) {
                    row[c] = step(starts.get(names.get(c)), i - 1);
                } else {
                    row[c] = spec;
                }
            }
            out.add(new RawRow(names, row, locator));
        }
    }

    private record Counter(Object from, Object step) {}

    private Counter counter(String column, JsonNode spec, RawRow.Locator locator, List<Diagnostic> problems) {
        JsonNode from = spec.get("from");
        JsonNode step = spec.get("step");
        if (from.isNumber() && step.isNumber()) return new Counter(from.decimalValue(), step.decimalValue());
        try {
            return new Counter(values.datetime(from.asString()), FixtureValues.timespan(step.asString()));
        } catch (FixtureValues.BadValue e) {
            problems.add(locator.value(column).error("TEST-fixture-type", "generator {from, step}: " + e.getMessage(),
                    "Count numbers with numbers (from: 1, step: 1) or datetimes with a timespan (from: now-1h, step: 1m)."));
            return null;
        }
    }

    private static Object step(Object counter, int k) {
        if (!(counter instanceof Counter c)) return null;
        if (c.from() instanceof BigDecimal f) {
            BigDecimal v = f.add(((BigDecimal) c.step()).multiply(BigDecimal.valueOf(k)));
            // whole numbers stay whole, so an int or long column takes them
            return v.stripTrailingZeros().scale() <= 0 ? JsonNodeFactory.instance.numberNode(v.longValueExact())
                    : JsonNodeFactory.instance.numberNode(v);
        }
        Instant at = ((Instant) c.from()).plus(((Duration) c.step()).multipliedBy(k));
        return JsonNodeFactory.instance.stringNode(at.toString());
    }

    /**
     * Types raw rows by the columns; {@code strictColumns} makes a column the table lacks an error (tables), otherwise
     * it is dropped (baseline data often carries columns of other tables or exports).
     */
    static FixtureTable typed(String name, List<Column> columns, List<RawRow> raw, FixtureValues values, List<Diagnostic> problems,
                              boolean strictColumns) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < columns.size(); i++) index.putIfAbsent(columns.get(i).name(), i);
        ScalarType[] types = new ScalarType[columns.size()];
        Object[] empty = new Object[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            types[c] = columns.get(c).type() instanceof ScalarType s ? s : ScalarType.DYNAMIC;
            if (types[c] == ScalarType.STRING) empty[c] = "";
        }
        List<Object[]> rows = new ArrayList<>(raw.size());
        java.util.Set<String> reportedColumns = new java.util.HashSet<>();
        List<String> resolvedFor = null;
        int[] target = null;
        for (RawRow r : raw) {
            if (r.names() != resolvedFor) {
                resolvedFor = r.names();
                target = new int[resolvedFor.size()];
                for (int k = 0; k < target.length; k++) target[k] = index.getOrDefault(resolvedFor.get(k), -1);
            }
            Object[] row = empty.clone();
            Object[] cells = r.values();
            for (int k = 0; k < cells.length; k++) {
                int at = target[k];
                String column = resolvedFor.get(k);
                if (at < 0) {
                    if (strictColumns && reportedColumns.add(column) && problems.size() < MAX_ERRORS) {
                        problems.add(unknownColumn(name, columns, column, r.locator().key(column)));
                    }
                    continue;
                }
                ScalarType type = types[at];
                try {
                    row[at] = cells[k] instanceof JsonNode n ? values.fromNode(n, type) : values.fromText((String) cells[k], type);
                } catch (FixtureValues.BadValue e) {
                    if (problems.size() < MAX_ERRORS) {
                        problems.add(r.locator().value(column).error("TEST-fixture-type",
                                name + "." + column + " is " + type.kustoName() + ": " + e.getMessage(),
                                "Write a " + type.kustoName() + " value, or leave the column out for null."));
                    }
                }
            }
            rows.add(row);
        }
        return new FixtureTable(name, columns, rows);
    }

    private static boolean isSubsequence(String shorter, String longer) {
        int i = 0;
        for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
            if (shorter.charAt(i) == longer.charAt(j)) i++;
        }
        return i == shorter.length() && shorter.length() >= 4;
    }

    private static Diagnostic unknownColumn(String table, List<Column> columns, String column, Location where) {
        List<String> names = columns.stream().map(Column::name).toList();
        List<String> close = new java.util.ArrayList<>(dev.sentinelctl.kql.semantic.Suggestions.closest(column, names));
        if (close.isEmpty()) {
            // A left-out word (SenderAddress for SenderFromAddress) is too far for edit distance; the letters in order are not.
            names.stream().filter(n -> isSubsequence(column.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT)))
                    .min(java.util.Comparator.comparingInt(String::length)).ifPresent(close::add);
        }
        String hint = close.isEmpty() ? "Use a column of " + table + " (see the table's schema), or add the column with --schema."
                : "Did you mean '" + close.get(0) + "'?";
        return where.error("TEST-fixture-column", "table " + table + " has no column '" + column + "'", hint);
    }
}

package dev.sentinelctl.testing;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentScanner;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Sigma's goodlog gate for KQL: every rule runs over a folder of benign sample data, and every rule that fires is a
 * finding unless an allow-list names it. Files are {@code <Table>.csv|json|jsonl} (or {@code <Table>.<part>.csv}); the
 * clock is {@code --now}, else {@code now:} in the folder's {@code baseline.yaml}, else the latest TimeGenerated (or
 * Timestamp) in the data, so recorded data falls inside the rules' lookback. {@code seasonality:} in the same file pins
 * the period series_decompose* autodetect, as in a test.
 */
public final class BaselineRun {

    /** One allow-list entry: a rule (by id, name or file path suffix) that may fire on the baseline, and why. */
    public record Allowed(String rule, String reason, Location location) {}

    private final Catalog catalog;
    private final QueryEngine engine;

    public BaselineRun(Catalog catalog, QueryEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    public List<Diagnostic> run(List<Path> roots, Path dir, Optional<Instant> nowOption, Optional<Path> allowFile) {
        List<Diagnostic> out = new ArrayList<>();
        List<Allowed> allowed = allowFile.map(f -> readAllowList(f, out)).orElse(List.of());
        Map<String, FixtureTable> tables = new LinkedHashMap<>();
        Optional<Instant> configured = nowOption.isPresent() ? nowOption : configuredNow(dir, out);
        OptionalInt seasonality = configuredSeasonality(dir, out);
        // Relative datetimes need a clock before the data is read; fixtures in files are absolute, so EPOCH is unused.
        FixtureValues probe = new FixtureValues(configured.orElse(Instant.EPOCH));
        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            String table = name.substring(0, name.indexOf('.'));
            String display = TestRunner.display(file);
            Optional<TableSchema> schema = catalog.table(table);
            if (schema.isEmpty()) {
                List<String> close = catalog.suggestTables(table);
                out.add(Diagnostic.atFile("TEST-fixture-table", Severity.ERROR, display, "baseline file names no known table ('" + table + "')",
                        close.isEmpty() ? "Name the file after its table (EmailEvents.csv), or add the table with --schema."
                                : "Did you mean " + close.get(0) + "? Name the file after its table."));
                continue;
            }
            try {
                List<RawRow> raw = FixtureFiles.read(file, display);
                FixtureTable t = FixtureBuilder.typed(schema.get().name(), schema.get().columns(), raw, probe, out, false);
                FixtureTable before = tables.get(table);
                if (before != null) {
                    List<Object[]> rows = new ArrayList<>(before.rows());
                    rows.addAll(t.rows());
                    t = new FixtureTable(table, t.columns(), rows);
                }
                tables.put(table, t);
            } catch (FixtureFiles.Unreadable e) {
                out.add(e.diagnostic());
            }
        }
        if (out.stream().anyMatch(d -> d.severity() == Severity.ERROR)) return out;
        Instant now = configured.orElseGet(() -> latest(tables).orElse(Instant.now()));
        List<Allowed> used = new ArrayList<>();
        for (ContentScanner.ContentFile f : new ContentScanner().scan(roots).files()) {
            Optional<ContentItem> item = ItemLoader.load(f.path(), f.displayPath());
            if (item.isEmpty()) continue;
            ContentItem it = item.get();
            Span span = it.document().spanOf("/query", true);
            QueryEngine.Outcome outcome = engine.run(it.query().text(), tables, Map.of(), now, seasonality);
            if (outcome instanceof QueryEngine.Outcome.Failed failed) {
                out.add(new Diagnostic("TEST-baseline-unsupported", Severity.WARNING, f.displayPath(), span.line(), span.column(),
                        span.endLine(), span.endColumn(), "not run over the baseline: " + failed.code() + ": " + failed.message(), ""));
                continue;
            }
            ResultTable result = ((QueryEngine.Outcome.Ok) outcome).table();
            ExpectationChecker.Trigger trigger = TestRunner.shape(it, Optional.empty()).trigger();
            if (!trigger.fires(result.rowCount())) continue;
            Optional<Allowed> allow = allowed.stream().filter(a -> matches(a, it, f.displayPath())).findFirst();
            if (allow.isPresent()) {
                used.add(allow.get());
                continue;
            }
            out.add(new Diagnostic("TEST-baseline-fires", Severity.ERROR, f.displayPath(), span.line(), span.column(), span.endLine(),
                    span.endColumn(), "'" + it.name() + "' fires on the benign baseline " + dir + " (" + result.rowCount() + " row"
                    + (result.rowCount() == 1 ? "" : "s") + ": " + ExpectationChecker.sample(result, firstColumns(result)) + ")",
                    "Tighten the rule, or allow-list it with a reason (--allow FILE)."));
        }
        for (Allowed a : allowed) {
            if (!used.contains(a)) {
                out.add(a.location().error("TEST-baseline-stale-allow", "allow-list entry '" + a.rule()
                        + "' matches no rule that fires on the baseline", "Remove the stale entry.").withSeverity(Severity.WARNING));
            }
        }
        return out;
    }

    private static boolean matches(Allowed a, ContentItem item, String file) {
        String r = a.rule();
        return r.equalsIgnoreCase(item.id()) || r.equals(item.name()) || file.endsWith(r);
    }

    private static java.util.Set<String> firstColumns(ResultTable t) {
        java.util.Set<String> s = new java.util.LinkedHashSet<>();
        for (Column c : t.columns()) {
            if (s.size() == 4) break;
            s.add(c.name());
        }
        return s;
    }

    private static Optional<Instant> latest(Map<String, FixtureTable> tables) {
        Instant max = null;
        for (FixtureTable t : tables.values()) {
            for (String name : List.of("TimeGenerated", "Timestamp")) {
                int c = t.columnIndex(name);
                if (c < 0) continue;
                for (Object[] row : t.rows()) {
                    if (row[c] instanceof Instant i && (max == null || i.isAfter(max))) max = i;
                }
            }
        }
        return Optional.ofNullable(max);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Instant> configuredNow(Path dir, List<Diagnostic> out) {
        Path manifest = dir.resolve("baseline.yaml");
        if (!Files.isRegularFile(manifest)) return Optional.empty();
        YamlLoader.Result loaded = new YamlLoader().load(manifest, TestRunner.display(manifest));
        if (loaded.document().isEmpty()) {
            out.addAll(loaded.diagnostics());
            return Optional.empty();
        }
        YamlDocument doc = loaded.document().get();
        String text = doc.root().path("now").asString("");
        if (text.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new FixtureValues(Instant.EPOCH).datetime(text));
        } catch (FixtureValues.BadValue e) {
            out.add(YamlPositions.at(doc, "/now", false).error("TEST-format", e.getMessage(), "Write an ISO-8601 instant."));
            return Optional.empty();
        }
    }

    /** {@code seasonality: N} in the folder's {@code baseline.yaml} (a period in bins, 0 = none), or empty. */
    private static OptionalInt configuredSeasonality(Path dir, List<Diagnostic> out) {
        Path manifest = dir.resolve("baseline.yaml");
        if (!Files.isRegularFile(manifest)) return OptionalInt.empty();
        YamlLoader.Result loaded = new YamlLoader().load(manifest, TestRunner.display(manifest));
        if (loaded.document().isEmpty()) return OptionalInt.empty(); // configuredNow reported it
        YamlDocument doc = loaded.document().get();
        tools.jackson.databind.JsonNode v = doc.root().path("seasonality");
        if (v.isMissingNode() || v.isNull()) return OptionalInt.empty();
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
            out.add(YamlPositions.at(doc, "/seasonality", false).error("TEST-format", "seasonality must be 0 (none) or a period in bins",
                    "Write seasonality: 24 (hourly bins, a daily period) or seasonality: 0."));
            return OptionalInt.empty();
        }
        return OptionalInt.of(v.asInt());
    }

    /** {@code allow: [{rule: <id|name|path>, reason: …}]}. */
    static List<Allowed> readAllowList(Path file, List<Diagnostic> out) {
        String display = TestRunner.display(file);
        YamlLoader.Result loaded = new YamlLoader().load(file, display);
        if (loaded.document().isEmpty()) {
            out.addAll(loaded.diagnostics());
            return List.of();
        }
        YamlDocument doc = loaded.document().get();
        List<Allowed> list = new ArrayList<>();
        tools.jackson.databind.JsonNode entries = doc.root().path("allow");
        if (!entries.isArray()) {
            out.add(YamlPositions.at(doc, "", false).error("TEST-format", "allow-list file needs a list under 'allow:'",
                    "Write allow: [{rule: <rule id, name or file>, reason: why it may fire}]."));
            return List.of();
        }
        for (int i = 0; i < entries.size(); i++) {
            tools.jackson.databind.JsonNode e = entries.get(i);
            String rule = e.path("rule").asString("");
            String reason = e.path("reason").asString("");
            if (rule.isEmpty() || reason.isEmpty()) {
                out.add(YamlPositions.at(doc, "/allow/" + i, false).error("TEST-format", "allow-list entry needs 'rule' and 'reason'",
                        "Say which rule may fire on the baseline and why."));
                continue;
            }
            list.add(new Allowed(rule, reason, YamlPositions.at(doc, "/allow/" + i + "/rule", false)));
        }
        return list;
    }
}

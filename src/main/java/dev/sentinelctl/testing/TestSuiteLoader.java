package dev.sentinelctl.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.fleet.ExclusionValues;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import dev.sentinelctl.util.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a tests file: YAML with positions, the JSON Schema {@code schemas/detection-tests.schema.json}, then the
 * model. Every problem is a {@code TEST-format} diagnostic at its line and column; a file with errors yields no suite.
 */
public final class TestSuiteLoader {
    private static final String ID = "https://sentinelctl.dev/schemas/detection-tests.schema.json";
    private static final String HINT = "See docs/testing.md and schemas/detection-tests.schema.json.";
    private static final Lazy<Schema> SCHEMA = new Lazy<>(TestSuiteLoader::schema);

    /** The suite, when the file could be read without errors, and what was wrong. */
    public record Result(Optional<TestSuite> suite, List<Diagnostic> diagnostics) {}

    private final YamlLoader loader = new YamlLoader();

    public Result load(Path file, String display) {
        YamlLoader.Result loaded = loader.load(file, display);
        List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
        if (loaded.document().isEmpty() || !problems.isEmpty()) return new Result(Optional.empty(), problems);
        YamlDocument doc = loaded.document().get();
        for (Error e : SCHEMA.get().validate(doc.root())) {
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) pointer.append('/').append(e.getInstanceLocation().getName(i));
            boolean unknownKey = e.getProperty() != null && "additionalProperties".equals(e.getKeyword());
            if (e.getProperty() != null) pointer.append('/').append(e.getProperty());
            Span span = doc.spanOf(pointer.toString(), true);
            String where = pointer.length() == 0 ? "" : pointer.substring(1).replace('/', '.') + ": ";
            String message = unknownKey ? "unknown field '" + e.getProperty() + "'" : where + e.getMessage();
            problems.add(new Diagnostic("TEST-format", Severity.ERROR, display, span.line(), span.column(), span.endLine(),
                    span.endColumn(), message, unknownKey ? suggestField(e.getProperty(), e.getInstanceLocation().toString()) : HINT));
            if (problems.size() >= 20) break;
        }
        if (!problems.isEmpty()) return new Result(Optional.empty(), dedupe(problems));
        JsonNode root = doc.root();
        JsonNode defaults = root.path("defaults");
        Optional<Instant> defaultNow = instant(doc, "/defaults/now", defaults.get("now"), problems);
        OptionalInt defaultSeasonality = defaults.has("seasonality") ? OptionalInt.of(defaults.get("seasonality").asInt()) : OptionalInt.empty();
        Map<String, TestCase.Fixture> defaultTables = fixtures(defaults.path("tables"), "/defaults/tables");
        Map<String, TestCase.Fixture> defaultWatchlists = fixtures(defaults.path("watchlists"), "/defaults/watchlists");
        List<TestCase> tests = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode list = root.path("tests");
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/tests/" + i;
            JsonNode t = list.get(i);
            String name = t.path("name").asString();
            if (!names.add(name)) {
                problems.add(YamlPositions.at(doc, pointer + "/name", false).error("TEST-format",
                        "two tests are named '" + name + "'", "Give each test of a file its own name (reports key on it)."));
            }
            Optional<Instant> now = t.has("now") ? instant(doc, pointer + "/now", t.get("now"), problems) : defaultNow;
            if (now.isEmpty() && !t.has("now") && !defaults.has("now")) {
                problems.add(YamlPositions.at(doc, pointer, true).error("TEST-format", "test '" + name + "' has no 'now'",
                        "Pin the clock with now: 2024-05-01T12:00:00Z (on the test or under defaults:), so ago() is reproducible."));
            }
            Map<String, TestCase.Fixture> tables = new LinkedHashMap<>(defaultTables);
            tables.putAll(fixtures(t.path("tables"), pointer + "/tables"));
            Map<String, TestCase.Fixture> watchlists = new LinkedHashMap<>(defaultWatchlists);
            watchlists.putAll(fixtures(t.path("watchlists"), pointer + "/watchlists"));
            tests.add(new TestCase(name, pointer, YamlPositions.at(doc, pointer + "/name", false), now,
                    t.has("workspace") ? Optional.of(t.get("workspace").asString()) : Optional.empty(),
                    exclusions(t.path("exclusions")), tables, watchlists, expectations(t.path("expect"), pointer + "/expect"),
                    t.has("seasonality") ? OptionalInt.of(t.get("seasonality").asInt()) : defaultSeasonality));
        }
        if (!problems.isEmpty()) return new Result(Optional.empty(), problems);
        Optional<Path> fleet = root.has("fleet")
                ? Optional.of(file.toAbsolutePath().getParent().resolve(root.get("fleet").asString()).normalize()) : Optional.empty();
        return new Result(Optional.of(new TestSuite(file, doc, fleet, tests)), List.of());
    }

    private static Optional<Instant> instant(YamlDocument doc, String pointer, JsonNode node, List<Diagnostic> problems) {
        if (node == null) return Optional.empty();
        try {
            return Optional.of(new FixtureValues(Instant.EPOCH).datetime(node.asString()));
        } catch (FixtureValues.BadValue e) {
            problems.add(YamlPositions.at(doc, pointer, false).error("TEST-format", e.getMessage(), "Write an ISO-8601 instant, e.g. 2024-05-01T12:00:00Z."));
            return Optional.empty();
        }
    }

    private static Map<String, TestCase.Fixture> fixtures(JsonNode node, String pointer) {
        Map<String, TestCase.Fixture> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), new TestCase.Fixture(YamlPositions.child(pointer, e.getKey()), e.getValue())));
        return out;
    }

    private static Map<String, ExclusionValues> exclusions(JsonNode node) {
        Map<String, ExclusionValues> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> values = new ArrayList<>();
                v.forEach(x -> values.add(x.asString()));
                out.put(e.getKey(), new ExclusionValues.Literals(values));
            } else {
                out.put(e.getKey(), new ExclusionValues.Watchlist(v.path("watchlist").asString(),
                        v.path("keyColumn").asString(ExclusionValues.Watchlist.DEFAULT_KEY)));
            }
        });
        return out;
    }

    private static Expectations expectations(JsonNode e, String pointer) {
        Optional<Expectations.RowCount> rows = Optional.empty();
        JsonNode r = e.get("rows");
        if (r != null && r.isIntegralNumber()) {
            rows = Optional.of(new Expectations.RowCount(OptionalInt.of(r.asInt()), OptionalInt.of(r.asInt())));
        } else if (r != null) {
            rows = Optional.of(new Expectations.RowCount(r.has("min") ? OptionalInt.of(r.get("min").asInt()) : OptionalInt.empty(),
                    r.has("max") ? OptionalInt.of(r.get("max").asInt()) : OptionalInt.empty()));
        }
        List<String> columns = new ArrayList<>();
        e.path("columns").forEach(c -> columns.add(c.asString()));
        return new Expectations(pointer, e.has("fires") ? Optional.of(e.get("fires").asBoolean()) : Optional.empty(), rows,
                patterns(e.path("contains"), pointer + "/contains"), patterns(e.path("excludes"), pointer + "/excludes"), columns,
                e.path("entitiesNonEmpty").asBoolean(false), e.path("customDetailsNonEmpty").asBoolean(false));
    }

    private static List<Expectations.RowPattern> patterns(JsonNode list, String pointer) {
        List<Expectations.RowPattern> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            list.get(i).properties().forEach(p -> values.put(p.getKey(), p.getValue()));
            out.add(new Expectations.RowPattern(pointer + "/" + i, values));
        }
        return out;
    }

    /** The closest field allowed where the unknown one is (the parent's pointer tells which object it is in). */
    private static String suggestField(String wrong, String parent) {
        String p = parent.replaceAll("/\\d+", "/#");
        List<String> known;
        if (p.endsWith("/expect")) {
            known = List.of("fires", "rows", "contains", "excludes", "columns", "entitiesNonEmpty", "customDetailsNonEmpty");
        } else if (p.matches("/?tests/#") || p.matches(".*/tests/#")) {
            known = List.of("name", "description", "now", "seasonality", "workspace", "exclusions", "tables", "watchlists", "expect");
        } else if (p.endsWith("/defaults")) {
            known = List.of("now", "seasonality", "tables", "watchlists");
        } else if (p.endsWith("/generate/#")) {
            known = List.of("count", "row");
        } else if (p.contains("/tables/") || p.contains("/watchlists/")) {
            known = List.of("rows", "file", "files", "generate", "searchKey");
        } else if (p.isEmpty() || p.equals("/")) {
            known = List.of("fleet", "defaults", "tests");
        } else {
            known = List.of("min", "max", "watchlist", "keyColumn", "sequence", "from", "step");
        }
        return dev.sentinelctl.schema.Suggest.closest(wrong, known).map(s -> "Did you mean '" + s + "'? " + HINT).orElse(HINT);
    }

    /** networknt reports one error per failed oneOf branch; one finding per place is enough. */
    private static List<Diagnostic> dedupe(List<Diagnostic> in) {
        Map<String, Diagnostic> byPlace = new LinkedHashMap<>();
        for (Diagnostic d : in) byPlace.putIfAbsent(d.line() + ":" + d.column(), d);
        return List.copyOf(byPlace.values());
    }

    private static Schema schema() {
        try (InputStream in = TestSuiteLoader.class.getResourceAsStream("/schemas/detection-tests.schema.json")) {
            if (in == null) throw new IllegalStateException("tests schema missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(ID, text)))
                    .getSchema(SchemaLocation.of(ID));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

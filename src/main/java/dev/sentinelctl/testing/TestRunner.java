package dev.sentinelctl.testing;

import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.fleet.CompiledQuery;
import dev.sentinelctl.fleet.ExclusionCompileException;
import dev.sentinelctl.fleet.ExclusionCompiler;
import dev.sentinelctl.fleet.ExclusionDeclaration;
import dev.sentinelctl.fleet.ExclusionDeclarations;
import dev.sentinelctl.fleet.ExclusionValues;
import dev.sentinelctl.fleet.FleetConfig;
import dev.sentinelctl.fleet.FleetLoader;
import dev.sentinelctl.fleet.TargetQueries;
import dev.sentinelctl.fleet.WorkspaceTarget;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Runs detection tests: finds each item's tests file, loads it, and for every test compiles the query the test's
 * workspace would deploy (its exclusions and the test's own), builds the fixtures against the catalog, runs the
 * engine with {@code now} pinned and checks the expectations. One bad file or test never stops the others.
 */
public final class TestRunner {

    /**
     * @param fleet         fleet file for tests that name a workspace (overrides a tests file's own {@code fleet:})
     * @param minimumTests  0: no polarity requirement; 1: each analytic rule needs a firing test; 2 or more: also a
     *                      silent one, and at least this many tests
     */
    public record Options(Optional<Path> fleet, int minimumTests) {}

    private final Catalog catalog;
    private final QueryEngine engine;
    private final Options options;
    private final ExclusionCompiler compiler;
    private final Map<Path, Lookup<FleetConfig>> fleets = new ConcurrentHashMap<>();

    /** A fleet or workspace found, or why not (said once, at the test that names it). */
    private sealed interface Lookup<T> {
        record Found<T>(T value) implements Lookup<T> {}

        record Missing<T>(String problem) implements Lookup<T> {}
    }
    /** Fixture files read in this run (raw rows or the diagnostic), shared by the tests that name them. */
    private final Map<Path, FixtureBuilder.FileRows> fixtureFiles = new ConcurrentHashMap<>();
    /** Fixture files' rows typed by (file, clock, table), shared by tests with the same clock. */
    private final Map<List<Object>, FixtureBuilder.Built> typedFiles = new ConcurrentHashMap<>();
    /** Tables built from one fixture of one tests file with one clock (defaults), by (file, pointer, clock, table). */
    private final Map<List<Object>, FixtureBuilder.Built> builtTables = new ConcurrentHashMap<>();

    public TestRunner(Catalog catalog, QueryEngine engine, Options options) {
        this.catalog = catalog;
        this.engine = engine;
        this.options = options;
        this.compiler = new ExclusionCompiler(catalog, Integer.MAX_VALUE);
    }

    public TestRun run(List<Path> roots) {
        TestDiscovery.Found found = new TestDiscovery().find(roots);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Path orphan : found.orphans()) {
            String display = display(orphan);
            files.add(display);
            diagnostics.add(Diagnostic.atFile("TEST-orphan", Severity.ERROR, display, "tests file without a content item next to it",
                    "Name it after its item: X.yaml is tested by X.tests.yaml in the same folder."));
        }
        record Planned(TestSuite suite, ContentItem item, TestCase test) {}
        List<Planned> planned = new ArrayList<>();
        for (TestDiscovery.Pair pair : found.pairs()) {
            Optional<ContentItem> item = ItemLoader.load(pair.item().path(), pair.item().displayPath());
            if (item.isEmpty()) continue; // not content (a stub, or broken YAML that `check` reports)
            Optional<TestSuite> suite = Optional.empty();
            if (pair.tests().isPresent()) {
                String display = display(pair.tests().get());
                files.add(display);
                TestSuiteLoader.Result loaded = new TestSuiteLoader().load(pair.tests().get(), display);
                diagnostics.addAll(loaded.diagnostics());
                suite = loaded.suite();
                suite.ifPresent(s -> s.tests().forEach(t -> planned.add(new Planned(s, item.get(), t))));
            }
            diagnostics.addAll(Polarity.findings(item.get(), suite.map(TestSuite::tests), pair.tests().isPresent(), options.minimumTests()));
        }
        TestResult[] results = new TestResult[planned.size()];
        List<List<Diagnostic>> perTest = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) perTest.add(new ArrayList<>());
        IntStream.range(0, planned.size()).parallel().forEach(i -> {
            Planned p = planned.get(i);
            results[i] = runOne(p.suite(), p.item(), p.test(), perTest.get(i));
        });
        perTest.forEach(diagnostics::addAll);
        return new TestRun(List.of(results), diagnostics, files);
    }

    /** Runs one test; fixture problems go to {@code diagnostics} and make the test an error. */
    TestResult runOne(TestSuite suite, ContentItem item, TestCase test, List<Diagnostic> diagnostics) {
        long start = System.nanoTime();
        String itemFile = item.document().source().displayPath();
        java.time.Instant now = test.now().orElseThrow();
        Optional<WorkspaceTarget> target = Optional.empty();
        if (test.workspace().isPresent()) {
            Lookup<WorkspaceTarget> resolved = workspace(suite, test);
            if (resolved instanceof Lookup.Missing<WorkspaceTarget> m) {
                return error(suite, item, test, test.pointer() + "/workspace", m.problem(), start, diagnostics);
            }
            target = Optional.of(((Lookup.Found<WorkspaceTarget>) resolved).value());
            if (!target.get().content().selects(TargetQueries.relative(item))) {
                return error(suite, item, test, test.pointer() + "/workspace", "workspace '" + test.workspace().get()
                        + "' does not deploy this item (its content selection leaves it out)", start, diagnostics);
            }
        }
        List<ExclusionDeclaration> declarations = ExclusionDeclarations.read(item.document());
        Map<String, ExclusionValues> values = new LinkedHashMap<>();
        target.ifPresent(t -> declarations.forEach(d -> {
            ExclusionValues v = t.exclusions().get(d.name());
            if (v != null) values.put(d.name(), v);
        }));
        values.putAll(test.exclusions());
        CompiledQuery query;
        try {
            query = compiler.compile(item.query().text(), declarations, values);
        } catch (ExclusionCompileException e) {
            String where = test.exclusions().isEmpty() ? test.pointer() + "/name" : test.pointer() + "/exclusions";
            return error(suite, item, test, where, "exclusions do not compile: " + e.getMessage(), start, diagnostics);
        }
        FixtureBuilder builder = new FixtureBuilder(suite.document(), suite.path().toAbsolutePath().getParent(), now, fixtureFiles, typedFiles);
        Map<String, FixtureTable> tables = new LinkedHashMap<>();
        List<Diagnostic> fixtureProblems = new ArrayList<>();
        test.tables().forEach((name, fixture) -> {
            Optional<TableSchema> schema = catalog.table(name);
            if (schema.isEmpty()) {
                List<String> close = catalog.suggestTables(name);
                fixtureProblems.add(YamlPositions.at(suite.document(), fixture.pointer(), true).error("TEST-fixture-table",
                        "unknown table '" + name + "'", close.isEmpty() ? "Add the table's schema with --schema."
                                : "Did you mean '" + close.get(0) + "'?"));
                return;
            }
            // A defaults fixture is the same table for every test with the same clock: built once (a test's own is not kept).
            FixtureBuilder.Built built = fixture.pointer().startsWith("/defaults/")
                    ? builtTables.computeIfAbsent(List.of(suite.path().toAbsolutePath(), fixture.pointer(), now, name),
                            k -> builder.table(fixture, schema.get()))
                    : builder.table(fixture, schema.get());
            fixtureProblems.addAll(built.diagnostics());
            tables.put(name, built.table());
        });
        Map<String, FixtureTable> watchlists = new LinkedHashMap<>();
        test.watchlists().forEach((alias, fixture) -> {
            FixtureBuilder.Built built = builder.watchlist(alias, fixture, catalog.watchlistRows(alias).columns());
            fixtureProblems.addAll(built.diagnostics());
            watchlists.put(alias, built.table());
        });
        if (!fixtureProblems.isEmpty()) {
            diagnostics.addAll(fixtureProblems);
            return new TestResult(suite.display(), itemFile, test.name(), test.location(), TestResult.Status.ERROR,
                    List.of(new ExpectationChecker.Failure(test.location(), fixtureProblems.size() + " fixture problem"
                            + (fixtureProblems.size() == 1 ? "" : "s") + " (see above)")), -1, System.nanoTime() - start, test.workspace());
        }
        QueryEngine.Outcome outcome = engine.run(query.text(), tables, watchlists, now, test.seasonality());
        if (outcome instanceof QueryEngine.Outcome.Failed f && f.code().equals(dev.sentinelctl.testing.realengine.ComparingEngine.DISAGREE)) {
            return error(suite, item, test, test.pointer() + "/name", f.code() + ": " + f.message(), start, diagnostics);
        }
        if (outcome instanceof QueryEngine.Outcome.Failed f) {
            return error(suite, item, test, test.pointer() + "/name", "the engine did not run the query: " + f.code() + ": "
                    + f.message() + near(query.text(), f.offset()) + inFile(item, query, f.offset()), start, diagnostics);
        }
        ResultTable result = ((QueryEngine.Outcome.Ok) outcome).table();
        ExpectationChecker.ItemShape shape = shape(item, target);
        List<ExpectationChecker.Failure> failures = new ExpectationChecker(suite.document(), now).check(test.expect(), result, shape);
        for (ExpectationChecker.Failure f : failures) {
            diagnostics.add(f.location().error("TEST-failed", "test '" + test.name() + "': " + f.message(),
                    "Fix the query, or the fixture or expectation if the test is wrong."));
        }
        return new TestResult(suite.display(), itemFile, test.name(), test.location(),
                failures.isEmpty() ? TestResult.Status.PASSED : TestResult.Status.FAILED, failures, result.rowCount(),
                System.nanoTime() - start, test.workspace());
    }

    private TestResult error(TestSuite suite, ContentItem item, TestCase test, String pointer, String message, long start,
                             List<Diagnostic> diagnostics) {
        Location where = YamlPositions.at(suite.document(), pointer, false);
        diagnostics.add(where.error("TEST-error", "test '" + test.name() + "': " + message, ""));
        return new TestResult(suite.display(), item.document().source().displayPath(), test.name(), test.location(),
                TestResult.Status.ERROR, List.of(new ExpectationChecker.Failure(where, message)), -1, System.nanoTime() - start,
                test.workspace());
    }

    /** The workspace target a test names, or why it cannot be found. */
    private Lookup<WorkspaceTarget> workspace(TestSuite suite, TestCase test) {
        Optional<Path> file = options.fleet().isPresent() ? options.fleet() : suite.fleet();
        if (file.isEmpty()) {
            return new Lookup.Missing<>("the test names workspace '" + test.workspace().get()
                    + "' but no fleet file is given (fleet: in the tests file, or --fleet)");
        }
        Lookup<FleetConfig> fleet = fleets.computeIfAbsent(file.get().toAbsolutePath().normalize(), p -> {
            try {
                return new Lookup.Found<>(new FleetLoader().read(p));
            } catch (ConfigException e) {
                return new Lookup.Missing<>("fleet file " + p + " is not usable: " + e.getMessage());
            }
        });
        if (fleet instanceof Lookup.Missing<FleetConfig> m) return new Lookup.Missing<>(m.problem());
        String wanted = test.workspace().get();
        List<WorkspaceTarget> targets = ((Lookup.Found<FleetConfig>) fleet).value().targets();
        for (WorkspaceTarget t : targets) {
            if (t.workspace().equalsIgnoreCase(wanted)) return new Lookup.Found<>(t);
        }
        Optional<String> close = dev.sentinelctl.schema.Suggest.closest(wanted, targets.stream().map(WorkspaceTarget::workspace).toList());
        return new Lookup.Missing<>("workspace '" + wanted + "' is not in fleet file " + file.get()
                + close.map(c -> "; did you mean '" + c + "'?").orElse(""));
    }

    /** When the item alerts (with the workspace's overrides), and which columns its alerts carry. */
    static ExpectationChecker.ItemShape shape(ContentItem item, Optional<WorkspaceTarget> target) {
        List<String> entities = new ArrayList<>();
        item.entityMappings().forEach(m -> m.fieldMappings().forEach(f -> entities.add(f.columnName())));
        if (!(item instanceof AnalyticRule rule)) {
            return new ExpectationChecker.ItemShape(ExpectationChecker.Trigger.ANY_ROW, entities, List.of());
        }
        String operator = rule.triggerOperator().isBlank() ? "gt" : rule.triggerOperator();
        int threshold = rule.triggerThreshold().orElse(0);
        if (target.isPresent()) {
            Map<String, Object> fields = null;
            for (Map.Entry<String, Map<String, Object>> e : target.get().overrides().entrySet()) {
                if (e.getKey().equalsIgnoreCase(rule.id())) fields = e.getValue();
            }
            if (fields != null) {
                if (fields.get("triggerOperator") instanceof String op) operator = op;
                if (fields.get("triggerThreshold") instanceof Number n) threshold = n.intValue();
            }
        }
        return new ExpectationChecker.ItemShape(new ExpectationChecker.Trigger(operator.toLowerCase(Locale.ROOT), threshold), entities,
                List.copyOf(rule.customDetails().values()));
    }

    /** Where in the item's file the engine stopped, when the query ran as written (exclusions shift the text). */
    private static String inFile(ContentItem item, CompiledQuery query, int offset) {
        if (offset < 0 || !query.text().equals(item.query().text())) return "";
        int at = item.query().sourceMap().fileOffset(offset);
        dev.sentinelctl.content.SourceText source = item.document().source();
        return " in " + source.displayPath() + ":" + source.lineOf(at) + ":" + source.columnOf(at);
    }

    private static String near(String query, int offset) {
        if (offset < 0 || offset >= query.length()) return "";
        int end = query.indexOf('\n', offset);
        String text = query.substring(offset, end < 0 ? query.length() : end).strip();
        return text.isEmpty() ? "" : " (at: " + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + ")";
    }

    static String display(Path p) {
        String s = p.normalize().toString().replace('\\', '/');
        return s.startsWith("./") ? s.substring(2) : s;
    }
}

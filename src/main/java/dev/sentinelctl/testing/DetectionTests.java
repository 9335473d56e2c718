package dev.sentinelctl.testing;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.library.ContentLibrary;
import dev.sentinelctl.library.ContentLibraryLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.testing.realengine.EngineSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code sentinelctl test} as one call: the items' tests, and the benign baseline when one is given. */
public final class DetectionTests {
    private DetectionTests() {}

    /**
     * @param baseline folder of benign sample data every rule runs over
     * @param allow    allow-list of rules that may fire on the baseline
     * @param now      the baseline's clock (tests pin their own)
     */
    public record Request(List<Path> roots, Catalog catalog, Optional<Path> fleet, int minimumTests, Optional<Path> baseline,
                          Optional<Path> allow, Optional<Instant> now, EngineSpec engine) {
        public Request(List<Path> roots, Catalog catalog, Optional<Path> fleet, int minimumTests, Optional<Path> baseline,
                       Optional<Path> allow, Optional<Instant> now) {
            this(roots, catalog, fleet, minimumTests, baseline, allow, now, new EngineSpec.InProcess());
        }
    }

    public static TestRun run(Request request) {
        // the content's own parsers and watchlists: queries bind against their columns and parser calls run their bodies
        ContentLibrary library = new ContentLibraryLoader().load(request.roots(), request.catalog());
        Catalog catalog = library.catalog();
        QueryEngine engine = request.engine().open(library);
        TestRun tests = new TestRunner(catalog, engine, new TestRunner.Options(request.fleet(), request.minimumTests()))
                .run(request.roots());
        if (request.baseline().isEmpty()) return tests;
        List<Diagnostic> all = new ArrayList<>(tests.diagnostics());
        all.addAll(new BaselineRun(catalog, engine).run(request.roots(), request.baseline().get(), request.now(), request.allow()));
        return new TestRun(tests.results(), all, tests.files());
    }
}

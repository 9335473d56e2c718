package dev.sentinelctl.cli;

import dev.sentinelctl.config.ProjectConfig;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.testing.DetectionTests;
import dev.sentinelctl.testing.FixtureValues;
import dev.sentinelctl.testing.TestJsonReporter;
import dev.sentinelctl.testing.TestJunitReporter;
import dev.sentinelctl.testing.TestRun;
import dev.sentinelctl.testing.TestTextReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sentinelctl test}: runs the detection tests next to the rules ({@code X.tests.yaml}), and the benign baseline. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run detection tests (X.tests.yaml next to X.yaml) on the in-process KQL engine: fixtures in, expectations checked.",
        footer = {"", "Examples:", "  sentinelctl test content", "  sentinelctl test --minimum-tests 2 --format junit --output tests.xml",
                "  sentinelctl test --fleet fleet.yaml content/Detections/EmailEvents",
                "  sentinelctl test --baseline samples/benign --allow baseline-allow.yaml", "", "See docs/testing.md."})
public final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Content files or folders, or tests files (default: content).")
    List<Path> paths;

    @Option(names = "--schema", paramLabel = "DIR", description = "Custom tables, functions and watchlists; repeatable.")
    List<Path> schemas;

    // --settings as on branch 'adopt' (where check/lint/validate move to it); --config kept hidden as the old name.
    @Option(names = {"--settings", "--config"}, paramLabel = "FILE", description = "Project settings (default: the nearest .sentinelctl.yaml).")
    Path config;

    @Option(names = "--fleet", paramLabel = "FILE", description = "Fleet file for tests that name a workspace (overrides a tests file's fleet:).")
    Path fleet;

    @Option(names = "--minimum-tests", paramLabel = "N", description = "Each analytic rule needs a firing test (N >= 1), also a silent one "
            + "(N >= 2), and at least N tests (N > 2). Default: minimumTests in .sentinelctl.yaml, else 0.")
    Integer minimumTests;

    @Option(names = "--baseline", paramLabel = "DIR", description = "Also run every rule over this folder of benign sample data "
            + "(<Table>.csv|json|jsonl) and report each rule that fires.")
    Path baseline;

    @Option(names = "--allow", paramLabel = "FILE", description = "Allow-list for --baseline: allow: [{rule: <id|name|file>, reason: …}].")
    Path allow;

    @Option(names = "--now", paramLabel = "DATETIME", description = "The baseline's clock (default: now: in DIR/baseline.yaml, else the latest TimeGenerated).")
    String now;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("content")) : paths;
        List<String> missing = roots.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such file or folder: " + String.join(", ", missing));
        if (fleet != null && !Files.isRegularFile(fleet)) throw new UserException("fleet file not found: " + fleet);
        if (baseline != null && !Files.isDirectory(baseline)) throw new UserException("baseline folder not found: " + baseline);
        if (allow != null && !Files.isRegularFile(allow)) throw new UserException("allow-list file not found: " + allow);
        if (allow != null && baseline == null) throw new UserException("--allow needs --baseline DIR");
        if (minimumTests != null && minimumTests < 0) throw new UserException("--minimum-tests must be 0 or more");
        Optional<Instant> clock = Optional.empty();
        if (now != null) {
            try {
                clock = Optional.of(new FixtureValues(Instant.EPOCH).datetime(now));
            } catch (FixtureValues.BadValue e) {
                throw new UserException("--now: " + e.getMessage());
            }
        }
        ContentOptions content = new ContentOptions();
        content.paths = roots;
        ProjectConfig settings = ContentRun.config(content, Optional.ofNullable(config));
        int minimum = minimumTests != null ? minimumTests : settings.minimumTests().orElse(0);
        TestRun run = DetectionTests.run(new DetectionTests.Request(roots, UserCatalogs.catalog(schemas, settings),
                Optional.ofNullable(fleet), minimum, Optional.ofNullable(baseline), Optional.ofNullable(allow), clock));
        Report report = ContentRun.report(run.diagnostics(), run.files(), "test");
        return output.emit(report, spec.commandLine().getOut(), settings, Map.of(
                OutputOptions.Format.text, colour -> new TestTextReporter(run, colour),
                OutputOptions.Format.json, colour -> new TestJsonReporter(run),
                OutputOptions.Format.junit, colour -> new TestJunitReporter(run)));
    }
}

package dev.sentinelctl.cli;

import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.RuleCatalog;
import dev.sentinelctl.schema.FormatRules;
import dev.sentinelctl.schema.AttackMatrix;
import dev.sentinelctl.schema.ContentRules;
import dev.sentinelctl.schema.SchemaValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sentinelctl validate}: YAML, schema and format rules for every content file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check content files against the content schemas and format rules.",
        footer = {"", "Examples:", "  sentinelctl validate", "  sentinelctl validate content/Detections --fail-on warning",
                "  sentinelctl validate --format json --output findings.json"})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to check (default: content).")
    List<Path> paths;

    @Option(names = "--strict", description = "Treat ISO-8601 durations (PT1H) as errors, as Microsoft's content CI does.")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("content")) : paths;
        List<String> missing = roots.stream().filter(p -> !java.nio.file.Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such file or folder: " + String.join(", ", missing));
        ContentRules rules = new ContentRules(AttackMatrix.load(), new ContentRules.Options(strict));
        SchemaValidator schemas = new SchemaValidator();
        FileChecker checker = new FileChecker(schemas, List.of(rules::check, schemas.entityRules()::check));
        CheckRun.Outcome outcome = new CheckRun(checker).run(roots);
        List<String> files = outcome.files().stream().filter(f -> f.skipped().isEmpty()).map(f -> f.displayPath()).toList();
        RuleCatalog catalog = new RuleCatalog(FormatRules.ALL);
        return output.emit(new Report(outcome.diagnostics(), files, new FileSourceLines(), catalog, "validate"),
                spec.commandLine().getOut());
    }
}

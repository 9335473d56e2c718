package dev.sentinelctl.cli;

import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.check.FileResult;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.schema.SchemaValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which content items a reporting command (coverage, docs) covers. */
public final class SelectionOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders (default: content).")
    List<Path> paths;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only analytic-rule, hunting-query or custom-detection.")
    String kind;

    @Option(names = "--path", paramLabel = "TEXT", description = "Only items whose file path contains TEXT (repeatable).")
    List<String> pathFilters;

    /** Loads the selected items; files that cannot be read as content are left out. */
    List<ContentItem> load() {
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("content")) : paths;
        List<String> missing = roots.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such file or folder: " + String.join(", ", missing));
        Optional<ContentKind> wanted = Optional.ofNullable(kind).map(SelectionOptions::parseKind);
        CheckRun.Outcome outcome = new CheckRun(new FileChecker(new SchemaValidator(), List.of())).run(roots);
        return outcome.files().stream().map(FileResult::item).flatMap(Optional::stream)
                .filter(i -> wanted.map(k -> i.kind() == k).orElse(true))
                .filter(i -> pathFilters == null || pathFilters.stream().anyMatch(f -> i.document().source().displayPath().contains(f)))
                .toList();
    }

    private static ContentKind parseKind(String k) {
        return switch (k.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "analytic-rule", "rule", "analytic" -> ContentKind.ANALYTIC_RULE;
            case "hunting-query", "hunting" -> ContentKind.HUNTING_QUERY;
            case "parser", "function" -> ContentKind.PARSER;
            case "built-in-alert-rule", "built-in" -> ContentKind.BUILT_IN_ALERT_RULE;
            case "workbook" -> ContentKind.WORKBOOK;
            case "custom-detection", "detection" -> ContentKind.CUSTOM_DETECTION;
            default -> throw new UserException("--kind must be analytic-rule, hunting-query, parser, built-in-alert-rule, "
                    + "workbook or custom-detection, not '" + k + "'");
        };
    }
}

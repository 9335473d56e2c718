package dev.sentinelctl.cli;

import dev.sentinelctl.config.ProjectConfig;

import dev.sentinelctl.arm.ArmImport;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.importer.ContentImport;
import dev.sentinelctl.importer.KindsImport;
import dev.sentinelctl.arm.repositories.RepositoriesImport;
import dev.sentinelctl.arm.ArmImporter;
import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import dev.sentinelctl.schema.SchemaValidator;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sentinelctl import}: ARM templates, portal exports and Content Hub packages back to YAML. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turn analytic rules and hunting queries in ARM files and other dialects into Azure-Sentinel YAML, parsers (Azure-Sentinel parser YAML, legacy .txt/.kql) and watchlist ARM templates into sentinelctl's parser and watchlist forms, and Defender XDR custom detections as Microsoft Graph returns them (one detectionRule or a {\"value\": [...]} list) into custom detection YAML.",
                "Reads portal exports, Repositories templates, 'sentinelctl build' output and Content Hub packages"
                        + " (mainTemplate.json), and rules kept as ARM properties in PascalCase (AzSentinel, Az.SecurityInsights)"
                        + " or camelCase (REST body), as JSON or YAML; fields it cannot map are kept and reported. The written"
                        + " files are then validated."},
        footer = {"", "Examples:", "  sentinelctl import export.json --out content",
                "  sentinelctl import arm/ --out content", "  sentinelctl import rules-from-powershell.json --out content/Detections",
                "  sentinelctl import Solutions/Zinc/Package/mainTemplate.json --out imported",
                "  sentinelctl import --repositories . --out content"})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "ARM JSON files, or folders to search for *.json.")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the YAML files to.")
    Path out;

    @Option(names = "--repositories", description = "FILE|DIR is a Microsoft Sentinel Repositories repository: take over "
            + "its playbooks (with parameter files and sentinel-deployment.config), convert its rule and hunting-query "
            + "templates, and report what is not taken over (exclusions, priorities, other kinds, tracking tables).")
    boolean repositories;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> missing = paths.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such file or folder: " + String.join(", ", missing));
        ContentImport.Outcome all;
        RepositoriesImport.Outcome repo = null;
        try {
            if (repositories) {
                if (paths.size() != 1 || !Files.isDirectory(paths.get(0))) {
                    throw new UserException("--repositories takes one folder: the repository's root (where sentinel-deployment.config is)");
                }
                repo = new RepositoriesImport().run(paths.get(0), out);
                // Repositories' own import: its rule templates and playbooks (other kinds are reported, not taken).
                all = new ContentImport.Outcome(repo.rules(), new KindsImport.Outcome(List.of(), List.of()));
            } else {
                all = new ContentImport().run(paths, out);
            }
        } catch (UncheckedIOException e) {
            throw new UserException(e.getMessage());
        }
        ArmImport.Outcome outcome = all.arm();
        if (repo != null) printRepositories(repo);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (repo != null) diagnostics.addAll(repo.diagnostics());
        for (ArmImporter.Problem p : outcome.problems()) diagnostics.add(diagnostic(p));
        for (KindsImport.Problem p : all.kinds().problems()) {
            diagnostics.add(p.failed()
                    ? Diagnostic.atFile("IMPORT-failed", Severity.ERROR, p.file(), p.message(), "Fix the source file and import again.")
                    : p.info() ? Diagnostic.atFile("IMPORT-dropped", Severity.INFO, p.file(), p.message(), "")
                    : Diagnostic.atFile("IMPORT-unresolved", Severity.WARNING, p.file(), p.message(), "Check the field in the written YAML."));
        }
        List<ContentFile> files = new ArrayList<>(outcome.written().stream()
                .map(w -> new ContentFile(w.file(), w.file().normalize().toString().replace('\\', '/'))).toList());
        for (KindsImport.Written w : all.kinds().written()) {
            files.add(new ContentFile(w.file(), w.file().normalize().toString().replace('\\', '/')));
        }
        SchemaValidator schemas = new SchemaValidator();
        FileChecker checker = new FileChecker(schemas, Checks.format(schemas, false));
        CheckRun.Outcome checked = new CheckRun(checker).run(files, List.of());
        diagnostics.addAll(checked.diagnostics());
        diagnostics.sort(Diagnostic.ORDER);
        int exit = output.emit(ContentRun.report(diagnostics, files.stream().map(ContentFile::displayPath).toList(), "import"),
                spec.commandLine().getOut(), ProjectConfig.NONE);
        long rulesWritten = outcome.written().stream().filter(w -> w.item().kind().name().equals("ANALYTIC_RULE")).count();
        long automationWritten = outcome.written().stream().filter(w -> w.item().kind().name().equals("AUTOMATION_RULE")).count();
        long huntingWritten = outcome.written().stream().filter(w -> w.item().kind().name().equals("HUNTING_QUERY")).count();
        long othersWritten = outcome.written().size() - rulesWritten - automationWritten - huntingWritten;
        long parsers = all.kinds().count(ContentKind.PARSER);
        long watchlists = all.kinds().count(ContentKind.WATCHLIST);
        spec.commandLine().getErr().printf("Imported %d analytic rule%s and %d hunting quer%s%s from %d file%s into %s%n",
                rulesWritten, rulesWritten == 1 ? "" : "s", huntingWritten, huntingWritten == 1 ? "y" : "ies",
                (automationWritten == 0 ? "" : " and " + automationWritten + " automation rule" + (automationWritten == 1 ? "" : "s"))
                        + (othersWritten == 0 ? "" : " (and " + othersWritten + " other: built-in alert rules, workbooks)"),
                outcome.templates(), outcome.templates() == 1 ? "" : "s", out);
        long detections = all.kinds().count(ContentKind.CUSTOM_DETECTION);
        if (parsers + watchlists > 0) {
            spec.commandLine().getErr().printf("Imported %d parser%s and %d watchlist%s%n", parsers, parsers == 1 ? "" : "s",
                    watchlists, watchlists == 1 ? "" : "s");
        }
        if (detections > 0) {
            spec.commandLine().getErr().printf("Imported %d custom detection%s (Microsoft Graph JSON)%n", detections,
                    detections == 1 ? "" : "s");
        }
        spec.commandLine().getErr().flush();
        return exit;
    }

    private void printRepositories(RepositoriesImport.Outcome repo) {
        var err = spec.commandLine().getErr();
        err.printf("Taken over (%d):%n", repo.taken().size());
        repo.taken().forEach(l -> err.printf("  %s: %s%n", l.path(), l.what()));
        err.printf("Not taken over (%d):%n", repo.notTaken().size());
        repo.notTaken().forEach(l -> err.printf("  %s: %s%n", l.path(), l.what()));
        if (!repo.tracking().isEmpty()) {
            err.println("Tracking tables:");
            repo.tracking().forEach(l -> err.printf("  %s: %s%n", l.path(), l.what()));
        }
        err.flush();
    }

    private static Diagnostic diagnostic(ArmImporter.Problem p) {
        String message = p.jsonPath() + ": " + p.message();
        switch (p.level()) {
            case FAILED:
                return Diagnostic.atFile("IMPORT-failed", Severity.ERROR, p.file(), message,
                        "Give the parameter a defaultValue or replace the expression with its value, then import again.");
            case UNSUPPORTED:
                return Diagnostic.atFile("IMPORT-unsupported", Severity.WARNING, p.file(), message, "");
            default:
                return Diagnostic.atFile("IMPORT-unresolved", Severity.WARNING, p.file(), message,
                        "Check the field in the written YAML.");
        }
    }
}

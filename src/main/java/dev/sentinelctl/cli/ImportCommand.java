package dev.sentinelctl.cli;

import dev.sentinelctl.config.ProjectConfig;

import dev.sentinelctl.arm.ArmImport;
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
        description = {"Turn analytic rules and hunting queries in ARM files and other dialects into Azure-Sentinel YAML.",
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
        ArmImport.Outcome outcome;
        RepositoriesImport.Outcome repo = null;
        try {
            if (repositories) {
                if (paths.size() != 1 || !Files.isDirectory(paths.get(0))) {
                    throw new UserException("--repositories takes one folder: the repository's root (where sentinel-deployment.config is)");
                }
                repo = new RepositoriesImport().run(paths.get(0), out);
                outcome = repo.rules();
            } else {
                outcome = new ArmImport().run(paths, out);
            }
        } catch (UncheckedIOException e) {
            throw new UserException(e.getMessage());
        }
        if (repo != null) printRepositories(repo);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (repo != null) diagnostics.addAll(repo.diagnostics());
        for (ArmImporter.Problem p : outcome.problems()) diagnostics.add(diagnostic(p));
        List<ContentFile> files = outcome.written().stream()
                .map(w -> new ContentFile(w.file(), w.file().normalize().toString().replace('\\', '/'))).toList();
        SchemaValidator schemas = new SchemaValidator();
        FileChecker checker = new FileChecker(schemas, Checks.format(schemas, false));
        CheckRun.Outcome checked = new CheckRun(checker).run(files, List.of());
        diagnostics.addAll(checked.diagnostics());
        diagnostics.sort(Diagnostic.ORDER);
        int exit = output.emit(ContentRun.report(diagnostics, files.stream().map(ContentFile::displayPath).toList(), "import"),
                spec.commandLine().getOut(), ProjectConfig.NONE);
        long rulesWritten = outcome.written().stream().filter(w -> w.item().kind().name().equals("ANALYTIC_RULE")).count();
        spec.commandLine().getErr().printf("Imported %d analytic rule%s and %d hunting quer%s from %d file%s into %s%n",
                rulesWritten, rulesWritten == 1 ? "" : "s", files.size() - rulesWritten,
                files.size() - rulesWritten == 1 ? "y" : "ies", outcome.templates(), outcome.templates() == 1 ? "" : "s", out);
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

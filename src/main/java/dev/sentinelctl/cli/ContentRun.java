package dev.sentinelctl.cli;

import dev.sentinelctl.check.ChangeChecks;
import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.check.ItemCheck;
import dev.sentinelctl.check.Profile;
import dev.sentinelctl.check.PullRequestScope;
import dev.sentinelctl.config.ConfigLoader;
import dev.sentinelctl.config.ProjectConfig;
import dev.sentinelctl.library.ContentLibrary;
import dev.sentinelctl.library.ContentLibraryLoader;
import dev.sentinelctl.report.Baseline;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.RuleCatalog;
import dev.sentinelctl.schema.SchemaValidator;
import dev.sentinelctl.vcs.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs the per-file pipeline over the chosen paths and builds the report: PR scope, config, baseline. */
final class ContentRun {
    private ContentRun() {}

    /** What one command runs. */
    record Plan(Optional<SchemaValidator> schemas, List<ItemCheck> checks, String command) {}

    static ProjectConfig config(ContentOptions options, Optional<Path> explicit) {
        try {
            return new ConfigLoader().load(explicit, options.roots().get(0));
        } catch (ConfigLoader.ConfigException e) {
            throw new UserException("bad configuration: " + e.getMessage());
        }
    }

    /** --profile, else the config's {@code profile:}, else the default. */
    static Profile profile(ContentOptions options, ProjectConfig config) {
        String name = options.profile != null ? options.profile : config.profile().orElse("default");
        return Profile.parse(name).orElseThrow(() -> new UserException("unknown profile '" + name + "'"
                + (options.profile != null ? " (--profile)" : " in " + config.file().map(Path::toString).orElse("the config"))
                + "; use default or azure-sentinel"));
    }

    static Report run(ContentOptions options, Plan plan, ProjectConfig config, Optional<Path> baselineFile) {
        return run(options, plan, config, baselineFile, List.of());
    }

    /** As above, with findings across files (the parser graph's) added to the per-file ones. */
    static Report run(ContentOptions options, Plan plan, ProjectConfig config, Optional<Path> baselineFile,
                      List<Diagnostic> treeDiagnostics) {
        List<Path> roots = options.roots();
        PullRequestScope scope = null;
        if (options.changedSince != null) {
            try {
                scope = new PullRequestScope(Git.at(roots.get(0)), options.changedSince, new ChangeChecks());
            } catch (Git.GitException e) {
                throw new UserException(e.getMessage());
            }
        }
        // Only PR mode looks at the items again (to compare them with their previous version).
        CheckRun.Outcome outcome = new CheckRun(new FileChecker(plan.schemas(), plan.checks(), scope != null)).run(roots);
        if (!treeDiagnostics.isEmpty()) outcome = outcome.with(treeDiagnostics);
        List<Diagnostic> diagnostics;
        List<String> files;
        if (scope == null) {
            diagnostics = outcome.diagnostics();
            files = contentFiles(outcome);
        } else {
            try {
                PullRequestScope.Scoped scoped = scope.apply(outcome, roots);
                diagnostics = scoped.diagnostics();
                files = scoped.files();
            } catch (Git.GitException e) {
                throw new UserException(e.getMessage());
            }
        }
        diagnostics = profile(options, config).apply(diagnostics, Profile.items(outcome.files()));
        diagnostics = config.apply(diagnostics);
        Optional<Path> baseline = baselineFile.isPresent() ? baselineFile : config.baseline().filter(Files::exists);
        if (baseline.isPresent()) {
            try {
                diagnostics = Baseline.read(baseline.get()).newFindings(diagnostics);
            } catch (IOException e) {
                throw new UserException("cannot read baseline " + baseline.get() + ": " + e.getMessage());
            }
        }
        return report(diagnostics, files, plan.command());
    }

    /**
     * The body shared by lint and check: settings, catalog with user schemas, the run, then either a
     * baseline written or the reports emitted.
     */
    static int runWithCatalog(ContentOptions content, CheckOptions check, OutputOptions output, java.io.PrintWriter out,
                              java.util.function.BiFunction<ProjectConfig, dev.sentinelctl.kql.semantic.Catalog, Plan> planner) {
        ProjectConfig config = config(content, check.settingsFile());
        // the content's own parsers and watchlists join the catalog, so queries that call them bind against them
        ContentLibrary library = new ContentLibraryLoader().load(content.roots(), UserCatalogs.catalog(check.schemas, config));
        Plan plan = planner.apply(config, library.catalog());
        Report report = run(content, plan, config, Optional.ofNullable(check.baseline), library.diagnostics());
        if (check.writeBaseline != null) {
            writeBaseline(check.writeBaseline, report);
            out.println("Recorded " + report.diagnostics().size() + " findings in " + check.writeBaseline);
            out.flush();
            return ExitCodes.OK;
        }
        return output.emit(report, out, config);
    }

    /** A report over the given findings and files with every rule's description. */
    static Report report(List<Diagnostic> diagnostics, List<String> files, String command) {
        return new Report(diagnostics, files, new FileSourceLines(), new RuleCatalog(Checks.ruleInfos()), command);
    }

    static List<String> contentFiles(CheckRun.Outcome outcome) {
        return outcome.files().stream().filter(f -> f.skipped().isEmpty()).map(f -> f.displayPath()).toList();
    }

    static void writeBaseline(Path file, Report report) {
        try {
            Baseline.write(file, report.diagnostics());
        } catch (IOException e) {
            throw new UserException("cannot write baseline " + file + ": " + e.getMessage());
        }
    }
}

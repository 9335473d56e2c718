package dev.sentinelctl.cli;

import dev.sentinelctl.check.ChangeChecks;
import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.check.ItemCheck;
import dev.sentinelctl.check.PullRequestScope;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.RuleCatalog;
import dev.sentinelctl.schema.SchemaValidator;
import dev.sentinelctl.vcs.Git;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;

/** Runs the per-file pipeline over the chosen paths and builds the report, narrowed in PR mode. */
final class ContentRun {
    private ContentRun() {}

    static Report run(ContentOptions options, SchemaValidator schemas, List<ItemCheck> checks, RuleCatalog rules,
                      BiPredicate<String, String> sameQuery, String command) {
        List<Path> roots = options.roots();
        PullRequestScope scope = null;
        if (options.changedSince != null) {
            try {
                scope = new PullRequestScope(Git.at(roots.get(0)), options.changedSince, new ChangeChecks(sameQuery));
            } catch (Git.GitException e) {
                throw new UserException(e.getMessage());
            }
        }
        CheckRun.Outcome outcome = new CheckRun(new FileChecker(schemas, checks)).run(roots);
        if (scope == null) {
            List<String> files = outcome.files().stream().filter(f -> f.skipped().isEmpty()).map(f -> f.displayPath()).toList();
            return new Report(outcome.diagnostics(), files, new FileSourceLines(), rules, command);
        }
        try {
            PullRequestScope.Scoped scoped = scope.apply(outcome, roots);
            List<Diagnostic> diagnostics = scoped.diagnostics();
            return new Report(diagnostics, scoped.files(), new FileSourceLines(), rules, command);
        } catch (Git.GitException e) {
            throw new UserException(e.getMessage());
        }
    }
}

package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentScanner;
import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks a set of content paths in parallel and gathers the per-file and the tree-wide findings. */
public final class CheckRun {

    public record Outcome(List<FileResult> files, List<Diagnostic> diagnostics, List<String> missingPaths) {
        /** The same outcome with more findings (across files), in report order. */
        public Outcome with(List<Diagnostic> more) {
            List<Diagnostic> all = new ArrayList<>(diagnostics);
            all.addAll(more);
            all.sort(Diagnostic.ORDER);
            return new Outcome(files, List.copyOf(all), missingPaths);
        }

        public long contentFiles() {
            return files.stream().filter(f -> f.skipped().isEmpty()).count();
        }
    }

    private final FileChecker checker;
    private final RepoChecks repoChecks = new RepoChecks();

    public CheckRun(FileChecker checker) {
        this.checker = checker;
    }

    public Outcome run(List<Path> roots) {
        ContentScanner.Scan scan = new ContentScanner().scan(roots);
        return run(scan.files(), scan.missing());
    }

    public Outcome run(List<ContentFile> files, List<String> missing) {
        // Files are independent; order is restored by sorting the diagnostics afterwards.
        List<FileResult> results = files.parallelStream().map(checker::check).toList();
        List<Diagnostic> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.diagnostics()));
        all.addAll(repoChecks.check(results));
        all.sort(Diagnostic.ORDER);
        return new Outcome(results, List.copyOf(all), missing);
    }
}

package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentKind;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.KindDetector;
import dev.sentinelctl.content.YamlDocument;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.vcs.Git;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PR mode: narrows a run's findings to the files changed since a git ref and adds the change rules. Every
 * file is still loaded, so tree-wide checks (duplicate ids) see the whole tree; they are reported when one
 * of the files involved changed.
 */
public final class PullRequestScope {
    private final Git git;
    private final String base;
    private final ChangeChecks rules;

    public PullRequestScope(Git git, String ref, ChangeChecks rules) {
        this.git = git;
        this.base = git.mergeBase(ref);
        this.rules = rules;
    }

    public record Scoped(List<Diagnostic> diagnostics, List<String> files) {}

    public Scoped apply(CheckRun.Outcome outcome, List<Path> roots) {
        List<Git.Change> changes = git.changesSince(base);
        Map<Path, Git.Change> byPath = new HashMap<>();
        for (Git.Change c : changes) byPath.put(git.top().resolve(c.path()).normalize(), c);
        Map<String, FileResult> results = new HashMap<>();
        outcome.files().forEach(f -> results.put(f.displayPath(), f));

        Set<String> changedFiles = outcome.files().stream()
                .filter(f -> byPath.containsKey(absolute(f.displayPath())))
                .map(FileResult::displayPath).collect(Collectors.toSet());
        List<Diagnostic> out = new ArrayList<>(outcome.diagnostics().stream()
                .filter(d -> changedFiles.contains(d.file())).toList());

        for (FileResult f : outcome.files()) {
            Git.Change change = byPath.get(absolute(f.displayPath()));
            if (change == null || change.status() == 'A' || f.item().isEmpty()) continue;
            String oldPath = change.oldPath().orElse(change.path());
            before(oldPath, f.displayPath()).ifPresent(old -> out.addAll(rules.modified(old, f.item().get())));
        }
        List<Path> rootPaths = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        for (Git.Change c : changes) {
            Path abs = git.top().resolve(c.path()).normalize();
            if (c.status() != 'D' || !isContent(c.path()) || rootPaths.stream().noneMatch(abs::startsWith)) continue;
            String display = display(abs);
            before(c.path(), display).ifPresent(old -> out.add(rules.deleted(old, display)));
        }
        out.sort(Diagnostic.ORDER);
        return new Scoped(out, changedFiles.stream().filter(p -> results.get(p).skipped().isEmpty()).sorted().toList());
    }

    private Optional<ContentItem> before(String repoPath, String displayPath) {
        return git.show(base, repoPath).flatMap(bytes -> {
            YamlLoader.Result loaded = new YamlLoader().load(bytes, displayPath);
            if (loaded.document().isEmpty()) return Optional.empty();
            YamlDocument doc = loaded.document().get();
            if (!doc.root().isObject()) return Optional.empty();
            KindDetector.Verdict v = new KindDetector().detect(doc.root(), repoPath);
            if (!(v instanceof KindDetector.Verdict.Content content)) return Optional.empty();
            ContentKind kind = content.kind();
            if (!kind.isQueryItem()) return Optional.empty();
            return Optional.of(new ContentMapper().map(doc, kind));
        });
    }

    private static boolean isContent(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".yaml") || p.endsWith(".yml");
    }

    private static Path absolute(String display) {
        return Path.of(display).toAbsolutePath().normalize();
    }

    private static String display(Path abs) {
        Path cwd = Path.of("").toAbsolutePath();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }
}

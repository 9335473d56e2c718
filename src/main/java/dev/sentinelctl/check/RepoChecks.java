package dev.sentinelctl.check;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks across the whole tree: ids and file names that must be unique. */
public final class RepoChecks {

    public List<Diagnostic> check(List<FileResult> results) {
        List<Diagnostic> out = new ArrayList<>();
        Map<String, List<ItemIdentity>> byId = new LinkedHashMap<>();
        Map<String, List<ItemIdentity>> byFileName = new LinkedHashMap<>();
        for (FileResult r : results) {
            r.identity().ifPresent(item -> {
                if (!item.id().isBlank()) byId.computeIfAbsent(item.id().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(item);
                String path = item.displayPath();
                // every watchlist folder has the same metadata file name by convention
                if (item.kind() == dev.sentinelctl.content.ContentKind.WATCHLIST) return;
                String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                byFileName.computeIfAbsent(item.kind() + "/" + name, k -> new ArrayList<>()).add(item);
            });
        }
        for (List<ItemIdentity> same : byId.values()) {
            if (same.size() < 2) continue;
            for (ItemIdentity item : same) {
                List<String> others = same.stream().filter(o -> o != item).map(ItemIdentity::displayPath).toList();
                Span span = item.idSpan();
                boolean watchlist = item.kind() == dev.sentinelctl.content.ContentKind.WATCHLIST;
                out.add(new Diagnostic("REPO-duplicate-id", Severity.ERROR, item.displayPath(),
                        span.line(), span.column(), span.endLine(), span.endColumn(),
                        (watchlist ? "watchlist alias " : "id ") + item.id() + " is also used by " + String.join(", ", others)
                                + "; deploying both would overwrite one " + item.kind().displayName() + " with the other",
                        watchlist ? "Rename one alias (and the _GetWatchlist calls that mean it)."
                                : "Give one of them a fresh GUID (`sentinelctl new` or `uuidgen`)."));
            }
        }
        for (List<ItemIdentity> same : byFileName.values()) {
            if (same.size() < 2) continue;
            for (ItemIdentity item : same) {
                List<String> others = same.stream().filter(o -> o != item).map(ItemIdentity::displayPath).toList();
                out.add(Diagnostic.atFile("REPO-duplicate-file-name", Severity.WARNING, item.displayPath(),
                        "another " + item.kind().displayName() + " has the same file name: " + String.join(", ", others)
                                + "; tools that look content up by file name (Microsoft's CI, Repositories) confuse them",
                        "Rename one of the files."));
            }
        }
        return out;
    }
}

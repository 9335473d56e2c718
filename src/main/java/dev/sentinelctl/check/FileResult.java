package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.report.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What checking one file produced. {@code identity} is empty when the file could not be read as content;
 * {@code item} is only kept when the checker was asked to keep items (build and deploy need them, a check run
 * does not: holding thousands of parsed documents until the end made every young collection copy them).
 * {@code skipped} explains a file that is deliberately not content (and so has no diagnostics).
 */
public record FileResult(String displayPath, Optional<ItemIdentity> identity, Optional<ContentItem> item,
                         List<Diagnostic> diagnostics, Optional<String> skipped) {
    public FileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    static FileResult withoutItem(String displayPath, List<Diagnostic> diagnostics, Optional<String> skipped) {
        return new FileResult(displayPath, Optional.empty(), Optional.empty(), diagnostics, skipped);
    }
}

package dev.sentinelctl.check;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.report.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What checking one file produced. {@code item} is empty when the file could not be read as content.
 * {@code skipped} explains a file that is deliberately not content (and so has no diagnostics).
 */
public record FileResult(String displayPath, Optional<ContentItem> item, List<Diagnostic> diagnostics,
                         Optional<String> skipped) {
    public FileResult {
        diagnostics = List.copyOf(diagnostics);
    }
}

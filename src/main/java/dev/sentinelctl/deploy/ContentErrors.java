package dev.sentinelctl.deploy;

import dev.sentinelctl.report.Diagnostic;
import java.util.List;

/** Content that does not pass validate is not deployed; the diagnostics say why (the CLI exits 1). */
public final class ContentErrors extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public ContentErrors(List<Diagnostic> diagnostics) {
        super(diagnostics.size() + " content error(s)");
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

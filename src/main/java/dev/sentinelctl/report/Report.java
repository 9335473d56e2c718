package dev.sentinelctl.report;

import java.util.List;

/**
 * Everything a reporter prints for one run: the sorted diagnostics and how many files were looked at.
 *
 * @param sources where reporters find a diagnostic's source line (for carets and snippets)
 */
public record Report(List<Diagnostic> diagnostics, int files, SourceLines sources) {

    /** Looks up a line of a checked file; empty when the file could not be read as text. */
    @FunctionalInterface
    public interface SourceLines {
        java.util.Optional<String> line(String file, int line);

        SourceLines NONE = (file, line) -> java.util.Optional.empty();
    }

    public Report {
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}

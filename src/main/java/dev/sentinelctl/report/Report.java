package dev.sentinelctl.report;

import java.util.List;
import java.util.Optional;

/**
 * Everything a reporter prints for one run.
 *
 * @param diagnostics sorted findings
 * @param files       the content files that were checked, as displayed (one JUnit test case each)
 * @param sources     where reporters find a diagnostic's source line (carets, snippets)
 * @param rules       what each rule id means (SARIF rule descriptions)
 * @param command     the command that ran, e.g. {@code validate}
 */
public record Report(List<Diagnostic> diagnostics, List<String> files, SourceLines sources, RuleCatalog rules,
                     String command) {

    /** Looks up a line of a checked file; empty when the file could not be read as text. */
    @FunctionalInterface
    public interface SourceLines {
        Optional<String> line(String file, int line);

        SourceLines NONE = (file, line) -> Optional.empty();
    }

    public Report {
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}

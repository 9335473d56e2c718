package dev.sentinelctl.testing;

import dev.sentinelctl.report.Diagnostic;
import java.util.List;

/**
 * Everything one {@code sentinelctl test} found: every test's result and the findings (files that could not be
 * read, failed tests at their expectations' lines, missing polarities, rules firing on the benign baseline).
 *
 * @param files the tests files and content files looked at, as displayed
 */
public record TestRun(List<TestResult> results, List<Diagnostic> diagnostics, List<String> files) {
    public TestRun {
        results = List.copyOf(results);
        // a defaults fixture is built for every test that inherits it; its problems are reported once
        diagnostics = diagnostics.stream().distinct().sorted(Diagnostic.ORDER).toList();
        files = List.copyOf(files);
    }

    public long count(TestResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }
}

package dev.sentinelctl.testing;

import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.Span;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Both polarities, as Panther's {@code --minimum-tests} asks: with a minimum of 1 every analytic rule needs a test
 * that expects it to fire; with 2 or more also one that expects silence, and at least that many tests.
 */
public final class Polarity {
    private Polarity() {}

    /**
     * @param tests       the item's tests; empty when it has no tests file or the file has errors
     * @param hasTestsFile whether a tests file exists (an unreadable one is reported by the loader, not here)
     */
    public static List<Diagnostic> findings(ContentItem item, Optional<List<TestCase>> tests, boolean hasTestsFile, int minimum) {
        if (minimum <= 0 || !(item instanceof AnalyticRule)) return List.of();
        if (hasTestsFile && tests.isEmpty()) return List.of(); // the file's own errors say why
        List<TestCase> list = tests.orElse(List.of());
        long positive = list.stream().filter(t -> t.expect().polarity().orElse(false)).count();
        long negative = list.stream().filter(t -> !t.expect().polarity().orElse(true)).count();
        String file = item.document().source().displayPath();
        Span span = item.document().spanOf("/name", true);
        String where = hasTestsFile ? "its tests file" : "it has no tests file (" + testsName(file) + ")";
        List<Diagnostic> out = new ArrayList<>();
        if (positive == 0) {
            out.add(at(file, span, "TEST-missing-positive", "analytic rule '" + item.name() + "' has no test that expects it to fire; " + where,
                    "Add a test with expect: {fires: true} and a fixture of the attack to " + testsName(file) + "."));
        }
        if (minimum >= 2 && negative == 0) {
            out.add(at(file, span, "TEST-missing-negative", "analytic rule '" + item.name() + "' has no test that expects it to stay silent; " + where,
                    "Add a test with expect: {fires: false} and a fixture of benign look-alike traffic to " + testsName(file) + "."));
        }
        if (list.size() < minimum && minimum > 2) {
            out.add(at(file, span, "TEST-too-few", "analytic rule '" + item.name() + "' has " + list.size() + " test" + (list.size() == 1 ? "" : "s")
                    + "; the project asks for at least " + minimum, "Add tests to " + testsName(file) + "."));
        }
        return out;
    }

    static String testsName(String file) {
        int slash = file.lastIndexOf('/');
        String name = file.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)) + ".tests.yaml";
    }

    private static Diagnostic at(String file, Span s, String rule, String message, String hint) {
        return new Diagnostic(rule, Severity.ERROR, file, s.line(), s.column(), s.endLine(), s.endColumn(), message, hint);
    }
}

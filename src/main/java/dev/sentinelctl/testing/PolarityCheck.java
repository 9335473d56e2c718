package dev.sentinelctl.testing;

import dev.sentinelctl.check.ItemCheck;
import dev.sentinelctl.check.ItemContext;
import dev.sentinelctl.content.AnalyticRule;
import dev.sentinelctl.report.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code check}'s side of both polarities: reads the rule's tests file (without running it) and reports a missing
 * firing or silent test, so a pull request that adds an untested rule fails before anyone runs the tests.
 */
public final class PolarityCheck implements ItemCheck {
    private final int minimum;

    public PolarityCheck(int minimum) {
        this.minimum = minimum;
    }

    @Override
    public List<Diagnostic> check(ItemContext context) {
        if (minimum <= 0 || !(context.item() instanceof AnalyticRule)) return List.of();
        Path file = Path.of(context.item().document().source().displayPath());
        Optional<Path> tests = TestDiscovery.testsFileOf(file);
        Optional<List<TestCase>> cases = tests.flatMap(t -> new TestSuiteLoader().load(t, TestRunner.display(t)).suite())
                .map(TestSuite::tests);
        // An unreadable tests file counts as none here: `test` reports its errors at their lines.
        return Polarity.findings(context.item(), cases, false, minimum);
    }
}

package dev.sentinelctl.testing;

import dev.sentinelctl.report.JunitReporter;

import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.Reporter;
import dev.sentinelctl.report.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JUnit XML with one test case per detection test (a test suite per tests file), as CI test tabs show them; findings
 * that belong to no test (a tests file that cannot be read, a rule missing a polarity) are a failing case of their file.
 */
public final class TestJunitReporter implements Reporter {
    private static final Set<String> PER_TEST = Set.of("TEST-failed", "TEST-error", "TEST-fixture-column", "TEST-fixture-type",
            "TEST-fixture-table", "TEST-fixture-file");
    private final TestRun run;

    public TestJunitReporter(TestRun run) {
        this.run = run;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        Map<String, List<TestResult>> bySuite = new LinkedHashMap<>();
        run.results().forEach(r -> bySuite.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r));
        Map<String, List<Diagnostic>> loose = new LinkedHashMap<>();
        for (Diagnostic d : report.diagnostics()) {
            if (d.severity() == Severity.ERROR && !PER_TEST.contains(d.ruleId())) loose.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
        }
        long failures = run.count(TestResult.Status.FAILED) + loose.size();
        long errors = run.count(TestResult.Status.ERROR);
        int total = run.results().size() + loose.size();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.printf("<testsuites name=\"sentinelctl test\" tests=\"%d\" failures=\"%d\" errors=\"%d\">%n", total, failures, errors);
        for (Map.Entry<String, List<TestResult>> e : bySuite.entrySet()) {
            List<TestResult> tests = e.getValue();
            long f = tests.stream().filter(t -> t.status() == TestResult.Status.FAILED).count();
            long x = tests.stream().filter(t -> t.status() == TestResult.Status.ERROR).count();
            double seconds = tests.stream().mapToLong(TestResult::nanos).sum() / 1e9;
            out.printf("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\">%n", JunitReporter.esc(e.getKey()),
                    tests.size(), f, x, seconds);
            for (TestResult t : tests) {
                out.printf("    <testcase classname=\"%s\" name=\"%s\" file=\"%s\" line=\"%d\" time=\"%.3f\">%n", JunitReporter.esc(classname(t.item())),
                        JunitReporter.esc(t.name()), JunitReporter.esc(t.file()), t.location().span().line(), t.nanos() / 1e9);
                String tag = t.status() == TestResult.Status.ERROR ? "error" : "failure";
                for (ExpectationChecker.Failure failure : t.failures()) {
                    out.printf("      <%s type=\"%s\" message=\"%s\">%s</%s>%n", tag, t.status() == TestResult.Status.ERROR ? "TEST-error" : "TEST-failed",
                            JunitReporter.esc(failure.message()), JunitReporter.esc(failure.location().file() + ":" + failure.location().span().line() + ":"
                                    + failure.location().span().column() + ": " + failure.message()), tag);
                }
                out.println("    </testcase>");
            }
            out.println("  </testsuite>");
        }
        if (!loose.isEmpty()) {
            out.printf("  <testsuite name=\"sentinelctl test findings\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\">%n", loose.size(), loose.size());
            for (Map.Entry<String, List<Diagnostic>> e : loose.entrySet()) {
                out.printf("    <testcase classname=\"%s\" name=\"%s\" file=\"%s\">%n", JunitReporter.esc(classname(e.getKey())), JunitReporter.esc(e.getKey()), JunitReporter.esc(e.getKey()));
                for (Diagnostic d : e.getValue()) {
                    out.printf("      <failure type=\"%s\" message=\"%s\">%s</failure>%n", JunitReporter.esc(d.ruleId()), JunitReporter.esc(d.line() + ":" + d.column() + " " + d.message()),
                            JunitReporter.esc(d.file() + ":" + d.line() + ":" + d.column() + ": " + d.ruleId() + " " + d.message()
                                    + (d.fixHint().isEmpty() ? "" : " Fix: " + d.fixHint())));
                }
                out.println("    </testcase>");
            }
            out.println("  </testsuite>");
        }
        out.println("</testsuites>");
    }

    private static String classname(String file) {
        int slash = file.lastIndexOf('/');
        String name = file.substring(slash + 1);
        int dot = name.indexOf('.');
        String dir = slash < 0 ? "" : file.substring(0, slash).replace('/', '.') + ".";
        return dir + (dot < 0 ? name : name.substring(0, dot));
    }
}

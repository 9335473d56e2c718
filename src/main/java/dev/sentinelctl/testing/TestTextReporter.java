package dev.sentinelctl.testing;

import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.Reporter;
import dev.sentinelctl.report.TextReporter;
import java.io.PrintWriter;

/** One line per test (PASS/FAIL/ERROR with its place), then the findings with their source lines, then a summary. */
public final class TestTextReporter implements Reporter {
    private final TestRun run;
    private final boolean colour;

    public TestTextReporter(TestRun run, boolean colour) {
        this.run = run;
        this.colour = colour;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        for (TestResult r : run.results()) {
            String label = switch (r.status()) {
                case PASSED -> paint("\u001b[32m", "PASS ");
                case FAILED -> paint("\u001b[31;1m", "FAIL ");
                case ERROR -> paint("\u001b[31;1m", "ERROR");
            };
            out.println(label + " " + r.file() + ":" + r.location().span().line() + " " + r.name()
                    + r.workspace().map(w -> " [workspace " + w + "]").orElse("")
                    + (r.rows() >= 0 ? " (" + r.rows() + " row" + (r.rows() == 1 ? "" : "s") + ")" : ""));
        }
        if (!report.diagnostics().isEmpty()) {
            out.println();
            // The findings in the usual form (file:line:col, source line, fix), without its per-file summary line.
            java.io.StringWriter buffer = new java.io.StringWriter();
            new TextReporter(colour).write(report, new PrintWriter(buffer));
            String text = buffer.toString().stripTrailing();
            int last = text.lastIndexOf('\n');
            out.println(last < 0 ? "" : text.substring(0, last));
        }
        long passed = run.count(TestResult.Status.PASSED);
        long failed = run.count(TestResult.Status.FAILED);
        long errors = run.count(TestResult.Status.ERROR);
        long findings = report.diagnostics().size();
        String summary = "Tests: " + passed + " passed, " + failed + " failed, " + errors + " error" + (errors == 1 ? "" : "s")
                + " (" + run.results().size() + " tests in " + run.files().size() + " file" + (run.files().size() == 1 ? "" : "s") + ")"
                + (findings > 0 ? "; " + findings + " finding" + (findings == 1 ? "" : "s") : "");
        out.println(paint(failed + errors > 0 || findings > 0 ? "\u001b[31;1m" : "\u001b[32;1m", summary));
    }

    private String paint(String code, String text) {
        return colour ? code + text + "\u001b[0m" : text;
    }
}

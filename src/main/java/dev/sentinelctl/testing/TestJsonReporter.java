package dev.sentinelctl.testing;

import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.Reporter;
import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code {"summary", "tests": [...], "diagnostics": [...]}}: every test with its status and failures, every finding. */
public final class TestJsonReporter implements Reporter {
    private final TestRun run;

    public TestJsonReporter(TestRun run) {
        this.run = run;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("tests", run.results().size());
        summary.put("passed", run.count(TestResult.Status.PASSED));
        summary.put("failed", run.count(TestResult.Status.FAILED));
        summary.put("errors", run.count(TestResult.Status.ERROR));
        summary.put("findings", report.diagnostics().size());
        ArrayNode tests = root.putArray("tests");
        for (TestResult r : run.results()) {
            ObjectNode t = tests.addObject();
            t.put("file", r.file());
            t.put("item", r.item());
            t.put("name", r.name());
            t.put("line", r.location().span().line());
            t.put("column", r.location().span().column());
            t.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            if (r.rows() >= 0) t.put("rows", r.rows());
            t.put("durationMs", r.nanos() / 1_000_000.0);
            r.workspace().ifPresent(w -> t.put("workspace", w));
            ArrayNode failures = t.putArray("failures");
            for (ExpectationChecker.Failure f : r.failures()) {
                ObjectNode o = failures.addObject();
                o.put("file", f.location().file());
                o.put("line", f.location().span().line());
                o.put("column", f.location().span().column());
                o.put("message", f.message());
            }
        }
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode o = diagnostics.addObject();
            o.put("ruleId", d.ruleId());
            o.put("severity", d.severity().label());
            o.put("file", d.file());
            o.put("line", d.line());
            o.put("column", d.column());
            o.put("endLine", d.endLine());
            o.put("endColumn", d.endColumn());
            o.put("message", d.message());
            o.put("fixHint", d.fixHint());
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}

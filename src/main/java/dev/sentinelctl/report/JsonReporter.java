package dev.sentinelctl.report;

import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code {"diagnostics":[…],"summary":{"files","errors","warnings"}}}: the machine format documented in docs/checks.md. */
public final class JsonReporter implements Reporter {
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public void write(Report report, PrintWriter out) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode n = list.addObject();
            n.put("ruleId", d.ruleId());
            n.put("severity", d.severity().label());
            n.put("file", d.file());
            n.put("line", d.line());
            n.put("column", d.column());
            n.put("endLine", d.endLine());
            n.put("endColumn", d.endColumn());
            n.put("message", d.message());
            n.put("fixHint", d.fixHint());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("files", report.files().size());
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("infos", report.count(Severity.INFO));
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}

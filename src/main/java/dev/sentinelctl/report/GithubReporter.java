package dev.sentinelctl.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…::message}), which put each finding on its
 * line in the pull request, plus a markdown summary appended to {@code $GITHUB_STEP_SUMMARY} when set.
 */
public final class GithubReporter implements Reporter {
    private final Path stepSummary;

    /** @param stepSummary the file named by GITHUB_STEP_SUMMARY, or null */
    public GithubReporter(Path stepSummary) {
        this.stepSummary = stepSummary;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        for (Diagnostic d : report.diagnostics()) {
            String command = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            String message = d.message() + (d.fixHint().isEmpty() ? "" : "\nFix: " + d.fixHint());
            out.println("::" + command + " file=" + property(d.file()) + ",line=" + d.line() + ",col=" + d.column()
                    + ",endLine=" + d.endLine() + ",endColumn=" + d.endColumn() + ",title=" + property(d.ruleId())
                    + "::" + data(message));
        }
        if (stepSummary != null) appendSummary(report);
    }

    private void appendSummary(Report report) {
        StringBuilder md = new StringBuilder();
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        md.append("### sentinelctl ").append(report.command()).append(": ")
                .append(errors == 0 ? "passed" : "failed").append("\n\n")
                .append(report.files().size()).append(" files, ").append(errors).append(" errors, ")
                .append(warnings).append(" warnings\n\n");
        if (!report.diagnostics().isEmpty()) {
            Map<String, Long> byRule = new TreeMap<>();
            report.diagnostics().forEach(d -> byRule.merge(d.ruleId(), 1L, Long::sum));
            md.append("| rule | findings |\n|---|---|\n");
            byRule.forEach((rule, n) -> md.append("| `").append(rule).append("` | ").append(n).append(" |\n"));
            md.append("\n| file | line | severity | rule | message |\n|---|---|---|---|---|\n");
            report.diagnostics().stream().limit(200).forEach(d -> md.append("| ").append(cell(d.file())).append(" | ")
                    .append(d.line()).append(" | ").append(d.severity().label()).append(" | `").append(d.ruleId())
                    .append("` | ").append(cell(d.message())).append(" |\n"));
            if (report.diagnostics().size() > 200) md.append("\n… and ").append(report.diagnostics().size() - 200).append(" more.\n");
        }
        try {
            Files.writeString(stepSummary, md.append('\n').toString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to GITHUB_STEP_SUMMARY " + stepSummary, e);
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}

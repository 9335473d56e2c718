package dev.sentinelctl.report;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The human format: {@code file:line:col: severity RULE message}, the source line with a caret under the
 * span, the fix hint, and a summary. Colour only when asked for (a terminal without NO_COLOR).
 */
public final class TextReporter implements Reporter {
    private static final String RED = "\u001b[31;1m";
    private static final String YELLOW = "\u001b[33;1m";
    private static final String CYAN = "\u001b[36m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    public TextReporter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        for (Diagnostic d : report.diagnostics()) {
            String sev = d.severity().label();
            String sevColour = switch (d.severity()) {
                case ERROR -> RED;
                case WARNING -> YELLOW;
                case INFO -> CYAN;
            };
            out.println(paint(BOLD, d.file() + ":" + d.line() + ":" + d.column() + ":") + " " + paint(sevColour, sev)
                    + " " + paint(DIM, d.ruleId()) + " " + d.message());
            Optional<String> line = report.sources().line(d.file(), d.line());
            if (line.isPresent() && !line.get().isBlank()) {
                String text = line.get().replace('\t', ' ');
                if (text.length() > 200) text = text.substring(0, 200) + "…";
                String gutter = String.format("%5d | ", d.line());
                out.println(paint(DIM, gutter) + text);
                int start = Math.min(d.column() - 1, text.length());
                int end = d.endLine() == d.line() ? Math.min(d.endColumn() - 1, text.length()) : text.length();
                int width = Math.max(1, end - start);
                out.println(" ".repeat(gutter.length() + start) + paint(sevColour, "^" + "~".repeat(width - 1)));
            }
            if (!d.fixHint().isEmpty()) out.println(paint(CYAN, "      fix: ") + d.fixHint());
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        int files = report.files().size();
        String summary = "Checked " + files + " file" + (files == 1 ? "" : "s") + ": "
                + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning" + (warnings == 1 ? "" : "s");
        out.println(paint(errors > 0 ? RED : warnings > 0 ? YELLOW : BOLD, summary));
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}

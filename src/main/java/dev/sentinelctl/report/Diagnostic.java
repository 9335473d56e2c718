package dev.sentinelctl.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding, from any stage (YAML, schema, KQL, lint, cross-check, deploy). Lines and columns are
 * 1-based and refer to the content file; the end is exclusive ({@code endColumn} points just past the span).
 *
 * @param ruleId    stable id such as {@code YAML001}, {@code SCHEMA-required}, {@code KS142}
 * @param file      path as the user gave it (relative paths stay relative)
 * @param fixHint   one short sentence telling how to fix it; empty when there is nothing useful to say
 */
public record Diagnostic(String ruleId, Severity severity, String file, int line, int column, int endLine,
                         int endColumn, String message, String fixHint) {

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::ruleId).thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        fixHint = fixHint == null ? "" : fixHint;
        if (line < 1) line = 1;
        if (column < 1) column = 1;
        if (endLine < line) endLine = line;
        if (endLine == line && endColumn < column) endColumn = column;
    }

    /** A finding that concerns a whole file rather than a place in it. */
    public static Diagnostic atFile(String ruleId, Severity severity, String file, String message, String fixHint) {
        return new Diagnostic(ruleId, severity, file, 1, 1, 1, 1, message, fixHint);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(ruleId, newSeverity, file, line, column, endLine, endColumn, message, fixHint);
    }
}

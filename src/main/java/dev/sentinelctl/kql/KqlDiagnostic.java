package dev.sentinelctl.kql;

import dev.sentinelctl.report.Severity;

import java.util.Objects;

/**
 * A finding inside one KQL query text. Offsets are UTF-16 indexes into the query text (end exclusive);
 * {@code start == end} marks a missing token. {@code code} follows Microsoft's Kusto.Language numbering
 * ({@code KS001}, {@code KS005}, {@code KS176} ...) so verdicts can be compared with Microsoft's.
 *
 * @param hint one short sentence telling a detection engineer how to fix it; empty when nothing useful
 */
public record KqlDiagnostic(String code, Severity severity, int start, int end, String message, String hint) {

    public KqlDiagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        if (end < start) end = start;
    }

    public static KqlDiagnostic error(String code, int start, int end, String message, String hint) {
        return new KqlDiagnostic(code, Severity.ERROR, start, end, message, hint);
    }

    public int length() {
        return end - start;
    }
}

package dev.sentinelctl.testing;

import dev.sentinelctl.content.Span;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;

/** A place in a tests file or fixture file, for diagnostics. */
public record Location(String file, Span span) {

    public static Location line(String file, int line, int column) {
        return new Location(file, new Span(line, column, line, column + 1));
    }

    public Diagnostic error(String ruleId, String message, String hint) {
        return new Diagnostic(ruleId, Severity.ERROR, file, span.line(), span.column(), span.endLine(), span.endColumn(),
                message, hint);
    }
}

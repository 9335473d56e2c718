package dev.sentinelctl.fmt;

import dev.sentinelctl.report.Diagnostic;
import java.util.List;

/**
 * What formatting one file gave.
 *
 * @param formatted the text to write (null unless {@link Kind#CHANGED})
 * @param messages  why a file was left alone, or a query that was left as written; each names file:line:column
 */
public record FileOutcome(String path, Kind kind, String formatted, List<Diagnostic> messages) {
    public enum Kind {
        /** Already formatted. */
        UNCHANGED,
        CHANGED,
        /** Not a rule or hunting query (no {@code query:}, a parser, another YAML file): not touched. */
        SKIPPED,
        /** Could not be formatted (YAML error, a construct the formatter does not write): left as it is. */
        FAILED,
        /** The formatted text failed a safety check: left as it is; a defect of sentinelctl. */
        INTERNAL_ERROR
    }

    public FileOutcome {
        messages = List.copyOf(messages);
    }

    public boolean isError() {
        return kind == Kind.FAILED || kind == Kind.INTERNAL_ERROR;
    }
}

package dev.sentinelctl.content;

/** A 1-based, end-exclusive region of a file, as diagnostics carry it. */
public record Span(int line, int column, int endLine, int endColumn) {

    public static Span of(SourceText source, int start, int end) {
        int s = Math.max(0, start);
        int e = Math.max(s, end);
        // A span never crosses into the next line's first column: clip to the end of the start line's text
        // when the end sits at column 1 of a later line (block scalars end after their final line break).
        int endLine = source.lineOf(e);
        int endColumn = source.columnOf(e);
        if (endLine > source.lineOf(s) && endColumn == 1) {
            endLine -= 1;
            endColumn = source.lineText(endLine).length() + 1;
        }
        return new Span(source.lineOf(s), source.columnOf(s), endLine, endColumn);
    }
}

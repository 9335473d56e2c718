package dev.sentinelctl.content;

import java.util.Arrays;

/**
 * The text of one file as the user sees it (UTF-8 BOM removed), with fast offset ↔ line/column conversion.
 * Offsets are UTF-16 indexes into {@link #text()}; lines and columns are 1-based; a column counts UTF-16 units.
 * A CRLF line ends at its '\r'.
 */
public final class SourceText {
    private final String displayPath;
    private final String text;
    private final int[] lineStarts;
    private final int firstNonAscii;

    public SourceText(String displayPath, String text) {
        this.displayPath = displayPath;
        this.text = text;
        this.lineStarts = computeLineStarts(text);
        int nonAscii = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                nonAscii = i;
                break;
            }
        }
        this.firstNonAscii = nonAscii;
    }

    /** Offset of the first character outside ASCII, or -1 (Microsoft's content CI wants pure ASCII). */
    public int firstNonAscii() {
        return firstNonAscii;
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset. */
    public int lineOf(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, o);
        return (idx >= 0 ? idx : -idx - 2) + 1;
    }

    /** 1-based column of an offset. */
    public int columnOf(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        return o - lineStarts[lineOf(o) - 1] + 1;
    }

    /** Offset of a 0-based line and a 0-based column counted in code points (how snakeyaml marks count). */
    public int offsetOfCodePointColumn(int line0, int codePointColumn) {
        if (line0 >= lineStarts.length) return text.length();
        int start = lineStarts[Math.max(0, line0)];
        int offset = start;
        for (int i = 0; i < codePointColumn && offset < text.length(); i++) {
            offset += Character.isHighSurrogate(text.charAt(offset)) && offset + 1 < text.length() ? 2 : 1;
        }
        return offset;
    }

    /** The text of a 1-based line without its line break. */
    public String lineText(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(start, end);
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
    }
}

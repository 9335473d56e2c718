package dev.sentinelctl.content;

import dev.sentinelctl.util.Lazy;

/**
 * Maps character offsets inside a scalar's value (a query, say) back to offsets in the file, so an error at
 * line 3 of a {@code query: |} block is reported at its real line and column. The value is aligned with the
 * raw text character by character, undoing what YAML did to it: block indentation, line folding, quote
 * doubling and backslash escapes. When the alignment fails (an exotic construct), offsets fall back to the
 * start of the value's line in a block scalar, or the scalar's start.
 */
public final class ScalarSourceMap {
    /**
     * Value offset → file offset, aligned on first use: most queries have no finding to place, so a check run would
     * align thousands of them for nothing. Null for the identity map.
     */
    private final Lazy<int[]> fileOffsets;
    private final int length;

    private ScalarSourceMap(Lazy<int[]> fileOffsets, int length) {
        this.fileOffsets = fileOffsets;
        this.length = length;
    }

    /** File offset of value offset {@code i}; {@code i == value.length()} maps just past the last character. */
    public int fileOffset(int i) {
        if (fileOffsets == null) return Math.max(0, Math.min(i, length));
        int[] map = fileOffsets.get();
        if (map.length == 0) return 0;
        return map[Math.max(0, Math.min(i, map.length - 1))];
    }

    public static ScalarSourceMap identity(int length) {
        return new ScalarSourceMap(null, length);
    }

    public static ScalarSourceMap build(SourceText source, NodeInfo info, String value) {
        return new ScalarSourceMap(new Lazy<>(() -> align(source, info, value)), value.length());
    }

    private static int[] align(SourceText source, NodeInfo info, String value) {
        String raw = source.text();
        int[] map = new int[value.length() + 1];
        boolean block = info.style() == NodeInfo.ScalarStyle.LITERAL || info.style() == NodeInfo.ScalarStyle.FOLDED;
        boolean dq = info.style() == NodeInfo.ScalarStyle.DOUBLE_QUOTED;
        boolean sq = info.style() == NodeInfo.ScalarStyle.SINGLE_QUOTED;
        int end = Math.min(raw.length(), Math.max(info.end(), info.start()));
        int r = info.start();
        int indent = 0;
        if (block) {
            int headerEnd = raw.indexOf('\n', r);
            if (headerEnd < 0 || headerEnd >= end) return fallback(map, info.start());
            indent = blockIndent(raw, info.start(), headerEnd, end);
            r = headerEnd + 1;
        } else if (dq || sq) {
            r++;
        }
        boolean lineStart = block;
        int i = 0;
        while (i < value.length()) {
            if (r >= end) {
                for (; i < value.length(); i++) map[i] = end;
                break;
            }
            if (lineStart) {
                int skipped = 0;
                while (r < end && raw.charAt(r) == ' ' && (!block || skipped < indent)) {
                    r++;
                    skipped++;
                }
                lineStart = false;
                continue;
            }
            char c = value.charAt(i);
            char ch = raw.charAt(r);
            if (ch == '\r') {
                r++;
                continue;
            }
            if (dq && ch == '\\' && r + 1 < end) {
                char e = raw.charAt(r + 1);
                if (e == '\n' || e == '\r') {
                    r += 2;
                    while (r < end && (raw.charAt(r) == ' ' || raw.charAt(r) == '\t' || raw.charAt(r) == '\n')) r++;
                    continue;
                }
                int length = escapeLength(e);
                if (decodeEscape(raw, r, length) == c) {
                    map[i++] = r;
                    r += length;
                    continue;
                }
                return fallback(map, info.start());
            }
            if (sq && ch == '\'' && c == '\'' && r + 1 < end && raw.charAt(r + 1) == '\'') {
                map[i++] = r;
                r += 2;
                continue;
            }
            if (ch == c) {
                map[i++] = r++;
                if (ch == '\n') lineStart = true;
                continue;
            }
            if (c == ' ' && ch == '\n') {
                map[i++] = r++;
                lineStart = true;
                continue;
            }
            if (ch == ' ' || ch == '\t' || ch == '\n') {
                if (ch == '\n') lineStart = true;
                r++;
                continue;
            }
            return block ? blockFallback(source, info, value, indent, map) : fallback(map, info.start());
        }
        map[value.length()] = value.isEmpty() ? r : Math.min(end, map[value.length() - 1] + 1);
        return map;
    }

    private static int blockIndent(String raw, int start, int headerEnd, int end) {
        for (int k = start + 1; k < headerEnd; k++) {
            char h = raw.charAt(k);
            if (h >= '1' && h <= '9') {
                int parentIndent = 0;
                int lineStart = raw.lastIndexOf('\n', start) + 1;
                while (lineStart + parentIndent < raw.length() && raw.charAt(lineStart + parentIndent) == ' ') parentIndent++;
                return parentIndent + (h - '0');
            }
        }
        int p = headerEnd + 1;
        while (p < end) {
            int spaces = 0;
            while (p + spaces < end && raw.charAt(p + spaces) == ' ') spaces++;
            int q = p + spaces;
            if (q < end && raw.charAt(q) != '\n' && raw.charAt(q) != '\r') return spaces;
            int nl = raw.indexOf('\n', p);
            if (nl < 0) break;
            p = nl + 1;
        }
        return 0;
    }

    private static int escapeLength(char e) {
        return switch (e) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            default -> 2;
        };
    }

    private static int decodeEscape(String raw, int r, int length) {
        char e = raw.charAt(r + 1);
        try {
            return switch (e) {
                case 'x', 'u', 'U' -> {
                    int cp = Integer.parseInt(raw.substring(r + 2, Math.min(raw.length(), r + length)), 16);
                    yield cp > 0xFFFF ? Character.highSurrogate(cp) : cp;
                }
                case 'n' -> '\n';
                case 't', '\t' -> '\t';
                case 'r' -> '\r';
                case '0' -> 0;
                case 'a' -> 7;
                case 'b' -> '\b';
                case 'e' -> 0x1b;
                case 'f' -> '\f';
                case 'v' -> 0x0b;
                case 'N' -> 0x85;
                case '_' -> 0xA0;
                case 'L' -> 0x2028;
                case 'P' -> 0x2029;
                default -> e;
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
            return -1;
        }
    }

    private static int[] fallback(int[] map, int start) {
        java.util.Arrays.fill(map, start);
        return map;
    }

    private static int[] blockFallback(SourceText source, NodeInfo info, String value, int indent, int[] map) {
        int firstLine = source.lineOf(info.start()) + 1;
        int line = firstLine;
        int col = 0;
        for (int i = 0; i <= value.length(); i++) {
            int lineStart = source.lineStart(line);
            map[i] = Math.min(source.text().length(), lineStart + indent + col);
            if (i < value.length() && value.charAt(i) == '\n') {
                line++;
                col = 0;
            } else {
                col++;
            }
        }
        return map;
    }
}

package dev.sentinelctl.kql.semantic.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON reader as forgiving as Newtonsoft.Json, which Azure-Sentinel's validator uses and which real
 * schema files rely on: UTF-8 BOM, {@code //} and {@code /* *}{@code /} comments, trailing commas,
 * single-quoted strings. Hand-written (rather than Jackson) because every node must carry its line and
 * column for diagnostics. Errors throw {@link SyntaxError} with the position; callers turn it into a Diagnostic.
 */
public final class LenientJson {

    /** Malformed input, with the 1-based position of the offending character. */
    public static final class SyntaxError extends Exception {
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private static final int MAX_DEPTH = 200;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private LenientJson(String text) {
        this.text = text;
        if (text.startsWith("\uFEFF")) pos = 1;
        lineStart = pos;
    }

    public static JsonValue parse(String text) throws SyntaxError {
        LenientJson p = new LenientJson(text);
        p.skipTrivia();
        if (p.pos >= text.length()) throw p.error("the file is empty; expected a JSON object or array");
        JsonValue v = p.value(0);
        p.skipTrivia();
        if (p.pos < text.length()) throw p.error("unexpected '" + text.charAt(p.pos) + "' after the end of the JSON value");
        return v;
    }

    private JsonValue value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        skipTrivia();
        if (pos >= text.length()) throw error("unexpected end of file; expected a value");
        int l = line;
        int c = col();
        char ch = text.charAt(pos);
        switch (ch) {
            case '{':
                return object(depth, l, c);
            case '[':
                return array(depth, l, c);
            case '"':
            case '\'':
                return new JsonValue.JsonString(string(), l, c);
            default:
                break;
        }
        if (ch == '-' || (ch >= '0' && ch <= '9')) return number(l, c);
        String word = word();
        return switch (word) {
            case "true" -> new JsonValue.JsonBool(true, l, c);
            case "false" -> new JsonValue.JsonBool(false, l, c);
            case "null" -> new JsonValue.JsonNull(l, c);
            default -> throw errorAt("unexpected " + (word.isEmpty() ? "'" + ch + "'" : "'" + word + "'")
                    + "; expected a value", l, c);
        };
    }

    private JsonValue object(int depth, int l, int c) throws SyntaxError {
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        while (true) {
            skipTrivia();
            if (pos >= text.length()) throw error("unexpected end of file; '{' at line " + l + " is not closed");
            char ch = text.charAt(pos);
            if (ch == '}') {
                pos++;
                return new JsonValue.JsonObject(members, l, c);
            }
            if (ch != '"' && ch != '\'') throw error("expected a property name in double quotes");
            String key = string();
            skipTrivia();
            expect(':');
            members.put(key, value(depth + 1));
            skipTrivia();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) != '}') {
                throw error("expected ',' or '}' after a property");
            }
        }
    }

    private JsonValue array(int depth, int l, int c) throws SyntaxError {
        pos++;
        List<JsonValue> items = new ArrayList<>();
        while (true) {
            skipTrivia();
            if (pos >= text.length()) throw error("unexpected end of file; '[' at line " + l + " is not closed");
            if (text.charAt(pos) == ']') {
                pos++;
                return new JsonValue.JsonArray(items, l, c);
            }
            items.add(value(depth + 1));
            skipTrivia();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else if (pos < text.length() && text.charAt(pos) != ']') {
                throw error("expected ',' or ']' after an array element");
            }
        }
    }

    private String string() throws SyntaxError {
        char quote = text.charAt(pos);
        int l = line;
        int c = col();
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (ch == quote) return sb.toString();
            if (ch == '\n') throw errorAt("string is not closed before the end of the line", l, c);
            if (ch != '\\') {
                sb.append(ch);
                continue;
            }
            if (pos >= text.length()) break;
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > text.length()) throw error("incomplete \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
        throw errorAt("string is not closed", l, c);
    }

    private JsonValue number(int l, int c) {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
        return new JsonValue.JsonNumber(text.substring(start, pos), l, c);
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private void expect(char ch) throws SyntaxError {
        if (pos >= text.length() || text.charAt(pos) != ch) throw error("expected '" + ch + "'");
        pos++;
    }

    private void skipTrivia() throws SyntaxError {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\uFEFF') {
                pos++;
            } else if (ch == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n') pos++;
            } else if (ch == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                int l = line;
                int c = col();
                pos += 2;
                while (pos < text.length() && !(text.charAt(pos) == '*' && pos + 1 < text.length() && text.charAt(pos + 1) == '/')) {
                    if (text.charAt(pos) == '\n') {
                        line++;
                        lineStart = pos + 1;
                    }
                    pos++;
                }
                if (pos >= text.length()) throw errorAt("comment is not closed", l, c);
                pos += 2;
            } else {
                return;
            }
        }
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message, line, col());
    }

    private static SyntaxError errorAt(String message, int l, int c) {
        return new SyntaxError(message, l, c);
    }
}

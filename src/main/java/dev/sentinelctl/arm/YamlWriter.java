package dev.sentinelctl.arm;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Writes a content tree as YAML the way Azure-Sentinel files look: block mappings and lists indented by two,
 * multi-line text (always the query) as literal blocks ({@code |}), other text plain when YAML 1.1 and 1.2
 * readers both read it back as the same string, single-quoted otherwise, and double-quoted with escapes
 * only when nothing else can hold it (control characters, carriage returns, Unicode line separators).
 * Output is checked by reading it back ({@link YamlReadBack}), so a writer bug cannot go unnoticed.
 */
public final class YamlWriter {
    // Letters first; then printable ASCII. ": " and " #" (and a final ':') are excluded in plainPossible.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][\\x20-\\x7E]*");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");
    private static final Pattern VERSION = Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DURATION = Pattern.compile("[0-9]{1,9}[mhd]");
    private static final Set<String> YAML11_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null",
            "~", "nan", "inf");

    private final boolean blocks;

    public YamlWriter() {
        this(true);
    }

    /** @param blocks write multi-line text and the query as literal blocks (false: double-quoted, the fallback) */
    private YamlWriter(boolean blocks) {
        this.blocks = blocks;
    }

    public String write(JsonNode root) {
        StringBuilder sb = new StringBuilder();
        mapping(sb, root, 0);
        return sb.toString();
    }

    /**
     * Writes the tree and reads the text back with the loader {@code validate} uses; if a reader would see
     * anything else than the tree, writes it again with every multi-line text double-quoted, and fails
     * loudly if even that does not read back.
     */
    public static String writeChecked(JsonNode root) {
        String text = new YamlWriter(true).write(root);
        if (YamlReadBack.same(text, root)) return text;
        String fallback = new YamlWriter(false).write(root);
        if (YamlReadBack.same(fallback, root)) return fallback;
        throw new IllegalStateException("YAML writer produced text that does not read back as the content it was given");
    }

    private void mapping(StringBuilder sb, JsonNode map, int indent) {
        boolean top = indent == 0;
        for (var e : map.properties()) {
            sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(sb, e.getValue(), indent, top && e.getKey().equals("query"));
        }
    }

    /** Writes the value after "key:" (or "- "), including the line break. */
    private void value(StringBuilder sb, JsonNode v, int indent, boolean query) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                sb.append(" {}\n");
            } else {
                sb.append('\n');
                mapping(sb, v, indent + 2);
            }
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                sb.append(" []\n");
            } else {
                sb.append('\n');
                list(sb, v, indent + 2);
            }
        } else {
            sb.append(' ');
            scalar(sb, v, indent, query);
        }
    }

    private void list(StringBuilder sb, JsonNode list, int indent) {
        for (JsonNode item : list) {
            sb.append(" ".repeat(indent)).append('-');
            if (item.isObject() && !item.isEmpty()) {
                boolean first = true;
                for (var e : item.properties()) {
                    if (first) {
                        sb.append(' ');
                        first = false;
                    } else {
                        sb.append(" ".repeat(indent + 2));
                    }
                    sb.append(key(e.getKey())).append(':');
                    value(sb, e.getValue(), indent + 2, false);
                }
            } else if (item.isArray() && !item.isEmpty()) {
                sb.append('\n');
                list(sb, item, indent + 2);
            } else {
                value(sb, item, indent, false);
            }
        }
    }

    private void scalar(StringBuilder sb, JsonNode v, int indent, boolean query) {
        if (v.isNull()) {
            sb.append("null\n");
        } else if (v.isBoolean() || v.isNumber()) {
            sb.append(v.asString()).append('\n');
        } else {
            string(sb, v.asString(), indent, query);
        }
    }

    private void string(StringBuilder sb, String s, int indent, boolean query) {
        if (blocks && (s.indexOf('\n') >= 0 || query) && literalPossible(s)) {
            literal(sb, s, indent + 2);
        } else if (plainPossible(s)) {
            sb.append(s).append('\n');
        } else if (singleQuotePossible(s)) {
            sb.append('\'').append(s.replace("'", "''")).append("'\n");
        } else {
            sb.append(doubleQuoted(s)).append('\n');
        }
    }

    /** {@code |}, {@code |-} or {@code |+} by how the text ends; an indentation indicator when it starts with spaces. */
    private static void literal(StringBuilder sb, String s, int indent) {
        sb.append('|');
        int firstContent = 0;
        while (firstContent < s.length() && s.charAt(firstContent) == '\n') firstContent++;
        if (firstContent < s.length() && s.charAt(firstContent) == ' ') sb.append(2);
        if (!s.endsWith("\n")) sb.append('-');
        else if (s.endsWith("\n\n")) sb.append('+');
        sb.append('\n');
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        String pad = " ".repeat(indent);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) sb.append(pad).append(line);
            sb.append('\n');
        }
    }

    static boolean literalPossible(String s) {
        if (s.isEmpty() || s.isBlank()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') continue;
            if (!printable(c)) return false;
        }
        return true;
    }

    private static boolean printable(char c) {
        if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') return false;
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return false;
        return !(c >= '\uFFFE');
    }

    static boolean plainPossible(String s) {
        if (s.isEmpty()) return false;
        // No YAML 1.1 or 1.2 number, date or sexagesimal matches these whole strings.
        if (VERSION.matcher(s).matches() || GUID.matcher(s).matches() || DURATION.matcher(s).matches()) return true;
        if (!PLAIN.matcher(s).matches() || s.endsWith(" ") || s.endsWith(":")) return false;
        if (s.contains(": ") || s.contains(" #")) return false;
        return !YAML11_WORDS.contains(s.toLowerCase(Locale.ROOT));
    }

    private static boolean singleQuotePossible(String s) {
        if (s.indexOf('\n') >= 0) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && !printable(c)) return false;
        }
        // Leading or trailing tabs in a flow scalar are trimmed by some readers.
        return !s.startsWith("\t") && !s.endsWith("\t");
    }

    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (!printable(c) || c == '\u00A0') sb.append(String.format("\\u%04X", (int) c));
                    else sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Appends {@code s} as this writer writes a string value after {@code key:} or {@code - } (a literal block
     * when it spans lines or {@code block} asks for one, else plain, single- or double-quoted as YAML needs),
     * with its line break; {@code indent} is the key's. Shared with {@code fmt}, which lays out files the same way.
     */
    public static void appendString(StringBuilder sb, String s, int indent, boolean block) {
        new YamlWriter(true).string(sb, s, indent, block);
    }

    /** A mapping key, quoted only when YAML needs it. */
    public static String keyText(String k) {
        return key(k);
    }

    private static String key(String k) {
        if (KEY.matcher(k).matches() && !YAML11_WORDS.contains(k.toLowerCase(Locale.ROOT))) return k;
        return singleQuotePossible(k) ? "'" + k.replace("'", "''") + "'" : doubleQuoted(k);
    }
}

package dev.sentinelctl.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One declared parameter of a parser. {@code type} is a Kusto scalar type name ({@code string}, {@code datetime},
 * {@code dynamic} …) or a tabular schema ({@code table:(*)}, {@code (TimeGenerated:datetime)}); {@code defaultValue}
 * is the default's KQL text as written in the file, empty when the parameter has none (then callers must pass it).
 *
 * <p>The workspace stores parameters as one string, {@code name:type=default, …}. {@link #functionParameter()}
 * writes it as Microsoft's converter ({@code ASIM/dev/ASimYaml2ARM/KqlFuncYaml2Arm.py}) does: table parameters as
 * {@code name:<schema>} without default, string defaults wrapped in single quotes, YAML booleans as Python prints
 * them ({@code False}) — Kusto reads that literal as a bool too.
 */
public record ParserParameter(String name, String type, Optional<String> defaultValue) {

    public boolean isTabular() {
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("table") || t.startsWith("(");
    }

    /** The tabular schema text, {@code (*)} or {@code (a:string, b:long)}; for {@code table} alone {@code (*)}. */
    public String tableSchema() {
        String t = type.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("table")) t = t.substring(5).strip();
        if (t.startsWith(":")) t = t.substring(1).strip();
        return t.isEmpty() ? "(*)" : t;
    }

    /** The scalar type name, trimmed and lower-cased ({@code "dynamic "} occurs in Azure-Sentinel files). */
    public String scalarType() {
        return type.strip().toLowerCase(Locale.ROOT);
    }

    public String functionParameter() {
        if (isTabular()) return name + ":" + tableSchema();
        String t = scalarType();
        if (defaultValue.isEmpty()) return name + ":" + t;
        return name + ":" + t + "=" + defaultValue.get();
    }

    /** The default as KQL text from a YAML scalar: strings of type string are quoted, booleans printed as Python does. */
    public static Optional<String> defaultFromYaml(String type, Object value) {
        if (value == null) return Optional.empty();
        if (value instanceof Boolean b) return Optional.of(b ? "True" : "False");
        String text = String.valueOf(value);
        if (type.strip().equalsIgnoreCase("string") && !isQuoted(text)) return Optional.of("'" + text + "'");
        return Optional.of(text);
    }

    static boolean isQuoted(String s) {
        return s.length() >= 2 && ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith("\"") && s.endsWith("\"")));
    }

    public static String join(List<ParserParameter> parameters) {
        List<String> parts = new ArrayList<>();
        for (ParserParameter p : parameters) parts.add(p.functionParameter());
        return String.join(",", parts);
    }

    /**
     * Parses a workspace's {@code functionParameters} string ({@code a:string='x', T:(*), b:bool=False}) back into
     * parameters; commas inside brackets and quotes do not split. Blank input gives no parameters.
     */
    public static List<ParserParameter> parse(String text) {
        List<ParserParameter> out = new ArrayList<>();
        for (String part : splitTopLevel(text == null ? "" : text)) {
            if (part.isBlank()) continue;
            int colon = part.indexOf(':');
            if (colon < 0) {
                out.add(new ParserParameter(part.strip(), "dynamic", Optional.empty()));
                continue;
            }
            String name = part.substring(0, colon).strip();
            String rest = part.substring(colon + 1).strip();
            int eq = rest.startsWith("(") ? -1 : rest.indexOf('=');
            if (eq < 0) out.add(new ParserParameter(name, rest, Optional.empty()));
            else out.add(new ParserParameter(name, rest.substring(0, eq).strip(), Optional.of(rest.substring(eq + 1).strip())));
        }
        return out;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}

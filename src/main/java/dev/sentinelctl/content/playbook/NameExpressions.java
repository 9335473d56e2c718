package dev.sentinelctl.content.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The value of a resource name in a playbook template, as ARM will evaluate it, for the few expressions templates name
 * their Logic Apps and connections with: string literals, {@code parameters('x')} (the deployment's value, else the
 * declared default), {@code variables('x')} and {@code concat(…)} of those. Anything else has no value here (empty),
 * so a caller says it cannot tell the name instead of guessing one.
 */
public final class NameExpressions {
    private final JsonNode template;
    private final JsonNode parameters;

    /**
     * @param template   the template (its {@code parameters} declarations and {@code variables})
     * @param parameters the deployment's parameters ({@code {name: {value: …}}}), may be empty
     */
    public NameExpressions(JsonNode template, JsonNode parameters) {
        this.template = template;
        this.parameters = parameters;
    }

    /** The string a template value stands for, or empty when it uses anything but the expressions above. */
    public Optional<String> evaluate(String s) {
        return evaluate(s, 0);
    }

    private Optional<String> evaluate(String s, int depth) {
        if (depth > 16) return Optional.empty(); // a variable defined through itself
        if (s.startsWith("[[")) return Optional.of(s.substring(1));
        if (!(s.startsWith("[") && s.endsWith("]"))) return Optional.of(s);
        Reader r = new Reader(s.substring(1, s.length() - 1), depth);
        String v = r.expression();
        r.spaces();
        return v == null || !r.done() ? Optional.empty() : Optional.of(v);
    }

    /** A recursive-descent reading of one expression; null means "not one we evaluate". */
    private final class Reader {
        private final String text;
        private final int depth;
        private int at;

        Reader(String text, int depth) {
            this.text = text;
            this.depth = depth;
        }

        boolean done() {
            return at >= text.length();
        }

        void spaces() {
            while (!done() && Character.isWhitespace(text.charAt(at))) at++;
        }

        String expression() {
            spaces();
            if (done()) return null;
            if (text.charAt(at) == '\'') return literal();
            int start = at;
            while (!done() && Character.isLetterOrDigit(text.charAt(at))) at++;
            String function = text.substring(start, at).toLowerCase(Locale.ROOT);
            spaces();
            if (function.isEmpty() || done() || text.charAt(at) != '(') return null;
            at++;
            List<String> args = new ArrayList<>();
            spaces();
            while (!done() && text.charAt(at) != ')') {
                String arg = expression();
                if (arg == null) return null;
                args.add(arg);
                spaces();
                if (!done() && text.charAt(at) == ',') at++;
                else if (!done() && text.charAt(at) != ')') return null;
                spaces();
            }
            if (done()) return null;
            at++;
            return switch (function) {
                case "concat" -> String.join("", args);
                case "parameters" -> args.size() == 1 ? parameter(args.get(0)) : null;
                case "variables" -> args.size() == 1 ? variable(args.get(0)) : null;
                default -> null;
            };
        }

        private String literal() {
            StringBuilder sb = new StringBuilder();
            at++;
            while (!done()) {
                char c = text.charAt(at++);
                if (c != '\'') {
                    sb.append(c);
                } else if (!done() && text.charAt(at) == '\'') {
                    sb.append('\'');
                    at++;
                } else {
                    return sb.toString();
                }
            }
            return null;
        }

        private String parameter(String name) {
            JsonNode given = named(parameters, name);
            if (given != null && given.path("value").isString()) return given.path("value").asString();
            if (given != null && given.has("value")) return null;
            JsonNode declared = named(template.path("parameters"), name);
            if (declared == null || !declared.path("defaultValue").isString()) return null;
            return evaluate(declared.path("defaultValue").asString(), depth + 1).orElse(null);
        }

        private String variable(String name) {
            JsonNode v = named(template.path("variables"), name);
            return v != null && v.isString() ? evaluate(v.asString(), depth + 1).orElse(null) : null;
        }
    }

    /** ARM compares parameter and variable names case-insensitively. */
    private static JsonNode named(JsonNode object, String name) {
        if (object == null || !object.isObject()) return null;
        for (var e : object.properties()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }
}

package dev.sentinelctl.deploy.sandbox;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates the few template expressions playbook templates name their resources with, so the sandbox can create
 * the resources under the names ARM would: string literals, {@code parameters('x')}, {@code variables('x')} and
 * {@code concat(…)} of those. Anything else is an explicit "the sandbox cannot evaluate" failure, never a guess.
 */
final class TemplateNames {
    private final JsonNode template;
    private final JsonNode parameters;

    TemplateNames(JsonNode template, JsonNode parameters) {
        this.template = template;
        this.parameters = parameters;
    }

    /** The value of a template string: itself, or its expression's value when it is {@code [ … ]}. */
    String evaluate(String s) {
        if (s.startsWith("[[")) return s.substring(1);
        if (!(s.startsWith("[") && s.endsWith("]"))) return s;
        Parser p = new Parser(s.substring(1, s.length() - 1).trim());
        String v = p.expression();
        p.skipSpaces();
        if (!p.atEnd()) throw unsupported(s);
        return v;
    }

    private ArmException unsupported(String expression) {
        return new ArmException(400, "InvalidTemplate", "Deployment template validation failed: 'The sandbox cannot "
                + "evaluate the expression '" + expression + "'; it evaluates literals, parameters(), variables() and "
                + "concat() in resource names.'");
    }

    private final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(text.charAt(at))) at++;
        }

        String expression() {
            skipSpaces();
            if (atEnd()) throw unsupported(text);
            if (text.charAt(at) == '\'') return literal();
            int start = at;
            while (!atEnd() && Character.isLetterOrDigit(text.charAt(at))) at++;
            String fn = text.substring(start, at).toLowerCase(java.util.Locale.ROOT);
            skipSpaces();
            if (atEnd() || text.charAt(at) != '(') throw unsupported("[" + text + "]");
            at++;
            List<String> args = new ArrayList<>();
            skipSpaces();
            while (!atEnd() && text.charAt(at) != ')') {
                args.add(expression());
                skipSpaces();
                if (!atEnd() && text.charAt(at) == ',') at++;
            }
            if (atEnd()) throw unsupported("[" + text + "]");
            at++;
            return switch (fn) {
                case "concat" -> String.join("", args);
                case "parameters" -> parameter(args);
                case "variables" -> variable(args);
                default -> throw unsupported("[" + text + "]");
            };
        }

        private String literal() {
            StringBuilder sb = new StringBuilder();
            at++;
            while (!atEnd()) {
                char c = text.charAt(at++);
                if (c == '\'') {
                    if (!atEnd() && text.charAt(at) == '\'') {
                        sb.append('\'');
                        at++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(c);
                }
            }
            throw unsupported("[" + text + "]");
        }

        private String parameter(List<String> args) {
            if (args.size() != 1) throw unsupported("[" + text + "]");
            JsonNode given = DeploymentValidator.find(parameters, args.get(0));
            if (given != null && given.has("value") && given.get("value").isString()) return given.get("value").asString();
            JsonNode declared = DeploymentValidator.find(template.path("parameters"), args.get(0));
            if (declared != null && declared.path("defaultValue").isString()) return evaluate(declared.get("defaultValue").asString());
            throw unsupported("[" + text + "]");
        }

        private String variable(List<String> args) {
            if (args.size() != 1) throw unsupported("[" + text + "]");
            JsonNode v = DeploymentValidator.find(template.path("variables"), args.get(0));
            if (v == null || !v.isString()) throw unsupported("[" + text + "]");
            return evaluate(v.asString());
        }
    }
}

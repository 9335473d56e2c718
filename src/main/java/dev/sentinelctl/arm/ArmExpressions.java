package dev.sentinelctl.arm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small evaluator for the ARM template expressions content templates use: {@code [variables('x')]},
 * {@code [parameters('x')]} (their default values), {@code concat}, {@code format}, {@code split},
 * {@code last}, {@code resourceId} and a few more. It interprets a parsed tree (no script engine), and every
 * evaluation is bounded in steps, nesting and string size, so a hostile template cannot make it loop or
 * grow without limit. What it cannot know offline ({@code uniqueString}, {@code guid}, {@code reference},
 * parameters without a default) becomes {@link Unresolved} with the reason, or a placeholder that
 * {@link #containsPlaceholder} detects, so callers can say precisely what they could not resolve.
 */
public final class ArmExpressions {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_STEPS = 100_000;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_EXPRESSION = 1 << 16;
    private static final char PLACEHOLDER_START = '\uE000';
    private static final char PLACEHOLDER_END = '\uE001';
    /** Stands for a member of an object variable that could not be resolved; an error only when used. */
    private static final char FAILED = '\uE002';

    /** Why an expression has no value offline. */
    public static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unresolved(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The template's parameters and variables, looked up case-insensitively as ARM does. */
    public interface Scope {
        /** The parameter's default value, or null when it has none (the placeholder stands in). */
        JsonNode parameterDefault(String name);

        boolean hasParameter(String name);

        /** The variable's raw (unevaluated) value, or null. */
        JsonNode variable(String name);
    }

    private final Scope scope;
    private int steps;
    private int depth;
    private final Set<String> evaluatingVariables = new HashSet<>();

    public ArmExpressions(Scope scope) {
        this.scope = scope;
    }

    /** A placeholder string standing for the value of a parameter without default, e.g. {@code workspace}. */
    public static String placeholder(String parameter) {
        return PLACEHOLDER_START + parameter + PLACEHOLDER_END;
    }

    public static boolean containsPlaceholder(String s) {
        return s.indexOf(PLACEHOLDER_START) >= 0;
    }

    /** The parameter names whose placeholders occur in {@code s}. */
    public static List<String> placeholders(String s) {
        List<String> out = new ArrayList<>();
        int i = s.indexOf(PLACEHOLDER_START);
        while (i >= 0) {
            int end = s.indexOf(PLACEHOLDER_END, i);
            if (end < 0) break;
            out.add(s.substring(i + 1, end));
            i = s.indexOf(PLACEHOLDER_START, end);
        }
        return out;
    }

    /**
     * Resolves every string of a JSON value: expressions are evaluated, {@code [[} escapes are undone, other
     * strings stay as they are. Throws {@link Unresolved} naming the first part it could not resolve.
     */
    public JsonNode resolve(JsonNode node) {
        steps = 0;
        JsonNode v = resolveDeep(node);
        rejectMarkers(v);
        return v;
    }

    private static void rejectMarkers(JsonNode v) {
        if (v.isString()) checked(v);
        else if (v.isContainer()) for (JsonNode n : v) rejectMarkers(n);
    }

    private JsonNode resolveDeep(JsonNode node) {
        if (node.isString()) return evaluateString(node.asString());
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode n : node) out.add(resolveDeep(n));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (var e : node.properties()) out.set(e.getKey(), resolveDeep(e.getValue()));
            return out;
        }
        return node;
    }

    /** One template string: an expression when it is {@code [ … ]}, a literal otherwise. */
    public JsonNode evaluateString(String s) {
        if (s.startsWith("[[")) return JSON.stringNode(s.substring(1));
        if (s.length() >= 2 && s.startsWith("[") && s.endsWith("]")) {
            if (s.length() > MAX_EXPRESSION) throw new Unresolved("expression longer than " + MAX_EXPRESSION + " characters");
            Parser parser = new Parser(s.substring(1, s.length() - 1));
            Node tree = parser.parseAll();
            return eval(tree);
        }
        return JSON.stringNode(s);
    }

    // ---- syntax ---------------------------------------------------------------------------------------

    private interface Node {}

    private record Literal(JsonNode value) implements Node {}

    private record Call(String function, List<Node> args) implements Node {}

    private record Property(Node target, String name) implements Node {}

    private record Index(Node target, Node index) implements Node {}

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Node parseAll() {
            Node n = expression(0);
            skipSpace();
            if (pos != text.length()) throw new Unresolved("cannot parse expression at '" + rest() + "'");
            return n;
        }

        private String rest() {
            return text.substring(pos, Math.min(text.length(), pos + 30));
        }

        private Node expression(int nesting) {
            if (nesting > MAX_DEPTH) throw new Unresolved("expression nested deeper than " + MAX_DEPTH);
            skipSpace();
            Node n = primary(nesting);
            while (true) {
                skipSpace();
                if (peek('.')) {
                    pos++;
                    n = new Property(n, identifier());
                } else if (peek('[')) {
                    pos++;
                    Node index = expression(nesting + 1);
                    expect(']');
                    n = new Index(n, index);
                } else {
                    return n;
                }
            }
        }

        private Node primary(int nesting) {
            if (pos >= text.length()) throw new Unresolved("expression ends unexpectedly");
            char c = text.charAt(pos);
            if (c == '\'') return new Literal(JSON.stringNode(stringLiteral()));
            if (c == '-' || Character.isDigit(c)) {
                int start = pos++;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
                try {
                    return new Literal(JSON.numberNode(Long.parseLong(text.substring(start, pos))));
                } catch (NumberFormatException e) {
                    throw new Unresolved("bad number '" + text.substring(start, pos) + "'");
                }
            }
            String name = identifier();
            skipSpace();
            expect('(');
            List<Node> args = new ArrayList<>();
            skipSpace();
            if (!peek(')')) {
                do {
                    args.add(expression(nesting + 1));
                    skipSpace();
                } while (consume(','));
            }
            expect(')');
            return new Call(name.toLowerCase(Locale.ROOT), args);
        }

        private String stringLiteral() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\'') {
                    if (pos < text.length() && text.charAt(pos) == '\'') {
                        sb.append('\'');
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else {
                    sb.append(c);
                }
            }
            throw new Unresolved("unterminated string literal");
        }

        private String identifier() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            if (start == pos) throw new Unresolved("expected a name at '" + rest() + "'");
            return text.substring(start, pos);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private boolean consume(char c) {
            skipSpace();
            if (peek(c)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            skipSpace();
            if (!peek(c)) throw new Unresolved("expected '" + c + "' at '" + rest() + "'");
            pos++;
        }
    }

    // ---- evaluation -----------------------------------------------------------------------------------

    private JsonNode eval(Node node) {
        if (++steps > MAX_STEPS) throw new Unresolved("expression needs more than " + MAX_STEPS + " steps");
        if (node instanceof Literal literal) return literal.value();
        if (node instanceof Property p) {
            JsonNode target = eval(p.target());
            JsonNode v = target.isObject() ? getIgnoreCase(target, p.name()) : null;
            if (v == null) throw new Unresolved("no property '" + p.name() + "'");
            return checked(v);
        }
        if (node instanceof Index ix) {
            JsonNode target = eval(ix.target());
            JsonNode index = eval(ix.index());
            if (target.isArray() && index.isIntegralNumber()) {
                int i = index.intValue();
                if (i < 0 || i >= target.size()) throw new Unresolved("index " + i + " out of range");
                return checked(target.get(i));
            }
            if (target.isObject() && index.isString()) {
                JsonNode v = getIgnoreCase(target, index.asString());
                if (v == null) throw new Unresolved("no property '" + index.asString() + "'");
                return checked(v);
            }
            throw new Unresolved("cannot index " + target.getNodeType() + " with " + index.getNodeType());
        }
        Call call = (Call) node;
        return call(call.function(), call.args());
    }

    private JsonNode call(String f, List<Node> argNodes) {
        switch (f) {
            case "parameters": return parameter(string(eval(one(f, argNodes))));
            case "variables": return variable(string(eval(one(f, argNodes))));
            case "if": {
                arity(f, argNodes, 3);
                return bool(eval(argNodes.get(0))) ? eval(argNodes.get(1)) : eval(argNodes.get(2));
            }
            case "uniquestring":
            case "guid":
            case "newguid":
            case "utcnow":
            case "reference":
            case "list":
            case "listkeys":
            case "listsecrets":
            case "deployment":
            case "environment":
            case "managementgroup":
            case "tenant":
            case "pickzones":
                throw new Unresolved(f + "() is computed by ARM at deployment time");
            default:
                break;
        }
        if (f.startsWith("list")) throw new Unresolved(f + "() calls a resource provider at deployment time");
        List<JsonNode> args = new ArrayList<>(argNodes.size());
        for (Node n : argNodes) args.add(eval(n));
        return Functions.apply(f, args);
    }

    private JsonNode parameter(String name) {
        if (!scope.hasParameter(name)) throw new Unresolved("parameters('" + name + "') is not declared");
        JsonNode dflt = scope.parameterDefault(name);
        if (dflt == null) return JSON.stringNode(placeholder(name));
        return nested("parameters('" + name + "')", dflt);
    }

    private JsonNode variable(String name) {
        JsonNode raw = scope.variable(name);
        if (raw == null) throw new Unresolved("variables('" + name + "') is not declared");
        return nested("variables('" + name + "')", raw);
    }

    /** Values may be expressions themselves; evaluate them with cycle and depth checks. */
    private JsonNode nested(String key, JsonNode raw) {
        String k = key.toLowerCase(Locale.ROOT);
        if (!evaluatingVariables.add(k)) throw new Unresolved(key + " refers to itself");
        if (++depth > MAX_DEPTH) throw new Unresolved("variables nested deeper than " + MAX_DEPTH);
        try {
            return checked(resolveLenient(raw));
        } finally {
            depth--;
            evaluatingVariables.remove(k);
        }
    }

    /**
     * Like resolveDeep, but a member of an object or array that fails becomes a marker, so
     * {@code variables('obj').id} works when another member of {@code obj} needs {@code uniqueString}.
     */
    private JsonNode resolveLenient(JsonNode node) {
        if (node.isString()) {
            try {
                return evaluateString(node.asString());
            } catch (Unresolved u) {
                if (node.asString().length() < 2) throw u;
                return JSON.stringNode(FAILED + u.getMessage());
            }
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode n : node) out.add(resolveLenient(n));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (var e : node.properties()) out.set(e.getKey(), resolveLenient(e.getValue()));
            return out;
        }
        return node;
    }

    /** Turns a marker back into the failure it stands for, at the moment it is used. */
    private static JsonNode checked(JsonNode v) {
        if (v.isString() && !v.asString().isEmpty() && v.asString().charAt(0) == FAILED) {
            throw new Unresolved(v.asString().substring(1));
        }
        return v;
    }

    private static Node one(String f, List<Node> args) {
        arity(f, args, 1);
        return args.get(0);
    }

    private static void arity(String f, List<?> args, int n) {
        if (args.size() != n) throw new Unresolved(f + "() takes " + n + " argument(s), got " + args.size());
    }

    static String string(JsonNode n) {
        if (n.isString()) return checked(n).asString();
        if (n.isNumber() || n.isBoolean()) return n.asString();
        throw new Unresolved("expected a string, got " + n.getNodeType());
    }

    static boolean bool(JsonNode n) {
        if (n.isBoolean()) return n.booleanValue();
        if (n.isString() && (n.asString().equalsIgnoreCase("true") || n.asString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(n.asString());
        }
        throw new Unresolved("expected a boolean, got " + n.getNodeType());
    }

    static JsonNode getIgnoreCase(JsonNode object, String name) {
        JsonNode v = object.get(name);
        if (v != null) return v;
        for (var e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    static JsonNode checkedString(String s) {
        if (s.length() > MAX_STRING) throw new Unresolved("string longer than " + MAX_STRING + " characters");
        return JSON.stringNode(s);
    }
}

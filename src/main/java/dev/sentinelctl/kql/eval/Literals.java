package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Json;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.kql.syntax.StringValues;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.kql.syntax.TokenKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/** Values of literal tokens: {@code 1d}, {@code datetime(2020-01-01)}, {@code int(null)}, {@code dynamic({...})}. */
final class Literals {

    private Literals() {
    }

    static ScalarType type(LiteralKind k) {
        return switch (k) {
            case STRING -> ScalarType.STRING;
            case LONG -> ScalarType.LONG;
            case INT -> ScalarType.INT;
            case REAL -> ScalarType.REAL;
            case DECIMAL -> ScalarType.DECIMAL;
            case BOOL -> ScalarType.BOOL;
            case DATETIME -> ScalarType.DATETIME;
            case TIMESPAN -> ScalarType.TIMESPAN;
            case GUID -> ScalarType.GUID;
        };
    }

    static Object value(Expr.Literal lit) {
        if (lit.kind() == LiteralKind.STRING) return lit.value();
        String text = lit.text().trim();
        Object v = parse(type(lit.kind()), text);
        if (v == BAD) throw EvalException.bind("cannot read the literal " + text, lit);
        return v;
    }

    private static final Object BAD = new Object();

    /** Text of a typed literal; BAD when unreadable. */
    static Object parse(ScalarType t, String text) {
        String inner = text;
        int open = text.indexOf('(');
        if (open > 0 && text.endsWith(")") && Character.isLetter(text.charAt(0))) {
            inner = text.substring(open + 1, text.length() - 1).trim();
        }
        if (inner.equals("null")) return null;
        if (inner.length() >= 2 && (inner.startsWith("\"") || inner.startsWith("'"))) inner = dev.sentinelctl.kql.syntax.StringValues.decode(inner);
        try {
            return switch (t) {
                case LONG, INT -> {
                    String s = inner.replace("_", "");
                    if (s.startsWith("0x") || s.startsWith("0X")) yield Long.parseLong(s.substring(2), 16);
                    yield Long.parseLong(s);
                }
                case REAL -> {
                    Double d = Convert.parseDouble(inner);
                    yield d == null ? BAD : d;
                }
                case DECIMAL -> new BigDecimal(inner);
                case BOOL -> {
                    Boolean b = Convert.toBool(inner);
                    yield b == null ? BAD : b;
                }
                case DATETIME -> {
                    Long v = Values.parseDatetime(inner);
                    yield v == null ? BAD : v;
                }
                case TIMESPAN -> {
                    Long v = Values.parseTimespan(inner);
                    yield v == null ? BAD : v;
                }
                case GUID -> UUID.fromString(inner);
                default -> inner;
            };
        } catch (RuntimeException e) {
            return BAD;
        }
    }

    static JsonNode json(Json j) {
        if (j instanceof Json.JObject o) {
            ObjectNode n = Values.object();
            for (Json.Pair p : o.pairs().items()) {
                String key = p.key().kind() == TokenKind.STRING_LITERAL ? StringValues.decode(p.key().text()) : p.key().text();
                n.set(key, json(p.value()));
            }
            return n;
        }
        if (j instanceof Json.JDynamic d) {
            return json(d.literal().value());
        }
        if (j instanceof Json.JArray a) {
            ArrayNode n = Values.array();
            for (Json v : a.values().items()) n.add(json(v));
            return n;
        }
        if (j instanceof Json.JScalar s) {
            StringBuilder text = new StringBuilder();
            for (Token t : s.tokens()) text.append(t.text());
            Token first = s.tokens().get(0);
            if (first.kind() == TokenKind.STRING_LITERAL) {
                StringBuilder sb = new StringBuilder();
                for (Token t : s.tokens()) sb.append(StringValues.decode(t.text()));
                return Values.JSON.stringNode(sb.toString());
            }
            String v = text.toString().trim();
            switch (v.toLowerCase(Locale.ROOT)) {
                case "null": return Values.JSON.nullNode();
                case "true": return Values.JSON.booleanNode(true);
                case "false": return Values.JSON.booleanNode(false);
                default: break;
            }
            try {
                if (v.matches("[+-]?\\d+")) return Values.JSON.numberNode(Long.parseLong(v));
                if (v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return Values.JSON.numberNode(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                // fall through to typed literals
            }
            int open = v.indexOf('(');
            if (open > 0) {
                String word = v.substring(0, open);
                ScalarType t = switch (word) {
                    case "datetime", "date" -> ScalarType.DATETIME;
                    case "timespan", "time" -> ScalarType.TIMESPAN;
                    case "guid" -> ScalarType.GUID;
                    case "long", "int" -> ScalarType.LONG;
                    case "real", "double" -> ScalarType.REAL;
                    case "bool" -> ScalarType.BOOL;
                    default -> null;
                };
                if (t != null) {
                    Object o = parse(t, v);
                    if (o != BAD) return Values.toJson(t, o);
                }
            }
            Long span = Values.parseTimespan(v);
            if (span != null) return Values.JSON.stringNode(Values.formatTimespan(span));
            throw EvalException.bind("cannot read the dynamic literal value " + v, j);
        }
        return Values.JSON.nullNode();
    }
}

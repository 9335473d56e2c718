package dev.sentinelctl.kql.syntax;

import java.util.HashMap;
import java.util.Map;

/**
 * Binary scalar operators grouped by Kusto's precedence, loosest first: or, and, equality/in/between,
 * relational, additive, multiplicative, string operators.
 */
public enum BinaryOp {
    OR("or", 1), AND("and", 2),
    EQUAL("==", 3), NOT_EQUAL("!=", 3), NOT_EQUAL_ALT("<>", 3), EQUAL_IGNORE_CASE("=~", 3), NOT_EQUAL_IGNORE_CASE("!~", 3),
    IN("in", 3), NOT_IN("!in", 3), IN_IGNORE_CASE("in~", 3), NOT_IN_IGNORE_CASE("!in~", 3),
    HAS_ANY("has_any", 3), HAS_ALL("has_all", 3), BETWEEN("between", 3), NOT_BETWEEN("!between", 3),
    LESS("<", 4), LESS_EQUAL("<=", 4), GREATER(">", 4), GREATER_EQUAL(">=", 4),
    ADD("+", 5), SUBTRACT("-", 5),
    MULTIPLY("*", 6), DIVIDE("/", 6), MODULO("%", 6),
    HAS("has", 7), NOT_HAS("!has", 7), HAS_CS("has_cs", 7), NOT_HAS_CS("!has_cs", 7),
    HASPREFIX("hasprefix", 7), NOT_HASPREFIX("!hasprefix", 7), HASPREFIX_CS("hasprefix_cs", 7), NOT_HASPREFIX_CS("!hasprefix_cs", 7),
    HASSUFFIX("hassuffix", 7), NOT_HASSUFFIX("!hassuffix", 7), HASSUFFIX_CS("hassuffix_cs", 7), NOT_HASSUFFIX_CS("!hassuffix_cs", 7),
    CONTAINS("contains", 7), NOT_CONTAINS("!contains", 7), CONTAINS_CS("contains_cs", 7), NOT_CONTAINS_CS("!contains_cs", 7),
    CONTAINSCS("containscs", 7), NOTCONTAINS("notcontains", 7), NOTCONTAINSCS("notcontainscs", 7),
    STARTSWITH("startswith", 7), NOT_STARTSWITH("!startswith", 7), STARTSWITH_CS("startswith_cs", 7), NOT_STARTSWITH_CS("!startswith_cs", 7),
    ENDSWITH("endswith", 7), NOT_ENDSWITH("!endswith", 7), ENDSWITH_CS("endswith_cs", 7), NOT_ENDSWITH_CS("!endswith_cs", 7),
    /** {@code Column:"term"}: search-style "has", accepted in any expression. */
    COLON(":", 7),
    MATCHES_REGEX("matches regex", 7), LIKE("like", 7), NOTLIKE("notlike", 7), LIKECS("likecs", 7), NOTLIKECS("notlikecs", 7);

    private static final Map<String, BinaryOp> BY_TEXT = new HashMap<>();

    static {
        for (BinaryOp op : values()) BY_TEXT.put(op.text, op);
    }

    private final String text;
    private final int precedence;

    BinaryOp(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    public String text() {
        return text;
    }

    /** 1 (or) binds loosest, 7 (string operators) tightest. */
    public int precedence() {
        return precedence;
    }

    /** Operators whose right side is a parenthesised list: in, !in, in~, !in~, has_any, has_all. */
    public boolean takesList() {
        return switch (this) {
            case IN, NOT_IN, IN_IGNORE_CASE, NOT_IN_IGNORE_CASE, HAS_ANY, HAS_ALL -> true;
            default -> false;
        };
    }

    static BinaryOp byText(String text) {
        return BY_TEXT.get(text);
    }
}

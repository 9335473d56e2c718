package dev.sentinelctl.kql.syntax;

/** Lexical categories. Keywords are not separate kinds: KQL lets most keywords be names, so the parser decides by text. */
public enum TokenKind {
    /** Words: names, keywords, hyphenated keywords ({@code project-away}), {@code hint.strategy}, {@code $left}. */
    IDENTIFIER,
    /** Word-like operators that are not plain identifiers: {@code !contains}, {@code !in~}, {@code in~}, {@code !between}. */
    OPERATOR_WORD,
    STRING_LITERAL,
    LONG_LITERAL,
    REAL_LITERAL,
    TIMESPAN_LITERAL,
    /** {@code datetime(...)}, {@code timespan(...)}, {@code guid(...)}, {@code int(null)}, {@code real(nan)} ... lexed whole. */
    TYPED_LITERAL,
    /** {@code 12345678-1234-1234-1234-123456789012} outside {@code guid(...)}: lexed as a guid, always reported (KS214). */
    RAW_GUID_LITERAL,
    OPEN_PAREN("("), CLOSE_PAREN(")"), OPEN_BRACKET("["), CLOSE_BRACKET("]"), OPEN_BRACE("{"), CLOSE_BRACE("}"),
    BAR("|"), COMMA(","), SEMICOLON(";"), DOT("."), DOT_DOT(".."), COLON(":"), QUESTION("?"), AT("@"),
    EQUAL("="), EQUAL_EQUAL("=="), BANG_EQUAL("!="), LESS_GREATER("<>"), EQUAL_TILDE("=~"), BANG_TILDE("!~"),
    LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="), FAT_ARROW("=>"), LESS_BAR("<|"),
    PLUS("+"), MINUS("-"), ASTERISK("*"), SLASH("/"), PERCENT("%"),
    /** A character no token starts with; reported as KS002. */
    BAD_CHARACTER,
    /** Zero-width token at the end of the text; its leading trivia holds trailing comments and whitespace. */
    END_OF_TEXT;

    private final String fixedText;

    TokenKind() {
        this(null);
    }

    TokenKind(String fixedText) {
        this.fixedText = fixedText;
    }

    /** The token's text when every token of this kind has the same text (punctuation); otherwise null. */
    public String fixedText() {
        return fixedText;
    }

    public boolean isLiteral() {
        return this == STRING_LITERAL || this == LONG_LITERAL || this == REAL_LITERAL || this == TIMESPAN_LITERAL
                || this == TYPED_LITERAL || this == RAW_GUID_LITERAL;
    }

    /** How to name this kind in a message: the punctuation itself, or a word. */
    public String display() {
        if (fixedText != null) return fixedText;
        return switch (this) {
            case IDENTIFIER -> "name";
            case STRING_LITERAL -> "string";
            case END_OF_TEXT -> "end of query";
            default -> name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}

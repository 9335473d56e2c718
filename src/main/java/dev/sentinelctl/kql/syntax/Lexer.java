package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns query text into tokens. Lossless: every character lands in exactly one token's text, leading trivia
 * or trailing trivia (the rest of the token's line: blanks and a {@code //} comment); what follows the last
 * token's line is the leading trivia of {@link TokenKind#END_OF_TEXT}. Never throws; malformed
 * input (unterminated strings, stray characters) becomes tokens plus diagnostics. Hand-written, no regex:
 * this is the hot path of every check.
 */
public final class Lexer {

    /** Hyphenated keywords lexed as one word; anything else with a '-' is a minus. */
    private static final String[] HYPHENATED = {
        "project-away", "project-keep", "project-rename", "project-reorder", "project-smart", "project-by-names",
        "mv-expand", "mv-apply", "make-series", "make-graph", "parse-where", "parse-kv", "top-nested", "top-hitters",
        "sample-distinct", "assert-schema", "macro-expand", "graph-match", "graph-shortest-paths", "graph-to-table",
        "graph-mark-components", "graph-where-nodes", "graph-where-edges", "materialized-view-combine",
        "partitioned-by", "materialized-views", "granny-asc", "granny-desc", "set-or-append", "set-or-replace", "commands-and-queries",
    };

    /** Negated operators written with a leading '!' and no space. */
    private static final String[] BANG_WORDS = {
        "contains", "contains_cs", "has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs",
        "in", "startswith", "startswith_cs", "endswith", "endswith_cs", "between",
    };

    /** Type keywords that form a literal when immediately followed by '(' : {@code datetime(2024-01-01)}. */
    private static final String[] TYPED_LITERAL_WORDS = {
        "datetime", "date", "timespan", "time", "guid", "uuid", "uniqueid", "int", "int32", "int64", "long", "real",
        "double", "decimal", "bool", "boolean",
    };

    /** Units that turn a number into a timespan: {@code 1d}, {@code 30m}, {@code 100ms}, {@code 10tick}. */
    private static final String[] TIMESPAN_UNITS = {
        "d", "day", "days", "h", "hr", "hrs", "hour", "hours", "m", "min", "minute", "minutes", "s", "sec",
        "second", "seconds", "ms", "milli", "millis", "millisecond", "milliseconds", "microsecond",
        "microseconds", "micro", "micros", "tick", "ticks", "nanosecond", "nanoseconds", "nano", "nanos",
    };

    private final String text;
    private final int length;
    private final List<KqlDiagnostic> diagnostics;
    /** Index of the token each lexical diagnostic belongs to (parallel to {@link #diagnostics}'s new entries). */
    private final List<Integer> diagnosticTokens = new ArrayList<>();
    private int tokenIndex;
    private int pos;

    private Lexer(String text, List<KqlDiagnostic> diagnostics) {
        this.text = text;
        this.length = text.length();
        this.diagnostics = diagnostics;
    }

    /** Lexes {@code text}; lexical problems are appended to {@code diagnostics}. */
    public static List<Token> lex(String text, List<KqlDiagnostic> diagnostics) {
        return new Lexer(text, diagnostics).run();
    }

    /** Tokens plus, per token index, the lexical diagnostic raised while scanning it (null when none). */
    record Result(List<Token> tokens, KqlDiagnostic[] diagnosticByToken) {
    }

    /** Lexes and keeps each diagnostic with its token, so the parser can report it in tree order. */
    static Result lexForParser(String text) {
        List<KqlDiagnostic> diags = new ArrayList<>(0);
        Lexer lexer = new Lexer(text, diags);
        List<Token> tokens = lexer.run();
        KqlDiagnostic[] byToken = new KqlDiagnostic[tokens.size()];
        for (int i = 0; i < diags.size(); i++) {
            int t = lexer.diagnosticTokens.get(i);
            if (byToken[t] == null) byToken[t] = diags.get(i);
        }
        return new Result(tokens, byToken);
    }

    private void report(KqlDiagnostic d) {
        diagnostics.add(d);
        diagnosticTokens.add(tokenIndex);
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>(Math.max(16, length / 4));
        while (true) {
            int fullStart = pos;
            skipTrivia();
            int start = pos;
            if (pos >= length) {
                tokens.add(new Token(TokenKind.END_OF_TEXT, fullStart, start, start, start, text, false, null));
                return tokens;
            }
            tokenIndex = tokens.size();
            TokenKind kind = scan();
            String word = kind == TokenKind.IDENTIFIER || kind == TokenKind.OPERATOR_WORD
                    ? WordTable.lookup(text, start, pos) : null;
            int end = pos;
            skipTrailingTrivia();
            tokens.add(new Token(kind, fullStart, start, end, pos, text, false, word));
        }
    }

    /** Blanks and a {@code //} comment on the token's own line; the line break starts the next token's trivia. */
    private void skipTrailingTrivia() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u00a0') {
                pos++;
            } else if (c == '/' && pos + 1 < length && text.charAt(pos + 1) == '/') {
                pos += 2;
                while (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') pos++;
                return;
            } else {
                return;
            }
        }
    }

    private void skipTrivia() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\ufeff'
                    || (c > 127 && Character.isWhitespace(c))) {
                pos++;
            } else if (c == '/' && pos + 1 < length && text.charAt(pos + 1) == '/') {
                pos += 2;
                while (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') pos++;
            } else {
                return;
            }
        }
    }

    private char at(int i) {
        return i < length ? text.charAt(i) : '\0';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
    }

    private static boolean isIdentPart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9')
                || (c > 127 && Character.isLetterOrDigit(c));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private TokenKind scan() {
        char c = text.charAt(pos);
        if (isHex(c) && isRawGuid(pos)) return scanRawGuid();
        if (isIdentStart(c)) return scanWord();
        if (isDigit(c)) return scanNumber();
        switch (c) {
            case '\'', '"' -> {
                return scanQuoted(pos, c, false);
            }
            case '@' -> {
                char n = at(pos + 1);
                if (n == '\'' || n == '"') return scanQuoted(pos + 1, n, true);
                pos++;
                return TokenKind.AT;
            }
            case '`' -> {
                if (text.startsWith("```", pos)) return scanMultiLine();
                return bad();
            }
            case '$' -> {
                if (isIdentStart(at(pos + 1))) {
                    pos++;
                    while (pos < length && isIdentPart(text.charAt(pos))) pos++;
                    return TokenKind.IDENTIFIER;
                }
                return bad();
            }
            case '(' -> { pos++; return TokenKind.OPEN_PAREN; }
            case ')' -> { pos++; return TokenKind.CLOSE_PAREN; }
            case '[' -> { pos++; return TokenKind.OPEN_BRACKET; }
            case ']' -> { pos++; return TokenKind.CLOSE_BRACKET; }
            case '{' -> { pos++; return TokenKind.OPEN_BRACE; }
            case '}' -> { pos++; return TokenKind.CLOSE_BRACE; }
            case '|' -> { pos++; return TokenKind.BAR; }
            case ',' -> { pos++; return TokenKind.COMMA; }
            case ';' -> { pos++; return TokenKind.SEMICOLON; }
            case ':' -> { pos++; return TokenKind.COLON; }
            case '?' -> { pos++; return TokenKind.QUESTION; }
            case '+' -> { pos++; return TokenKind.PLUS; }
            case '-' -> { pos++; return TokenKind.MINUS; }
            case '*' -> { pos++; return TokenKind.ASTERISK; }
            case '/' -> { pos++; return TokenKind.SLASH; }
            case '%' -> { pos++; return TokenKind.PERCENT; }
            case '.' -> {
                if (at(pos + 1) == '.') { pos += 2; return TokenKind.DOT_DOT; }
                pos++;
                return TokenKind.DOT;
            }
            case '=' -> {
                char n = at(pos + 1);
                if (n == '=') { pos += 2; return TokenKind.EQUAL_EQUAL; }
                if (n == '~') { pos += 2; return TokenKind.EQUAL_TILDE; }
                if (n == '>') { pos += 2; return TokenKind.FAT_ARROW; }
                pos++;
                return TokenKind.EQUAL;
            }
            case '!' -> {
                char n = at(pos + 1);
                if (n == '=') { pos += 2; return TokenKind.BANG_EQUAL; }
                if (n == '~') { pos += 2; return TokenKind.BANG_TILDE; }
                if (isIdentStart(n)) {
                    int end = pos + 1;
                    while (end < length && isIdentPart(text.charAt(end))) end++;
                    for (String w : BANG_WORDS) {
                        if (w.length() == end - pos - 1 && text.startsWith(w, pos + 1)) {
                            pos = end;
                            if (w.equals("in") && at(pos) == '~') pos++;
                            return TokenKind.OPERATOR_WORD;
                        }
                    }
                }
                return bad(); // a lone '!' is no KQL operator (negation is not())
            }
            case '<' -> {
                char n = at(pos + 1);
                if (n == '=') { pos += 2; return TokenKind.LESS_EQUAL; }
                if (n == '>') { pos += 2; return TokenKind.LESS_GREATER; }
                if (n == '|') { pos += 2; return TokenKind.LESS_BAR; }
                pos++;
                return TokenKind.LESS;
            }
            case '>' -> {
                if (at(pos + 1) == '=') { pos += 2; return TokenKind.GREATER_EQUAL; }
                pos++;
                return TokenKind.GREATER;
            }
            default -> {
                return bad();
            }
        }
    }

    private TokenKind bad() {
        int start = pos;
        pos += Character.charCount(text.codePointAt(pos));
        report(KqlDiagnostic.error("KS002", start, pos, "Unexpected character: " + text.substring(start, pos),
                "Remove the character or put it inside a string literal."));
        return TokenKind.BAD_CHARACTER;
    }

    private TokenKind scanWord() {
        int start = pos;
        char c = text.charAt(pos);
        // Obfuscated strings: h'secret', H"secret", h@'secret'.
        if ((c == 'h' || c == 'H') && pos + 1 < length) {
            char n = text.charAt(pos + 1);
            if (n == '\'' || n == '"') return scanQuoted(pos + 1, n, false);
            if (n == '@' && (at(pos + 2) == '\'' || at(pos + 2) == '"')) return scanQuoted(pos + 2, at(pos + 2), true);
        }
        while (pos < length && isIdentPart(text.charAt(pos))) pos++;
        int len = pos - start;
        if (pos < length) {
            char n = text.charAt(pos);
            if (n == '-') {
                for (String h : HYPHENATED) {
                    if (h.length() > len && h.charAt(len) == '-' && text.startsWith(h, start)
                            && !isIdentPart(at(start + h.length())) && at(start + h.length()) != '-') {
                        pos = start + h.length();
                        return TokenKind.IDENTIFIER;
                    }
                }
            } else if (n == '.' && len == 4 && text.startsWith("hint", start) && isIdentStart(at(pos + 1))) {
                pos++;
                while (pos < length && isIdentPart(text.charAt(pos))) pos++;
            } else if (n == '~' && len == 2 && text.startsWith("in", start)) {
                pos++;
                return TokenKind.OPERATOR_WORD;
            } else if (n == '(' && len <= 9) {
                for (String w : TYPED_LITERAL_WORDS) {
                    if (w.length() == len && text.startsWith(w, start)) return scanTypedLiteral(start);
                }
            }
        }
        return TokenKind.IDENTIFIER;
    }

    /** {@code datetime(...)}: everything up to the closing parenthesis belongs to the literal. */
    private TokenKind scanTypedLiteral(int start) {
        pos++; // '('
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ')') {
                pos++;
                return TokenKind.TYPED_LITERAL;
            }
            if (c == '\n' || c == '\r' || c == '|' || c == ';') break;
            if (c == '\'' || c == '"') {
                char q = c;
                pos++;
                while (pos < length && text.charAt(pos) != q && text.charAt(pos) != '\n') pos++;
                if (pos < length && text.charAt(pos) == q) pos++;
                continue;
            }
            pos++;
        }
        // Trim trailing whitespace so the literal does not swallow the line break's indentation.
        while (pos > start && Character.isWhitespace(text.charAt(pos - 1))) pos--;
        report(KqlDiagnostic.error("KS001", pos, pos, "Missing: ) (the typed literal is not closed)",
                "Close the " + text.substring(start, text.indexOf('(', start)) + "(...) literal with ')'."));
        return TokenKind.TYPED_LITERAL;
    }

    private TokenKind scanNumber() {
        int start = pos;
        boolean real = false;
        if (text.charAt(pos) == '0' && (at(pos + 1) == 'x' || at(pos + 1) == 'X') && isHex(at(pos + 2))) {
            pos += 2;
            while (pos < length && isHex(text.charAt(pos))) pos++;
            return TokenKind.LONG_LITERAL;
        }
        while (pos < length && isDigit(text.charAt(pos))) pos++;
        // "1.5" and also "1." are reals; "1..5" is a range, so a second dot leaves the number alone.
        if (at(pos) == '.' && at(pos + 1) != '.' && !isIdentStart(at(pos + 1))) {
            real = true;
            pos++;
            while (pos < length && isDigit(text.charAt(pos))) pos++;
        }
        char e = at(pos);
        if ((e == 'e' || e == 'E')) {
            int p = pos + 1;
            if (at(p) == '+' || at(p) == '-') p++;
            if (isDigit(at(p))) {
                pos = p;
                while (pos < length && isDigit(text.charAt(pos))) pos++;
                real = true;
            }
        }
        if (pos < length && isIdentStart(text.charAt(pos))) {
            int unitStart = pos;
            int p = pos;
            while (p < length && isIdentPart(text.charAt(p))) p++;
            int len = p - unitStart;
            for (String u : TIMESPAN_UNITS) {
                if (u.length() == len && text.startsWith(u, unitStart)) {
                    pos = p;
                    return TokenKind.TIMESPAN_LITERAL;
                }
            }
            // Kusto reads a digit-led word that is no number or timespan (3rdPartyApp, 5Minutebin) as a name.
            pos = p;
            return TokenKind.IDENTIFIER;
        }
        return real ? TokenKind.REAL_LITERAL : TokenKind.LONG_LITERAL;
    }

    /** {@code 8-4-4-4-12} hex digits: Kusto lexes this as a guid literal whatever follows it. */
    private boolean isRawGuid(int at) {
        int p = at;
        for (int group : GUID_GROUPS) {
            if (p != at) {
                if (at(p) != '-') return false;
                p++;
            }
            if (!hexRun(p, group)) return false;
            p += group;
        }
        return true;
    }

    private static final int[] GUID_GROUPS = {8, 4, 4, 4, 12};

    /** A raw guid is a literal only inside {@code guid(...)} (lexed with it); anywhere else Kusto refuses it. */
    private TokenKind scanRawGuid() {
        int start = pos;
        pos += 36;
        report(KqlDiagnostic.error("KS214", start, pos, "Raw guid literals are not allowed in this context, use guid(...)"
                + " instead.", "Write guid(" + text.substring(start, pos) + ")."));
        return TokenKind.RAW_GUID_LITERAL;
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * A quoted string starting at {@code quotePos}. Regular strings take backslash escapes, verbatim ones
     * ({@code @'..'}) double the quote instead. Neither may cross a line break: Kusto ends the token there.
     */
    private TokenKind scanQuoted(int quotePos, char quote, boolean verbatim) {
        pos = quotePos + 1;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') break;
            if (c == quote) {
                if (verbatim && at(pos + 1) == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return TokenKind.STRING_LITERAL;
            }
            if (c == '\\' && !verbatim) {
                int escape = escapeLength(pos);
                if (escape == 0) {
                    // Kusto ends the string at a backslash that starts no escape: "C:\Windows\" is unterminated.
                    report(KqlDiagnostic.error("KS001", pos, pos, "Missing: " + quote + " ('\\" + escapedCharName(pos + 1)
                            + "' is no escape sequence, so the string ends at the backslash)",
                            "Double the backslash (\"C:\\\\Windows\\\\\") or write a verbatim string: @\"C:\\Windows\\\"."));
                    return TokenKind.STRING_LITERAL;
                }
                pos += escape;
                continue;
            }
            pos++;
        }
        report(KqlDiagnostic.error("KS001", pos, pos, "Missing: " + quote + " (the string is not closed on this line)",
                "Add " + quote + " before the end of the line; for text spanning lines use ```...```."));
        return TokenKind.STRING_LITERAL;
    }

    /**
     * Length of the escape sequence at the backslash {@code at}, or 0 when Kusto accepts none there: a quote,
     * backslash or one of {@code a b f n r t v}; one to three octal digits; x with 2, u with 4
     * and U with 8 hex digits (as Kusto.Language's lexer, checked against it character by character).
     */
    private int escapeLength(int at) {
        char n = at(at + 1);
        switch (n) {
            case '"', '\'', '\\', 'a', 'b', 'f', 'n', 'r', 't', 'v':
                return 2;
            case 'x':
                return hexRun(at + 2, 2) ? 4 : 0;
            case 'u':
                return hexRun(at + 2, 4) ? 6 : 0;
            case 'U':
                return hexRun(at + 2, 8) ? 10 : 0;
            default:
                if (n >= '0' && n <= '7') {
                    int len = 2;
                    while (len < 4 && at(at + len) >= '0' && at(at + len) <= '7') len++;
                    return len;
                }
                return 0;
        }
    }

    private boolean hexRun(int from, int count) {
        for (int i = 0; i < count; i++) {
            if (!isHex(at(from + i))) return false;
        }
        return true;
    }

    private String escapedCharName(int i) {
        char c = at(i);
        return c == '\0' || c == '\n' || c == '\r' ? "" : String.valueOf(c);
    }

    private TokenKind scanMultiLine() {
        int end = text.indexOf("```", pos + 3);
        if (end < 0) {
            pos = length;
            report(KqlDiagnostic.error("KS001", pos, pos, "Missing: ``` (the multi-line string is not closed)",
                    "Close the multi-line string with ```."));
        } else {
            pos = end + 3;
        }
        return TokenKind.STRING_LITERAL;
    }
}

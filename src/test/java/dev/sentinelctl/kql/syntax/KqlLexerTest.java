package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlLexerTest {

    private static List<Token> lex(String text, List<KqlDiagnostic> diags) {
        return KqlParser.tokenize(text, diags);
    }

    private static List<Token> lexClean(String text) {
        List<KqlDiagnostic> diags = new ArrayList<>();
        List<Token> tokens = lex(text, diags);
        assertTrue(diags.isEmpty(), () -> "unexpected diagnostics " + diags);
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) t.appendFullText(sb);
        assertEquals(text, sb.toString(), "tokens must cover the text exactly");
        return tokens;
    }

    private static void assertSingle(String text, TokenKind kind) {
        List<Token> tokens = lexClean(text);
        assertEquals(2, tokens.size(), () -> "expected one token for " + text + " but got " + tokens);
        assertEquals(kind, tokens.get(0).kind(), text);
        assertEquals(text, tokens.get(0).text());
    }

    @Test
    void stringLiterals() {
        assertSingle("'it\\'s'", TokenKind.STRING_LITERAL);
        assertSingle("\"say \\\"hi\\\"\"", TokenKind.STRING_LITERAL);
        assertSingle("@'C:\\temp\\'", TokenKind.STRING_LITERAL);
        assertSingle("@\"a\"\"b\"", TokenKind.STRING_LITERAL);
        assertSingle("```two\nlines```", TokenKind.STRING_LITERAL);
        assertSingle("h'secret'", TokenKind.STRING_LITERAL);
        assertSingle("H\"secret\"", TokenKind.STRING_LITERAL);
        assertSingle("h@'C:\\x'", TokenKind.STRING_LITERAL);
    }

    @Test
    void stringValuesDecode() {
        assertEquals("it's", StringValues.decode("'it\\'s'"));
        assertEquals("a\"b", StringValues.decode("@\"a\"\"b\""));
        assertEquals("C:\\temp", StringValues.decode("@'C:\\temp'"));
        assertEquals("x\ny", StringValues.decode("```x\ny```"));
        assertEquals("z", StringValues.decode("h'z'"));
    }

    @Test
    void everyEscapeKustoAccepts() {
        for (String esc : List.of("\\\"", "\\'", "\\\\", "\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v", "\\0",
                "\\012", "\\x41", "\\u0041", "\\U00000041")) {
            assertSingle("\"a" + esc + "b\"", TokenKind.STRING_LITERAL);
        }
        assertEquals("A\u0007\u000bA\tA\n", StringValues.decode("'\\x41\\a\\v\\u0041\\t\\101\\n'"));
        assertEquals("\"C:\\", StringValues.decode("\"\\\"C:\\\\\""));
    }

    @Test
    void backslashThatStartsNoEscapeEndsTheString() {
        // Kusto: "C:\Windows\" is unterminated, reported at the first backslash (\W is no escape).
        for (String q : List.of("\"", "'", "h\"")) {
            String text = "print " + q + "C:\\Windows\\" + q.substring(q.length() - 1);
            List<KqlDiagnostic> diags = new ArrayList<>();
            List<Token> tokens = lex(text, diags);
            int backslash = text.indexOf('\\');
            assertEquals("KS001", diags.get(0).code(), text);
            assertEquals(backslash, diags.get(0).start(), text);
            assertEquals(backslash, tokens.get(1).end(), "the string token ends at the backslash: " + text);
            assertEquals(TokenKind.BAD_CHARACTER, tokens.get(2).kind(), text);
        }
        for (String bad : List.of("\\q", "\\x4", "\\u004", "\\U0041", "\\8", "\\ ")) {
            List<KqlDiagnostic> diags = new ArrayList<>();
            lex("\"a" + bad + "\"", diags);
            assertEquals("KS001", diags.get(0).code(), bad);
            assertEquals(2, diags.get(0).start(), bad);
        }
        assertSingle("@\"C:\\Windows\\\"", TokenKind.STRING_LITERAL); // verbatim: a backslash is a backslash
    }

    @Test
    void rawGuidIsOneTokenAndRefused() {
        List<KqlDiagnostic> diags = new ArrayList<>();
        List<Token> tokens = lex("x == 12345678-abcd-ABCD-1234-123456789012", diags);
        assertEquals(TokenKind.RAW_GUID_LITERAL, tokens.get(2).kind());
        assertEquals(5, tokens.get(2).start());
        assertEquals(1, diags.size());
        assertEquals("KS214", diags.get(0).code());
        assertSingle("guid(12345678-abcd-ABCD-1234-123456789012)", TokenKind.TYPED_LITERAL);
        // one hex digit short of a guid: plain arithmetic, as in Kusto
        assertEquals(TokenKind.LONG_LITERAL, lexClean("12345678-1234-1234-1234-12345678901").get(0).kind());
    }

    @Test
    void numbersAndTimespans() {
        assertSingle("42", TokenKind.LONG_LITERAL);
        assertSingle("0x1F", TokenKind.LONG_LITERAL);
        assertSingle("1.5", TokenKind.REAL_LITERAL);
        assertSingle("1.", TokenKind.REAL_LITERAL);
        assertSingle("1.5", TokenKind.REAL_LITERAL);
        assertSingle("1.", TokenKind.REAL_LITERAL);
        assertSingle("2.5E-3", TokenKind.REAL_LITERAL);
        for (String ts : List.of("1d", "2h", "30m", "10s", "100ms", "1tick", "5ticks", "1microsecond", "1.5h", "3days",
                "7min", "2hours", "10seconds")) {
            assertSingle(ts, TokenKind.TIMESPAN_LITERAL);
        }
    }

    @Test
    void digitLedWordIsName() {
        assertSingle("3rdPartyApp", TokenKind.IDENTIFIER);
        assertSingle("5Minutebin", TokenKind.IDENTIFIER);
    }

    @Test
    void rangeDotsAreNotDecimals() {
        List<Token> t = lexClean("1..5");
        assertEquals(List.of(TokenKind.LONG_LITERAL, TokenKind.DOT_DOT, TokenKind.LONG_LITERAL, TokenKind.END_OF_TEXT),
                t.stream().map(Token::kind).toList());
    }

    @Test
    void typedLiteralsAreOneToken() {
        for (String s : List.of("datetime(2023-01-01 10:00)", "datetime(null)", "timespan(1.02:03:04)",
                "guid(74be27de-1e4e-49d9-b579-fe0b331d3642)", "real(nan)", "real(+inf)", "int(null)", "bool(true)",
                "long(-1)", "decimal(1.5)")) {
            assertSingle(s, TokenKind.TYPED_LITERAL);
        }
        // With a space the word is just a keyword: Kusto does the same.
        assertEquals(TokenKind.IDENTIFIER, lexClean("datetime (1)").get(0).kind());
    }

    @Test
    void wordsAndOperators() {
        for (String w : List.of("project-away", "project-keep", "project-rename", "project-reorder", "mv-expand",
                "mv-apply", "parse-where", "parse-kv", "make-series", "top-nested", "top-hitters", "sample-distinct",
                "hint.strategy", "hint.shufflekey", "$left", "$right", "_ASim_Dns", "Ünïcode")) {
            assertSingle(w, TokenKind.IDENTIFIER);
        }
        for (String w : List.of("!contains", "!contains_cs", "!has", "!has_cs", "!in", "!in~", "in~", "!startswith_cs",
                "!between", "!endswith", "!hasprefix", "!hassuffix_cs")) {
            assertSingle(w, TokenKind.OPERATOR_WORD);
        }
        List<Token> t = lexClean("a=~b!~c!=d<>e==f=>g<=h>=i..j<|k");
        List<TokenKind> kinds = t.stream().map(Token::kind).toList();
        assertEquals(List.of(TokenKind.IDENTIFIER, TokenKind.EQUAL_TILDE, TokenKind.IDENTIFIER, TokenKind.BANG_TILDE,
                TokenKind.IDENTIFIER, TokenKind.BANG_EQUAL, TokenKind.IDENTIFIER, TokenKind.LESS_GREATER,
                TokenKind.IDENTIFIER, TokenKind.EQUAL_EQUAL, TokenKind.IDENTIFIER, TokenKind.FAT_ARROW,
                TokenKind.IDENTIFIER, TokenKind.LESS_EQUAL, TokenKind.IDENTIFIER, TokenKind.GREATER_EQUAL,
                TokenKind.IDENTIFIER, TokenKind.DOT_DOT, TokenKind.IDENTIFIER, TokenKind.LESS_BAR,
                TokenKind.IDENTIFIER, TokenKind.END_OF_TEXT), kinds);
        // A hyphen between ordinary words is a minus.
        assertEquals(3 + 1, lexClean("a-b").size());
    }

    @Test
    void leadingAndTrailingTrivia() {
        List<Token> t = lexClean("  // c1\nT // c2\n | x\n ");
        assertEquals("  // c1\n", t.get(0).leadingTrivia());
        assertEquals(" // c2", t.get(0).trailingTrivia(), "the comment on T's line belongs to T");
        assertEquals("\n ", t.get(1).leadingTrivia());
        assertEquals(" ", t.get(1).trailingTrivia());
        assertEquals(TokenKind.END_OF_TEXT, t.get(3).kind());
        assertEquals("\n ", t.get(3).leadingTrivia());
        assertEquals(t.get(3).start(), t.get(3).end());
    }

    @Test
    void unterminatedStringStopsAtLineEnd() {
        List<KqlDiagnostic> d = new ArrayList<>();
        List<Token> t = lex("x == 'abc\n| take 1", d);
        assertEquals(1, d.size());
        assertEquals("KS001", d.get(0).code());
        assertEquals(9, d.get(0).start());
        assertEquals(9, d.get(0).end());
        assertEquals("'abc", t.get(2).text());
        assertEquals(TokenKind.BAR, t.get(3).kind());
    }

    @Test
    void unterminatedMultiLineAndTyped() {
        List<KqlDiagnostic> d = new ArrayList<>();
        lex("print ```abc", d);
        assertEquals("KS001", d.get(0).code());
        d.clear();
        lex("print datetime(2020-01-01", d);
        assertEquals("KS001", d.get(0).code());
        assertEquals(25, d.get(0).start());
    }

    @Test
    void badCharacterIsReportedNotThrown() {
        List<KqlDiagnostic> d = new ArrayList<>();
        List<Token> t = lex("a ^ b", d);
        assertEquals(TokenKind.BAD_CHARACTER, t.get(1).kind());
        assertEquals("KS002", d.get(0).code());
        assertEquals(2, d.get(0).start());
        for (String lone : new String[] {"a ~ b", "a ! b", "a & b"}) {
            d.clear();
            lex(lone, d);
            assertEquals("KS002", d.get(0).code(), lone);
        }
    }
}

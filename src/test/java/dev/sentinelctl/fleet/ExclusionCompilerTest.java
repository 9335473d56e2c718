package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.kql.syntax.SyntaxWalker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExclusionCompilerTest {

    static final String SEED = """
            EmailEvents
            | where Timestamp > ago(30d)
            | extend domain = substring(RecipientEmailAddress, indexof(RecipientEmailAddress, "@")+1)
            | summarize total=count() by EmailDirection, domain, bin(Timestamp, 1d)
            | order by Timestamp asc
            """;

    static final ExclusionCompiler COMPILER = new ExclusionCompiler(Catalog.builtIn());

    static ExclusionDeclaration decl(String name, String column, ExclusionMatch match, ExclusionPlacement at) {
        return new ExclusionDeclaration(name, "", column, match, at, false, "/exclusions/0");
    }

    static final ExclusionDeclaration SENDERS = decl("excludedSenders", "SenderFromAddress", ExclusionMatch.EQUALS,
            ExclusionPlacement.AFTER_TABLE);

    /** Hostile values: quotes, escapes, KQL punctuation, comments, statement ends, unicode, empty, very long. */
    static Stream<String> hostileValues() {
        List<String> values = new ArrayList<>(List.of(
                "'", "\"", "''", "\"\"", "\\", "\\\\", "\\\"", "\\'", "a\\", "\\n", "|", "| take 0", "\n| take 0",
                "x\" | take 0 | where \"1", "x' | take 0 | where '1", "a\nb", "a\r\nb", "a\tb", "\r", "//", "// x\n| take 0",
                "/*", "*/", "/* | take 0 */", ";", "; EmailEvents", ")", "))); EmailEvents | take 0 //", "(", "]", "[",
                "}", "{", "\"]) | take 0; let x = dynamic([\"", "@\"x\"", "h'x'", "```", "``` | take 0 ```", "$left",
                "root@localhost", "noreply@azure-security-center.microsoft.com", "ünïcødé@exämple.de", "日本語@例え.jp",
                "emoji 😀 @x", "\u00a0", "\ufeff", "", " ", "let", "where", "not(", "in~", "dynamic([])",
                "x".repeat(4000), "'\"\\|;/**/)".repeat(300)));
        return values.stream();
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void aValueCanNeverChangeTheQueryStructure(String value) {
        for (ExclusionMatch match : List.of(ExclusionMatch.EQUALS, ExclusionMatch.HAS, ExclusionMatch.STARTSWITH, ExclusionMatch.ENDSWITH)) {
            if (value.isBlank() && match != ExclusionMatch.EQUALS) continue; // refused, tested below
            ExclusionDeclaration d = decl("excludedSenders", "SenderFromAddress", match, ExclusionPlacement.AFTER_TABLE);
            List<String> values = List.of(value, "backup@veeam.com", value);
            CompiledQuery c = COMPILER.compile(SEED, List.of(d), Map.of("excludedSenders", new ExclusionValues.Literals(values)));
            assertStructure(SEED, c.text(), 1);
            assertEquals(values, letValues(c.text(), d.letName()));
        }
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void aHostileWatchlistAliasOrKeyColumnStaysAValue(String value) {
        if (value.isBlank()) return; // an alias is required; refused before compiling
        CompiledQuery c = COMPILER.compile(SEED, List.of(SENDERS), Map.of("excludedSenders", new ExclusionValues.Watchlist(value, value)));
        assertStructure(SEED, c.text(), 1);
        assertEquals(List.of(value), letValues(c.text(), SENDERS.letName()));
    }

    @Test
    void keywordColumnNamesAreQuoted() {
        assertEquals("SearchKey", KqlText.name("SearchKey"));
        assertEquals("[\"where\"]", KqlText.name("where"));
        assertEquals("[\"Sender Address\"]", KqlText.name("Sender Address"));
        ExclusionDeclaration d = decl("k", "and", ExclusionMatch.EQUALS, ExclusionPlacement.AFTER_TABLE);
        String q = "datatable(['and']: string) [\"a\", \"b\"]";
        CompiledQuery c = new ExclusionCompiler(Catalog.builtIn()).compile(q, List.of(d), Map.of("k", new ExclusionValues.Literals(List.of("a"))));
        assertTrue(c.text().contains("| where not([\"and\"] in~ (__sentinelctl_k))"), c.text());
    }

    /** Random strings over the characters that matter to a KQL lexer, with a fixed seed so a failure replays. */
    @Test
    void randomHostileStringsNeverChangeTheStructure() {
        String alphabet = "'\"\\|;/*()[]{}\n\r\t @h`$-=~!<>,.:aZ9\u00e9\u65e5";
        java.util.Random random = new java.util.Random(20261127);
        ExclusionDeclaration ends = decl("d", "SenderFromDomain", ExclusionMatch.ENDSWITH, ExclusionPlacement.BEFORE_SUMMARIZE);
        for (int round = 0; round < 300; round++) {
            List<String> values = new ArrayList<>();
            for (int v = 0, n = 1 + random.nextInt(4); v < n; v++) {
                StringBuilder sb = new StringBuilder("x");
                for (int i = 0, len = random.nextInt(40); i < len; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                values.add(sb.toString());
            }
            ExclusionDeclaration d = round % 2 == 0 ? SENDERS : ends;
            CompiledQuery c = COMPILER.compile(SEED, List.of(d), Map.of(d.name(), new ExclusionValues.Literals(values)));
            assertStructure(SEED, c.text(), 1);
            assertEquals(values, letValues(c.text(), d.letName()), c.text());
        }
    }

    static void assertStructure(String original, String compiled, int added) {
        ParsedQuery before = KqlParser.parse(original);
        ParsedQuery after = KqlParser.parse(compiled);
        assertFalse(after.hasErrors(), () -> after.diagnostics() + "\n" + compiled);
        assertEquals(lets(before) + added, lets(after), compiled);
        assertEquals(wheres(before) + added, wheres(after), compiled);
        assertEquals(before.statements().size() + added, after.statements().size(), compiled);
        assertFalse(Binder.bind(after, Catalog.builtIn()).hasErrors(), () -> Binder.bind(after, Catalog.builtIn()).diagnostics().toString());
    }

    static int lets(ParsedQuery q) {
        return (int) q.statements().stream().filter(s -> s instanceof Statement.Let).count();
    }

    static int wheres(ParsedQuery q) {
        return SyntaxWalker.nodesOfType(q.root(), QueryOperator.Where.class).size();
    }

    static List<String> letValues(String compiled, String letName) {
        for (Statement s : KqlParser.parse(compiled).statements()) {
            if (s instanceof Statement.Let l && l.name().simpleName().equals(letName)) return ExclusionCompiler.literalValues(l.value());
        }
        throw new AssertionError("no let " + letName);
    }

    @Test
    void seedQueryGetsTheFilterRightAfterTheTable() {
        CompiledQuery c = COMPILER.compile(SEED, List.of(SENDERS),
                Map.of("excludedSenders", new ExclusionValues.Literals(List.of("splunk@corp.example", "root@localhost"))));
        assertEquals("""
                let __sentinelctl_excludedSenders = dynamic(["splunk@corp.example", "root@localhost"]);
                EmailEvents
                | where not(SenderFromAddress in~ (__sentinelctl_excludedSenders))
                | where Timestamp > ago(30d)
                | extend domain = substring(RecipientEmailAddress, indexof(RecipientEmailAddress, "@")+1)
                | summarize total=count() by EmailDirection, domain, bin(Timestamp, 1d)
                | order by Timestamp asc
                """, c.text());
        assertEquals(List.of("excludedSenders"), c.applied());
    }

    @Test
    void placementsAndMatchesCompose() {
        List<ExclusionDeclaration> decls = List.of(
                decl("senders", "SenderFromAddress", ExclusionMatch.EQUALS, ExclusionPlacement.AFTER_TABLE),
                decl("senderDomains", "SenderFromDomain", ExclusionMatch.ENDSWITH, ExclusionPlacement.AFTER_TABLE),
                decl("subjects", "Subject", ExclusionMatch.HAS, ExclusionPlacement.BEFORE_SUMMARIZE),
                decl("recipientDomains", "domain", ExclusionMatch.EQUALS, ExclusionPlacement.BEFORE_SUMMARIZE),
                decl("ips", "SenderIPv4", ExclusionMatch.IN_IPV4_RANGE, ExclusionPlacement.AFTER_TABLE),
                decl("directions", "EmailDirection", ExclusionMatch.STARTSWITH, ExclusionPlacement.END));
        CompiledQuery c = COMPILER.compile(SEED, decls, Map.of(
                "senders", new ExclusionValues.Literals(List.of("root@localhost")),
                "senderDomains", new ExclusionValues.Literals(List.of("veeam.com", "commvault.com")),
                "subjects", new ExclusionValues.Literals(List.of("Backup Job Status", "Report")),
                "recipientDomains", new ExclusionValues.Literals(List.of("internal.example.com")),
                "ips", new ExclusionValues.Literals(List.of("10.0.0.0/8", "192.168.1.1")),
                "directions", new ExclusionValues.Literals(List.of("Intra"))));
        assertStructure(SEED, c.text(), 6);
        String t = c.text();
        assertTrue(t.indexOf("SenderIPv4") < t.indexOf("| where Timestamp"), t);
        assertTrue(t.indexOf("not(domain in~") < t.indexOf("| summarize") && t.indexOf("not(domain in~") > t.indexOf("| extend"), t);
        assertTrue(t.indexOf("not(EmailDirection startswith") > t.indexOf("| order by"), t);
        assertTrue(t.contains("not(SenderFromDomain endswith tostring(__sentinelctl_senderDomains[0]) or SenderFromDomain endswith tostring(__sentinelctl_senderDomains[1]))"), t);
    }

    @Test
    void watchlistsBecomeGetWatchlistWithAnEscapedAlias() {
        CompiledQuery c = COMPILER.compile(SEED, List.of(SENDERS),
                Map.of("excludedSenders", new ExclusionValues.Watchlist("Siem'Senders\"); EmailEvents //", "Sender Address")));
        assertStructure(SEED, c.text(), 1);
        assertTrue(c.text().startsWith("let __sentinelctl_excludedSenders = _GetWatchlist(\"Siem'Senders\\\"); EmailEvents //\") | project [\"Sender Address\"];\n"), c.text());
        assertEquals(List.of("Siem'Senders\"); EmailEvents //"), letValues(c.text(), SENDERS.letName()));
        CompiledQuery plain = COMPILER.compile(SEED, List.of(SENDERS),
                Map.of("excludedSenders", new ExclusionValues.Watchlist("SiemSenders", "SearchKey")));
        assertTrue(plain.text().startsWith("let __sentinelctl_excludedSenders = _GetWatchlist(\"SiemSenders\") | project SearchKey;"));
        ExclusionDeclaration ips = decl("ips", "SenderIPv4", ExclusionMatch.IN_IPV4_RANGE, ExclusionPlacement.AFTER_TABLE);
        CompiledQuery ranges = COMPILER.compile(SEED, List.of(ips), Map.of("ips", new ExclusionValues.Watchlist("Scanners", "SearchKey")));
        assertStructure(SEED, ranges.text(), 1);
        assertTrue(ranges.text().contains("toscalar(_GetWatchlist(\"Scanners\") | summarize make_list(SearchKey))"), ranges.text());
    }

    static Stream<Arguments> queryShapes() {
        return Stream.of(
                Arguments.of("let/union/comments", """
                        // leading comment | with a pipe; and a semicolon
                        let window = 1d; // trailing comment
                        let senders = EmailEvents | where Timestamp > ago(window) | project SenderFromAddress, Subject;
                        union senders, (EmailEvents | where Subject has "a|b;c//d" | project SenderFromAddress, Subject)
                        | summarize count() by SenderFromAddress, Subject
                        """, "SenderFromAddress"),
                Arguments.of("join", """
                        EmailEvents
                        | where Timestamp > ago(1d)
                        | join kind=inner (EmailUrlInfo | where Url has "|") on NetworkMessageId
                        | summarize n = count() by SenderFromAddress, Subject
                        """, "SenderFromAddress"),
                Arguments.of("set and string with pipes", """
                        set query_now = datetime(2024-01-01);
                        EmailEvents | where Subject == "x | where y; // z" | summarize by SenderFromAddress, Subject""", "SenderFromAddress"),
                Arguments.of("table only, no trailing newline", "EmailEvents", "SenderFromAddress"),
                Arguments.of("trailing comment after the table", "EmailEvents // all mail\n| summarize count() by SenderFromAddress, Subject // end", "SenderFromAddress"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queryShapes")
    void everyQueryShapeStaysWellFormed(String label, String query, String column) {
        for (ExclusionPlacement at : ExclusionPlacement.values()) {
            if (at == ExclusionPlacement.BEFORE_SUMMARIZE && !query.contains("summarize")) continue;
            ExclusionDeclaration d = decl("x", column, ExclusionMatch.EQUALS, at);
            List<String> values = List.of("a\"|b", "c'd;//e");
            CompiledQuery c = COMPILER.compile(query, List.of(d), Map.of("x", new ExclusionValues.Literals(values)));
            assertStructure(query, c.text(), 1);
            assertEquals(values, letValues(c.text(), d.letName()));
        }
    }

    @Test
    void noValuesMeansTheQueryIsUnchanged() {
        assertEquals(SEED, COMPILER.compile(SEED, List.of(SENDERS), Map.of()).text());
        assertEquals(SEED, COMPILER.compile(SEED, List.of(SENDERS), Map.of("excludedSenders", new ExclusionValues.Literals(List.of()))).text());
    }

    @Test
    void refusals() {
        Map<String, ExclusionValues> one = Map.of("excludedSenders", new ExclusionValues.Literals(List.of("a@b.c")));
        assertMessage("does not declare", () -> COMPILER.compile(SEED, List.of(), one));
        assertMessage("syntax errors", () -> COMPILER.compile("EmailEvents | where", List.of(SENDERS), one));
        assertMessage("reserved", () -> COMPILER.compile("let __sentinelctl_x = 1; EmailEvents", List.of(SENDERS), one));
        ExclusionDeclaration ends = decl("d", "SenderFromDomain", ExclusionMatch.ENDSWITH, ExclusionPlacement.AFTER_TABLE);
        assertMessage("exclude every row", () -> COMPILER.compile(SEED, List.of(ends), Map.of("d", new ExclusionValues.Literals(List.of("x", " ")))));
        assertMessage("watchlist", () -> COMPILER.compile(SEED, List.of(ends), Map.of("d", new ExclusionValues.Watchlist("W", "SearchKey"))));
        assertMessage("U+0000", () -> COMPILER.compile(SEED, List.of(SENDERS), Map.of("excludedSenders", new ExclusionValues.Literals(List.of("a\u0000")))));
        assertMessage("U+2028", () -> COMPILER.compile(SEED, List.of(SENDERS), Map.of("excludedSenders", new ExclusionValues.Literals(List.of("a\u2028")))));
        assertMessage("surrogate", () -> COMPILER.compile(SEED, List.of(SENDERS), Map.of("excludedSenders", new ExclusionValues.Literals(List.of("a\ud800")))));
        assertMessage("over the 10000", () -> COMPILER.compile(SEED, List.of(SENDERS), Map.of("excludedSenders", new ExclusionValues.Literals(List.of("x".repeat(10_000))))));
        ExclusionDeclaration summarize = decl("s", "SenderFromAddress", ExclusionMatch.EQUALS, ExclusionPlacement.BEFORE_SUMMARIZE);
        assertMessage("no summarize", () -> COMPILER.compile("EmailEvents | take 1", List.of(summarize), Map.of("s", new ExclusionValues.Literals(List.of("a")))));
        ExclusionDeclaration twin = decl("ExcludedSenders", "SenderFromAddress", ExclusionMatch.EQUALS, ExclusionPlacement.END);
        assertMessage("declared twice", () -> COMPILER.compile(SEED, List.of(SENDERS, twin), one));
        ExclusionDeclaration badName = decl("x = 1; T", "SenderFromAddress", ExclusionMatch.EQUALS, ExclusionPlacement.END);
        assertMessage("not a plain name", () -> COMPILER.compile(SEED, List.of(badName), Map.of("x = 1; T", new ExclusionValues.Literals(List.of("a")))));
        ExclusionDeclaration hasCs = new ExclusionDeclaration("s", "", "Subject", ExclusionMatch.HAS, ExclusionPlacement.AFTER_TABLE, true, "/e/0");
        assertMessage("no case-sensitive form", () -> COMPILER.compile(SEED, List.of(hasCs), Map.of("s", new ExclusionValues.Literals(List.of("a")))));
        ExclusionDeclaration gone = decl("g", "SenderFromAddress", ExclusionMatch.EQUALS, ExclusionPlacement.END);
        assertMessage("does not bind", () -> COMPILER.compile(SEED, List.of(gone), Map.of("g", new ExclusionValues.Literals(List.of("a")))));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        ExclusionCompileException e = assertThrows(ExclusionCompileException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

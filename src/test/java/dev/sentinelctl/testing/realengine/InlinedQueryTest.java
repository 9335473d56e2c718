package dev.sentinelctl.testing.realengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.eval.EvalContext;
import dev.sentinelctl.kql.eval.EvalResult;
import dev.sentinelctl.kql.eval.KqlEngine;
import dev.sentinelctl.kql.eval.Table;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.testing.FixtureTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixtures rendered as datatable literals read back as the same values (checked by running the rendered query on our
 * own engine, whose lexer follows Kusto's literal rules), and the clock pinned through the syntax tree.
 */
class InlinedQueryTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final List<String> HOSTILE = List.of("", "plain", "quote \" inside", "single ' quote", "back\\slash", "\\\"",
            "line\nbreak", "cr\r\ttab", "nul\u0000bell\u0007", "unicode é ü 漢字 😀", "]; print 1 //", "let x = 1;",
            "h@\"verbatim\"", "\u2028separator", "trailing backslash \\", "```", "dynamic({\"a\":1})", "datetime(2024-01-01)");

    @Test
    void everyTypeAndNullRendersAsAKqlLiteralThatReadsBackAsTheSameValue() throws Exception {
        List<Column> cols = List.of(new Column("s", ScalarType.STRING), new Column("b", ScalarType.BOOL), new Column("i", ScalarType.INT),
                new Column("l", ScalarType.LONG), new Column("r", ScalarType.REAL), new Column("d", ScalarType.DECIMAL),
                new Column("t", ScalarType.DATETIME), new Column("ts", ScalarType.TIMESPAN), new Column("g", ScalarType.GUID),
                new Column("dyn", ScalarType.DYNAMIC), new Column("where", ScalarType.STRING), new Column("a b", ScalarType.LONG));
        JsonMapper json = JsonMapper.builder().build();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"x", true, 7, Long.MAX_VALUE, 0.1, new BigDecimal("12.5"), Instant.parse("2024-05-01T11:59:59.1234567Z"),
                Duration.ofDays(1).plusHours(2).plusMillis(5), UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
                json.readTree("{\"k\":\"v \\\" ) ]\",\"n\":[1,2.5,null]}"), "kw", -1L});
        rows.add(new Object[] {"", false, -3, Long.MIN_VALUE, -1.5e300, new BigDecimal("-0.001"), Instant.parse("1970-01-01T00:00:00Z"),
                Duration.ofMinutes(-90), UUID.fromString("00000000-0000-0000-0000-000000000000"), json.readTree("\"just a string\""), "", 0L});
        rows.add(new Object[] {"", null, null, null, null, null, null, null, null, null, "", null});
        for (String h : HOSTILE) rows.add(new Object[] {h, null, null, null, null, null, null, null, null, null, h, null});
        FixtureTable table = new FixtureTable("Weird", cols, rows);

        String query = InlinedQuery.datatable(table);
        for (Column c : cols) {
            String lit = KqlLiterals.literal((ScalarType) c.type(), null);
            assertTrue(c.type() == ScalarType.STRING ? lit.equals("\"\"") : lit.equals(((ScalarType) c.type()).kustoName() + "(null)"), lit);
        }
        Table back = run(query);
        assertEquals(cols.size(), back.columns().size());
        for (int c = 0; c < cols.size(); c++) {
            assertEquals(cols.get(c).name(), back.columns().get(c).name());
            assertEquals(cols.get(c).type(), back.columns().get(c).type(), cols.get(c).name());
        }
        assertEquals(rows.size(), back.rowCount());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols.size(); c++) {
                Object want = rows.get(r)[c];
                Object got = back.value(r, c);
                if (want == null && got instanceof tools.jackson.databind.JsonNode j) {
                    assertTrue(j.isNull(), "dynamic(null) is the dynamic null: row " + r);
                } else if (want instanceof tools.jackson.databind.JsonNode) {
                    assertEquals(want.toString(), String.valueOf(got), "row " + r + " col " + c);
                } else if (want instanceof Number n && got instanceof Number m) {
                    assertEquals(0, new BigDecimal(n.toString()).compareTo(new BigDecimal(m.toString())), "row " + r + " col " + c);
                } else {
                    assertEquals(want == null && cols.get(c).type() == ScalarType.STRING ? "" : want, got, "row " + r + " col " + c);
                }
            }
        }
    }

    @Test
    void stringLiteralsEscapeEverythingThatCouldEndOrBreakThem() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0000\\u2028\"", KqlLiterals.string("a\"b\\c\nd\re\tf\u0000\u2028"));
        assertEquals("real(nan)", KqlLiterals.literal(ScalarType.REAL, Double.NaN));
        assertEquals("real(-inf)", KqlLiterals.literal(ScalarType.REAL, Double.NEGATIVE_INFINITY));
        assertEquals("datetime(2024-05-01T12:00:00.0000000Z)", KqlLiterals.literal(ScalarType.DATETIME, NOW));
        assertEquals("timespan(1.00:00:00)", KqlLiterals.literal(ScalarType.TIMESPAN, Duration.ofDays(1)));
        assertEquals("long(null)", KqlLiterals.literal(ScalarType.LONG, null));
        for (String h : HOSTILE) {
            for (String line : KqlLiterals.string(h).split("\n", -1)) assertEquals(KqlLiterals.string(h), line, "one line: " + h);
        }
    }

    @Test
    void nowAndAgoArePinnedThroughTheSyntaxTreeNotInStringsCommentsOrColumnNames() {
        String query = """
                T // now() in a comment
                | where TimeGenerated > ago(1h) and TimeGenerated <= now()
                | extend Label = "ago(1d) and now()", Later = now(2h), Nested = ago(now() - now(-1d))
                | extend ['ago'] = 1
                """;
        String pinned = InlinedQuery.pinned(query, NOW);
        assertTrue(pinned.startsWith("let __sentinelctl_now = datetime(2024-05-01T12:00:00.0000000Z);\n"), pinned);
        assertTrue(pinned.contains("// now() in a comment"), pinned);
        assertTrue(pinned.contains("TimeGenerated > (__sentinelctl_now - (1h)) and TimeGenerated <= __sentinelctl_now"), pinned);
        assertTrue(pinned.contains("\"ago(1d) and now()\""), pinned);
        assertTrue(pinned.contains("Later = (__sentinelctl_now + (2h))"), pinned);
        assertTrue(pinned.contains("Nested = (__sentinelctl_now - (__sentinelctl_now - (__sentinelctl_now + (-1d))))"), pinned);
        assertTrue(pinned.contains("['ago'] = 1"), pinned);
        assertFalse(pinned.replace("\"ago(1d) and now()\"", "").replace("// now() in a comment", "").matches("(?s).*\\b(now|ago)\\(.*"), pinned);
    }

    @Test
    void theInlinedQueryGivesTheSameAnswerAsTheOriginalOverTheFixtures() {
        List<Column> signin = CATALOG.table("SigninLogs").orElseThrow().columns();
        Object[] recent = new Object[signin.size()];
        Object[] old = new Object[signin.size()];
        int tg = index(signin, "TimeGenerated");
        int upn = index(signin, "UserPrincipalName");
        recent[tg] = NOW.minusSeconds(600);
        recent[upn] = "alice@contoso.com";
        old[tg] = NOW.minusSeconds(7200);
        old[upn] = "bob \"the\" admin";
        FixtureTable fixture = new FixtureTable("SigninLogs", signin, List.of(recent, old));
        List<Column> wl = List.of(new Column("SearchKey", ScalarType.STRING), new Column("Reason", ScalarType.STRING));
        FixtureTable allow = new FixtureTable("Allowed", wl, List.<Object[]>of(new Object[] {"carol@contoso.com", "vip"}));
        String query = """
                let allowed = _GetWatchlist('Allowed') | project SearchKey;
                SigninLogs
                | where TimeGenerated > ago(1h) and UserPrincipalName !in (allowed)
                | union (AuditLogs | project UserPrincipalName = tostring(InitiatedBy))
                | project UserPrincipalName
                """;
        String inlined = InlinedQuery.inline(query, Map.of("SigninLogs", fixture), Map.of("Allowed", allow), NOW, CATALOG);
        assertTrue(inlined.contains("let AuditLogs = datatable("), "a table without a fixture is declared empty: " + inlined);
        assertTrue(inlined.contains("let allowed = __sentinelctl_watchlist_0 | project SearchKey;"), inlined);
        // on our engine with no tables at all (every table is declared) and a different clock: still pinned
        EvalResult r = new KqlEngine(CATALOG).run(inlined, Map.of(), EvalContext.at(Instant.parse("2030-01-01T00:00:00Z")));
        Table t = assertInstanceOf(EvalResult.Ok.class, r, () -> r.toString()).table();
        assertEquals(1, t.rowCount());
        assertEquals("alice@contoso.com", t.value(0, 0));
    }

    private static int index(List<Column> cols, String name) {
        for (int i = 0; i < cols.size(); i++) if (cols.get(i).name().equals(name)) return i;
        throw new AssertionError(name);
    }

    private static Table run(String query) {
        EvalResult r = new KqlEngine(CATALOG).run(query, Map.of(), EvalContext.at(NOW));
        return assertInstanceOf(EvalResult.Ok.class, r, () -> r.toString() + "\n" + query).table();
    }
}

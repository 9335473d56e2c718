package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simple-mode parse scanner: Kusto's edge cases through the engine, and agreement with the regex it replaced. */
class ParseScannerTest {

    @Test
    void aMissingLiteralLeavesEveryColumnNull() {
        Table t = run("print s = 'user=alice port=22' | parse s with 'user=' user ' src=' src ' port=' port:long");
        assertEquals(List.of(List.of("user=alice port=22", "", "", "")), rows(t));
        assertEquals(0, run("print s = 'user=alice port=22' | parse-where s with 'user=' user ' src=' src ' port=' port:long").rowCount());
    }

    @Test
    void literalsAreCaseSensitive() {
        Table t = run("print s = 'User=alice' | parse s with 'user=' user");
        assertEquals(List.of(List.of("User=alice", "")), rows(t));
        Table hit = run("print s = 'User=alice' | parse s with 'User=' user");
        assertEquals(List.of(List.of("User=alice", "alice")), rows(hit));
    }

    @Test
    void aTypedColumnThatDoesNotConvertFailsTheRowUnlessRelaxed() {
        String in = "print s = 'at=notadate n=5' | ";
        String pattern = " s with 'at=' at:datetime ' n=' n:long";
        assertEquals(List.of(List.of("at=notadate n=5", "", "")), rows(run(in + "parse" + pattern)));
        assertEquals(0, run(in + "parse-where" + pattern).rowCount());
        assertEquals(List.of(List.of("at=notadate n=5", "", "5")), rows(run(in + "parse kind=relaxed" + pattern)));
        // a long column needs digits where it stands: letters there mean no match at all, relaxed or not
        assertEquals(List.of(List.of("n=x", "")), rows(run("print s = 'n=x' | parse kind=relaxed s with 'n=' n:long")));
    }

    @Test
    void capturesCanBeEmpty() {
        Table t = run("print s = 'a=;b=;' | parse s with 'a=' a ';b=' b ';' *");
        assertEquals(List.of(List.of("a=;b=;", "", "")), rows(t));
        Table last = run("print s = 'k=' | parse-where s with 'k=' k");
        assertEquals(List.of(List.of("k=", "")), rows(last));
    }

    @Test
    void theLastColumnTakesTheRestAndATrailingStarSkipsIt() {
        assertEquals(List.of(List.of("k=v w x", "v w x")), rows(run("print s = 'k=v w x' | parse s with 'k=' k")));
        assertEquals(List.of(List.of("k=v w x", "v")), rows(run("print s = 'k=v w x' | parse s with 'k=' k ' ' *")));
        assertEquals(List.of(List.of("k=12 w", "12")), rows(run("print s = 'k=12 w' | parse s with 'k=' k:long *")));
        // a leading star finds the first occurrence of the literal that lets the rest match
        assertEquals(List.of(List.of("x k=1 k=2", "1")), rows(run("print s = 'x k=1 k=2' | parse s with * 'k=' k:long *")));
    }

    @Test
    void aRepeatedLiteralIsRetriedUntilTheRestMatches() {
        // the first 'port=' is followed by letters, so the long column cannot start there; the next one is used
        Table t = run("print s = 'port=none user=bob port=8080' | parse s with * 'port=' port:long");
        assertEquals(List.of(List.of("port=none user=bob port=8080", "8080")), rows(t));
        Table u = run("print s = 'u=a;u=b;end' | parse s with 'u=' a ';' * 'end'");
        assertEquals(List.of(List.of("u=a;u=b;end", "a")), rows(u));
    }

    @Test
    void numberAndBoolCapturesGiveBackDigitsWhenTheNextLiteralNeedsThem() {
        Table t = run("print s = '12345 ok' | parse s with n:long '5 ok'");
        assertEquals(List.of(List.of("12345 ok", "1234")), rows(t));
        Table r = run("print s = 'v=-1.5e3;b=True' | parse s with 'v=' v:real ';b=' b:bool");
        assertEquals(List.of(List.of("v=-1.5e3;b=True", "-1500", "true")), rows(r));
    }

    @Test
    void longCapturesReadWithoutConvertAgreeWithConvert() {
        // simple mode reads up to 18 characters of digits itself; regex mode goes through Convert for every value
        for (String v : List.of("0", "-0", "007", "-17", "123456789012345678", "-12345678901234567", "1234567890123456789",
                "-9223372036854775808", "99999999999999999999")) {
            String q = "print s = 'n=" + v + ";' | parse %s s with 'n=' n:long ';'";
            assertEquals(rows(run(q.formatted("kind=regex"))), rows(run(q.formatted(""))), v);
        }
        assertEquals(List.of(List.of("n=-17;", "-17")), rows(run("print s = 'n=-17;' | parse s with 'n=' n:long ';'")));
    }

    @Test
    void theSubstringCacheSharesRepeatedValuesAndGivesUpOnUniqueOnes() {
        SubstringCache repeated = new SubstringCache(100_000);
        String a = repeated.get("x=alice;", 2, 7);
        assertEquals("alice", a);
        assertTrue(a == repeated.get("y=alice", 2, 7), "an equal span seen before is the same String");
        assertEquals("alic", repeated.get("y=alice", 2, 6));
        assertEquals("", repeated.get("abc", 1, 1));

        SubstringCache unique = new SubstringCache(100_000);
        for (int i = 0; i < 10_000; i++) assertEquals("v" + i, unique.get("k=v" + i, 2, 3 + String.valueOf(i).length()));
        String first = unique.get("xv1", 1, 3);
        assertFalse(first == unique.get("xv1", 1, 3), "after a trial with few hits the cache is off: plain substrings");

        SubstringCache small = new SubstringCache(10);
        assertFalse(small.get("xab", 1, 3) == small.get("xab", 1, 3), "too few rows to repay a cache");
    }

    /** Random patterns over a small alphabet, so literals repeat and collide with digits, signs and exponents. */
    @Test
    void theScannerMatchesWhatTheRegexMatched() {
        SplittableRandom rnd = new SplittableRandom(20261206);
        String[] literals = {"a", "=", " ", "ab", "b=", "", "1", ".", "e", "-", "x y", "\uDE00", "\uD83D\uDE00"};
        ScalarType[] types = {ScalarType.STRING, ScalarType.STRING, ScalarType.LONG, ScalarType.INT, ScalarType.REAL,
                ScalarType.BOOL, ScalarType.DATETIME};
        String alphabet = "ab= .1e2+-xE0TtrueF\n\uD83D\uDE00";
        int matched = 0;
        for (int c = 0; c < 30_000; c++) {
            List<ParseScanner.Element> elements = new ArrayList<>();
            int len = 1 + rnd.nextInt(6);
            for (int i = 0; i < len; i++) {
                int k = rnd.nextInt(3);
                if (k == 0) elements.add(new ParseScanner.Literal(literals[rnd.nextInt(literals.length)]));
                else if (k == 1) elements.add(new ParseScanner.Skip());
                else elements.add(new ParseScanner.Capture(types[rnd.nextInt(types.length)]));
            }
            StringBuilder sb = new StringBuilder();
            int sl = rnd.nextInt(16);
            for (int i = 0; i < sl; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            String s = sb.toString();

            ParseScanner scanner = new ParseScanner(elements);
            int n = scanner.captureCount();
            int[] st = new int[n];
            int[] en = new int[n];
            boolean ok = scanner.match(s, st, en);
            Matcher m = Pattern.compile(ParseOperator.regexFor(elements, false), Pattern.DOTALL).matcher(s);
            String where = elements + " on '" + s + "'";
            assertEquals(m.find(), ok, where);
            if (!ok) continue;
            matched++;
            for (int i = 0; i < n; i++) assertEquals(m.group(i + 1), s.substring(st[i], en[i]), "capture " + i + " of " + where);
        }
        assertTrue(matched > 3_000, "the generator should produce matches too, got " + matched);
    }

    @Test
    void aMatchNeverEndsInsideASurrogatePair() {
        List<ParseScanner.Element> p = List.of(new ParseScanner.Capture(ScalarType.STRING), new ParseScanner.Capture(ScalarType.STRING),
                new ParseScanner.Literal("\uDE00"));
        int[] st = new int[2];
        int[] en = new int[2];
        String s = "x\uD83D\uDE00";
        boolean ok = new ParseScanner(p).match(s, st, en);
        assertEquals(Pattern.compile(ParseOperator.regexFor(p, false), Pattern.DOTALL).matcher(s).find(), ok);
        assertFalse(ok);
    }
}

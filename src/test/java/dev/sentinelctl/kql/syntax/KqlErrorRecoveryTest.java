package dev.sentinelctl.kql.syntax;

import dev.sentinelctl.kql.KqlDiagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken queries: the first diagnostic's code and span, as Microsoft's Kusto.Language reports them (checked
 * against the oracle when these cases were written). '~' in the query stands for a line break.
 */
class KqlErrorRecoveryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // query                                         | code  | start | end
            "\"T ¦ where x > ago(1d) ¦ ¦ take 10\"             | KS176 | 23 | 23",
            "\"T ¦ where ¦ take 10\"                           | KS006 | 9  | 9",
            "\"T ¦ where (a == 1 and b ¦ take 5\"              | KS005 | 32 | 32",
            "\"T ¦ where a == 1) ¦ take 5\"                    | KS198 | 16 | 17",
            "\"T ¦ where a == 'abc ¦ take 5\"                  | KS001 | 28 | 28",
            "\"T ¦ where x y ¦ take 5\"                        | KS005 | 12 | 13",
            "\"T ¦ where x  y\"                                | KS005 | 11 | 11",
            "\"T ¦ where x~y\"                                 | KS005 | 11 | 11",
            "\"T ¦ foo x\"                                     | KS176 | 4  | 7",
            "\"T ¦ by x\"                                      | KS176 | 3  | 3",
            "\"T ¦ where x in ('a','b' ¦ take 1\"              | KS005 | 24 | 25",
            "\"T ¦ extend a = 1, ¦ take 1\"                    | KS006 | 17 | 17",
            "\"let x = 1 T ¦ take 1\"                          | KS005 | 10 | 11",
            "\"T ¦ where a == datetime (2020-01-01)\"          | KS006 | 14 | 14",
            "\"T ¦ extend a = 1 b = 2\"                        | KS005 | 17 | 18",
            "\"T ¦ extend a = 1  b = 2\"                       | KS005 | 16 | 16",
            "\"T ¦ summarize count() by a b\"                  | KS005 | 27 | 28",
            "\"T ¦ where f(a b)\"                              | KS005 | 14 | 15",
            "\"let x = 1;; T\"                                 | KS198 | 10 | 11",
            "\"T ¦ where x in (1, A ¦ project y)\"             | KS005 | 21 | 22",
            "\"T ¦ where x in ()\"                             | KS006 | 16 | 16",
            "\"T ¦ lookup X\"                                  | KS006 | 12 | 12",
            "\"T ¦ evaluate bag_unpack\"                       | KS005 | 23 | 23",
            "\"T ¦ top 10\"                                    | KS005 | 10 | 10",
            "\"T ¦ make-series count() on t from 1 to 2\"      | KS005 | 40 | 40",
            "\"T ¦ where x has_any 'a'\"                       | KS005 | 20 | 23",
            "\"T ¦ extend x = 1 +* 2\"                         | KS006 | 18 | 18",
            "\"T ¦ where x == - -2\"                           | KS006 | 16 | 16",
            "\"T ¦ where a.has_all\"                           | KS006 | 12 | 12",
            "\"T ¦ mv-expand x to 'a'\"                        | KS006 | 18 | 18",
            "\"T ¦ extend kind = 1\"                           | KS228 | 11 | 15",
            "\"T ¦ where x == 1~¦ where y == 2~foo\"           | KS005 | 31 | 31",
            "\"T ¦ extend x = dynamic([1, 2)\"                 | KS005 | 28 | 29",
            "\"T ¦ where a == ^\"                              | KS006 | 14 | 14",
            "\"let  = 14d; T\"                                 | KS198 | 5  | 6",
            "\"T ¦ where x == 'a\"                             | KS001 | 17 | 17",
            "\"T ¦ extend a = ```xx\"                          | KS001 | 20 | 20",
            "\"T ¦ as\"                                        | KS006 | 6  | 6",
            "\"T ¦ where a[\"                                  | KS006 | 12 | 12",
            "\"T ¦ order by  desc\"                            | KS006 | 12 | 12",
            "\"datatable(a:string)['x', ('y')]\"              | KS005 | 25 | 26",
            "\"datatable(a string)['x']\"                     | KS005 | 12 | 18",
            "\"T ¦ mv-expand x to typeof(string, long)\"      | KS005 | 32 | 33",
            "\"T ¦ mv-apply x on (a == 1)\"                   | KS176 | 19 | 20",
            "\"T ¦ extend (a, b,) = f(x)\"                    | KS006 | 17 | 17",
            "\"T ¦ where x .has_all ('a')\"                   | KS006 | 13 | 13",
            "\"T~  where x > 1\"                              | KS005 | 1  | 1",
            "\"T ¦ parse x with 'a' b, 'c' d\"                | KS198 | 22 | 23",
            "\"print\"                                        | KS006 | 5  | 5",
            "\"T ¦ render\"                                   | KS005 | 10 | 10",
            "\"T ¦ summarize count( by x\"                    | KS005 | 21 | 23",
            "\"T ¦ where x !in in (1)\"                       | KS005 | 16 | 18",
            "\"T ¦ top 10 }by x\"                             | KS005 | 11 | 12",
            "\"let f = () { T ¦ where x ) }; f()\"            | KS005 | 25 | 26",
            "\"T ¦ count() \"                                 | KS176 | 3  | 3",
            // literals Kusto refuses: non-constant dynamic elements, raw guids, a backslash that starts no escape
            "\"print dynamic([x, 1])\"                        | KS005 | 15 | 16",
            "\"print dynamic({a:1})\"                         | KS005 | 15 | 16",
            "\"print dynamic(x)\"                             | KS006 | 14 | 14",
            "\"print dynamic([-1, -x])\"                      | KS006 | 18 | 18",
            "\"print dynamic({1:2})\"                         | KS006 | 15 | 16",
            "\"print dynamic([int(1)])\"                      | KS005 | 15 | 21",
            "\"print 12345678-1234-1234-1234-123456789012\"   | KS214 | 6  | 42",
            "\"T ¦ where g == 12345678-1234-1234-1234-123456789012\" | KS214 | 15 | 51",
            "\"print 'C:\\Windows\\'\"                        | KS001 | 9  | 9",
            "\"print x = 'a\\qb', y = 1\"                      | KS001 | 12 | 12",
            // render properties, count as
            "\"T ¦ render timechart with (foo=1)\"             | KS005 | 27 | 30",
            "\"T ¦ render timechart with (legend=hidden,)\"    | KS006 | 41 | 41",
            "\"T ¦ render timechart with (title='a' xtitle='b')\" | KS005 | 37 | 43",
            "\"T ¦ render timechart with title='x'\"           | KS006 | 25 | 25",
            "\"T ¦ count as\"                                  | KS006 | 12 | 12",
            "\"T ¦ count as ¦ take 1\"                         | KS006 | 13 | 14",
            "\"T ¦ join materialize(U) on x\"                  | KS006 | 8  | 8",
            "\"T ¦ evaluate bag_unpack(d) : (a:string, *)\"   | KS005 | 40 | 41",
            "\"find in (T) 'x'\"                              | KS005 | 12 | 15",
            "\"T ¦ parse a with 'x' b:string string 'y'\"     | KS198 | 30 | 36",
            "\"let f = () { print 1; print 2 }; f\"           | KS005 | 22 | 27",
            "\"let f = () { print 1;; }; f\"                  | KS005 | 21 | 22",
            "\"T ¦ extend x = d.2\"                           | KS006 | 17 | 17",
            "\"T ¦ extend x = d.int(1)\"                      | KS006 | 17 | 17",
            "\"print 1.5.2\"                                  | KS006 | 10 | 10",
    })
    void firstDiagnostic(String query, String code, int start, int end) {
        String q = query.replace('¦', '|').replace('~', '\n');
        ParsedQuery p = KqlParser.parse(q);
        assertFalse(p.diagnostics().isEmpty(), "expected a diagnostic");
        KqlDiagnostic d = p.diagnostics().get(0);
        assertEquals(code, d.code(), () -> "diagnostics: " + p.diagnostics());
        assertEquals(start, d.start(), () -> "diagnostics: " + p.diagnostics());
        assertEquals(end, d.end(), () -> "diagnostics: " + p.diagnostics());
        assertFalse(d.message().isBlank());
        assertFalse(d.hint().isBlank(), "every diagnostic says how to fix it");
        assertEquals(q, SyntaxWalker.fullText(p.root()), "lossless even when broken");
    }

    @Test
    void validButUnusualIsAccepted() {
        for (String q : new String[] {"T | where x = 1 or y", "T | where a:\"x\"", "T | project", "T | summarize",
                "T | join kind=inner (X) | take 1", "T | parse x with", "T | where x == 1abc", "print x = 1L",
                "print dynamic([dynamic([1]), dynamic({'a': dynamic({})}), True, FALSE, null, -1.5, 1d, h'x',"
                        + " guid(12345678-1234-1234-1234-123456789012), long(2), datetime(2024-01-01)])",
                "print 'a\\'b\\\\\\x41\\u0041\\U00000041\\012\\t', @'C:\\Windows\\'",
                "search *", "search * | take 5", "T | search * has 'x' | count as N", "find 'x'",
                "search kind=case_insensitive in (T, U*) 'err' and 'x*' or C:'y'", "T | where * has 'x'",
                "T | render timechart with (kind=stacked100, series=a, b, title='t', ycolumns=c, ymin=-1)",
                "T | render timechart with 'title'", "T | render columnchart with ()",
                "let x = materialize(T | take 1); x", "T | partition by x { U | take 1 }",
                "T | evaluate bag_unpack(d) : (*, a:string)", "let f = (T:(*)) { T }; f(U)",
                "let f = () { let x = 1; print x; }; f", "T | parse a with 'id=' id:string ' title=' title",
                "T | where * == 'x'"}) {
            ParsedQuery p = KqlParser.parse(q);
            assertTrue(p.diagnostics().isEmpty(), () -> q + " -> " + p.diagnostics());
        }
    }

    @Test
    void missingTokensAreSynthesisedAndSkippedTokensKept() {
        ParsedQuery p = KqlParser.parse("T | where (a == 1 | take 5");
        Token missingClose = SyntaxWalker.tokens(p.root()).stream().filter(Token::missing).findFirst().orElseThrow();
        assertEquals(TokenKind.CLOSE_PAREN, missingClose.kind());
        assertEquals(missingClose.start(), missingClose.end());

        ParsedQuery q = KqlParser.parse("T | take 1 ) ) extra");
        Statement last = q.statements().get(q.statements().size() - 1);
        Statement.Skipped skipped = assertInstanceOf(Statement.Skipped.class, last);
        assertEquals(3, skipped.skipped().tokens().size());
        assertEquals(1, q.diagnostics().size(), "one KS198 for the whole fragment");
    }

    @Test
    void badOperatorKeepsTheWord() {
        ParsedQuery p = KqlParser.parse("T | wher x > 1");
        QueryOperator.Bad bad = assertInstanceOf(QueryOperator.Bad.class,
                ((Expr.Pipe) ((Statement.Query) p.statements().get(0)).expression()).operator());
        assertEquals("wher", bad.keyword().text());
    }
}

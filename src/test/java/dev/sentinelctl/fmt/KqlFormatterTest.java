package dev.sentinelctl.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.kql.syntax.QueryEquivalence;
import java.util.List;
import org.junit.jupiter.api.Test;

class KqlFormatterTest {
    private final KqlFormatter formatter = new KqlFormatter(FmtOptions.DEFAULT);

    /** Formats, checks the promises (same program, same comments, idempotent) and returns the text. */
    private String fmt(String query) {
        return fmt(formatter, query);
    }

    private static String fmt(KqlFormatter formatter, String query) {
        KqlFormatter.Result r = formatter.format(query);
        assertEquals(KqlFormatter.Status.FORMATTED, r.status(), r.detail());
        assertTrue(QueryEquivalence.sameProgram(query, r.text()), "tokens changed:\n" + r.text());
        assertEquals(KqlFormatter.comments(query), KqlFormatter.comments(r.text()), "comments changed");
        assertEquals(r.text(), formatter.format(r.text()).text(), "second format changed the text");
        return r.text();
    }

    @Test
    void oneOperatorPerLineWithThePipeFirst() {
        assertEquals("SecurityEvent\n| where EventID == 4625\n| summarize count() by Account",
                fmt("SecurityEvent | where EventID==4625|summarize count() by Account"));
    }

    @Test
    void pipeLastWhenConfigured() {
        KqlFormatter last = new KqlFormatter(new FmtOptions(80, false));
        assertEquals("SecurityEvent |\nwhere EventID == 4625 |\ntake 5", fmt(last, "SecurityEvent | where EventID == 4625 | take 5"));
    }

    @Test
    void spacingAroundBinaryOperatorsAndAfterCommas() {
        assertEquals("T\n| extend a = b + 1, c = d * 2, e = x - 5, f = -1\n| where s =~ 'x' and n != 0",
                fmt("T|extend a=b+1,c=d * 2,e=x-5,f=-1|where s=~'x' and n!=0"));
    }

    @Test
    void caseOfNamesAndKeywordsIsNeverChanged() {
        assertEquals("securityevent\n| where eventID == 1 and Name =~ 'X'\n| extend V = ToLower(Name), W = TOLOWER(Name)",
                fmt("securityevent | where eventID == 1 and Name =~ 'X' | extend V = ToLower(Name), W = TOLOWER(Name)"));
    }

    @Test
    void operatorParametersStayTight() {
        assertEquals("A\n| join kind=inner (B) on Id", fmt("A | join kind = inner (B) on Id"));
    }

    @Test
    void letStatementsEndLinesAndIndentTheirPipeline() {
        assertEquals("let x = 5;\nlet t = T\n    | where a > x\n    | take 1;\nt",
                fmt("let x = 5; let t = T | where a > x | take 1; t"));
    }

    @Test
    void nestedLetsInAFunctionBody() {
        String out = fmt("let f = (n:int) { let y = n * 2; let z = toscalar(T | where a > y | summarize max(a) by b); z }; print f(1)");
        assertEquals("""
                let f = (n: int) {
                    let y = n * 2;
                    let z = toscalar(
                        T
                        | where a > y
                        | summarize max(a) by b
                    );
                    z
                };
                print f(1)""", out);
    }

    @Test
    void joinSubqueryIsIndentedAndClosedOnItsOwnLine() {
        assertEquals("""
                A
                | join kind=inner (
                    B
                    | where x == 1
                    | project Id
                ) on Id""", fmt("A | join kind=inner (B | where x == 1 | project Id) on Id"));
    }

    @Test
    void shortNestedPipelineOfOneOperatorStaysOnALine() {
        assertEquals("union (A | take 1), (B | take 1)", fmt("union (A|take 1), (B|take 1)"));
    }

    @Test
    void materializeAndUnionNest() {
        String out = fmt("let m = materialize(T | where a == 1 | summarize count() by b); union (m | where c > 1 | take 1), (m | take 2 | take 1)");
        assertTrue(out.startsWith("let m = materialize(\n    T\n    | where a == 1\n"), out);
        assertTrue(out.endsWith("union (\n    m\n    | where c > 1\n    | take 1\n), (\n    m\n    | take 2\n    | take 1\n)"), out);
    }

    @Test
    void longArgumentListsWrapOnePerLine() {
        String out = fmt("T | project TimeGenerated, AccountName, ComputerName, IpAddress, LogonType, TargetUserName, SubjectUserName");
        assertEquals("""
                T
                | project
                    TimeGenerated,
                    AccountName,
                    ComputerName,
                    IpAddress,
                    LogonType,
                    TargetUserName,
                    SubjectUserName""", out);
    }

    @Test
    void longPredicatesBreakBeforeAndOr() {
        String out = fmt("T | where AccountNameXXXXXXXXXXXXXX == 'administrator' and ComputerNameYYYYYYYYYYY startswith 'dc' or LogonType == 10");
        assertEquals("T\n| where AccountNameXXXXXXXXXXXXXX == 'administrator'\n    and ComputerNameYYYYYYYYYYY startswith 'dc'\n    or LogonType == 10", out);
    }

    @Test
    void summarizeByListOnItsOwnLine() {
        String out = fmt("T | summarize StartTime = min(TimeGenerated), EndTime = max(TimeGenerated), Count = count() by Account, Computer");
        assertEquals("""
                T
                | summarize
                    StartTime = min(TimeGenerated),
                    EndTime = max(TimeGenerated),
                    Count = count()
                    by Account, Computer""", out);
    }

    @Test
    void commentsEverywhereStayWithTheirTokens() {
        String q = """
                // leading comment
                let x = 1; // after let

                // before the table
                T // after the table
                // before a pipe
                | where a == 1 // after a predicate
                    and b == 2
                | project a, // after a comma
                    b
                // trailing comment""";
        String out = fmt(q);
        assertEquals("""
                // leading comment
                let x = 1; // after let

                // before the table
                T // after the table
                // before a pipe
                | where a == 1 // after a predicate
                    and b == 2
                | project
                    a, // after a comma
                    b
                // trailing comment""", out);
    }

    @Test
    void slashesInsideStringsAreNotComments() {
        String out = fmt("T | where Url has 'https://example.com//x' | extend v = @'C:\\\\temp//y', h = h'//secret'");
        assertEquals("T\n| where Url has 'https://example.com//x'\n| extend v = @'C:\\\\temp//y', h = h'//secret'", out);
    }

    @Test
    void verbatimAndMultiLineStringsAreKeptByteForByte() {
        String q = "print a = @\"c:\\path\\\", b = ```line one\n   line  two``` | project a,b";
        String out = fmt(q);
        assertTrue(out.contains("@\"c:\\path\\\""), out);
        assertTrue(out.contains("```line one\n   line  two```"), out);
    }

    @Test
    void setStatements() {
        assertEquals("set query_now = datetime(2024-01-01);\nT\n| take 1", fmt("set query_now = datetime(2024-01-01); T | take 1"));
    }

    @Test
    void crlfTabsAndByteOrderMarkAreWhiteSpace() {
        assertEquals("T\n| where a == 1\n| take 1", fmt("\uFEFFT\r\n|\twhere a == 1\r\n\t| take 1\r\n"));
    }

    @Test
    void authorRowsInDatatableAreKept() {
        String q = "datatable(Name:string, Value:int)[\n  'a', 1,\n  'b', 2\n]";
        assertEquals("datatable(Name: string, Value: int)[\n    'a', 1,\n    'b', 2\n]", fmt(q));
    }

    @Test
    void dynamicArrayArgumentHugsItsParentheses() {
        String q = "let l = dynamic(['aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccccccc', 'ddddddd']);";
        assertEquals("let l = dynamic([\n    'aaaaaaaaaaaaaaaaaaaa',\n    'bbbbbbbbbbbbbbbbbbbbbbbb',\n    'cccccccccccccccccccccccc',\n    'ddddddd'\n]);",
                fmt(q));
    }

    @Test
    void queryWithSyntaxErrorIsLeftAsWritten() {
        KqlFormatter.Result r = formatter.format("T | where (a == 1");
        assertEquals(KqlFormatter.Status.SYNTAX_ERROR, r.status());
        assertEquals("T | where (a == 1", r.text());
    }

    @Test
    void safetyCheckCatchesChangedTokensAndLostComments() {
        assertNull(KqlFormatter.safetyProblem("T | take 1 // c", "T\n| take 1 // c"));
        String tokens = KqlFormatter.safetyProblem("T | where x == 1", "T | where x = 1");
        assertNotNull(tokens);
        assertTrue(tokens.contains("'==' became '='"), tokens);
        assertNotNull(KqlFormatter.safetyProblem("T // c\n| take 1", "T\n| take 1"));
        assertNotNull(KqlFormatter.safetyProblem("T // a\n// b\n| take 1", "T // b\n// a\n| take 1"));
        // Removing the space in "h 'x'" would make an obfuscated string literal: a different token.
        assertNotNull(KqlFormatter.safetyProblem("print h 'x'", "print h'x'"));
    }

    @Test
    void commentsAreListedInOrder() {
        assertEquals(List.of("// a", "// b", "// c"), KqlFormatter.comments("// a\nT // b\n| take 1\n// c"));
    }
}

package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** has-family term semantics and the case rules of string operators (datatypes-string-operators.md). */
class StringOperatorSemanticsTest {

    @Test
    void hasMatchesWholeTermsNotSubstrings() {
        assertEquals("false", scalar("'AAA' has 'aA'"));
        assertEquals("true", scalar("'North America' has 'north america'"));
        assertEquals("true", scalar("'user=alice;role=admin' has 'ROLE'"));
        assertEquals("false", scalar("'powershell.exe' has 'shell'"));
        assertEquals("true", scalar("'powershell.exe' has 'exe'"));
        assertEquals("true", scalar("'/subscriptions/x/resourcegroups/test.rg000001?a' has '/resourcegroups/test.rg000001?'"));
        assertEquals("true", scalar("'a' !has 'b'"));
    }

    @Test
    void hasCsIsCaseSensitive() {
        assertEquals("false", scalar("'Hello World' has_cs 'world'"));
        assertEquals("true", scalar("'Hello World' has_cs 'World'"));
    }

    @Test
    void hasprefixAndHassuffixWorkOnTerms() {
        assertEquals("true", scalar("'cmd.exe /c whoami' hasprefix 'who'"));
        assertEquals("false", scalar("'cmd.exe /c whoami' hasprefix 'ami'"));
        assertEquals("true", scalar("'cmd.exe /c whoami' hassuffix 'ami'"));
        assertEquals("false", scalar("'cmd.exe /c whoami' hassuffix 'who'"));
    }

    @Test
    void hasAnyAndHasAllApplyHasToEachElement() {
        assertEquals("true", scalar("'mimikatz sekurlsa::logonpasswords' has_any ('sekurlsa', 'nothing')"));
        assertEquals("false", scalar("'mimikatz sekurlsa' has_any ('mimi', 'katz')"));
        assertEquals("false", scalar("'a b' has_all ('a', 'c')"));
        assertEquals("true", scalar("'a b c' has_all (dynamic(['a', 'c']))"));
    }

    @Test
    void caseRulesOfEqualityAndContains() {
        assertEquals("false", scalar("'Admin' == 'admin'"));
        assertEquals("true", scalar("'Admin' =~ 'admin'"));
        assertEquals("true", scalar("'Admin' !~ 'root'"));
        assertEquals("true", scalar("'PowerShell' contains 'shell'"));
        assertEquals("false", scalar("'PowerShell' contains_cs 'shell'"));
        assertEquals("true", scalar("'PowerShell' startswith 'power'"));
        assertEquals("false", scalar("'PowerShell' startswith_cs 'power'"));
        assertEquals("true", scalar("'PowerShell' endswith 'SHELL'"));
        assertEquals("true", scalar("'b' in~ ('A', 'B')"));
        assertEquals("false", scalar("'b' in ('A', 'B')"));
        assertEquals("true", scalar("'b' !in ('A', 'B')"));
    }

    @Test
    void regexIsRe2AndRefusesWhatRe2Lacks() {
        assertEquals("true", scalar("'abc123' matches regex '[a-c]+\\\\d{3}'"));
        assertEquals("123", scalar("extract('([0-9]+)', 1, 'abc123def')"));
        assertEquals("true", scalar("'a{b' matches regex 'a{b'"));
        EvalResult.Failed f = EngineTestSupport.fail("print 'aa' matches regex '(a)\\\\1'");
        assertEquals(EvalResult.UNSUPPORTED, f.code());
        EvalResult.Failed g = EngineTestSupport.fail("print 'ab' matches regex 'a(?=b)'");
        assertEquals(EvalResult.UNSUPPORTED, g.code());
    }
}

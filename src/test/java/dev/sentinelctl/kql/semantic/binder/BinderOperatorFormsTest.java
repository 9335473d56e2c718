package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.KqlDiagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.bind;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.codes;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.columns;
import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operator forms whose binding was missing: render properties, search, count as, join conditions,
 * project-away patterns, parse_user_agent. Codes, positions and messages as Microsoft's Kusto.Language
 * reports them (checked with the oracle when written).
 */
class BinderOperatorFormsTest {

    @Test
    void renderPropertiesAreCheckedAgainstTheirKind() {
        String base = "Logons | summarize n = count() by Host, User | render ";
        assertEquals(List.of(), codes(bind(base + "timechart with (title=\"t\", xtitle='x', ytitle=\"y\", kind=stacked,"
                + " series=Host, User, ycolumns=n, legend=hidden, ysplit=panels, accumulate=true, ymin=-1, ymax=10.5,"
                + " xaxis=log, yaxis=linear)")));
        assertEquals(List.of(), codes(bind(base + "piechart with (xcolumn=Host)")));
        assertEquals(List.of(), codes(bind(base + "barchart kind=stacked title=\"t\"")));

        KqlDiagnostic kind = only(base + "timechart with (kind=Stacked)");
        assertEquals("KS005", kind.code());
        assertEquals("Expected one of: default, unstacked, stacked, stacked100, map", kind.message());
        assertEquals((base + "timechart with (kind=").length(), kind.start());

        KqlDiagnostic chart = only(base + "bogus");
        assertEquals("KS005", chart.code());
        assertTrue(chart.message().startsWith("Expected one of: table, list, barchart"), chart.message());

        assertEquals("KS141", only(base + "timechart with (title=1)").code());
        assertEquals("KS223", only(base + "timechart with (accumulate=1)").code());
        assertEquals("KS224", only(base + "timechart with (ymin=n)").code());

        String q = base + "timechart with (series=Host, Nope)";
        KqlDiagnostic col = only(q);
        assertEquals("KS142", col.code());
        assertEquals(q.indexOf("Nope"), col.start());
    }

    @Test
    void searchTermsAndStar() {
        assertEquals(List.of(), codes(bind("search \"a\" and \"b\" or \"c*\"")));
        assertEquals(List.of(), codes(bind("search in (Logons, Hosts) * has \"x\" | take 1")));
        assertEquals(List.of(), codes(bind("Logons | search kind=case_sensitive User:\"x\" and Host has \"y\"")));
        assertEquals(List.of(), codes(bind("Logons | where * has \"x\"")));
        KqlDiagnostic param = only("search withsource=T \"x\"");
        assertEquals("KS179", param.code());
        assertEquals(7, param.start());
        assertEquals("KS005", only("search kind=bogus \"x\"").code());
    }

    @Test
    void countAsNamesItsColumn() {
        assertEquals("Events:long", columns("Logons | count as Events"));
        assertEquals("Count:long", columns("Logons | count"));
        assertEquals("KS142", only("Logons | count as Events | project Count").code());
    }

    @Test
    void joinConditionOperandsInKustosOrder() {
        String q = "Logons | join (Hosts) on $right.Owner == $left.User";
        BoundQuery b = bind(q);
        assertEquals(List.of("KS183", "KS183"), codes(b));
        assertEquals("The join condition operand must be: $left.<column>", b.diagnostics().get(0).message());
        assertEquals(q.indexOf("$right"), b.diagnostics().get(0).start());
        assertEquals(q.indexOf("$left"), b.diagnostics().get(1).start());
        assertTrue(b.diagnostics().get(0).hint().contains("$left.A == $right.B"), b.diagnostics().get(0).hint());

        assertEquals("KS183", only("Logons | join (Hosts) on User == $right.Owner").code());
        assertEquals("KS183", only("Logons | join (Hosts) on $left.User == tolower($right.Owner)").code());
        assertEquals("KS182", only("Logons | join (Hosts) on $left.User != $right.Owner").code());
        // the newer 'where' spelling takes any predicate over both sides
        assertEquals(List.of(), codes(bind("Logons | join kind=inner (Hosts) where Owner == User")));
        assertEquals(List.of(), codes(bind("Logons | join (Hosts) where $right.Owner == $left.User")));
        // a key that exists on one side only: reported at the key
        String one = "Logons | join (Hosts) on $left.User == $right.Owner, Port";
        KqlDiagnostic d = only(one);
        assertEquals("KS145", d.code());
        assertEquals(one.lastIndexOf("Port"), d.start());
    }

    @Test
    void joinWithAFunctionCallOnTheRight() {
        assertEquals(List.of(), codes(bind("let f = (n:long) { Hosts | take n }; Logons | join kind=inner f(5)"
                + " on $left.User == $right.Owner | project Risk")));
        assertEquals(List.of(), codes(bind("Logons | join kind=inner GetLogons(ago(1d)) on User | project Count")));
        assertEquals("KS142", only("Logons | join kind=inner GetLogons(ago(1d)) on $left.User == $right.Nope").code());
    }

    @Test
    void projectAwayAndKeepPatterns() {
        assertEquals("Time:datetime, Port:int, Bytes:long, Props:dynamic", columns("Logons | project-away Us*, *st"));
        assertEquals("User:string, Host:string, Bytes:long, Props:dynamic", columns("Logons | project-keep *s*"));
        String q = "Logons | project-away Nope*";
        KqlDiagnostic d = only(q);
        assertEquals("KS142", d.code());
        assertEquals("The name 'Nope*' does not refer to any known column.", d.message());
        assertEquals(q.indexOf("Nope*"), d.start());
        assertEquals("KS142", only("Logons | project-keep Nope*").code());
    }

    @Test
    void noDecimalInsideDynamic() {
        String q = "print d = dynamic([1, dynamic({'a': decimal(1.5)})])";
        KqlDiagnostic d = only(q);
        assertEquals("KS215", d.code());
        assertEquals(q.indexOf("decimal"), d.start());
        assertEquals(List.of(), codes(bind("print d = dynamic([real(1.5), long(2), datetime(2024-01-01)])")));
    }

    @Test
    void parseUserAgentTakesAStringOrAnArrayOfStrings() {
        assertEquals(List.of(), codes(bind("Logons | extend ua = parse_user_agent(User, 'browser')")));
        assertEquals(List.of(), codes(bind("Logons | extend ua = parse_user_agent(User, dynamic(['browser', 'os']))")));
        assertEquals(List.of(), codes(bind("Logons | extend ua = parse_user_agent(User, split('browser,os', ','))")));
        KqlDiagnostic d = only("Logons | extend ua = parse_user_agent(User, 1)");
        assertEquals("KS233", d.code());
        assertEquals("The expression value must be a string or a dynamic array of strings.", d.message());
        assertEquals("KS233", only("Logons | extend ua = parse_user_agent(User, dynamic({'a': 1}))").code());
        assertEquals("KS107", only("Logons | extend ua = parse_user_agent(1, 'browser')").code());
    }
}

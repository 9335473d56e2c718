package dev.sentinelctl.kql.semantic.binder;

import org.junit.jupiter.api.Test;

import static dev.sentinelctl.kql.semantic.binder.BinderFixtures.columns;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kusto's column naming rules and scalar typing (promotions, common types, conversions). */
class BinderNamingAndTypingTest {

    @Test
    void unnamedExpressionsGetColumnN() {
        assertEquals("User:string, Column1:long, Column2:datetime, Column3:string",
                columns("Logons | project User | extend strlen(User) + 1, now(), iff(true, 'a', 'b')"));
    }

    @Test
    void functionsNameTheirResultAfterTheArgument() {
        // strlen: name and argument; toint: the argument (replacing the column); tostring of a string: no-op
        assertEquals("User:int, strlen_User:long", columns("Logons | project User | extend tostring(User), toint(User), strlen(User)"));
    }

    @Test
    void dynamicPathsNameWithUnderscores() {
        assertEquals("Props:dynamic, Props_a:dynamic, Props_b:dynamic, Props_0:dynamic, Props_a_c:dynamic",
                columns("Logons | project Props | extend Props.a, Props['b'], Props[0], Props.a.c"));
    }

    @Test
    void duplicateNamesGetNumericSuffixes() {
        assertEquals("Host:string, Host1:string", columns("Logons | project Host | join (Hosts | project Host) on Host"));
        assertEquals("count_:long, count_1:long", columns("Logons | summarize count(), count()"));
    }

    @Test
    void arithmeticPromotion() {
        assertEquals("a:long, b:real, c:long, d:timespan, e:datetime, f:timespan, g:real, h:decimal",
                columns("print a = toint(1) + toint(2), b = 1 + 2.5, c = 1 + 1, d = now() - ago(1d), e = now() + 1h, "
                        + "f = 1h * 2, g = 1h / 1h, h = decimal(1) * 2.0"));
    }

    @Test
    void commonTypesAndConversions() {
        assertEquals("a:real, b:string, c:long, d:bool, e:guid, f:dynamic, g:int, h:datetime",
                columns("print a = iff(true, 1, 2.5), b = case(false, 'x', 'y'), c = coalesce(1, 2), d = 'a' has 'b', "
                        + "e = toguid('x'), f = parse_json('{}'), g = int(null), h = todatetime('2024-01-01')"));
    }

    @Test
    void stringOperatorsBetweenAndInAreBool() {
        assertEquals("a:bool, b:bool, c:bool, d:bool",
                columns("Logons | project a = User contains 'x', b = Port between (1 .. 10), c = Host in ('a', 'b'), d = User matches regex 'a.*'"));
    }

    @Test
    void columnIfExistsIsTypedByItsDefault() {
        assertEquals("User:string, x:long", columns("Logons | project User | extend x = column_ifexists('Nope', 0)"));
    }

    @Test
    void toscalarTakesTheFirstColumnType() {
        assertEquals("t:datetime", columns("let lt = toscalar(Logons | summarize max(Time)); Logons | project t = lt"));
    }

    @Test
    void seriesFunctionsExpandToSeveralColumns() {
        assertEquals("s:dynamic, series_stats_s_min:real, series_stats_s_min_idx:long, series_stats_s_max:real, "
                        + "series_stats_s_max_idx:long, series_stats_s_avg:real, series_stats_s_stdev:real, series_stats_s_variance:real",
                columns("range x from 1 to 3 step 1 | summarize s = make_list(x) | extend series_stats(s)"));
    }
}

package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** now/ago pinned, bin, datetime arithmetic and printing; dynamic paths, mv-expand, parse. */
class TimeAndDynamicSemanticsTest {

    @Test
    void nowIsPinnedAndAgoCountsFromIt() {
        assertEquals("2024-03-10T12:00:00.0000000Z", scalar("now()"));
        assertEquals("2024-03-09T12:00:00.0000000Z", scalar("ago(1d)"));
        assertEquals("true", scalar("now() == now()"));
    }

    @Test
    void binFloorsToMultiples() {
        assertEquals("2024-03-10T10:00:00.0000000Z", scalar("bin(datetime(2024-03-10 10:59:59), 1h)"));
        assertEquals("10", scalar("bin(17, 5) - 5"));
        assertEquals("", scalar("bin(17, 0)"));
        assertEquals("1.00:00:00", scalar("datetime(2024-01-02) - datetime(2024-01-01)"));
        assertEquals("00:00:00.5000000", scalar("totimespan('00:00:00.5')"));
        assertEquals("0.5", scalar("12h / 1d"));
        assertEquals("2020-01-01T10:00:00.0000000Z", scalar("todatetime('2020-01-01T12:00:00+02:00')"));
        assertEquals("2024-03-10T00:00:00.0000000Z", scalar("startofweek(datetime(2024-03-13))"));
        assertEquals("3.00:00:00", scalar("dayofweek(datetime(2024-03-13))"));
    }

    @Test
    void summarizeByBinKeepsTheColumnName() {
        Table t = run("datatable(TimeGenerated:datetime)[datetime(2024-01-01 10:10), datetime(2024-01-01 10:50), datetime(2024-01-01 11:05)]"
                + " | summarize count() by bin(TimeGenerated, 1h) | order by TimeGenerated asc");
        assertEquals(List.of("TimeGenerated", "count_"), names(t));
        assertEquals(List.of(List.of("2024-01-01T10:00:00.0000000Z", "2"), List.of("2024-01-01T11:00:00.0000000Z", "1")), rows(t));
    }

    @Test
    void dynamicPathsGiveNullWhenMissing() {
        assertEquals("b", scalar("tostring(parse_json('{\"a\":{\"x\":\"b\"}}').a.x)"));
        assertEquals("", scalar("tostring(parse_json('{\"a\":1}').absent.deeper)"));
        assertEquals("3", scalar("tostring(dynamic([1,2,3])[-1])"));
        assertEquals("", scalar("tostring(dynamic([1,2,3])[5])"));
        assertEquals("3", scalar("array_length(dynamic([1,2,3]))"));
    }

    @Test
    void mvExpandRowsPerElementNoneForEmptyOneForNull() {
        Table t = run("datatable(id:long, d:dynamic)[1, dynamic([10, 20]), 2, dynamic([]), 3, dynamic(null)] | mv-expand d");
        assertEquals(List.of(List.of("1", "10"), List.of("1", "20"), List.of("3", "")), rows(t));
        Table bag = run("print d = dynamic({'a': 1, 'b': 2}) | mv-expand d");
        assertEquals(List.of(List.of("{\"a\":1}"), List.of("{\"b\":2}")), rows(bag));
    }

    @Test
    void parseSimpleAndRegex() {
        Table t = run("print s = 'user=alice id=42 rest' | parse s with 'user=' user ' id=' id:long ' ' *");
        assertEquals(List.of(List.of("user=alice id=42 rest", "alice", "42")), rows(t));
        Table miss = run("print s = 'nothing here' | parse s with 'user=' user ' id=' id:long");
        assertEquals(List.of(List.of("nothing here", "", "")), rows(miss));
        Table r = run("print s = 'a1b22' | parse kind=regex s with 'a' n1:long 'b' n2:long");
        assertEquals(List.of(List.of("a1b22", "1", "22")), rows(r));
        assertEquals(0, run("print s = 'x' | parse-where s with 'user=' user").rowCount());
    }

    @Test
    void letFunctionsWithDefaultsAndNamedArguments() {
        Table t = run("let f = (a:long, b:string = 'dflt', c:long = 0) { strcat(a, '-', b, '-', c) };\nprint x = f(c=7, a=12), y = f(1)");
        assertEquals(List.of(List.of("12-dflt-7", "1-dflt-0")), rows(t));
        Table tab = run("let T = (n:long) { range i from 1 to n step 1 };\nT(3) | count");
        assertEquals(List.of(List.of("3")), rows(tab));
    }

    @Test
    void ipv4Functions() {
        assertEquals("true", scalar("ipv4_is_in_range('10.1.2.3', '10.0.0.0/8')"));
        assertEquals("false", scalar("ipv4_is_in_range('11.1.2.3', '10.0.0.0/8')"));
        assertEquals("true", scalar("ipv4_is_private('192.168.1.1')"));
        assertEquals("false", scalar("ipv4_is_private('8.8.8.8')"));
        assertEquals("3232235777", scalar("parse_ipv4('192.168.1.1')"));
        assertEquals("", scalar("parse_ipv4('not an ip')"));
        assertEquals("-1", scalar("ipv4_compare('10.0.0.1', '10.0.0.2')"));
    }
}

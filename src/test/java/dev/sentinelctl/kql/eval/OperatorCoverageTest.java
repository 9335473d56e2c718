package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Operators and functions beyond the basics: make-series, mv-apply, bag_unpack, pivot, window functions, regex spellings. */
class OperatorCoverageTest {

    @Test
    void makeSeriesFillsEmptyBinsWithTheDefault() {
        Table t = run("datatable(T:datetime, k:string)[datetime(2024-01-01 00:10), 'a', datetime(2024-01-01 02:20), 'a', datetime(2024-01-01 02:30), 'a']"
                + " | make-series n = count() default = 0 on T from datetime(2024-01-01) to datetime(2024-01-01 04:00) step 1h by k");
        assertEquals(List.of("k", "n", "T"), names(t));
        assertEquals("[1,0,2,0]", rows(t).get(0).get(1));
        assertEquals("[\"2024-01-01T00:00:00.0000000Z\",\"2024-01-01T01:00:00.0000000Z\",\"2024-01-01T02:00:00.0000000Z\",\"2024-01-01T03:00:00.0000000Z\"]",
                rows(t).get(0).get(2));
    }

    @Test
    void mvApplyRunsTheSubqueryPerRowAndKeepsTheRowsColumns() {
        Table t = run("datatable(id:long, arr:dynamic)[1, dynamic([5, 1, 3]), 2, dynamic([4, 10])]"
                + " | mv-apply v = arr to typeof(long) on (top 2 by v | summarize top2 = make_list(v))");
        assertEquals(List.of("id", "arr", "top2"), names(t));
        assertEquals(List.of(List.of("1", "[5,1,3]", "[5,3]"), List.of("2", "[4,10]", "[10,4]")), rows(t));
    }

    @Test
    void bagUnpackMakesAColumnPerProperty() {
        Table t = run("datatable(id:long, d:dynamic)[1, dynamic({'a': 1, 'b': 'x'})] | evaluate bag_unpack(d)");
        assertEquals(List.of("id", "a", "b"), names(t));
        assertEquals(List.of(List.of("1", "1", "x")), rows(t));
    }

    @Test
    void pivotCountsPerValue() {
        Table t = run("datatable(user:string, result:string)['u', 'ok', 'u', 'fail', 'u', 'fail', 'v', 'ok'] | evaluate pivot(result, count(), user) | order by user asc");
        assertEquals(List.of("user", "fail", "ok"), names(t));
        assertEquals(List.of(List.of("u", "2", "1"), List.of("v", "0", "1")), rows(t));
    }

    @Test
    void windowFunctionsUseTheRowOrder() {
        Table t = run("range x from 1 to 4 step 1 | serialize | extend p = prev(x), n = next(x, 1, 0), r = row_number(), c = row_cumsum(x)");
        assertEquals(List.of(List.of("1", "", "2", "1", "1"), List.of("2", "1", "3", "2", "3"), List.of("3", "2", "4", "3", "6"),
                List.of("4", "3", "0", "4", "10")), rows(t));
    }

    @Test
    void re2SpellingsJavaReadsDifferently() {
        assertEquals("true", scalar("']x' matches regex '[]a]x'"));
        assertEquals("true", scalar("'ab1' matches regex '[[:alpha:]]+[[:digit:]]'"));
        assertEquals("true", scalar("'a{1' matches regex 'a{1'"));
        assertEquals("b", scalar("extract('(?P<first>a)(?P<second>b)', 2, 'ab')"));
        assertEquals("[\"b\"]", scalar("extract_all('(?P<first>a)(?P<second>b)', dynamic(['second']), 'ab')[0]"));
        assertEquals("[\"sub\",\"example\"]", scalar("extract_all(@'(?P<rex_sub>[^.]+)\\.(?P<rex_domain>[^.]+)\\.com', dynamic(['rex_sub', 'rex_domain']), 'sub.example.com')[0]"));
    }

    @Test
    void parseXmlAndJsonPaths() {
        assertEquals("{\"root\":{\"@id\":\"7\",\"a\":[\"1\",\"2\"],\"b\":\"x\"}}", scalar("parse_xml('<root id=\"7\"><a>1</a><a>2</a><b>x</b></root>')"));
        assertEquals("", scalar("parse_xml('<not closed')"));
        assertEquals("2", scalar("extract_json('$.a[1]', '{\"a\":[1,2]}', typeof(long))"));
    }

    @Test
    void expressionShapesContentUses() {
        assertEquals("true", scalar("datetime(2024-01-01 10:00) between (datetime(2024-01-01) .. 1d)"));
        assertEquals("true", scalar("'50126' == 50126"));
        assertEquals("false", scalar("'1.5' == 1"));
        assertEquals("false", scalar("'abc' == 0"));
        assertEquals("true", scalar("'abc' != 0"));
        assertEquals("alpha,beta", scalar("strcat_array(dynamic(['alpha', 'beta']), ',')"));
        assertEquals("1", rows(run("let T = datatable(x:long)[1, 2, 3]; T | where x == toscalar(T | summarize min(x))")).get(0).get(0));
    }

    @Test
    void storedFunctionsAndWatchlistsFromTheContext() {
        KqlEngine engine = new KqlEngine(dev.sentinelctl.kql.semantic.Catalog.builtIn());
        Table wl = Table.builder("wl", List.of(new dev.sentinelctl.kql.semantic.Column("SearchKey", dev.sentinelctl.kql.semantic.ScalarType.STRING)))
                .add("10.0.0.1").build();
        EvalContext ctx = new EvalContext(EngineTestSupport.NOW, java.util.Map.of("Blocked", wl),
                java.util.Map.of("MyParser", "(n:long = 2) { range i from 1 to n step 1 }"));
        EvalResult r = engine.run("MyParser(3) | extend ip = toscalar(_GetWatchlist('Blocked') | project SearchKey) | summarize count(), any(ip)",
                java.util.Map.of(), ctx);
        Table t = ((EvalResult.Ok) r).table();
        assertEquals(List.of(List.of("3", "10.0.0.1")), rows(t));
        EvalResult dflt = engine.run("MyParser | count", java.util.Map.of(), ctx);
        assertEquals(List.of(List.of("2")), rows(((EvalResult.Ok) dflt).table()));
    }

    @Test
    void ipv4LookupJoinsOnRanges() {
        Table t = run("let R = datatable(net:string, name:string)['10.0.0.0/8', 'corp'];\n"
                + "datatable(ip:string)['10.1.1.1', '8.8.8.8'] | evaluate ipv4_lookup(R, ip, net)");
        assertEquals(List.of(List.of("10.1.1.1", "10.0.0.0/8", "corp")), rows(t));
        assertEquals(2, run("let R = datatable(net:string)['10.0.0.0/8'];\ndatatable(ip:string)['10.1.1.1', '8.8.8.8'] | evaluate ipv4_lookup(R, ip, net, true)").rowCount());
    }

    @Test
    void rowWindowSessionStartsANewSessionAfterAGap() {
        Table t = run("datatable(T:datetime)[datetime(2024-01-01 00:00), datetime(2024-01-01 00:04), datetime(2024-01-01 00:20)]"
                + " | sort by T asc | extend s = row_window_session(T, 1h, 5m) | project s");
        assertEquals(List.of(List.of("2024-01-01T00:00:00.0000000Z"), List.of("2024-01-01T00:00:00.0000000Z"), List.of("2024-01-01T00:20:00.0000000Z")), rows(t));
    }

    @Test
    void windowsCommandLines() {
        assertEquals("[\"C:\\\\Program Files\\\\x.exe\",\"-a\",\"b c\",\"d\\\"e\"]",
                scalar("parse_command_line(@'\"C:\\Program Files\\x.exe\" -a \"b c\" d\\\"e', 'windows')"));
    }

    @Test
    void parseKvWithDelimitersQuotesAndGreedyValues() {
        Table t = run("print s = 'src=10.1.1.1 failure=\"conn aborted\" bytes=125' | parse-kv s as (src:string, bytes:long, failure:string)"
                + " with (pair_delimiter=' ', kv_delimiter='=', quote='\"') | project-away s");
        assertEquals(List.of(List.of("10.1.1.1", "125", "conn aborted")), rows(t));
        Table g = run("print s = 'name=John Doe city=New York' | parse-kv s as (name:string, city:string) with (pair_delimiter=' ', kv_delimiter='=', greedy=true) | project-away s");
        assertEquals(List.of(List.of("John Doe", "New York")), rows(g));
        assertEquals(EvalResult.UNSUPPORTED, EngineTestSupport.fail("print s = 'a:1' | parse-kv s as (a:long)").code());
    }

    @Test
    void partitionRunsTheSubqueryPerValue() {
        Table t = run("datatable(k:string, v:long)['a', 1, 'a', 5, 'b', 2] | partition hint.strategy=native by k (top 1 by v) | order by k asc");
        assertEquals(List.of(List.of("a", "5"), List.of("b", "2")), rows(t));
    }

    @Test
    void projectByNamesAndColumnNamesOf() {
        String t = "datatable(Name:string, Age:int, City:string, Country:string)['Peter', 39, 'New York', 'USA']";
        assertEquals(List.of("City", "Country"), names(run(t + " | project-by-names 'C*'")));
        assertEquals(List.of("Name", "Country"), names(run(t + " | project-by-names dynamic(['Name', 'Country'])")));
        assertEquals("[\"a\",\"b\"]", scalar("column_names_of(datatable(a:long, b:string)[])"));
        assertEquals(EvalResult.UNSUPPORTED, EngineTestSupport.fail("range x from 1 to 2 step 1 | assert-schema (x:long)").code());
    }

    @Test
    void topNestedKeepsTheTopValuesPerLevelAndOthers() {
        Table t = run("datatable(c:string, s:string, v:long)['US','WA',5,'US','WA',1,'US','CA',3,'FR','P',2,'DE','B',1]"
                + " | top-nested 2 of c by total = sum(v), top-nested 1 of s by sum(v) desc");
        assertEquals(List.of("c", "total", "s", "aggregated_s"), names(t));
        assertEquals(List.of(List.of("US", "9", "WA", "6"), List.of("FR", "2", "P", "2")), rows(t));
        Table o = run("datatable(c:string, v:long)['US',5,'FR',2,'DE',1] | top-nested 1 of c with others = 'rest' by sum(v)");
        assertEquals(List.of(List.of("US", "5"), List.of("rest", "3")), rows(o));
    }
}

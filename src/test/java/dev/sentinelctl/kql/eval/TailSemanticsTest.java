package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Corpus and docs cases of issue 13's long tail: literal forms, result names, datetime quotients. */
class TailSemanticsTest {

    @Test
    void datetimeLiteralsOutsideTheDocumentedFormatsAreBindErrors() {
        // datetime.md lists ISO 8601, RFC 822/850 and sortable forms; "2025, 6, 14" is none of them
        assertEquals(EvalResult.BIND, fail("print datetime(2025, 6, 14)").code());
        assertEquals(EvalResult.BIND, fail("print datetime(2017 - 08 - 01)").code());
    }

    @Test
    void unnamedExpressionsOverAggregatesTakeTheAggregatesName() {
        Table t = run("datatable(k:string, d:long)['a', 1, 'a', 2] | summarize round(avg(d), 2), tostring(make_set(d)) by k");
        assertEquals(List.of("k", "avg_d", "set_d"), names(t));
        assertEquals(List.of(List.of("a", "1.5", "[1,2]")), EngineTestSupport.rows(t));
    }

    @Test
    void datetimeQuotientsAreRefusedNotCalledInvalid() {
        // Kusto.Language types datetime / long as datetime, but the docs define no value for it
        assertEquals(EvalResult.UNSUPPORTED, fail("print datetime(2020-01-01) / 1000").code());
        assertEquals(EvalResult.UNSUPPORTED, fail("print datetime(2020-01-01) / 1h").code());
        assertEquals(EvalResult.BIND, fail("print 1h / datetime(2020-01-01)").code());
    }

    @Test
    void obsoleteAliasesAnswerLikeTheirFunctions() {
        assertEquals("{\"a\":1}", scalar("pack_dictionary('a', 1)"));
        assertEquals("x;y", scalar("array_strcat(dynamic(['x', 'y']), ';')"));
    }

    @Test
    void bracesThatAreNoRepetitionAreLiteralAndMayBeRepeated() {
        // FalconFriday's SuspiciousNamedPipes: RE2 reads {1-3} as text, so the + repeats the '}'
        assertEquals("true", scalar("@'\\cubeb-pipe-12_3{1-3}}' matches regex @'\\\\cubeb-pipe-\\d+_[0-9]{1-3}+'"));
        assertEquals("false", scalar("@'\\cubeb-pipe-12_3' matches regex @'\\\\cubeb-pipe-\\d+_[0-9]{1-3}+'"));
        assertEquals(EvalResult.UNSUPPORTED, fail("print 'aaa' matches regex 'a{2}+'").code());
    }

    @Test
    void rowRanksFollowTheirPages() {
        String departures = "datatable (Airport:string, Airline:string, Departures:long)['SEA', 'LH', 3, 'SEA', 'LY', 100,"
                + " 'SEA', 'UA', 3, 'SEA', 'BA', 2, 'SEA', 'EL', 3] | sort by Departures asc";
        assertEquals(List.of("1", "2", "2", "2", "5"), EngineTestSupport.rows(run(departures + " | extend Rank = row_rank_min(Departures)"))
                .stream().map(r -> r.get(3)).toList());
        assertEquals(List.of("1", "2", "2", "2", "3"), EngineTestSupport.rows(run(departures + " | extend Rank = row_rank_dense(Departures)"))
                .stream().map(r -> r.get(3)).toList());
        assertEquals(List.of("1", "2", "2", "2", "3"), EngineTestSupport.rows(run(departures + " | extend Rank = row_rank(Departures)"))
                .stream().map(r -> r.get(3)).toList());
        assertEquals(List.of("1", "2", "1", "1", "2"), EngineTestSupport.rows(run(departures
                + " | extend Rank = row_rank_dense(Departures, Airline == 'UA' or Airline == 'EL')")).stream().map(r -> r.get(3)).toList());
    }

    @Test
    void weightedPercentilesOfThePagesLatencyBuckets() {
        String latency = "datatable (ReqCount:long, LatencyBucket:long)[8, 10, 6, 20, 3, 30, 1, 40]";
        Table t = run(latency + " | summarize percentilesw(LatencyBucket, ReqCount, 50, 75, 99.9)");
        assertEquals(List.of("percentile_LatencyBucket_50", "percentile_LatencyBucket_75", "percentile_LatencyBucket_99_9"), names(t));
        assertEquals(List.of(List.of("20", "20", "40")), EngineTestSupport.rows(t));
        Table arr = run(latency + " | summarize percentilesw_array(LatencyBucket, ReqCount, dynamic([50, 75, 99.9]))");
        assertEquals(List.of("percentile_LatencyBucket"), names(arr));
        assertEquals(List.of(List.of("[20,20,40]")), EngineTestSupport.rows(arr));
        assertEquals(List.of(List.of("10")), EngineTestSupport.rows(run(latency + " | summarize percentilew(LatencyBucket, ReqCount, 44)")).stream()
                .map(r -> List.of(r.get(0))).toList());
    }

    @Test
    void buildschemaOfThePagesExample() {
        Table t = run("datatable(value: dynamic) [dynamic({\"x\":1, \"y\":3.5}), dynamic({\"x\":\"somevalue\", \"z\":[1, 2, 3]}),"
                + " dynamic({\"y\":{\"w\":\"zzz\"}, \"t\":[\"aa\", \"bb\"], \"z\":[\"foo\"]})] | summarize buildschema(value)");
        assertEquals(List.of("schema_value"), names(t));
        assertEquals("{\"x\":[\"long\",\"string\"],\"y\":[\"double\",{\"w\":\"string\"}],\"z\":{\"`indexer`\":[\"long\",\"string\"]},"
                + "\"t\":{\"`indexer`\":\"string\"}}", EngineTestSupport.rows(t).get(0).get(0));
        assertEquals(List.of(List.of("")), EngineTestSupport.rows(run("datatable(x:long)[] | summarize buildschema(todynamic(tostring(x)))")));
    }

    @Test
    void rowNumberRestartsWhereAsked() {
        Table t = run("datatable(h:long, b:long)[1, 9, 1, 5, 2, 7, 2, 3, 2, 1] | extend Rank = row_number(1, prev(h) != h)");
        assertEquals(List.of("1", "2", "1", "2", "3"), EngineTestSupport.rows(t).stream().map(r -> r.get(2)).toList());
    }
}

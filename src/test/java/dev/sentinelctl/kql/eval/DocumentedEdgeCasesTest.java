package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static dev.sentinelctl.kql.eval.EngineTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Edge cases the Kusto documentation's examples pin down (indexof-function.md, dynamic-to-json, assert). */
class DocumentedEdgeCasesTest {

    @Test
    void indexofSearchWindowMovesWithEachOccurrence() {
        assertEquals("9", scalar("indexof('abcdefgabcdefg', 'cde', 1, 10, 2)"));
        assertEquals("-1", scalar("indexof('abcdefg', 'cde', 1, 2)"));
        assertEquals("2", scalar("indexof('abcdefg', 'cde', 1, 4)"));
        assertEquals("-1", scalar("indexof('abcdefgabcdefg', 'cde', 1, -1, 3)"));
        assertEquals("-1", scalar("indexof('abcdefgabcdefg', 'cde', 1, 7, 2)"));
    }

    @Test
    void nestedDynamicLiteralsAreValues() {
        assertEquals("{\"a\":{\"b\":1},\"c\":{}}", scalar("dynamic({'a': dynamic({'b': 1}), 'c': dynamic({})})"));
        assertEquals("[1,[2]]", scalar("dynamic([1, dynamic([2])])"));
    }

    @Test
    void positionalArgumentsFillTheParametersNotNamed() {
        Table t = run("let f = (len:long, s:string) { strlen(s) > len };"
                + " datatable(input:string)['123', '4567'] | where f(len=3, input)");
        assertEquals(List.of(List.of("4567")), rows(t));
        Table u = run("let g = (a:long, b:long, c:long) { a * 100 + b * 10 + c }; print v = g(b=2, 1, 3)");
        assertEquals(List.of(List.of("123")), rows(u));
    }

    @Test
    void dynamicToJsonSortsKeysAtEveryDepth() {
        assertEquals("{\"a\":1,\"b\":{\"c\":3,\"d\":[{\"e\":1,\"f\":2}]}}",
                scalar("dynamic_to_json(dynamic({'b': {'d': [{'f': 2, 'e': 1}], 'c': 3}, 'a': 1}))"));
        assertEquals("true", scalar("dynamic_to_json(dynamic({'y': 1, 'x': 2})) == dynamic_to_json(dynamic({'x': 2, 'y': 1}))"));
    }

    @Test
    void assertChecksConstantsBeforeAnyRowIsRead() {
        String f = "let checkLength = (len:long, s:string) { assert(len > 0, 'Length must be greater than zero') and strlen(s) > len };"
                + " datatable(input:string)['123', '4567'] | where checkLength(len=%s, input)";
        assertEquals(List.of(List.of("4567")), rows(run(f.formatted("3"))));
        EvalResult.Failed bad = EngineTestSupport.fail(f.formatted("long(-1)"));
        assertEquals(EvalResult.RUNTIME, bad.code());
        assertEquals("assert() has failed with message: 'Length must be greater than zero'", bad.message());
        // evaluated even when no row reaches it
        assertEquals(EvalResult.RUNTIME, EngineTestSupport.fail("let b = false; print x = 'Hello' | where b | where assert(b, 'Assertion failed')").code());
        // a row value is not allowed
        assertEquals(EvalResult.BIND, EngineTestSupport.fail("datatable(x:long)[1] | where assert(x > 0, 'no')").code());
    }

    @Test
    void sortingSeveralArraysReordersTheOthersLikeTheFirst() {
        Table t = run("let a1 = dynamic([1,3,4,5,2]); let a2 = dynamic(['a','b','c','d','e']); print array_sort_asc(a1, a2)");
        assertEquals(List.of("a1_sorted", "a2_sorted"), EngineTestSupport.names(t));
        assertEquals(List.of(List.of("[1,2,3,4,5]", "[\"a\",\"e\",\"b\",\"c\",\"d\"]")), rows(t));
        // an array of another length than the first is null; nulls_last=false puts the first array's nulls first
        Table u = run("print x = 1 | extend (s, t, w) = array_sort_desc(dynamic([2, null, 9]), dynamic(['b','n','i']), dynamic([1]), false)");
        assertEquals(List.of(List.of("1", "[null,9,2]", "[\"n\",\"i\",\"b\"]", "")), rows(u));
        assertEquals("[\"i\",\"b\"]", scalar("array_sort_desc(dynamic([2, 9]), dynamic(['b', 'i']))[1]"));
        // one name for several arrays is not a value Kusto defines
        assertEquals(EvalResult.UNSUPPORTED, EngineTestSupport.fail("print s = array_sort_asc(dynamic([2, 1]), dynamic([1, 2]))").code());
    }
}

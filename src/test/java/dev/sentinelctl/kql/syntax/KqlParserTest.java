package dev.sentinelctl.kql.syntax;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlParserTest {

    static ParsedQuery clean(String q) {
        ParsedQuery p = KqlParser.parse(q);
        assertTrue(p.diagnostics().isEmpty(), () -> "diagnostics for <" + q + ">: " + p.diagnostics());
        assertEquals(q, SyntaxWalker.fullText(p.root()), "lossless");
        return p;
    }

    /** The last operator of the single query statement. */
    static QueryOperator lastOperator(String q) {
        Statement s = clean(q).statements().get(clean(q).statements().size() - 1);
        Expr e = ((Statement.Query) s).expression();
        return e instanceof Expr.Pipe p ? p.operator() : (QueryOperator) e;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureParsesClean() {
        return KqlFixtures.VALID.stream().map(q -> DynamicTest.dynamicTest(q.length() > 60 ? q.substring(0, 60) : q,
                () -> clean(q)));
    }

    @Test
    void operatorNodeKinds() {
        assertInstanceOf(QueryOperator.Where.class, lastOperator("T | where a > 1"));
        assertInstanceOf(QueryOperator.Where.class, lastOperator("T | filter a > 1"));
        assertInstanceOf(QueryOperator.Extend.class, lastOperator("T | extend a = 1"));
        assertInstanceOf(QueryOperator.Project.class, lastOperator("T | project a"));
        assertInstanceOf(QueryOperator.ProjectAway.class, lastOperator("T | project-away a*"));
        assertInstanceOf(QueryOperator.ProjectKeep.class, lastOperator("T | project-keep a"));
        assertInstanceOf(QueryOperator.ProjectRename.class, lastOperator("T | project-rename a = b"));
        assertInstanceOf(QueryOperator.ProjectReorder.class, lastOperator("T | project-reorder a"));
        assertInstanceOf(QueryOperator.Summarize.class, lastOperator("T | summarize count() by a"));
        assertInstanceOf(QueryOperator.Join.class, lastOperator("T | join kind=inner (U) on a"));
        assertInstanceOf(QueryOperator.Lookup.class, lastOperator("T | lookup U on a"));
        assertInstanceOf(QueryOperator.Union.class, lastOperator("T | union U"));
        assertInstanceOf(QueryOperator.MvExpand.class, lastOperator("T | mv-expand a"));
        assertInstanceOf(QueryOperator.MvExpand.class, lastOperator("T | mvexpand a"));
        assertInstanceOf(QueryOperator.MvApply.class, lastOperator("T | mv-apply a on (take 1)"));
        assertInstanceOf(QueryOperator.Parse.class, lastOperator("T | parse a with 'x' b"));
        assertInstanceOf(QueryOperator.ParseWhere.class, lastOperator("T | parse-where a with 'x' b"));
        assertInstanceOf(QueryOperator.ParseKv.class, lastOperator("T | parse-kv a as (b:string)"));
        assertInstanceOf(QueryOperator.MakeSeries.class, lastOperator("T | make-series count() on t step 1h"));
        assertInstanceOf(QueryOperator.Top.class, lastOperator("T | top 1 by a"));
        assertInstanceOf(QueryOperator.TopNested.class, lastOperator("T | top-nested 1 of a by count()"));
        assertInstanceOf(QueryOperator.TopHitters.class, lastOperator("T | top-hitters 1 of a"));
        assertInstanceOf(QueryOperator.Sort.class, lastOperator("T | order by a"));
        assertInstanceOf(QueryOperator.Take.class, lastOperator("T | limit 1"));
        assertInstanceOf(QueryOperator.Count.class, lastOperator("T | count"));
        assertInstanceOf(QueryOperator.Distinct.class, lastOperator("T | distinct a"));
        assertInstanceOf(QueryOperator.Sample.class, lastOperator("T | sample 1"));
        assertInstanceOf(QueryOperator.SampleDistinct.class, lastOperator("T | sample-distinct 1 of a"));
        assertInstanceOf(QueryOperator.Serialize.class, lastOperator("T | serialize"));
        assertInstanceOf(QueryOperator.As.class, lastOperator("T | as X"));
        assertInstanceOf(QueryOperator.GetSchema.class, lastOperator("T | getschema"));
        assertInstanceOf(QueryOperator.Evaluate.class, lastOperator("T | evaluate bag_unpack(a)"));
        assertInstanceOf(QueryOperator.Invoke.class, lastOperator("T | invoke f()"));
        assertInstanceOf(QueryOperator.Render.class, lastOperator("T | render piechart"));
        assertInstanceOf(QueryOperator.Search.class, lastOperator("T | search 'x'"));
        assertInstanceOf(QueryOperator.Find.class, lastOperator("find where a == 1"));
        assertInstanceOf(QueryOperator.Fork.class, lastOperator("T | fork (take 1)"));
        assertInstanceOf(QueryOperator.Facet.class, lastOperator("T | facet by a"));
        assertInstanceOf(QueryOperator.Partition.class, lastOperator("T | partition by a (take 1)"));
        assertInstanceOf(QueryOperator.Range.class, lastOperator("range x from 1 to 2 step 1"));
        assertInstanceOf(QueryOperator.Print.class, lastOperator("print 1"));
        assertInstanceOf(QueryOperator.Consume.class, lastOperator("T | consume"));
        assertInstanceOf(QueryOperator.Reduce.class, lastOperator("T | reduce by a"));
        assertInstanceOf(QueryOperator.Scan.class, lastOperator("T | scan with (step s: a == 1;)"));
        assertInstanceOf(QueryOperator.MakeGraph.class, lastOperator("T | make-graph a --> b"));
        assertInstanceOf(QueryOperator.GraphMatch.class, lastOperator("G | graph-match (a)-[e]->(b)"));
        assertInstanceOf(QueryOperator.GraphShortestPaths.class, lastOperator("G | graph-shortest-paths (a)-[e*1..3]->(b)"));
        assertInstanceOf(QueryOperator.GraphToTable.class, lastOperator("G | graph-to-table nodes"));
        assertInstanceOf(QueryOperator.Other.class, lastOperator("G | graph-mark-components"));
    }

    @Test
    void precedenceOrAndComparisonAdditiveMultiplicativeString() {
        ParsedQuery p = clean("T | where a or b and c == d + e * f has 'x'");
        Expr pred = ((QueryOperator.Where) ((Expr.Pipe) ((Statement.Query) p.statements().get(0)).expression())
                .operator()).predicate();
        Expr.Binary or = assertInstanceOf(Expr.Binary.class, pred);
        assertEquals(BinaryOp.OR, or.op());
        Expr.Binary and = assertInstanceOf(Expr.Binary.class, or.right());
        assertEquals(BinaryOp.AND, and.op());
        Expr.Binary eq = assertInstanceOf(Expr.Binary.class, and.right());
        assertEquals(BinaryOp.EQUAL, eq.op());
        Expr.Binary add = assertInstanceOf(Expr.Binary.class, eq.right());
        assertEquals(BinaryOp.ADD, add.op());
        Expr.Binary mul = assertInstanceOf(Expr.Binary.class, add.right());
        assertEquals(BinaryOp.MULTIPLY, mul.op());
        // string operators bind tighter than arithmetic in Kusto
        Expr.Binary has = assertInstanceOf(Expr.Binary.class, mul.right());
        assertEquals(BinaryOp.HAS, has.op());
    }

    @Test
    void matchesRegexAndListOperators() {
        Expr.Binary m = assertInstanceOf(Expr.Binary.class,
                ((QueryOperator.Where) lastOperator("T | where a matches regex 'x'")).predicate());
        assertEquals(BinaryOp.MATCHES_REGEX, m.op());
        Expr.InList in = assertInstanceOf(Expr.InList.class,
                ((QueryOperator.Where) lastOperator("T | where a !in~ ('x', 'y')")).predicate());
        assertEquals(BinaryOp.NOT_IN_IGNORE_CASE, in.op());
        assertEquals(2, in.values().size());
        Expr.Between b = assertInstanceOf(Expr.Between.class,
                ((QueryOperator.Where) lastOperator("T | where a !between (1 .. 2)")).predicate());
        assertEquals(BinaryOp.NOT_BETWEEN, b.op());
    }

    @Test
    void literalKinds() {
        QueryOperator.Print p = (QueryOperator.Print) lastOperator(
                "print 'a', 1, 1.5, 1d, true, datetime(2020-01-01), guid(00000000-0000-0000-0000-000000000000), int(1), real(nan)");
        List<LiteralKind> kinds = p.expressions().items().stream().map(e -> ((Expr.Literal) e).kind()).toList();
        assertEquals(List.of(LiteralKind.STRING, LiteralKind.LONG, LiteralKind.REAL, LiteralKind.TIMESPAN,
                LiteralKind.BOOL, LiteralKind.DATETIME, LiteralKind.GUID, LiteralKind.INT, LiteralKind.REAL), kinds);
        Expr.Literal concat = (Expr.Literal) ((QueryOperator.Print) lastOperator("print 'a' \"b\" @'c'"))
                .expressions().get(0);
        assertEquals("abc", concat.value());
    }

    @Test
    void dynamicLiteralStructure() {
        Expr.DynamicLiteral d = assertInstanceOf(Expr.DynamicLiteral.class,
                ((QueryOperator.Print) lastOperator("print dynamic({'a': [1, -2, {'b': null}]})")).expressions().get(0));
        Json.JObject obj = assertInstanceOf(Json.JObject.class, d.value());
        Json.JArray arr = assertInstanceOf(Json.JArray.class, obj.pairs().get(0).value());
        assertEquals(3, arr.values().size());
    }

    @Test
    void statementsAndFunctions() {
        ParsedQuery p = clean("let a = 1;\nlet f = (T:(*), x:string = 'd') { T | where c == x };\nf(Tab, 'y');");
        assertEquals(3, p.statements().size());
        Statement.Let f = assertInstanceOf(Statement.Let.class, p.statements().get(1));
        Expr.FunctionDecl decl = assertInstanceOf(Expr.FunctionDecl.class, f.value());
        assertEquals(2, decl.parameters().parameters().size());
        assertInstanceOf(Clause.Schema.class, decl.parameters().parameters().get(0).type());
        assertEquals("x", decl.parameters().parameters().get(1).name().simpleName());
        assertNull(decl.view());
    }

    @Test
    void memberAccessChains() {
        ParsedQuery p = clean("cluster('c').database('d').Tab | where $left.x == a.b['c'][0]");
        Expr head = ((Expr.Pipe) ((Statement.Query) p.statements().get(0)).expression()).source();
        Expr.MemberAccess m = assertInstanceOf(Expr.MemberAccess.class, head);
        assertEquals("Tab", ((Expr.NameRef) m.member()).simpleName());
    }

    @Test
    void keywordsAsNamesWhereKustoAllowsThem() {
        clean("T | extend count = 1, type = 2, title = 3, filter = 4, range = 5 | where count > 1 and type == 2");
        clean("T | summarize count() by count_, type | project count_, type");
        clean("T | extend ['where'] = 1, ['project'] = 2");
    }

    @Test
    void spansAreExact() {
        String q = "T | where Name == 'x'";
        ParsedQuery p = clean(q);
        Expr.Pipe pipe = (Expr.Pipe) ((Statement.Query) p.statements().get(0)).expression();
        QueryOperator.Where w = (QueryOperator.Where) pipe.operator();
        assertEquals(4, w.start());
        assertEquals(q.length(), w.end());
        assertEquals("Name == 'x'", w.predicate().text());
        assertEquals(10, w.predicate().start());
    }
}

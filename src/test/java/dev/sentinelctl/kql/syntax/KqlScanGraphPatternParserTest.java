package dev.sentinelctl.kql.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sentinelctl.kql.syntax.KqlParserTest.clean;
import static dev.sentinelctl.kql.syntax.KqlParserTest.lastOperator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scan, the graph operators and declare pattern are parsed into structure (not kept as raw tokens). */
class KqlScanGraphPatternParserTest {

    @Test
    void scanStepsDeclarationsAndMatchId() {
        QueryOperator.Scan s = assertInstanceOf(QueryOperator.Scan.class, lastOperator(
                "T | scan with_match_id=m declare (a:long=0, b:string) with (step s1 output=none: x > 1 => a = x, b = 'y';"
                        + " step s2: s1.a > 0;)"));
        assertEquals("with_match_id", s.parameters().get(0).parameterName());
        assertEquals(2, s.declarations().parameters().size());
        assertEquals(2, s.steps().size());
        Clause.ScanStep first = s.steps().get(0);
        assertEquals("s1", first.name().simpleName());
        assertEquals("output", first.output().parameterName());
        assertEquals(2, first.assignments().size());
        Clause.ScanStep second = s.steps().get(1);
        assertNull(second.output());
        assertNull(second.arrow());
        assertInstanceOf(Expr.Binary.class, second.condition());
    }

    @Test
    void scanMistakesAreSyntaxErrors() {
        assertFalse(KqlParser.parse("T | scan with (step s1: true)").diagnostics().isEmpty(), "missing ';'");
        assertFalse(KqlParser.parse("T | scan with ()").diagnostics().isEmpty(), "no step");
        assertFalse(KqlParser.parse("T | scan declare (a:long) (step s: true;)").diagnostics().isEmpty(), "missing with");
    }

    @Test
    void makeGraphForms() {
        QueryOperator.MakeGraph g = assertInstanceOf(QueryOperator.MakeGraph.class,
                lastOperator("E | make-graph src --> dst with N1 on id, (N2 | where x) on key"));
        assertTrue(g.directed());
        assertEquals(2, g.nodeTables().size());
        assertEquals("key", g.nodeTables().get(1).key().simpleName());
        QueryOperator.MakeGraph u = assertInstanceOf(QueryOperator.MakeGraph.class, lastOperator("E | make-graph a -- b with_node_id=n"));
        assertFalse(u.directed());
        assertEquals("with_node_id", u.nodeIdParameters().get(0).parameterName());
    }

    @Test
    void graphPatternsEdgesAndRanges() {
        QueryOperator.GraphMatch m = assertInstanceOf(QueryOperator.GraphMatch.class, lastOperator(
                "G | graph-match cycles=none (a)<-[e*1..5]-(b)-[f]->(), (b)--(c)-->(d)<--() where a.x == 1 project a.x, n = b.y"));
        assertEquals("cycles", m.parameters().get(0).parameterName());
        assertEquals(2, m.patterns().size());
        List<Clause> first = m.patterns().get(0).elements();
        assertEquals(5, first.size());
        Clause.GraphEdge e = (Clause.GraphEdge) first.get(1);
        assertTrue(e.pointsLeft());
        assertFalse(e.pointsRight());
        assertEquals("1", e.min().text());
        assertEquals("5", e.max().text());
        Clause.GraphEdge f = (Clause.GraphEdge) first.get(3);
        assertTrue(f.pointsRight());
        assertNull(f.star());
        assertNull(((Clause.GraphNode) first.get(4)).name());
        List<Clause> second = m.patterns().get(1).elements();
        Clause.GraphEdge any = (Clause.GraphEdge) second.get(1);
        assertFalse(any.pointsLeft() || any.pointsRight());
        assertTrue(((Clause.GraphEdge) second.get(3)).pointsRight());
        assertTrue(((Clause.GraphEdge) second.get(5)).pointsLeft());
        assertEquals(2, m.projections().size());
        QueryOperator.GraphShortestPaths p = assertInstanceOf(QueryOperator.GraphShortestPaths.class,
                lastOperator("G | graph-shortest-paths output=all (a)-[e*1..3]->(b) project a.id"));
        assertEquals("output", p.parameters().get(0).parameterName());
        assertNull(p.where());
    }

    @Test
    void graphToTableOutputs() {
        QueryOperator.GraphToTable t = assertInstanceOf(QueryOperator.GraphToTable.class,
                lastOperator("G | graph-to-table edges with_source_id=S with_target_id=T"));
        assertEquals("edges", t.outputs().get(0).entity().text());
        assertEquals(2, t.outputs().get(0).parameters().size());
        QueryOperator.GraphToTable two = assertInstanceOf(QueryOperator.GraphToTable.class,
                lastOperator("G | graph-to-table nodes as N, edges as E"));
        assertEquals(2, two.outputs().size());
        assertEquals("E", two.outputs().get(1).name().simpleName());
    }

    @Test
    void declarePatternRulesAndBareDeclaration() {
        ParsedQuery q = clean("declare pattern country = (name:string)[state:string]\n{\n  (\"USA\").[\"New York\"] = { print Capital = \"Albany\" };\n"
                + "  (\"Canada\").[\"Alberta\"] = { print Capital = \"Edmonton\" };\n};\ncountry(\"Canada\").Alberta");
        Statement.DeclarePattern d = assertInstanceOf(Statement.DeclarePattern.class, q.statements().get(0));
        assertEquals("country", d.name().simpleName());
        assertEquals("state", d.pathParameter().name().simpleName());
        assertEquals(2, d.rules().size());
        assertInstanceOf(Expr.Literal.class, d.rules().get(1).path());
        ParsedQuery bare = clean("declare pattern p;\nprint 1");
        Statement.DeclarePattern b = assertInstanceOf(Statement.DeclarePattern.class, bare.statements().get(0));
        assertNull(b.parameters());
        assertFalse(KqlParser.parse("declare pattern p = (a:string) { (\"x\") = { print 1 } };").diagnostics().isEmpty(), "missing ';' after a rule");
    }
}

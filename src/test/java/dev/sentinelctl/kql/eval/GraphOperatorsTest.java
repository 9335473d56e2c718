package dev.sentinelctl.kql.eval;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.sentinelctl.kql.eval.EngineTestSupport.fail;
import static dev.sentinelctl.kql.eval.EngineTestSupport.names;
import static dev.sentinelctl.kql.eval.EngineTestSupport.rows;
import static dev.sentinelctl.kql.eval.EngineTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** make-graph, graph-match, graph-shortest-paths, graph-to-table and the graph functions, on the docs' examples. */
class GraphOperatorsTest {

    private static final String ORG = "let employees = datatable(name:string, age:long)['Alice', 32, 'Bob', 31, 'Eve', 27, 'Joe', 29,"
            + " 'Chris', 45, 'Alex', 35, 'Ben', 23, 'Richard', 39];"
            + " let reports = datatable(employee:string, manager:string)['Bob', 'Alice', 'Chris', 'Alice', 'Eve', 'Bob',"
            + " 'Ben', 'Chris', 'Joe', 'Alice', 'Richard', 'Bob'];"
            + " reports | make-graph employee --> manager with employees on name";

    private static final String ACTIONS = "let Entities = datatable(name:string, type:string, age:long)['Alice', 'Person', 23,"
            + " 'Bob', 'Person', 31, 'Eve', 'Person', 17, 'Mallory', 'Person', 29, 'Apollo', 'System', 99];"
            + " let Actions = datatable(source:string, destination:string, action_type:string)['Alice', 'Bob', 'communicatesWith',"
            + " 'Alice', 'Apollo', 'trusts', 'Bob', 'Apollo', 'hasPermission', 'Eve', 'Alice', 'attacks',"
            + " 'Mallory', 'Alice', 'attacks', 'Mallory', 'Bob', 'attacks'];"
            + " Actions | make-graph source --> destination with Entities on name";

    private static final String STATIONS = "let connections = datatable(from_station:string, to_station:string, line:string)["
            + " 'Central', 'North', 'red', 'North', 'Central', 'red', 'Central', 'South', 'red', 'South', 'Central', 'red',"
            + " 'South', 'South-West', 'red', 'South-West', 'South', 'red', 'South-West', 'West', 'red', 'West', 'South-West', 'red',"
            + " 'Central', 'East', 'blue', 'East', 'Central', 'blue', 'Central', 'West', 'blue', 'West', 'Central', 'blue'];"
            + " connections | make-graph from_station --> to_station with_node_id=station";

    private static List<List<String>> sorted(Table t) {
        return sortedRows(rows(t));
    }

    private static List<List<String>> sortedRows(List<List<String>> rows) {
        return rows.stream().sorted((a, b) -> String.join("|", a).compareTo(String.join("|", b))).toList();
    }

    @Test
    void variableLengthEdgeListsItsEdgesFromThePatternsLeft() {
        Table t = run(ORG + " | graph-match (alice)<-[reports*1..5]-(employee) where alice.name == 'Alice' and employee.age < 30"
                + " project employee = employee.name, age = employee.age, reportingPath = map(reports, manager)");
        assertEquals(List.of("employee", "age", "reportingPath"), names(t));
        assertEquals(List.of(List.of("Ben", "23", "[\"Alice\",\"Chris\"]"), List.of("Eve", "27", "[\"Alice\",\"Bob\"]"),
                List.of("Joe", "29", "[\"Alice\"]")), sorted(t));
        // a variable length edge's property is an array too
        Table p = run(ORG + " | graph-match (alice)<-[reports*2..2]-(employee) where alice.name == 'Alice'"
                + " project e = employee.name, path = reports.manager");
        assertEquals(List.of(List.of("Ben", "[\"Alice\",\"Chris\"]"), List.of("Eve", "[\"Alice\",\"Bob\"]"),
                List.of("Richard", "[\"Alice\",\"Bob\"]")), sorted(p));
    }

    @Test
    void attackPathAndStarPattern() {
        String where = " where mallory.name == 'Mallory' and apollo.name == 'Apollo' and attacks.action_type == 'attacks'"
                + " and hasPermission.action_type == 'hasPermission'";
        String project = " project Attacker = mallory.name, Compromised = compromised.name, System = apollo.name";
        Table t = run(ACTIONS + " | graph-match (mallory)-[attacks]->(compromised)-[hasPermission]->(apollo)" + where + project);
        assertEquals(List.of(List.of("Mallory", "Bob", "Apollo")), rows(t));
        Table star = run(ACTIONS + " | graph-match (mallory)-[attacks]->(compromised)-[hasPermission]->(apollo),"
                + " (compromised)-[communicates]-(alice)" + where + " and alice.name == 'Alice'" + project);
        assertEquals(List.of(List.of("Mallory", "Bob", "Apollo")), rows(star));
        // the any-direction edge is followed backwards (Alice -> Bob read from Bob); a directed one is not
        assertEquals(0, run(ACTIONS + " | graph-match (compromised)-[c]->(alice) where compromised.name == 'Bob' and alice.name == 'Alice'"
                + " project x = 1").rowCount());
    }

    @Test
    void anonymousElementsAndNodesWithoutNodeTables() {
        Table t = run("datatable(a:string, b:string)['x', 'y', 'y', 'z'] | make-graph a --> b with_node_id=id"
                + " | graph-match (s)-->()-->(e) project s.id, e.id");
        assertEquals(List.of("s_id", "e_id"), names(t));
        assertEquals(List.of(List.of("x", "z")), rows(t));
    }

    @Test
    void shortestPathAnyAndAll() {
        String q = " (start)-[connections*1..5]->(destination) where start.station == 'South-West' and destination.station == 'North'"
                + " project from = start.station, path = map(connections, to_station), line = map(connections, line), to = destination.station";
        Table any = run(STATIONS + " | graph-shortest-paths" + q);
        assertEquals(List.of(List.of("South-West", "[\"South\",\"Central\",\"North\"]", "[\"red\",\"red\",\"red\"]", "North")), rows(any));
        Table all = run(STATIONS + " | graph-shortest-paths output=all" + q);
        assertEquals(List.of(List.of("South-West", "[\"South\",\"Central\",\"North\"]", "[\"red\",\"red\",\"red\"]", "North"),
                List.of("South-West", "[\"West\",\"Central\",\"North\"]", "[\"red\",\"blue\",\"red\"]", "North")), rows(all));
    }

    @Test
    void shortestPathsAvoidingAnInnerNode() {
        Table t = run(STATIONS + " | graph-shortest-paths (start)-[connections*1..5]->(destination)"
                + " where all(inner_nodes(connections), station != 'West') and start.station == 'North'"
                + " project from = start.station, stations = strcat_array(map(inner_nodes(connections), station), '->'), to = destination.station");
        assertEquals(sortedRows(List.of(List.of("North", "", "Central"), List.of("North", "Central", "East"), List.of("North", "Central", "South"),
                List.of("North", "Central", "West"), List.of("North", "Central->South", "South-West"))), sorted(t));
    }

    @Test
    void allOverEachDirectionAndUniqueEdgesAcrossTheMatch() {
        Table t = run(STATIONS + " | graph-match (start)-[outward*1..5]->(destination)-[return*1..5]->(start)"
                + " where start.station != destination.station and all(outward, line == 'red') and all(return, line == 'blue')"
                + " project from = start.station, outward_stations = strcat_array(map(inner_nodes(outward), station), '->'),"
                + " to = destination.station, return_stations = strcat_array(map(inner_nodes(return), station), '->')");
        assertEquals(sortedRows(List.of(
                List.of("Central", "North->Central->South->South-West", "West", ""),
                List.of("Central", "North->Central->South->South-West", "West", "Central->East"),
                List.of("Central", "South->South-West", "West", ""),
                List.of("Central", "South->South-West", "West", "Central->East"),
                List.of("West", "South-West->South", "Central", ""),
                List.of("West", "South-West->South", "Central", "East->Central"),
                List.of("West", "South-West->South->Central->North", "Central", ""),
                List.of("West", "South-West->South->Central->North", "Central", "East->Central"))), sorted(t));
    }

    @Test
    void nodeDegreesAndTheInnerNodesDegree() {
        Table t = run("let L = datatable(n:string)['NY', 'SF', 'CH', 'LA', 'SE'];"
                + " datatable(o:string, d:string, m:string)['NY', 'SF', 'Truck', 'NY', 'CH', 'Train', 'SF', 'LA', 'Truck',"
                + " 'CH', 'SE', 'Train', 'LA', 'NY', 'Truck', 'SE', 'SF', 'Train'] | make-graph o --> d with L on n"
                + " | graph-match (src)-[route*1..2]->(dest) project src.n, dest.n, node_degree_out(src),"
                + " modes = map(route, m), degrees = map(inner_nodes(route), node_degree_out())");
        assertEquals(List.of("src_n", "dest_n", "node_degree_out", "modes", "degrees"), names(t));
        assertEquals(13, t.rowCount());
        assertTrue(rows(t).contains(List.of("LA", "CH", "1", "[\"Truck\",\"Train\"]", "[2]")), rows(t).toString());
        assertTrue(rows(t).contains(List.of("NY", "SF", "2", "[\"Truck\"]", "[]")), rows(t).toString());
        Table m = run(ORG.replace("'Richard', 'Bob']", "'Richard', 'Bob', 'Alice', 'Jim']").replace("'Richard', 39]", "'Richard', 39, 'Jim', 42]")
                + " | graph-match (manager)<-[reports]-(employee) where node_degree_out(manager) == 0"
                + " project manager.name, employee.name, di = node_degree_in(manager), dout = node_degree_out(employee)");
        assertEquals(List.of(List.of("Jim", "Alice", "1", "1")), rows(m));
    }

    @Test
    void cyclesOption() {
        String g = "datatable(a:string, b:string)['x', 'y', 'y', 'x'] | make-graph a --> b with_node_id=id";
        // unique_edges (default): x->y->x uses two different edges
        assertEquals(2, run(g + " | graph-match (s)-[e*2..2]->(t) project s.id").rowCount());
        assertEquals(0, run(g + " | graph-match cycles=none (s)-[e*2..2]->(t) project s.id").rowCount());
        // all: the same edge may repeat (x->y->x->y)
        assertEquals(0, run(g + " | graph-match (s)-[e*3..3]-(t) where s.id == 'x' project s.id").rowCount());
        assertEquals(2, run(g + " | graph-match cycles=all (s)-[e*3..3]->(t) project s.id").rowCount());
    }

    @Test
    void graphToTableWithIdsThatAreHashesOfTheKeys() {
        String g = "let nodes = datatable(name:string, type:string, age:long)['Alice', 'Person', 23, 'Bob', 'Person', 31];"
                + " datatable(source:string, destination:string, edge_type:string)['Alice', 'Bob', 'knows', 'Mallory', 'Alice', 'attacks']"
                + " | make-graph source --> destination with nodes on name";
        Table n = run(g + " | graph-to-table nodes with_node_id=NodeId");
        assertEquals(List.of("NodeId", "name", "type", "age"), names(n));
        assertEquals(List.of(List.of("-3122868243544336885", "Alice", "Person", "23"), List.of("-7133945255344544237", "Bob", "Person", "31"),
                List.of("3855580634910899594", "Mallory", "", "")), rows(n));
        Table e = run(g + " | graph-to-table edges with_source_id=S with_target_id=T");
        assertEquals(List.of("S", "T", "source", "destination", "edge_type"), names(e));
        assertEquals(List.of("3855580634910899594", "-3122868243544336885", "Mallory", "Alice", "attacks"), rows(e).get(1));
        assertEquals(List.of(List.of("Alice", "Person", "23"), List.of("Bob", "Person", "31"), List.of("Mallory", "", "")),
                rows(run(g + " | graph-to-table nodes")));
    }

    @Test
    void aGraphHeldInALetIsReadByGraphOperators() {
        String g = "let G = datatable(a:string, b:string)['x', 'y', 'y', 'z'] | make-graph a --> b with_node_id=id;\n";
        assertEquals(List.of(List.of("x", "z")), rows(run(g + "G | graph-match (s)-[e*2..2]->(t) project s.id, t.id")));
        assertEquals(3, run(g + "G | graph-to-table nodes").rowCount());
        EvalResult.Failed f = fail(g + "G");
        assertEquals(EvalResult.BIND, f.code());
        assertTrue(f.message().contains("graph"), f.message());
    }

    @Test
    void xxHash64MatchesTheSpecification() {
        assertEquals(-1205034819632174695L, XxHash64.hash(new byte[0]));
        assertEquals(1846988464401551951L, XxHash64.hash("World".getBytes(StandardCharsets.UTF_8))); // hash-function.md
        assertEquals(802816344064684476L, XxHash64.hash("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-7858536869340659564L, XxHash64.hash("x".repeat(100).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mistakesAndRefusalsAreExplicit() {
        assertEquals(EvalResult.BIND, fail("datatable(a:string, b:string)['x', 'y'] | make-graph a --> b").code());
        assertEquals(EvalResult.BIND, fail("datatable(a:string, b:string)['x', 'y'] | make-graph a --> b | where a == 'x'").code());
        assertEquals(EvalResult.BIND, fail("datatable(a:string, b:string)['x', 'y'] | graph-match (n) project n.a").code());
        EvalResult.Failed f = fail("datatable(a:string, b:string)['x', 'y'] | make-graph a --> b with_node_id=id | graph-match (n) project n.nope");
        assertEquals(EvalResult.BIND, f.code());
        assertTrue(f.message().contains("nope"), f.message());
        assertEquals(EvalResult.BIND, fail("datatable(a:string, b:string)['x', 'y'] | make-graph a --> c | graph-to-table edges").code());
        assertEquals(EvalResult.UNSUPPORTED, fail("datatable(a:long, b:long)[1, 2] | make-graph a --> b with_node_id=id"
                + " | graph-to-table nodes with_node_id=Id").code());
        assertEquals(EvalResult.BIND, fail("datatable(a:string, b:string)['x', 'y'] | make-graph a --> b | graph-match (n)").code());
    }
}

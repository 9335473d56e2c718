package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph operators. make-graph's result is a graph, not a table, so the evaluator hands a pipe whose source is a
 * make-graph (or a let holding one) to {@link #read} (graph-match, graph-shortest-paths, graph-to-table); the
 * registry entries below are reached only where no graph comes in (a make-graph that nothing reads, a graph operator
 * after a table) and say so.
 */
final class GraphOperators {

    private GraphOperators() {
    }

    /** The make-graph pipe a graph operator reads ({@code T | make-graph ...}, also in parentheses), or null. */
    static Expr.Pipe graphSource(Expr source) {
        Expr s = source;
        while (s instanceof Expr.Paren p) s = p.inner();
        return s instanceof Expr.Pipe p && p.operator() instanceof QueryOperator.MakeGraph ? p : null;
    }

    /** The graph operator {@code consumer} over a graph (built on demand, so a misplaced operator fails first). */
    static Table read(QueryOperator consumer, java.util.function.Supplier<Graph> graph, Evaluator evaluator, Scope scope) {
        if (consumer instanceof QueryOperator.GraphMatch || consumer instanceof QueryOperator.GraphShortestPaths
                || consumer instanceof QueryOperator.GraphToTable) {
            Graph g = graph.get();
            if (consumer instanceof QueryOperator.GraphToTable t) return toTable(t, g);
            return GraphMatcher.run(consumer, g, evaluator, scope);
        }
        throw EvalException.bind("make-graph makes a graph, which only graph-match, graph-shortest-paths or graph-to-table read;"
                + " '" + consumer.keyword().text() + "' reads a table", consumer);
    }

    // --- make-graph ------------------------------------------------------------------------------------------

    /** make-graph-operator.md: each edge row is an edge; node table rows are nodes; ids only in edges become bare nodes. */
    static Graph build(QueryOperator.MakeGraph op, Table edges, Evaluator evaluator, Scope scope) {
        int srcCol = column(edges, op.source(), "source");
        int dstCol = column(edges, op.target(), "target");
        ScalarType keyType = edges.type(srcCol);
        if (edges.type(dstCol) != keyType) {
            throw EvalException.bind("make-graph's source and target columns have different types (" + keyType.kustoName()
                    + ", " + edges.type(dstCol).kustoName() + ")", op.target());
        }
        // node properties: the node tables' columns (outer union by name), or the with_node_id property
        List<Column> props = new ArrayList<>();
        List<Table> nodeTables = new ArrayList<>();
        List<Integer> keyCols = new ArrayList<>();
        List<Integer> keyProps = new ArrayList<>();
        if (!op.nodeIdParameters().isEmpty()) {
            Clause.OperatorParam p = op.nodeIdParameters().get(0);
            if (!(p.value() instanceof Expr.NameRef n)) throw EvalException.bind("with_node_id names the node property: with_node_id=Id", p);
            props.add(new Column(n.simpleName(), keyType));
            keyProps.add(0);
        }
        if (op.nodeTables() != null) {
            for (Clause.GraphNodeTable nt : op.nodeTables().items()) {
                Table t = evaluator.table(nt.table(), scope);
                int k = t.columnIndex(nt.key().simpleName());
                if (k < 0) throw EvalException.bind("node table has no column '" + nt.key().simpleName() + "'", nt.key());
                if (t.type(k) != keyType) {
                    throw EvalException.bind("node key '" + nt.key().simpleName() + "' is " + t.type(k).kustoName()
                            + " but the edges' ids are " + keyType.kustoName(), nt.key());
                }
                for (Column c : t.columns()) {
                    int existing = indexOf(props, c.name());
                    if (existing < 0) props.add(c);
                    else if (props.get(existing).type() != c.type()) {
                        throw EvalException.bind("node property '" + c.name() + "' has different types in the node tables", nt.table());
                    }
                }
                nodeTables.add(t);
                keyCols.add(k);
                int kp = indexOf(props, nt.key().simpleName());
                if (!keyProps.contains(kp)) keyProps.add(kp);
            }
        }
        Map<Object, Integer> index = new HashMap<>();
        List<Object> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int t = 0; t < nodeTables.size(); t++) {
            Table nt = nodeTables.get(t);
            int[] map = new int[nt.columns().size()];
            for (int c = 0; c < map.length; c++) map[c] = indexOf(props, nt.columns().get(c).name());
            for (int r = 0; r < nt.rowCount(); r++) {
                Object key = nt.vec(keyCols.get(t)).get(r);
                if (key == null) continue;
                Integer at = index.get(key);
                Object[] row;
                if (at == null) {
                    index.put(key, keys.size());
                    keys.add(key);
                    row = new Object[props.size()];
                    rows.add(row);
                } else {
                    row = rows.get(at);
                }
                // a node in several tables merges their properties (the first value wins)
                for (int c = 0; c < map.length; c++) if (row[map[c]] == null) row[map[c]] = nt.vec(c).get(r);
            }
        }
        int[] src = new int[edges.rowCount()], dst = new int[edges.rowCount()];
        int[] kept = new int[edges.rowCount()];
        int m = 0;
        for (int r = 0; r < edges.rowCount(); r++) {
            Object s = edges.vec(srcCol).get(r), d = edges.vec(dstCol).get(r);
            if (s == null || d == null) continue; // an edge without both ends is no edge
            src[m] = node(s, index, keys, rows, props.size(), keyProps);
            dst[m] = node(d, index, keys, rows, props.size(), keyProps);
            kept[m++] = r;
        }
        Table edgeTable = m == edges.rowCount() ? edges : edges.gather(kept, m);
        List<Vec> vecs = new ArrayList<>();
        for (int c = 0; c < props.size(); c++) {
            Vec.Builder b = Vec.builder((ScalarType) props.get(c).type(), rows.size());
            for (Object[] row : rows) b.add(row[c]);
            vecs.add(b.build());
        }
        Table nodes = Table.of("nodes", props, vecs, rows.size());
        return new Graph(nodes, keys, keyType, edgeTable, java.util.Arrays.copyOf(src, m), java.util.Arrays.copyOf(dst, m));
    }

    /** The node of an edge's end; an id no node table has becomes a node whose only properties are its key columns. */
    private static int node(Object key, Map<Object, Integer> index, List<Object> keys, List<Object[]> rows, int width, List<Integer> keyProps) {
        Integer at = index.get(key);
        if (at != null) return at;
        index.put(key, keys.size());
        keys.add(key);
        Object[] row = new Object[width];
        for (int p : keyProps) row[p] = key;
        rows.add(row);
        return keys.size() - 1;
    }

    private static int column(Table t, Expr name, String what) {
        String n = ((Expr.NameRef) name).simpleName();
        int c = t.columnIndex(n);
        if (c < 0) throw EvalException.bind("make-graph's " + what + " column '" + n + "' is not a column of the edges", name);
        return c;
    }

    private static int indexOf(List<Column> cols, String name) {
        for (int i = 0; i < cols.size(); i++) if (cols.get(i).name().equals(name)) return i;
        return -1;
    }

    // --- graph-to-table --------------------------------------------------------------------------------------

    /** graph-to-table-operator.md: the nodes (or edges) as a table, ids first when asked for. */
    static Table toTable(QueryOperator.GraphToTable op, Graph g) {
        if (op.outputs().size() != 1) throw EvalException.unsupported("graph-to-table with several outputs", op);
        Clause.GraphTableOutput out = op.outputs().get(0);
        if (out.as() != null) throw EvalException.unsupported("graph-to-table ... as Name", out.as());
        boolean nodes = out.entity().is("nodes");
        List<Column> cols = new ArrayList<>();
        List<Vec> vecs = new ArrayList<>();
        for (Clause.OperatorParam p : out.parameters()) {
            String param = p.parameterName();
            if (nodes != param.equals("with_node_id")) {
                throw EvalException.bind(param + " does not apply to graph-to-table " + out.entity().text(), p);
            }
            if (!(p.value() instanceof Expr.NameRef n)) throw EvalException.bind(param + " names a column: " + param + "=Id", p);
            int[] which;
            if (nodes) {
                which = new int[g.nodeCount()];
                for (int v = 0; v < which.length; v++) which[v] = v;
            } else {
                which = param.equals("with_source_id") ? g.source : g.target;
            }
            Vec.Builder b = Vec.builder(ScalarType.LONG, which.length);
            for (int v : which) b.add(nodeId(g, v, p));
            cols.add(new Column(n.simpleName(), ScalarType.LONG));
            vecs.add(b.build());
        }
        Table t = nodes ? g.nodes : g.edges;
        for (int c = 0; c < t.columns().size(); c++) {
            cols.add(t.columns().get(c));
            vecs.add(t.vec(c));
        }
        return Table.of(nodes ? "nodes" : "edges", cols, vecs, t.rowCount());
    }

    /** A node's id is hash() of its key; Kusto's hash of non-string keys is not documented byte for byte. */
    private static long nodeId(Graph g, int node, Clause.OperatorParam where) {
        if (g.keyType != ScalarType.STRING) {
            throw EvalException.unsupported("node ids of " + g.keyType.kustoName() + " node keys (only string keys have documented ids)", where);
        }
        return XxHash64.hash(((String) g.keys.get(node)).getBytes(StandardCharsets.UTF_8));
    }

    // --- registry entries: reached only without a graph input ------------------------------------------------

    static final class MakeGraph implements TabularOperator<QueryOperator.MakeGraph> {
        @Override
        public Class<QueryOperator.MakeGraph> syntax() {
            return QueryOperator.MakeGraph.class;
        }

        @Override
        public Table apply(QueryOperator.MakeGraph op, Table input, Evaluator evaluator, Scope scope) {
            Operators.requireInput(input, op);
            throw EvalException.bind("make-graph makes a graph: follow it with graph-match, graph-shortest-paths or graph-to-table", op);
        }
    }

    /** graph-match, graph-shortest-paths and graph-to-table after something that is not a make-graph. */
    record NeedsGraph<T extends QueryOperator>(Class<T> syntax) implements TabularOperator<T> {
        @Override
        public Table apply(T op, Table input, Evaluator evaluator, Scope scope) {
            throw EvalException.bind("'" + op.keyword().text() + "' reads a graph: put '| make-graph Source --> Target ...' before it", op);
        }
    }
}

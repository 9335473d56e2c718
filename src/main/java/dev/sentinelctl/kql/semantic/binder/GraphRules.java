package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/**
 * The graph operators (make-graph, graph-match, graph-shortest-paths, graph-to-table). The binder's row schema has no
 * graph type: a graph's nodes and edges carry the columns of the tables it was made from, which only the engine
 * tracks. So each rule leaves the schema open, as a stored function of unknown result does, and nothing after a graph
 * operator is reported as unknown; make-graph keeps the names known so far (a graph operator reads them next).
 *
 * @param keepsInput whether the input's columns stay known (make-graph) or the output is new rows (the others)
 */
record GraphRules<T extends QueryOperator>(Class<T> syntax, boolean keepsInput) implements OperatorRule<T> {

    static final GraphRules<QueryOperator.MakeGraph> MAKE_GRAPH = new GraphRules<>(QueryOperator.MakeGraph.class, true);
    static final GraphRules<QueryOperator.GraphMatch> MATCH = new GraphRules<>(QueryOperator.GraphMatch.class, false);
    static final GraphRules<QueryOperator.GraphShortestPaths> SHORTEST_PATHS =
            new GraphRules<>(QueryOperator.GraphShortestPaths.class, false);
    static final GraphRules<QueryOperator.GraphToTable> TO_TABLE = new GraphRules<>(QueryOperator.GraphToTable.class, false);

    @Override
    public RowSchema bind(T op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
        return keepsInput && in != null ? in.withOpen(true) : RowSchema.open();
    }
}

package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.QueryOperator;

/**
 * The graph operators. The binder's row schema has no graph type: a graph's nodes and edges carry the columns of
 * the tables it was made from, which only the engine tracks. So each rule keeps the names known so far and opens the
 * schema, as a stored function of unknown result does; nothing after a graph operator is reported as unknown.
 */
final class GraphRules {

    private GraphRules() {
    }

    private static RowSchema opened(RowSchema in) {
        return in == null ? RowSchema.open() : in.withOpen(true);
    }

    /** make-graph: the result is a graph, read only by the graph operators that follow. */
    static final class MakeGraph implements OperatorRule<QueryOperator.MakeGraph> {
        @Override
        public Class<QueryOperator.MakeGraph> syntax() {
            return QueryOperator.MakeGraph.class;
        }

        @Override
        public RowSchema bind(QueryOperator.MakeGraph op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return opened(in);
        }
    }

    /** graph-match: the columns its project names, from node and edge properties. */
    static final class Match implements OperatorRule<QueryOperator.GraphMatch> {
        @Override
        public Class<QueryOperator.GraphMatch> syntax() {
            return QueryOperator.GraphMatch.class;
        }

        @Override
        public RowSchema bind(QueryOperator.GraphMatch op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return RowSchema.open();
        }
    }

    /** graph-shortest-paths: like graph-match, the columns its project names. */
    static final class ShortestPaths implements OperatorRule<QueryOperator.GraphShortestPaths> {
        @Override
        public Class<QueryOperator.GraphShortestPaths> syntax() {
            return QueryOperator.GraphShortestPaths.class;
        }

        @Override
        public RowSchema bind(QueryOperator.GraphShortestPaths op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return RowSchema.open();
        }
    }

    /** graph-to-table: the graph's nodes or edges as rows, with the node/edge tables' columns. */
    static final class ToTable implements OperatorRule<QueryOperator.GraphToTable> {
        @Override
        public Class<QueryOperator.GraphToTable> syntax() {
            return QueryOperator.GraphToTable.class;
        }

        @Override
        public RowSchema bind(QueryOperator.GraphToTable op, RowSchema in, OperatorBinder ob, TreeBinder.Ctx c) {
            return RowSchema.open();
        }
    }
}

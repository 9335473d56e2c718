package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;

import java.util.List;

/**
 * A graph made by make-graph: nodes with a key and properties (a table, one row per node), edges with properties
 * (the edge table, one row per edge) and each edge's source and target node index. Adjacency lists hold edge
 * indexes in edge-table order, so traversals (and "any" shortest paths) are deterministic.
 */
final class Graph {

    final Table nodes;
    final List<Object> keys;
    final ScalarType keyType;
    final Table edges;
    final int[] source;
    final int[] target;
    final int[][] out;
    final int[][] in;

    Graph(Table nodes, List<Object> keys, ScalarType keyType, Table edges, int[] source, int[] target) {
        this.nodes = nodes;
        this.keys = List.copyOf(keys);
        this.keyType = keyType;
        this.edges = edges;
        this.source = source;
        this.target = target;
        int n = keys.size();
        int[] outCount = new int[n], inCount = new int[n];
        for (int e = 0; e < source.length; e++) {
            outCount[source[e]]++;
            inCount[target[e]]++;
        }
        out = new int[n][];
        in = new int[n][];
        for (int v = 0; v < n; v++) {
            out[v] = new int[outCount[v]];
            in[v] = new int[inCount[v]];
        }
        int[] o = new int[n], i = new int[n];
        for (int e = 0; e < source.length; e++) {
            out[source[e]][o[source[e]]++] = e;
            in[target[e]][i[target[e]]++] = e;
        }
    }

    int nodeCount() {
        return keys.size();
    }

    int edgeCount() {
        return source.length;
    }
}

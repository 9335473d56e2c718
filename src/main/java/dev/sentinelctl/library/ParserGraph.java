package dev.sentinelctl.library;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which parser calls which, ordered for binding: a called parser before its callers (Tarjan's strongly connected
 * components come out in that order). A component of more than one parser, or a parser calling itself, is a cycle:
 * Kusto functions cannot recurse, so the workspace would reject the call at query time.
 */
final class ParserGraph {

    record Result(List<String> order, List<List<String>> cycles) {}

    private final Map<String, List<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Map<String, Boolean> onStack = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private final List<List<String>> cycles = new ArrayList<>();
    private int counter;

    private ParserGraph(Map<String, List<String>> edges) {
        this.edges = edges;
    }

    static Result analyse(Map<String, List<String>> edges) {
        ParserGraph g = new ParserGraph(new LinkedHashMap<>(edges));
        for (String v : edges.keySet()) if (!g.index.containsKey(v)) g.visit(v);
        List<String> acyclic = new ArrayList<>();
        List<String> cyclic = new ArrayList<>();
        for (String v : g.order) (g.inCycle(v) ? cyclic : acyclic).add(v);
        acyclic.addAll(cyclic);
        return new Result(acyclic, g.cycles);
    }

    private boolean inCycle(String v) {
        for (List<String> c : cycles) if (c.contains(v)) return true;
        return false;
    }

    // Recursive on purpose: parser graphs are shallow (ASIM: union → source parsers, depth 2-3).
    private void visit(String v) {
        index.put(v, counter);
        low.put(v, counter);
        counter++;
        stack.push(v);
        onStack.put(v, true);
        for (String w : edges.getOrDefault(v, List.of())) {
            if (!edges.containsKey(w)) continue;
            if (!index.containsKey(w)) {
                visit(w);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.getOrDefault(w, false)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.put(w, false);
                component.add(w);
            } while (!w.equals(v));
            boolean selfLoop = edges.getOrDefault(v, List.of()).contains(v);
            if (component.size() > 1 || selfLoop) cycles.add(component);
            order.addAll(component);
        }
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.SeparatedList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * graph-match and graph-shortest-paths (graph-match-operator.md, graph-shortest-paths-operator.md): every binding of
 * the pattern's nodes and edges that the graph has and the where clause accepts becomes a row of the project clause.
 * <ul>
 * <li>A named node is one node wherever its name appears (sequences join on shared names); anonymous ones are free.</li>
 * <li>{@code -[e]->} follows an edge from its source (left) to its target; {@code <-[e]-} the other way;
 * {@code -[e]-} either way. A variable length edge {@code [e*min..max]} is a path of min to max such steps; its
 * edges (and {@code inner_nodes}) are listed from the pattern's left to its right.</li>
 * <li>cycles: {@code unique_edges} (default) — no edge twice in a match; {@code none} — no node twice (a named node
 * repeated by name is the same element); {@code all} — no limit.</li>
 * <li>A where condition on one variable length edge's properties holds for each of its edges; {@code all()},
 * {@code any()} and {@code map()} read a variable length edge (or its {@code inner_nodes()}) as a whole, with the
 * element's properties named directly.</li>
 * <li>graph-shortest-paths keeps, per binding of the pattern's nodes, the paths with the fewest edges: the first
 * found ({@code output=any}, edges tried in edge-table order) or all of them ({@code output=all}); its paths are
 * simple (no node twice, so no path leads from a node to itself).</li>
 * </ul>
 */
final class GraphMatcher {

    /** Enumeration stops with EVAL-runtime past this many steps, so a dense graph cannot run away. */
    private static final long MAX_STEPS = 20_000_000L;

    private enum Dir { RIGHT, LEFT, ANY }

    private enum Cycles { UNIQUE_EDGES, NONE, ALL }

    private record EdgeEl(int slot, boolean variable, int min, int max, Dir dir, Clause.GraphEdge syntax) {
    }

    private record Sequence(int[] nodes, EdgeEl[] edges) {
    }

    private record Match(int[] nodes, int[] edges, int[][] varEdges, int[][] varInner) {
    }

    /** The bindings of the match being built or read; compiled expressions read it. */
    static final class Ctx {
        int[] nodes;
        int[] edges;
        int[][] varEdges;
        int[][] varInner;
        /** The edge a per-edge condition on a variable length edge is checked against. */
        int element = -1;
    }

    private final Graph g;
    private final Evaluator evaluator;
    private final Scope scope;
    private final Ctx ctx = new Ctx();
    private final Map<String, Integer> nodeSlots = new LinkedHashMap<>();
    private final Map<String, Integer> edgeSlots = new LinkedHashMap<>();
    private final Map<String, Integer> varSlots = new LinkedHashMap<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private int nodeSlotCount, edgeSlotCount, varSlotCount;
    private Cycles cycles = Cycles.UNIQUE_EDGES;

    private Ev[][] nodeFilters;
    private Ev[][] edgeFilters;
    private Ev[][] varFilters;
    private final List<Ev> matchFilters = new ArrayList<>();
    private boolean[] usedEdge;
    private long steps;
    private final List<Match> matches = new ArrayList<>();

    private GraphMatcher(Graph g, Evaluator evaluator, Scope scope) {
        this.g = g;
        this.evaluator = evaluator;
        this.scope = scope;
    }

    static Table run(QueryOperator op, Graph g, Evaluator evaluator, Scope scope) {
        boolean shortest = op instanceof QueryOperator.GraphShortestPaths;
        List<Clause.OperatorParam> params;
        SeparatedList<Clause.GraphPattern> patterns;
        Expr predicate;
        SeparatedList<Expr> projections;
        if (op instanceof QueryOperator.GraphMatch m) {
            params = m.parameters();
            patterns = m.patterns();
            predicate = m.predicate();
            projections = m.projections();
        } else {
            QueryOperator.GraphShortestPaths s = (QueryOperator.GraphShortestPaths) op;
            params = s.parameters();
            patterns = s.patterns();
            predicate = s.predicate();
            projections = s.projections();
        }
        GraphMatcher m = new GraphMatcher(g, evaluator, scope);
        boolean all = false;
        for (Clause.OperatorParam p : params) {
            String v = p.value() instanceof Expr.NameRef n ? n.simpleName() : "";
            if (p.parameterName().equals("cycles")) {
                m.cycles = switch (v) {
                    case "unique_edges" -> Cycles.UNIQUE_EDGES;
                    case "none" -> Cycles.NONE;
                    case "all" -> Cycles.ALL;
                    default -> throw EvalException.bind("cycles is all, none or unique_edges", p);
                };
            } else if (p.parameterName().equals("output")) {
                if (!v.equals("any") && !v.equals("all")) throw EvalException.bind("output is any or all", p);
                all = v.equals("all");
            }
        }
        // a shortest path is a simple path: no node twice, so a node is no path's end and start (docs' example)
        if (shortest) m.cycles = Cycles.NONE;
        for (Clause.GraphPattern p : patterns.items()) m.addSequence(p);
        if (shortest && (m.sequences.size() != 1 || m.varSlotCount == 0)) {
            throw EvalException.bind("graph-shortest-paths takes one sequence with a variable length edge: (a)-[e*1..5]->(b)", op);
        }
        if (projections == null) throw EvalException.bind("'" + op.keyword().text() + "' needs a project clause: project a.name, ...", op);
        m.compileFilters(predicate);
        m.enumerate();
        List<Match> rows = shortest ? m.shortest(all) : m.matches;
        return m.project(projections, rows);
    }

    // --- pattern ----------------------------------------------------------------------------------------------

    private void addSequence(Clause.GraphPattern p) {
        List<Clause> els = p.elements();
        int[] nodes = new int[(els.size() + 1) / 2];
        EdgeEl[] edges = new EdgeEl[els.size() / 2];
        for (int i = 0; i < els.size(); i++) {
            if (i % 2 == 0) nodes[i / 2] = nodeSlot((Clause.GraphNode) els.get(i));
            else edges[i / 2] = edgeEl((Clause.GraphEdge) els.get(i));
        }
        sequences.add(new Sequence(nodes, edges));
    }

    private int nodeSlot(Clause.GraphNode n) {
        if (n.name() == null) return nodeSlotCount++;
        String name = n.name().simpleName();
        if (edgeSlots.containsKey(name) || varSlots.containsKey(name)) throw EvalException.bind("'" + name + "' names both a node and an edge", n);
        Integer s = nodeSlots.get(name);
        if (s == null) {
            s = nodeSlotCount++;
            nodeSlots.put(name, s);
        }
        return s;
    }

    private EdgeEl edgeEl(Clause.GraphEdge e) {
        Dir dir = e.pointsRight() && !e.pointsLeft() ? Dir.RIGHT : e.pointsLeft() && !e.pointsRight() ? Dir.LEFT : Dir.ANY;
        if (e.pointsLeft() && e.pointsRight()) throw EvalException.bind("an edge points one way (-[e]->, <-[e]-) or none (-[e]-)", e);
        String name = e.name() == null ? null : e.name().simpleName();
        if (name != null && (nodeSlots.containsKey(name) || edgeSlots.containsKey(name) || varSlots.containsKey(name))) {
            throw EvalException.unsupported("an edge variable used twice in a pattern ('" + name + "')", e);
        }
        if (e.star() == null) {
            int slot = edgeSlotCount++;
            if (name != null) edgeSlots.put(name, slot);
            return new EdgeEl(slot, false, 1, 1, dir, e);
        }
        if (e.min() == null) throw EvalException.unsupported("a variable length edge without bounds (write [e*1..5])", e);
        int min = Integer.parseInt(e.min().text());
        int max = e.max() == null ? min : Integer.parseInt(e.max().text());
        if (max < min) throw EvalException.bind("a variable length edge's maximum is below its minimum", e);
        int slot = varSlotCount++;
        if (name != null) varSlots.put(name, slot);
        return new EdgeEl(slot, true, min, max, dir, e);
    }

    // --- where: conditions on one element are checked while matching; the rest on whole matches -------------

    private void compileFilters(Expr predicate) {
        nodeFilters = new Ev[nodeSlotCount][];
        edgeFilters = new Ev[edgeSlotCount][];
        varFilters = new Ev[varSlotCount][];
        List<List<Ev>> nf = lists(nodeSlotCount), ef = lists(edgeSlotCount), vf = lists(varSlotCount);
        if (predicate != null) {
            List<Expr> conjuncts = new ArrayList<>();
            split(predicate, conjuncts);
            for (Expr c : conjuncts) {
                GraphExprs.Refs refs = GraphExprs.refs(c, nodeSlots.keySet(), edgeSlots.keySet(), varSlots.keySet());
                if (!refs.directVar().isEmpty()) {
                    if (refs.all().size() != 1) {
                        throw EvalException.unsupported("a condition on a variable length edge's properties together with other variables", c);
                    }
                    String v = refs.directVar().iterator().next();
                    vf.get(varSlots.get(v)).add(bool(exprs(v).compile(c), c));
                    continue;
                }
                Ev ev = bool(exprs(null).compile(c), c);
                if (refs.all().size() == 1 && nodeSlots.containsKey(refs.all().iterator().next())) {
                    nf.get(nodeSlots.get(refs.all().iterator().next())).add(ev);
                } else if (refs.all().size() == 1 && edgeSlots.containsKey(refs.all().iterator().next())) {
                    ef.get(edgeSlots.get(refs.all().iterator().next())).add(ev);
                } else {
                    matchFilters.add(ev);
                }
            }
        }
        for (int i = 0; i < nodeSlotCount; i++) nodeFilters[i] = nf.get(i).toArray(new Ev[0]);
        for (int i = 0; i < edgeSlotCount; i++) edgeFilters[i] = ef.get(i).toArray(new Ev[0]);
        for (int i = 0; i < varSlotCount; i++) varFilters[i] = vf.get(i).toArray(new Ev[0]);
    }

    private static List<List<Ev>> lists(int n) {
        List<List<Ev>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new ArrayList<>());
        return out;
    }

    private static void split(Expr e, List<Expr> out) {
        if (e instanceof Expr.Paren p && !(p.inner() instanceof QueryOperator)) {
            split(p.inner(), out);
        } else if (e instanceof Expr.Binary b && b.op() == BinaryOp.AND) {
            split(b.left(), out);
            split(b.right(), out);
        } else {
            out.add(e);
        }
    }

    private static Ev bool(Ev ev, Expr where) {
        if (ev.type() != ScalarType.BOOL) throw EvalException.bind("a where condition must be bool, not " + ev.type().kustoName(), where);
        return ev;
    }

    private GraphExprs exprs(String singleVar) {
        return new GraphExprs(g, ctx, evaluator, scope, nodeSlots, edgeSlots, varSlots, singleVar);
    }

    private static boolean allTrue(Ev[] filters) {
        for (Ev f : filters) if (!Boolean.TRUE.equals(f.eval(0))) return false;
        return true;
    }

    // --- enumeration ------------------------------------------------------------------------------------------

    private void enumerate() {
        ctx.nodes = new int[nodeSlotCount];
        Arrays.fill(ctx.nodes, -1);
        ctx.edges = new int[edgeSlotCount];
        ctx.varEdges = new int[varSlotCount][];
        ctx.varInner = new int[varSlotCount][];
        usedEdge = new boolean[g.edgeCount()];
        startSequence(0);
    }

    private void startSequence(int si) {
        if (si == sequences.size()) {
            if (cycles == Cycles.NONE && repeatsANode()) return;
            for (Ev f : matchFilters) if (!Boolean.TRUE.equals(f.eval(0))) return;
            int[][] ve = new int[varSlotCount][], vi = new int[varSlotCount][];
            for (int i = 0; i < varSlotCount; i++) {
                ve[i] = ctx.varEdges[i];
                vi[i] = ctx.varInner[i];
            }
            matches.add(new Match(ctx.nodes.clone(), ctx.edges.clone(), ve, vi));
            return;
        }
        Sequence s = sequences.get(si);
        int first = s.nodes()[0];
        if (ctx.nodes[first] >= 0) {
            walk(si, 0, ctx.nodes[first]);
            return;
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            int node = v;
            bind(first, node, () -> walk(si, 0, node));
        }
    }

    private void walk(int si, int k, int node) {
        Sequence s = sequences.get(si);
        if (k == s.edges().length) {
            startSequence(si + 1);
            return;
        }
        EdgeEl e = s.edges()[k];
        int next = s.nodes()[k + 1];
        if (!e.variable()) {
            step(node, e.dir(), (edge, other) -> {
                ctx.edges[e.slot()] = edge;
                if (!allTrue(edgeFilters[e.slot()])) return;
                usedEdge[edge] = true;
                bind(next, other, () -> walk(si, k + 1, other));
                usedEdge[edge] = false;
            });
            return;
        }
        path(si, k, e, node, new int[e.max()], new int[e.max()], 0);
    }

    /** Extends a variable length edge's path by one step at a time, offering every length from min to max. */
    private void path(int si, int k, EdgeEl e, int node, int[] edges, int[] nodes, int depth) {
        if (depth >= e.min()) {
            int next = sequences.get(si).nodes()[k + 1];
            ctx.varEdges[e.slot()] = Arrays.copyOf(edges, depth);
            ctx.varInner[e.slot()] = depth == 0 ? new int[0] : Arrays.copyOf(nodes, depth - 1);
            bind(next, node, () -> walk(si, k + 1, node));
        }
        if (depth == e.max()) return;
        step(node, e.dir(), (edge, other) -> {
            ctx.element = edge;
            boolean ok = allTrue(varFilters[e.slot()]);
            ctx.element = -1;
            if (!ok) return;
            usedEdge[edge] = true;
            edges[depth] = edge;
            nodes[depth] = other;
            path(si, k, e, other, edges, nodes, depth + 1);
            usedEdge[edge] = false;
        });
    }

    private interface StepVisitor {
        void visit(int edge, int other);
    }

    /** The edges leaving {@code node} in a direction, in edge-table order, with the node at their other end. */
    private void step(int node, Dir dir, StepVisitor visitor) {
        if (dir != Dir.LEFT) {
            for (int e : g.out[node]) {
                if (usable(e)) visitor.visit(e, g.target[e]);
            }
        }
        if (dir != Dir.RIGHT) {
            for (int e : g.in[node]) {
                if (dir == Dir.ANY && g.source[e] == g.target[e]) continue; // a self-loop was offered above
                if (usable(e)) visitor.visit(e, g.source[e]);
            }
        }
    }

    private boolean usable(int edge) {
        if (++steps > MAX_STEPS) {
            throw new EvalException(EvalResult.RUNTIME, "graph pattern matching explored more than " + MAX_STEPS
                    + " steps; narrow the pattern (bounds of variable length edges) or the where clause", -1);
        }
        return cycles == Cycles.ALL || !usedEdge[edge];
    }

    /** Binds a node slot (or checks it when bound) and continues. */
    private void bind(int slot, int node, Runnable then) {
        if (ctx.nodes[slot] >= 0) {
            if (ctx.nodes[slot] == node) then.run();
            return;
        }
        ctx.nodes[slot] = node;
        if (allTrue(nodeFilters[slot])) then.run();
        ctx.nodes[slot] = -1;
    }

    /** cycles=none: distinct node elements (named nodes, anonymous nodes, inner nodes of paths) are distinct nodes. */
    private boolean repeatsANode() {
        java.util.Set<Integer> seen = new HashSet<>();
        for (int v : ctx.nodes) if (!seen.add(v)) return true;
        for (int[] inner : ctx.varInner) for (int v : inner) if (!seen.add(v)) return true;
        return false;
    }

    // --- results ----------------------------------------------------------------------------------------------

    private List<Match> shortest(boolean all) {
        Map<List<Integer>, List<Match>> best = new LinkedHashMap<>();
        for (Match m : matches) {
            List<Integer> key = new ArrayList<>();
            for (int v : m.nodes()) key.add(v);
            for (int v : m.edges()) key.add(-1 - v);
            List<Match> kept = best.get(key);
            int len = pathLength(m);
            if (kept == null || len < pathLength(kept.get(0))) {
                kept = new ArrayList<>();
                kept.add(m);
                best.put(key, kept);
            } else if (len == pathLength(kept.get(0)) && all) {
                kept.add(m);
            }
        }
        List<Match> out = new ArrayList<>();
        for (List<Match> ms : best.values()) out.addAll(ms);
        return out;
    }

    private static int pathLength(Match m) {
        int n = m.edges().length;
        for (int[] v : m.varEdges()) n += v.length;
        return n;
    }

    private Table project(SeparatedList<Expr> projections, List<Match> rows) {
        GraphExprs x = exprs(null);
        List<Column> cols = new ArrayList<>();
        List<Ev> evs = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        int auto = 1;
        for (Expr e : projections.items()) {
            Ev ev = x.compile(e);
            String name = evaluator.names.of(e);
            if (name == null) {
                Expr inner = e;
                while (inner instanceof Expr.Paren p) inner = p.inner();
                name = inner instanceof Expr.FunctionCall c ? c.functionName() : "Column" + auto++;
            }
            name = Tables.unique(name, taken);
            taken.add(name);
            cols.add(new Column(name, ev.type()));
            evs.add(ev);
        }
        Vec.Builder[] b = new Vec.Builder[evs.size()];
        for (int c = 0; c < b.length; c++) b[c] = Vec.builder(evs.get(c).type(), rows.size());
        for (Match m : rows) {
            ctx.nodes = m.nodes();
            ctx.edges = m.edges();
            ctx.varEdges = m.varEdges();
            ctx.varInner = m.varInner();
            for (int c = 0; c < b.length; c++) b[c].add(evs.get(c).eval(0));
        }
        List<Vec> vecs = new ArrayList<>();
        for (Vec.Builder vb : b) vecs.add(vb.build());
        return Table.of("graph-match", cols, vecs, rows.size());
    }
}

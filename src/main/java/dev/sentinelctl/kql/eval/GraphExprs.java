package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.SyntaxElement;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles graph-match expressions against the match being read ({@link GraphMatcher.Ctx}): {@code n.prop} of a
 * node or edge variable, a variable length edge's {@code e.prop} (an array, or the current edge in a per-edge
 * condition), and the graph functions {@code node_degree_in/out(n)}, {@code map(e, expr)}, {@code all(e, cond)},
 * {@code any(e, cond)} with {@code inner_nodes(e)} (map-graph-function.md, all-graph-function.md,
 * any-graph-function.md, inner-nodes-graph-function.md, node-degree-in.md, node-degree-out.md). Everything else
 * compiles as in any expression.
 */
final class GraphExprs {

    /** The variables a condition reads; {@code directVar}: variable length edges whose properties it reads directly. */
    record Refs(Set<String> all, Set<String> directVar) {
    }

    private final Graph g;
    private final GraphMatcher.Ctx ctx;
    private final Evaluator evaluator;
    private final Scope scope;
    private final Map<String, Integer> nodes;
    private final Map<String, Integer> edges;
    private final Map<String, Integer> vars;
    /** A variable length edge read one edge at a time (a per-edge where condition), or null. */
    private final String singleVar;

    GraphExprs(Graph g, GraphMatcher.Ctx ctx, Evaluator evaluator, Scope scope, Map<String, Integer> nodes,
               Map<String, Integer> edges, Map<String, Integer> vars, String singleVar) {
        this.g = g;
        this.ctx = ctx;
        this.evaluator = evaluator;
        this.scope = scope;
        this.nodes = nodes;
        this.edges = edges;
        this.vars = vars;
        this.singleVar = singleVar;
    }

    static Refs refs(Expr e, Set<String> nodes, Set<String> edges, Set<String> vars) {
        Refs r = new Refs(new LinkedHashSet<>(), new LinkedHashSet<>());
        collect(e, nodes, edges, vars, r, false);
        return r;
    }

    private static void collect(SyntaxNode n, Set<String> nodes, Set<String> edges, Set<String> vars, Refs r, boolean inside) {
        if (n instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t) {
            String v = t.simpleName();
            if (nodes.contains(v) || edges.contains(v) || vars.contains(v)) {
                r.all().add(v);
                if (vars.contains(v) && !inside) r.directVar().add(v);
                return;
            }
        }
        boolean in = inside;
        if (n instanceof Expr.FunctionCall c && !c.arguments().isEmpty()) {
            String v = variableOf(c.arguments().get(0));
            if (v != null && (nodes.contains(v) || edges.contains(v) || vars.contains(v))) r.all().add(v);
            if (isElementFunction(c.functionName())) in = true;
        }
        for (SyntaxElement child : n.children()) {
            if (child instanceof SyntaxNode cn) collect(cn, nodes, edges, vars, r, in);
        }
    }

    private static boolean isElementFunction(String name) {
        return name.equals("map") || name.equals("all") || name.equals("any");
    }

    /** {@code e} or {@code inner_nodes(e)}: the variable a graph function's first argument names. */
    private static String variableOf(Expr arg) {
        if (arg instanceof Expr.NameRef n) return n.simpleName();
        if (arg instanceof Expr.FunctionCall c && c.functionName().equals("inner_nodes") && c.arguments().size() == 1
                && c.arguments().get(0) instanceof Expr.NameRef n) return n.simpleName();
        return null;
    }

    Ev compile(Expr e) {
        Map<Expr, Ev> refs = new IdentityHashMap<>();
        register(e, refs);
        return new ExprCompiler(evaluator, null, scope, Set.of(), refs).compile(e);
    }

    private void register(SyntaxNode n, Map<Expr, Ev> refs) {
        if (n instanceof Expr.MemberAccess m && m.target() instanceof Expr.NameRef t && m.member() instanceof Expr.NameRef p) {
            Ev ev = property(t.simpleName(), p.simpleName(), m);
            if (ev != null) {
                refs.put(m, ev);
                return;
            }
        }
        if (n instanceof Expr.FunctionCall c) {
            Ev ev = function(c, refs);
            if (ev != null) {
                refs.put(c, ev);
                return;
            }
        }
        for (SyntaxElement child : n.children()) {
            if (child instanceof SyntaxNode cn) register(cn, refs);
        }
    }

    private Ev property(String var, String prop, Expr where) {
        if (nodes.containsKey(var)) {
            int slot = nodes.get(var);
            Vec vec = column(g.nodes, prop, "node", var, where);
            return Ev.of(vec.type, r -> ctx.nodes[slot] < 0 ? null : vec.get(ctx.nodes[slot]));
        }
        if (edges.containsKey(var)) {
            int slot = edges.get(var);
            Vec vec = column(g.edges, prop, "edge", var, where);
            return Ev.of(vec.type, r -> vec.get(ctx.edges[slot]));
        }
        if (vars.containsKey(var)) {
            int slot = vars.get(var);
            Vec vec = column(g.edges, prop, "edge", var, where);
            if (var.equals(singleVar)) return Ev.of(vec.type, r -> vec.get(ctx.element));
            return Ev.of(ScalarType.DYNAMIC, r -> {
                ArrayNode a = Values.array();
                for (int e : ctx.varEdges[slot]) a.add(Values.toJson(vec.type, vec.get(e)));
                return a;
            });
        }
        return null;
    }

    private static Vec column(Table t, String prop, String kind, String var, Expr where) {
        int c = t.columnIndex(prop);
        if (c < 0) {
            throw EvalException.bind(kind + " variable '" + var + "' has no property '" + prop + "'; the " + kind
                    + "s have " + Tables.names(t), where);
        }
        return t.vec(c);
    }

    private Ev function(Expr.FunctionCall c, Map<Expr, Ev> refs) {
        String name = c.functionName();
        List<Expr> args = c.arguments().items();
        switch (name) {
            case "node_degree_in", "node_degree_out" -> {
                boolean in = name.equals("node_degree_in");
                if (args.size() != 1) return null; // the element form node_degree_out() exists only inside map/all/any
                String v = args.get(0) instanceof Expr.NameRef n ? n.simpleName() : null;
                if (v == null || !nodes.containsKey(v)) throw EvalException.bind(name + " takes a node variable of the pattern", c);
                int slot = nodes.get(v);
                return Ev.of(ScalarType.LONG, r -> (long) (in ? g.in : g.out)[ctx.nodes[slot]].length);
            }
            case "map", "all", "any" -> {
                if (args.size() != 2) return null;
                return elements(c, args.get(0), args.get(1), refs);
            }
            case "inner_nodes" -> throw EvalException.bind("inner_nodes() is read by map(), all() or any()", c);
            default -> {
                return null;
            }
        }
    }

    /** map/all/any over a variable length edge's edges or inner nodes: {@code expr} names the element's properties. */
    private Ev elements(Expr.FunctionCall c, Expr over, Expr body, Map<Expr, Ev> outer) {
        boolean innerNodes = over instanceof Expr.FunctionCall f && f.functionName().equals("inner_nodes");
        String v = variableOf(over);
        if (v == null || !vars.containsKey(v)) {
            if (c.functionName().equals("map") || over instanceof Expr.NameRef n && (nodes.containsKey(n.simpleName()) || edges.containsKey(n.simpleName()))) {
                throw EvalException.bind(c.functionName() + "() reads a variable length edge of the pattern (or inner_nodes of one)", over);
            }
            return null; // any()/all() of something else: the aggregate or scalar function of that name
        }
        int slot = vars.get(v);
        Table elementTable = innerNodes ? g.nodes : g.edges;
        Map<Expr, Ev> refs = new IdentityHashMap<>(outer);
        register(body, refs);
        collectElementDegrees(body, refs, innerNodes);
        Ev ev = new ExprCompiler(evaluator, elementTable, scope, Set.of(), refs).compile(body);
        String fn = c.functionName();
        if (!fn.equals("map") && ev.type() != ScalarType.BOOL) throw EvalException.bind(fn + "()'s condition must be bool", body);
        return switch (fn) {
            case "map" -> Ev.of(ScalarType.DYNAMIC, r -> {
                ArrayNode a = Values.array();
                for (int e : list(slot, innerNodes)) a.add(Values.toJson(ev.type(), ev.eval(e)));
                return a;
            });
            case "all" -> Ev.of(ScalarType.BOOL, r -> {
                for (int e : list(slot, innerNodes)) if (!Boolean.TRUE.equals(ev.eval(e))) return false;
                return true;
            });
            default -> Ev.of(ScalarType.BOOL, r -> {
                for (int e : list(slot, innerNodes)) if (Boolean.TRUE.equals(ev.eval(e))) return true;
                return false;
            });
        };
    }

    private int[] list(int slot, boolean innerNodes) {
        return innerNodes ? ctx.varInner[slot] : ctx.varEdges[slot];
    }

    /** {@code node_degree_in()}/{@code node_degree_out()} without argument: the degree of the inner node being read. */
    private void collectElementDegrees(SyntaxNode n, Map<Expr, Ev> refs, boolean innerNodes) {
        if (n instanceof Expr.FunctionCall c && c.arguments().isEmpty()
                && (c.functionName().equals("node_degree_in") || c.functionName().equals("node_degree_out"))) {
            if (!innerNodes) throw EvalException.bind(c.functionName() + "() without a node reads an inner node: map(inner_nodes(e), ...)", c);
            boolean in = c.functionName().equals("node_degree_in");
            refs.put(c, Ev.of(ScalarType.LONG, row -> (long) (in ? g.in : g.out)[row].length));
            return;
        }
        for (SyntaxElement child : n.children()) {
            if (child instanceof SyntaxNode cn) collectElementDegrees(cn, refs, innerNodes);
        }
    }
}

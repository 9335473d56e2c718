package dev.sentinelctl.kql.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table names a query reads, decided by position alone (no schema): pipeline heads, union/join/lookup
 * operands, {@code find}/{@code search in (...)} lists, {@code let x = T}, {@code table('T')}, arguments of
 * {@code materialize()}/{@code toscalar()}. Names declared by {@code let}, function parameters and {@code as}
 * are removed (compared case-insensitively, as Kusto resolves them). Names starting with {@code _} are left out
 * too: by Sentinel convention they are parser functions ({@code _Im_Dns}, {@code _ASim_NetworkSession}), not
 * tables, and Microsoft's binder does not list them as tables.
 */
public final class TableReferences {
    private TableReferences() {
    }

    public static List<String> of(SyntaxNode root) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        SyntaxWalker.walkNodes(root, n -> visit(n, candidates, declared));
        List<Candidate> found = new ArrayList<>();
        for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
            if (!declared.contains(e.getKey())) found.add(e.getValue());
        }
        found.sort(java.util.Comparator.comparingInt(Candidate::offset));
        List<String> out = new ArrayList<>(found.size());
        for (Candidate c : found) out.add(c.name());
        return out;
    }

    /** A table name and where it is first used, so the result lists tables in text order. */
    private record Candidate(String name, int offset) {
    }

    private static void visit(SyntaxNode n, Map<String, Candidate> candidates, Set<String> declared) {
        if (n instanceof Statement.Let let) {
            declared.add(key(let.name().simpleName()));
            addTable(let.value(), candidates);
        } else if (n instanceof Clause.Parameter p) {
            declared.add(key(p.name().simpleName()));
        } else if (n instanceof QueryOperator.As as) {
            declared.add(key(as.name().simpleName()));
        } else if (n instanceof Statement.Query q) {
            addTable(q.expression(), candidates);
        } else if (n instanceof Expr.Pipe p) {
            addTable(p.source(), candidates);
        } else if (n instanceof QueryOperator.Union u) {
            for (Expr e : u.tables().items()) addTable(e, candidates);
        } else if (n instanceof QueryOperator.Join j) {
            addTable(j.right(), candidates);
        } else if (n instanceof QueryOperator.Lookup l) {
            addTable(l.right(), candidates);
        } else if (n instanceof Clause.InTables in) {
            for (Expr e : in.tables().items()) addTable(e, candidates);
        } else if (n instanceof Expr.FunctionCall call) {
            String f = call.functionName();
            if ((f.equals("materialize") || f.equals("toscalar")) && call.arguments().size() == 1) {
                addTable(call.arguments().get(0), candidates);
            }
        }
    }

    /** Adds the table an operand denotes, when it is a plain name (or a parenthesised one, or table('x')). */
    private static void addTable(Expr e, Map<String, Candidate> candidates) {
        Expr x = e;
        while (x instanceof Expr.Paren p) x = p.inner();
        if (x instanceof Expr.NameRef ref && !(ref.name() instanceof Name.Wildcard)) {
            String name = ref.simpleName();
            if (!name.isEmpty() && name.charAt(0) != '$' && name.charAt(0) != '_' && !ref.name().firstToken().missing()) {
                put(candidates, name, ref.start());
            }
        } else if (x instanceof Expr.FunctionCall call && call.functionName().equals("table")
                && call.arguments().size() >= 1 && call.arguments().get(0) instanceof Expr.Literal lit
                && lit.kind() == LiteralKind.STRING) {
            String name = lit.value();
            if (!name.isEmpty()) put(candidates, name, call.start());
        }
    }

    private static void put(Map<String, Candidate> candidates, String name, int offset) {
        Candidate old = candidates.get(key(name));
        if (old == null || offset < old.offset()) candidates.put(key(name), new Candidate(name, offset));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

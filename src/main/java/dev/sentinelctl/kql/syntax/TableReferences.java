package dev.sentinelctl.kql.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.HashMap;
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
        Collector c = new Collector();
        SyntaxWalker.walkNodes(root, c::visit);
        return c.result();
    }

    /** A table name and where it is first used, so the result lists tables in text order. */
    private record Candidate(String name, int offset) {
    }

    /**
     * Accumulates candidates and declared names node by node. The walker feeds it the finished tree; the
     * parser feeds it each node as it is built, which gives the same answer without a second pass.
     */
    static final class Collector {
        private final Map<String, Candidate> candidates = new HashMap<>();
        private final Set<String> declared = new HashSet<>();

        void visit(SyntaxNode n) {
            if (n instanceof Statement.Let let) {
                declared.add(key(let.name().simpleName()));
                addTable(let.value());
            } else if (n instanceof Clause.Parameter p) {
                declared.add(key(p.name().simpleName()));
            } else if (n instanceof QueryOperator.As as) {
                declared.add(key(as.name().simpleName()));
            } else if (n instanceof Statement.Query q) {
                addTable(q.expression());
            } else if (n instanceof Expr.Pipe p) {
                addTable(p.source());
            } else if (n instanceof QueryOperator.Union u) {
                for (Expr e : u.tables().items()) addTable(e);
            } else if (n instanceof QueryOperator.Join j) {
                addTable(j.right());
            } else if (n instanceof QueryOperator.Lookup l) {
                addTable(l.right());
            } else if (n instanceof Clause.InTables in) {
                for (Expr e : in.tables().items()) addTable(e);
            } else if (n instanceof Expr.FunctionCall call) {
                Name name = call.name();
                if (name instanceof Name.Identifier id && (id.token().is("materialize") || id.token().is("toscalar"))
                        && call.arguments().size() == 1) {
                    addTable(call.arguments().get(0));
                }
            }
        }

        List<String> result() {
            List<Candidate> found = new ArrayList<>();
            for (Map.Entry<String, Candidate> e : candidates.entrySet()) {
                if (!declared.contains(e.getKey())) found.add(e.getValue());
            }
            found.sort(Comparator.comparingInt(Candidate::offset));
            List<String> out = new ArrayList<>(found.size());
            for (Candidate c : found) out.add(c.name());
            return out;
        }

        /** Adds the table an operand denotes, when it is a plain name (or a parenthesised one, or table('x')). */
        private void addTable(Expr e) {
            Expr x = e;
            while (x instanceof Expr.Paren p) x = p.inner();
            if (x instanceof Expr.NameRef ref && !(ref.name() instanceof Name.Wildcard)) {
                Token first = ref.name().firstToken();
                if (first == null || first.missing()) return;
                char c0 = first.source().charAt(first.start());
                if (c0 == '$' || c0 == '_') return;
                put(ref.simpleName(), first.start());
            } else if (x instanceof Expr.FunctionCall call && call.name() instanceof Name.Identifier id
                    && id.token().is("table") && call.arguments().size() >= 1
                    && call.arguments().get(0) instanceof Expr.Literal lit && lit.kind() == LiteralKind.STRING) {
                String name = lit.value();
                if (!name.isEmpty()) put(name, id.token().start());
            }
        }

        private void put(String name, int offset) {
            if (name.isEmpty() || name.charAt(0) == '_') return;
            String k = key(name);
            Candidate old = candidates.get(k);
            if (old == null || offset < old.offset()) candidates.put(k, new Candidate(name, offset));
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

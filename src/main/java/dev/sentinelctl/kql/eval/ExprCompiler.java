package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.QueryOperator;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/** Compiles scalar expressions against one input table and a scope into {@link Ev}s. */
final class ExprCompiler {

    final Evaluator evaluator;
    final Table input;
    final Scope scope;
    /** summarize's group-key names: {@code arg_max(x, *)} and {@code take_any(*)} leave them out. */
    final java.util.Set<String> groupKeys;

    ExprCompiler(Evaluator evaluator, Table input, Scope scope) {
        this(evaluator, input, scope, java.util.Set.of());
    }

    ExprCompiler(Evaluator evaluator, Table input, Scope scope, java.util.Set<String> groupKeys) {
        this(evaluator, input, scope, groupKeys, null);
    }

    /** @param precomputed values of given sub-expressions (summarize's aggregate calls inside an expression) */
    ExprCompiler(Evaluator evaluator, Table input, Scope scope, java.util.Set<String> groupKeys, java.util.Map<Expr, Ev> precomputed) {
        this(evaluator, input, scope, groupKeys, precomputed, input);
    }

    private ExprCompiler(Evaluator evaluator, Table input, Scope scope, java.util.Set<String> groupKeys,
                         java.util.Map<Expr, Ev> precomputed, Table operatorInput) {
        this.evaluator = evaluator;
        this.input = input;
        this.scope = scope;
        this.groupKeys = groupKeys;
        this.precomputed = precomputed;
        this.operatorInput = operatorInput;
    }

    private final java.util.Map<Expr, Ev> precomputed;
    /** The operator's own input (pack_all packs it, not columns an earlier expression of the same extend added). */
    final Table operatorInput;

    ExprCompiler withScope(Scope s) {
        return new ExprCompiler(evaluator, input, s, groupKeys, precomputed, operatorInput);
    }

    /** The same rows with more columns (extend's earlier expressions), the operator's input unchanged. */
    ExprCompiler withColumns(Table widened) {
        return new ExprCompiler(evaluator, widened, scope, groupKeys, precomputed, operatorInput);
    }

    Ev compile(Expr e) {
        if (precomputed != null) {
            Ev p = precomputed.get(e);
            if (p != null) return p;
        }
        if (e instanceof Expr.Literal lit) {
            if (lit.kind() == dev.sentinelctl.kql.syntax.LiteralKind.DATETIME && lit.text().replace(" ", "").equals("datetime(now)")) {
                return Ev.constant(ScalarType.DATETIME, evaluator.nowTicks); // datetime(now) is now()
            }
            return Ev.constant(Literals.type(lit.kind()), Literals.value(lit));
        }
        if (e instanceof Expr.DynamicLiteral d) return Ev.constant(DYNAMIC, Literals.json(d.value()));
        if (e instanceof Expr.NameRef n) return name(n.simpleName(), n);
        if (e instanceof Expr.Paren p) {
            if (isTabular(p.inner())) return toScalar(p.inner(), p);
            return compile(p.inner());
        }
        if (e instanceof Expr.Unary u) return unary(u);
        if (e instanceof Expr.Binary b) return binary(b);
        if (e instanceof Expr.InList in) return inList(in);
        if (e instanceof Expr.Between b) return between(b);
        if (e instanceof Expr.FunctionCall c) return call(c);
        if (e instanceof Expr.MemberAccess m) return member(m);
        if (e instanceof Expr.ElementAccess a) return element(a);
        if (e instanceof Expr.Named n) return compile(n.value());
        if (e instanceof Expr.Pipe || e instanceof QueryOperator || e instanceof Expr.DataTable) return toScalar(e, e);
        throw EvalException.unsupported("expression '" + text(e) + "'", e);
    }

    static String text(Expr e) {
        StringBuilder sb = new StringBuilder();
        e.appendFullText(sb);
        String s = sb.toString().trim();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    boolean isTabular(Expr e) {
        if (e instanceof Expr.Pipe || e instanceof QueryOperator || e instanceof Expr.DataTable) return true;
        if (e instanceof Expr.Paren p) return isTabular(p.inner());
        if (e instanceof Expr.NameRef n) {
            String name = n.simpleName();
            if (input != null && input.columnIndex(name) >= 0) return false;
            Scope.Binding b = scope.get(name);
            if (b instanceof Scope.FunctionValue f) return f.decl().parameters().parameters().isEmpty() && evaluator.isTabularCall(f);
            if (b != null) return b instanceof Scope.TabularValue || b instanceof Scope.GraphValue;
            return evaluator.isTableName(name);
        }
        if (e instanceof Expr.FunctionCall c) return evaluator.isTabularCall(c, scope);
        if (e instanceof Expr.MemberAccess m && m.target() instanceof Expr.FunctionCall c) return scope.get(c.functionName()) instanceof Scope.PatternValue;
        if (e instanceof Expr.ExternalData) return true;
        return false;
    }

    /** A one-column tabular expression used as a scalar: its first row's first value. */
    private Ev toScalar(Expr tabular, Expr where) {
        Table t = evaluator.table(tabular, scope);
        if (t.columns().isEmpty()) throw EvalException.bind("a tabular expression without columns used as a scalar", where);
        ScalarType type = t.type(0);
        return Ev.constant(type, t.rowCount() == 0 ? null : t.vec(0).get(0));
    }

    Ev name(String name, Expr where) {
        if (input != null) {
            int i = input.columnIndex(name);
            if (i >= 0) return Ev.column(input.vec(i));
        }
        Scope.Binding b = scope.get(name);
        if (b instanceof Scope.ScalarValue v) return Ev.constant(v.type(), v.value());
        if (b instanceof Scope.RowValue r) return r.ev();
        if (b instanceof Scope.TabularValue) return toScalar((Expr) where, where);
        if (b instanceof Scope.FunctionValue f && f.decl().parameters().parameters().isEmpty()) {
            return Functions.callUser(this, f, List.of(), where);
        }
        String hint = "";
        if (input != null) {
            List<String> close = dev.sentinelctl.kql.semantic.Suggestions.closest(name, Tables.names(input));
            if (!close.isEmpty()) hint = "; did you mean '" + close.get(0) + "'?";
        }
        throw EvalException.bind("unknown name '" + name + "': no column, let or parameter of that name" + hint, where);
    }

    private Ev unary(Expr.Unary u) {
        Ev x = compile(u.operand());
        if (u.operator().text().equals("+")) return x;
        ScalarType t = x.type();
        return switch (t) {
            case INT, LONG, TIMESPAN -> Ev.of(t, r -> {
                Object v = x.eval(r);
                return v == null ? null : -(Long) v;
            });
            case REAL -> Ev.of(t, r -> {
                Object v = x.eval(r);
                return v == null ? null : -(Double) v;
            });
            case DECIMAL -> Ev.of(t, r -> {
                Object v = x.eval(r);
                return v == null ? null : ((java.math.BigDecimal) v).negate();
            });
            case DYNAMIC -> Ev.of(ScalarType.REAL, r -> {
                Object v = Convert.to(ScalarType.REAL, DYNAMIC, x.eval(r));
                return v == null ? null : -(Double) v;
            });
            default -> throw EvalException.bind("unary minus cannot be applied to " + t.kustoName(), u);
        };
    }

    private Ev binary(Expr.Binary b) {
        BinaryOp op = b.op();
        switch (op) {
            case AND, OR -> {
                Ev l = bool(compile(b.left()), b.left()), r = bool(compile(b.right()), b.right());
                boolean and = op == BinaryOp.AND;
                return Ev.of(BOOL, row -> {
                    Boolean x = (Boolean) l.eval(row);
                    if (x != null && x != and) return !and; // false and _ = false; true or _ = true
                    Boolean y = (Boolean) r.eval(row);
                    if (y != null && y != and) return !and;
                    if (x == null || y == null) return null;
                    return and;
                });
            }
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> {
                return Arith.compile(op, compile(b.left()), compile(b.right()), b);
            }
            case EQUAL, NOT_EQUAL, NOT_EQUAL_ALT, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> {
                return Comparisons.compile(op, compile(b.left()), compile(b.right()), b);
            }
            case EQUAL_IGNORE_CASE, NOT_EQUAL_IGNORE_CASE -> {
                Ev l = str(compile(b.left())), r = str(compile(b.right()));
                boolean neg = op == BinaryOp.NOT_EQUAL_IGNORE_CASE;
                return Ev.of(BOOL, row -> ((String) l.eval(row)).equalsIgnoreCase((String) r.eval(row)) != neg);
            }
            case MATCHES_REGEX -> {
                Ev l = str(compile(b.left()));
                Ev r = compile(b.right());
                if (!r.isConstant()) {
                    // a pattern per row: compiled once per distinct text
                    java.util.Map<String, java.util.regex.Pattern> cache = new java.util.HashMap<>();
                    Ev rs = str(r);
                    return Ev.of(BOOL, row -> cache.computeIfAbsent((String) rs.eval(row), t -> Regexes.compile(t, b.right()))
                            .matcher((String) l.eval(row)).find());
                }
                java.util.regex.Pattern p = Regexes.compile(Values.toStr(r.type(), r.eval(0)), b.right());
                return Ev.of(BOOL, row -> p.matcher((String) l.eval(row)).find());
            }
            case LIKE, NOTLIKE, LIKECS, NOTLIKECS, COLON -> throw EvalException.unsupported("operator " + op.text(), b);
            default -> {
                StringPredicate p = stringPredicate(op, b);
                Ev l = str(compile(b.left())), r = str(compile(b.right()));
                return Ev.of(BOOL, row -> p.test((String) l.eval(row), (String) r.eval(row)));
            }
        }
    }

    interface StringPredicate {
        boolean test(String hay, String needle);
    }

    private static StringPredicate stringPredicate(BinaryOp op, Expr where) {
        return switch (op) {
            case HAS -> (h, n) -> Terms.has(h, n, false);
            case NOT_HAS -> (h, n) -> !Terms.has(h, n, false);
            case HAS_CS -> (h, n) -> Terms.has(h, n, true);
            case NOT_HAS_CS -> (h, n) -> !Terms.has(h, n, true);
            case HASPREFIX -> (h, n) -> Terms.hasPrefix(h, n, false);
            case NOT_HASPREFIX -> (h, n) -> !Terms.hasPrefix(h, n, false);
            case HASPREFIX_CS -> (h, n) -> Terms.hasPrefix(h, n, true);
            case NOT_HASPREFIX_CS -> (h, n) -> !Terms.hasPrefix(h, n, true);
            case HASSUFFIX -> (h, n) -> Terms.hasSuffix(h, n, false);
            case NOT_HASSUFFIX -> (h, n) -> !Terms.hasSuffix(h, n, false);
            case HASSUFFIX_CS -> (h, n) -> Terms.hasSuffix(h, n, true);
            case NOT_HASSUFFIX_CS -> (h, n) -> !Terms.hasSuffix(h, n, true);
            case CONTAINS -> (h, n) -> Terms.contains(h, n, false);
            case NOT_CONTAINS, NOTCONTAINS -> (h, n) -> !Terms.contains(h, n, false);
            case CONTAINS_CS, CONTAINSCS -> (h, n) -> Terms.contains(h, n, true);
            case NOT_CONTAINS_CS, NOTCONTAINSCS -> (h, n) -> !Terms.contains(h, n, true);
            case STARTSWITH -> (h, n) -> Terms.startsWith(h, n, false);
            case NOT_STARTSWITH -> (h, n) -> !Terms.startsWith(h, n, false);
            case STARTSWITH_CS -> (h, n) -> Terms.startsWith(h, n, true);
            case NOT_STARTSWITH_CS -> (h, n) -> !Terms.startsWith(h, n, true);
            case ENDSWITH -> (h, n) -> Terms.endsWith(h, n, false);
            case NOT_ENDSWITH -> (h, n) -> !Terms.endsWith(h, n, false);
            case ENDSWITH_CS -> (h, n) -> Terms.endsWith(h, n, true);
            case NOT_ENDSWITH_CS -> (h, n) -> !Terms.endsWith(h, n, true);
            default -> throw EvalException.unsupported("operator " + op.text(), where);
        };
    }

    /** The values of an in-list: scalars, dynamic arrays (flattened) and one-column tabular expressions. */
    private List<Object[]> listValues(List<Expr> items) {
        List<Object[]> out = new ArrayList<>(); // {type, value} pairs, or an Ev for row-dependent values
        for (Expr item : items) {
            if (isTabular(item)) {
                Table t = evaluator.table(item, scope);
                if (t.columns().isEmpty()) continue;
                for (int r = 0; r < t.rowCount(); r++) out.add(new Object[]{t.type(0), t.vec(0).get(r)});
                continue;
            }
            Ev e = compile(item);
            if (!e.isConstant()) {
                out.add(new Object[]{e});
                continue;
            }
            Object v = e.eval(0);
            if (e.type() == DYNAMIC && v instanceof JsonNode j && j.isArray()) {
                for (JsonNode el : j) out.add(new Object[]{DYNAMIC, el});
            } else {
                out.add(new Object[]{e.type(), v});
            }
        }
        return out;
    }

    private Ev inList(Expr.InList in) {
        Ev left = compile(in.left());
        List<Object[]> values = listValues(in.values().items());
        BinaryOp op = in.op();
        boolean dynamicRowValue = values.stream().anyMatch(v -> v.length == 1);
        if (op == BinaryOp.HAS_ANY || op == BinaryOp.HAS_ALL) {
            Ev l = str(left);
            if (dynamicRowValue) throw EvalException.unsupported(op.text() + " with a row-dependent list", in);
            List<String> needles = new ArrayList<>();
            for (Object[] v : values) needles.add(Values.toStr((ScalarType) v[0], v[1]));
            boolean any = op == BinaryOp.HAS_ANY;
            return Ev.of(BOOL, row -> {
                String h = (String) l.eval(row);
                for (String n : needles) {
                    boolean hit = Terms.has(h, n, false);
                    if (any && hit) return true;
                    if (!any && !hit) return false;
                }
                return !any;
            });
        }
        boolean negate = op == BinaryOp.NOT_IN || op == BinaryOp.NOT_IN_IGNORE_CASE;
        boolean ignoreCase = op == BinaryOp.IN_IGNORE_CASE || op == BinaryOp.NOT_IN_IGNORE_CASE;
        if (dynamicRowValue) throw EvalException.unsupported(op.text() + " with a row-dependent list", in);
        ScalarType lt = left.type();
        if (ignoreCase || lt == STRING || lt == DYNAMIC) {
            Set<String> set = new HashSet<>();
            for (Object[] v : values) {
                if (v[1] == null) continue;
                String s = Values.toStr((ScalarType) v[0], v[1]);
                set.add(ignoreCase ? s.toLowerCase(Locale.ROOT) : s);
            }
            Ev l = str(left);
            return Ev.of(BOOL, row -> {
                Object raw = left.eval(row);
                if (raw == null && lt != STRING) return null; // a null is in no list and not out of any
                String s = (String) l.eval(row);
                return set.contains(ignoreCase ? s.toLowerCase(Locale.ROOT) : s) != negate;
            });
        }
        // numbers, datetimes, timespans, bools, guids: compare as the left side's type
        Set<Object> set = new HashSet<>();
        for (Object[] v : values) {
            Object c = Comparisons.coerce(lt, (ScalarType) v[0], v[1]);
            if (c != null) set.add(c);
        }
        return Ev.of(BOOL, row -> {
            Object x = left.eval(row);
            if (x == null) return null;
            return set.contains(Comparisons.normalise(lt, x)) != negate;
        });
    }

    private Ev between(Expr.Between b) {
        Ev x = compile(b.left()), lo = compile(b.low()), hi = compile(b.high());
        if (x.type() == ScalarType.DATETIME && lo.type() == ScalarType.DATETIME && hi.type() == ScalarType.TIMESPAN) {
            // x between (start .. span): the upper bound is start + span (between-operator.md)
            hi = Arith.compile(BinaryOp.ADD, lo, hi, b);
        }
        Ev ge = Comparisons.compile(BinaryOp.GREATER_EQUAL, x, lo, b);
        Ev le = Comparisons.compile(BinaryOp.LESS_EQUAL, x, hi, b);
        boolean negate = b.op() == BinaryOp.NOT_BETWEEN;
        return Ev.of(BOOL, row -> {
            Boolean a = (Boolean) ge.eval(row);
            if (a == null) return null;
            Boolean c = (Boolean) le.eval(row);
            if (c == null) return null;
            return (a && c) != negate;
        });
    }

    private Ev member(Expr.MemberAccess m) {
        if (!(m.member() instanceof Expr.NameRef n)) throw EvalException.unsupported("member access '" + text(m) + "'", m);
        if (m.target() instanceof Expr.NameRef t && t.simpleName().startsWith("$")) {
            throw EvalException.bind(t.simpleName() + " is only valid in a join's on clause", m);
        }
        Ev target = compile(m.target());
        String key = n.simpleName();
        return Dynamics.property(target, key, m);
    }

    private Ev element(Expr.ElementAccess a) {
        if (a.target() == null) throw EvalException.unsupported("computed name '" + text(a) + "'", a);
        Expr inner = a.target();
        while (inner instanceof Expr.Paren p) inner = p.inner();
        Ev target = inner instanceof Expr.FunctionCall c && ArraySorts.isSeveral(c, this) ? ArraySorts.indexed(this, c) : compile(a.target());
        Ev index = compile(a.index());
        return Dynamics.element(target, index, a);
    }

    private Ev call(Expr.FunctionCall c) {
        String name = c.functionName();
        Scope.Binding b = scope.get(name);
        if (b instanceof Scope.FunctionValue f) return Functions.callUser(this, f, c.arguments().items(), c);
        if (name.equals("column_names_of")) {
            if (c.arguments().size() != 1 || !isTabular(c.arguments().get(0))) throw EvalException.bind("column_names_of takes one table", c);
            tools.jackson.databind.node.ArrayNode names = Values.array();
            for (String n : Tables.names(evaluator.table(c.arguments().get(0), scope))) names.add(n);
            return Ev.constant(DYNAMIC, names);
        }
        if (name.equals("toscalar")) {
            if (c.arguments().size() != 1) throw EvalException.bind("toscalar takes one argument", c);
            Expr arg = c.arguments().get(0);
            if (isTabular(arg)) return toScalar(arg, c);
            return compile(arg);
        }
        return Functions.compile(this, c);
    }

    // --- coercions ------------------------------------------------------------------------------------------

    static Ev str(Ev e) {
        if (e.type() == STRING) return e;
        ScalarType t = e.type();
        return Ev.of(STRING, row -> Values.toStr(t, e.eval(row)));
    }

    static Ev bool(Ev e, Expr where) {
        if (e.type() == BOOL) return e;
        if (e.type() == DYNAMIC) return Ev.of(BOOL, row -> Convert.to(BOOL, DYNAMIC, e.eval(row)));
        throw EvalException.bind("expected a bool, found " + e.type().kustoName() + " in '" + text(where) + "'", where);
    }

    /** A name list ({@code project-away a, b*}) resolved against the input's columns. */
    static List<Integer> matchColumns(Table t, Expr e) {
        List<Integer> out = new ArrayList<>();
        String pattern;
        if (e instanceof Expr.NameRef n) {
            pattern = n.simpleName();
        } else {
            throw EvalException.unsupported("column selector '" + text(e) + "'", e);
        }
        if (pattern.contains("*")) {
            String regex = ("\\Q" + pattern.replace("*", "\\E.*\\Q") + "\\E");
            for (int i = 0; i < t.columns().size(); i++) {
                if (t.columns().get(i).name().matches(regex)) out.add(i);
            }
            return out;
        }
        int i = t.columnIndex(pattern);
        if (i < 0) {
            List<String> close = dev.sentinelctl.kql.semantic.Suggestions.closest(pattern, Tables.names(t));
            throw EvalException.bind("unknown column '" + pattern + "'" + (close.isEmpty() ? "" : "; did you mean '" + close.get(0) + "'?"), e);
        }
        out.add(i);
        return out;
    }

    /** The name a {@code name = value} or bare column expression gives its output column; null when none. */
    static String assignedName(Expr e) {
        if (e instanceof Expr.Named n && n.target() instanceof Name nm) return nm.simpleName();
        if (e instanceof Expr.NameRef n) return n.simpleName();
        return null;
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.KqlParser;
import dev.sentinelctl.kql.syntax.ParsedQuery;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evaluates one parsed query: statements in order; the last query statement's table is the answer. */
final class Evaluator {

    private final Catalog catalog;
    private final Map<String, Table> tables;
    final EvalContext context;
    final long nowTicks;
    private final Map<String, Scope.FunctionValue> storedFunctions = new HashMap<>();
    final ResultNames names;

    Evaluator(Catalog catalog, Map<String, Table> tables, EvalContext context) {
        this.catalog = catalog;
        this.tables = tables;
        this.context = context;
        this.nowTicks = Values.ticks(context.now());
        this.names = new ResultNames(catalog);
    }

    Table run(ParsedQuery parsed) {
        Scope root = new Scope(null);
        Table last = null;
        for (Statement s : parsed.statements()) {
            if (s instanceof Statement.Let let) {
                bindLet(let, root);
            } else if (s instanceof Statement.Query q) {
                last = result(q.expression(), root);
            } else if (s instanceof Statement.DeclareQueryParameters d) {
                for (Clause.Parameter p : d.parameters().parameters().items()) {
                    if (p.defaultValue() == null) {
                        throw EvalException.bind("query parameter '" + p.name().simpleName() + "' has no default and no value", p);
                    }
                    Ev v = new ExprCompiler(this, null, root).compile(p.defaultValue());
                    ScalarType declared = p.type() instanceof Clause.TypeName tn ? typeName(tn.token().text()) : v.type();
                    root.put(p.name().simpleName(), new Scope.ScalarValue(declared, Convert.to(declared, v.type(), v.eval(0))));
                }
            } else if (s instanceof Statement.DeclarePattern d) {
                root.put(d.name().simpleName(), new Scope.PatternValue(d, root));
            } else if (s instanceof Statement.Set) {
                continue; // request options (hints, limits) do not change results
            } else {
                throw EvalException.unsupported("statement '" + firstWord(s) + "'", s);
            }
        }
        if (last == null) throw new EvalException(EvalResult.BIND, "the query has no result: it ends without a query statement", -1);
        return last;
    }

    private static String firstWord(Statement s) {
        return s.firstToken() == null ? "?" : s.firstToken().text();
    }

    private Table result(Expr e, Scope scope) {
        ExprCompiler cx = new ExprCompiler(this, null, scope);
        if (cx.isTabular(e) || e instanceof Expr.FunctionCall c && isTabularCall(c, scope)) return table(e, scope);
        Ev v = cx.compile(e);
        Vec vec = Vec.builder(v.type(), 1).add(v.eval(0)).build();
        return Table.of("print", List.of(new Column("print_0", v.type())), List.of(vec), 1);
    }

    void bindLet(Statement.Let let, Scope scope) {
        String name = let.name().simpleName();
        Expr value = let.value();
        if (value instanceof Expr.FunctionDecl f) {
            scope.put(name, new Scope.FunctionValue(name, f, scope));
            return;
        }
        Expr.Pipe graph = GraphOperators.graphSource(value);
        if (graph != null) {
            QueryOperator.MakeGraph mg = (QueryOperator.MakeGraph) graph.operator();
            scope.put(name, new Scope.GraphValue(() -> GraphOperators.build(mg, table(graph.source(), scope), this, scope)));
            return;
        }
        ExprCompiler cx = new ExprCompiler(this, null, scope);
        if (cx.isTabular(value) || value instanceof Expr.FunctionCall c && isTabularCall(c, scope)) {
            Scope at = scope;
            scope.put(name, new Scope.TabularValue(() -> table(value, at)));
            return;
        }
        Ev v = cx.compile(value);
        scope.put(name, new Scope.ScalarValue(v.type(), v.eval(0)));
    }

    /** Whether a call produces a table: table-valued built-ins and user/stored functions with a tabular body. */
    boolean isTabularCall(Expr.FunctionCall c, Scope scope) {
        String name = c.functionName();
        Scope.Binding b = scope.get(name);
        if (b instanceof Scope.FunctionValue f) return bodyIsTabular(f);
        if (b instanceof Scope.PatternValue) return true;
        switch (name) {
            case "materialize", "_GetWatchlist", "table", "view", "externaldata":
                return true;
            default:
                break;
        }
        Scope.FunctionValue stored = stored(name);
        if (stored == null) return storedWithoutBody(name) != null;
        return bodyIsTabular(stored);
    }

    boolean isTabularCall(Scope.FunctionValue f) {
        return bodyIsTabular(f);
    }

    private boolean bodyIsTabular(Scope.FunctionValue f) {
        List<Statement> body = f.decl().body().statements().items();
        Scope s = f.closure().child();
        for (Clause.Parameter p : f.decl().parameters().parameters().items()) {
            if (p.type() instanceof Clause.Schema) s.put(p.name().simpleName(), new Scope.TabularValue(() -> Table.empty("", List.of())));
            else s.put(p.name().simpleName(), new Scope.ScalarValue(ScalarType.STRING, ""));
        }
        for (Statement st : body) {
            if (st instanceof Statement.Let l) {
                if (l.value() instanceof Expr.FunctionDecl fd) s.put(l.name().simpleName(), new Scope.FunctionValue(l.name().simpleName(), fd, s));
                else if (new ExprCompiler(this, null, s).isTabular(l.value())) s.put(l.name().simpleName(), new Scope.TabularValue(() -> Table.empty("", List.of())));
                else s.put(l.name().simpleName(), new Scope.ScalarValue(ScalarType.STRING, ""));
            }
            if (st instanceof Statement.Query q) {
                Expr e = q.expression();
                return new ExprCompiler(this, null, s).isTabular(e) || e instanceof Expr.FunctionCall c && isTabularCall(c, s);
            }
        }
        return false;
    }

    boolean isTableName(String name) {
        return tables.containsKey(name) || catalog.table(name).isPresent() || stored(name) != null || storedWithoutBody(name) != null;
    }

    /**
     * A workspace function (ASIM or other parser) the catalog describes but the context gives no body for: like a
     * table that is not given, it reads as an empty table of its declared result columns.
     */
    Table storedWithoutBody(String name) {
        if (context.functions().containsKey(name)) return null;
        return catalog.sentinelFunction(name)
                .filter(f -> !f.resultColumns().isEmpty())
                .map(f -> Table.empty(name, scalarColumns(f.resultColumns())))
                .orElse(null);
    }

    /** A stored function (parser) from the context, parsed on first use. */
    Scope.FunctionValue stored(String name) {
        String text = context.functions().get(name);
        if (text == null) return null;
        Scope.FunctionValue f = storedFunctions.get(name);
        if (f != null) return f;
        String body = text.trim();
        String source = "let " + "__stored = " + (body.startsWith("(") ? body : "() { " + body + "\n}") + ";\nprint 1";
        ParsedQuery parsed = KqlParser.parse(source);
        if (parsed.hasErrors() || !(parsed.statements().get(0) instanceof Statement.Let let) || !(let.value() instanceof Expr.FunctionDecl decl)) {
            throw new EvalException(EvalResult.SYNTAX, "stored function '" + name + "' does not parse as a KQL function body", -1);
        }
        f = new Scope.FunctionValue(name, decl, new Scope(null));
        storedFunctions.put(name, f);
        return f;
    }

    // --- tabular expressions --------------------------------------------------------------------------------

    Table table(Expr e, Scope scope) {
        if (e instanceof Expr.Paren p) return table(p.inner(), scope);
        if (e instanceof Expr.Pipe p) {
            Expr.Pipe graph = GraphOperators.graphSource(p.source());
            if (graph != null) {
                QueryOperator.MakeGraph mg = (QueryOperator.MakeGraph) graph.operator();
                return GraphOperators.read(p.operator(), () -> GraphOperators.build(mg, table(graph.source(), scope), this, scope), this, scope);
            }
            if (p.source() instanceof Expr.NameRef n && scope.get(n.simpleName()) instanceof Scope.GraphValue g) {
                return GraphOperators.read(p.operator(), g::get, this, scope);
            }
            Table in = table(p.source(), scope);
            return Operators.apply(p.operator(), in, this, scope);
        }
        if (e instanceof QueryOperator op) return Operators.apply(op, null, this, scope);
        if (e instanceof Expr.DataTable d) return DataTables.build(d, this, scope);
        if (e instanceof Expr.ExternalData x) {
            // never fetched: like a table that is not given it is empty, unless a table named by its first URL is given
            String url = x.uris().isEmpty() ? "" : new ExprCompiler(this, null, scope).compile(x.uris().get(0)).eval(0).toString();
            Table given = tables.get(url);
            return given != null ? given : Table.empty("externaldata", DataTables.schema(x.schema()));
        }
        if (e instanceof Expr.NameRef n) return named(n.simpleName(), n, scope);
        if (e instanceof Expr.FunctionCall c) return call(c, scope);
        if (e instanceof Expr.MemberAccess m && m.target() instanceof Expr.FunctionCall c
                && scope.get(c.functionName()) instanceof Scope.PatternValue p) {
            return Patterns.invoke(p, c, m.member(), this, scope);
        }
        throw EvalException.unsupported("tabular expression '" + ExprCompiler.text(e) + "'", e);
    }

    /** The table, let or stored function of that name (union's wildcard operands). */
    Table tableNamed(String name, Expr where, Scope scope) {
        return named(name, where, scope).renamed(name);
    }

    /** Given and catalog tables whose names match a {@code *} pattern, given ones first. */
    List<String> tablesMatching(String pattern) {
        String regex = "\\Q" + pattern.replace("*", "\\E.*\\Q") + "\\E";
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String t : tables.keySet()) if (t.matches(regex)) out.add(t);
        for (String t : catalog.tableNames()) if (t.matches(regex)) out.add(t);
        return new ArrayList<>(out);
    }

    private Table named(String name, Expr where, Scope scope) {
        Scope.Binding b = scope.get(name);
        if (b instanceof Scope.TabularValue t) return t.get().renamed(name);
        if (b instanceof Scope.GraphValue) {
            throw EvalException.bind("'" + name + "' is a graph: read it with graph-match, graph-shortest-paths or graph-to-table", where);
        }
        if (b instanceof Scope.FunctionValue f) return callTabular(f, List.of(), where, scope);
        Table given = tables.get(name);
        if (given != null) return given;
        Scope.FunctionValue stored = stored(name);
        if (stored != null) return callTabular(stored, List.of(), where, scope);
        Optional<TableSchema> schema = catalog.table(name);
        if (schema.isPresent()) return Table.empty(name, scalarColumns(schema.get().columns()));
        Table parser = storedWithoutBody(name);
        if (parser != null) return parser;
        throw EvalException.bind("unknown table '" + name + "': not given, not a let, not in the catalog", where);
    }

    static List<Column> scalarColumns(List<Column> columns) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) out.add(c.type() instanceof ScalarType ? c : new Column(c.name(), ScalarType.DYNAMIC));
        return out;
    }

    private Table call(Expr.FunctionCall c, Scope scope) {
        String name = c.functionName();
        Scope.Binding b = scope.get(name);
        if (b instanceof Scope.FunctionValue f) return callTabular(f, c.arguments().items(), c, scope);
        if (b instanceof Scope.PatternValue p) return Patterns.invoke(p, c, null, this, scope);
        List<Expr> args = c.arguments().items();
        switch (name) {
            case "materialize", "view":
                if (args.size() != 1) throw EvalException.bind(name + " takes one argument", c);
                return table(args.get(0), scope);
            case "table": {
                Ev n = new ExprCompiler(this, null, scope).compile(args.get(0));
                return named(Values.toStr(n.type(), n.eval(0)), c, scope);
            }
            case "_GetWatchlist": {
                Ev n = new ExprCompiler(this, null, scope).compile(args.get(0));
                String alias = Values.toStr(n.type(), n.eval(0));
                Table w = context.watchlists().get(alias);
                // like a table, a watchlist that is not given is empty (with the catalog's columns for the alias)
                return w != null ? w : Table.empty("_GetWatchlist", scalarColumns(catalog.watchlistRows(alias).columns()));
            }
            default:
                break;
        }
        Scope.FunctionValue stored = stored(name);
        if (stored != null) return callTabular(stored, args, c, scope);
        Table parser = storedWithoutBody(name);
        if (parser != null) return parser;
        throw EvalException.unsupported("tabular function '" + name + "'", c);
    }

    /** Calls a user or stored function whose body is tabular. */
    Table callTabular(Scope.FunctionValue f, List<Expr> args, Expr where, Scope callerScope) {
        Scope s = bindArguments(f, args, where, callerScope, null);
        List<Statement> body = f.decl().body().statements().items();
        Table result = null;
        for (Statement st : body) {
            if (st instanceof Statement.Let l) bindLet(l, s);
            else if (st instanceof Statement.Query q) result = table(q.expression(), s);
        }
        if (result == null) throw EvalException.bind("function '" + f.name() + "' has no result statement", where);
        return result;
    }

    /** A scope with the function's parameters bound to the call's arguments (positional or by name) or defaults. */
    Scope bindArguments(Scope.FunctionValue f, List<Expr> args, Expr where, Scope callerScope, ExprCompiler rowCompiler) {
        Scope s = f.closure().child();
        List<Clause.Parameter> params = f.decl().parameters().parameters().items();
        if (args.size() > params.size()) {
            throw EvalException.bind("function '" + f.name() + "' takes " + params.size() + " arguments, " + args.size() + " given", where);
        }
        Map<String, Expr> named = new HashMap<>();
        List<Expr> positional = new ArrayList<>();
        for (Expr a : args) {
            if (a instanceof Expr.Named n && n.target() instanceof dev.sentinelctl.kql.syntax.Name nm) named.put(nm.simpleName(), n.value());
            else positional.add(a);
        }
        // Positional arguments fill the parameters that no argument names, in order: f(len=3, input) gives s = input.
        int nextPositional = 0;
        for (int i = 0; i < params.size(); i++) {
            Clause.Parameter p = params.get(i);
            String pname = p.name().simpleName();
            boolean tabular = p.type() instanceof Clause.Schema;
            Expr arg = named.containsKey(pname) ? named.get(pname)
                    : nextPositional < positional.size() ? positional.get(nextPositional++) : null;
            Scope argScope = callerScope;
            if (arg == null) {
                if (p.defaultValue() == null) {
                    throw EvalException.bind("function '" + f.name() + "' needs an argument for parameter '" + pname + "'", where);
                }
                arg = p.defaultValue();
                argScope = f.closure();
            }
            if (tabular) {
                Expr a = arg;
                Scope as = argScope;
                s.put(pname, new Scope.TabularValue(() -> table(a, as)));
            } else {
                ScalarType declared = p.type() instanceof Clause.TypeName tn ? typeName(tn.token().text()) : null;
                if (rowCompiler != null && argScope == callerScope) {
                    Ev ev = rowCompiler.compile(arg);
                    if (declared != null && declared != ev.type() && declared != ScalarType.DYNAMIC) ev = Comparisons.cast(ev, declared);
                    s.put(pname, ev.isConstant() ? new Scope.ScalarValue(ev.type(), ev.eval(0)) : new Scope.RowValue(ev));
                    continue;
                }
                Ev ev = new ExprCompiler(this, null, argScope).compile(arg);
                Object v = ev.eval(0);
                if (declared != null && declared != ev.type()) {
                    s.put(pname, new Scope.ScalarValue(declared, Convert.to(declared, ev.type(), v)));
                } else {
                    s.put(pname, new Scope.ScalarValue(ev.type(), v));
                }
            }
        }
        return s;
    }

    static ScalarType typeName(String text) {
        return switch (text) {
            case "bool", "boolean" -> ScalarType.BOOL;
            case "int", "int32" -> ScalarType.INT;
            case "long", "int64" -> ScalarType.LONG;
            case "real", "double" -> ScalarType.REAL;
            case "decimal" -> ScalarType.DECIMAL;
            case "string" -> ScalarType.STRING;
            case "datetime", "date" -> ScalarType.DATETIME;
            case "timespan", "time" -> ScalarType.TIMESPAN;
            case "guid", "uuid", "uniqueid" -> ScalarType.GUID;
            case "dynamic" -> ScalarType.DYNAMIC;
            default -> null;
        };
    }
}

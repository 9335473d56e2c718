package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.semantic.TypeNames;
import dev.sentinelctl.kql.semantic.TypePromotion;
import dev.sentinelctl.kql.syntax.BinaryOp;
import dev.sentinelctl.kql.syntax.Clause;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.NameTarget;
import dev.sentinelctl.kql.syntax.QueryOperator;
import dev.sentinelctl.kql.syntax.Statement;
import dev.sentinelctl.kql.syntax.SyntaxElement;
import dev.sentinelctl.kql.syntax.SyntaxNode;
import dev.sentinelctl.kql.syntax.Token;
import dev.sentinelctl.report.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One binding run over one query: statements, tabular operators (input row schema to output row schema)
 * and scalar expressions, after Kusto.Language's binder (naming rules, projections, promotions). Not
 * thread-safe; {@link Binder} makes one per call. Anything that cannot be bound gets type UNKNOWN and no
 * further diagnostics, so one mistake gives one message.
 */
final class TreeBinder {

    /** How an operator adds columns (Kusto's ProjectionStyle): decides replace-in-place and naming. */
    enum Style { DEFAULT, EXTEND, PRINT, REPLACE, SUMMARIZE }

    /** Where an expression is bound: the row in scope, declared names, aggregate context, join sides. */
    record Ctx(RowSchema row, Scope scope, boolean aggregate, RowSchema left, RowSchema right, RowSchema implicitInput) {
        Ctx withRow(RowSchema r) {
            return new Ctx(r, scope, false, left, right, implicitInput);
        }

        Ctx aggregate(boolean on) {
            return on == aggregate ? this : new Ctx(row, scope, on, left, right, implicitInput);
        }

        Ctx withScope(Scope s) {
            return new Ctx(row, s, aggregate, left, right, implicitInput);
        }

        Ctx withJoinSides(RowSchema l, RowSchema r) {
            return new Ctx(row, scope, aggregate, l, r, implicitInput);
        }

        Ctx withImplicitInput(RowSchema in) {
            return new Ctx(null, scope, false, null, null, in);
        }

        Ctx tabular() {
            return new Ctx(null, scope, false, null, null, null);
        }
    }

    private static final int MAX_EXPANSION_DEPTH = 12;

    final Catalog catalog;
    final SchemaCache cache;
    final Diagnostics diags = new Diagnostics();
    // a median Sentinel rule binds a few dozen expressions; bigger ones rehash a few times, which is cheaper
    // than zeroing a large table for every query
    final IdentityHashMap<SyntaxNode, KqlType> types = new IdentityHashMap<>(64);
    final IdentityHashMap<SyntaxNode, RowSchema> rowSchemas = new IdentityHashMap<>(16);
    final IdentityHashMap<Expr.FunctionCall, FunctionSymbol> calls = new IdentityHashMap<>();
    /** Constant values of expressions, also through let variables and parameters (names from column_ifexists). */
    final IdentityHashMap<Expr, Object> constants = new IdentityHashMap<>(8);
    final LinkedHashMap<String, Boolean> tables = new LinkedHashMap<>();
    final LinkedHashMap<String, Boolean> unknownTables = new LinkedHashMap<>();
    /** Tables read outside every {@code union isfuzzy=true} operand: the query fails without them. */
    final LinkedHashMap<String, Boolean> strictTables = new LinkedHashMap<>();
    /** Constant aliases given to {@code _GetWatchlist}. */
    final LinkedHashMap<String, Boolean> watchlists = new LinkedHashMap<>();
    /** Workspace functions (Sentinel built-ins, ASIM and other parsers) the query calls. */
    final LinkedHashMap<String, Boolean> workspaceFunctions = new LinkedHashMap<>();
    /** Columns holding a dynamic array (from make_set, split ...), by identity. */
    final IdentityHashMap<Column, DynamicShape> shapes = new IdentityHashMap<>(8);

    DynamicShape shapeOf(Column c) {
        DynamicShape s = shapes.get(c);
        return s == null ? DynamicShape.PLAIN : s;
    }
    private int expansionDepth;
    /** Inside an operand of {@code union isfuzzy=true}: unknown tables are warnings (KS205). */
    int fuzzyDepth;

    TreeBinder(Catalog catalog, SchemaCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    // ------------------------------------------------------------------ statements

    /** Binds a block of statements in {@code scope}; returns the value of the last query statement, or null. */
    Value bindStatements(List<Statement> statements, Scope scope, RowSchema implicitInput) {
        Value last = null;
        Ctx ctx = new Ctx(null, scope, false, null, null, implicitInput);
        for (Statement s : statements) {
            if (s instanceof Statement.Let let) {
                bindLet(let, scope, ctx);
            } else if (s instanceof Statement.Query q) {
                // a bare unknown name as a whole statement is KS142 in Kusto, not KS204
                last = bind(q.expression(), ctx, false);
            } else if (s instanceof Statement.DeclareQueryParameters d) {
                declareParameters(d.parameters(), scope, null);
            }
        }
        return last;
    }

    private void bindLet(Statement.Let let, Scope scope, Ctx ctx) {
        String name = let.name().simpleName();
        Expr value = let.value();
        if (value instanceof Expr.FunctionDecl decl) {
            scope.declare(name, new LocalSymbol.Function(name, decl, scope));
            // bind the body once with the declared parameter types, so mistakes inside it are reported once
            Scope body = scope.child();
            declareParameters(decl.parameters(), body, null);
            bindStatements(decl.body().statements().items(), body, null);
            return;
        }
        Value v = bind(value, ctx, false);
        scope.declare(name, new LocalSymbol.Variable(v));
    }

    /** Declares parameters; with {@code arguments} (a call) their types come from the arguments where given. */
    private void declareParameters(Clause.Parameters params, Scope scope, Map<String, Value> arguments) {
        if (params == null) return;
        for (Clause.Parameter p : params.parameters().items()) {
            String pname = p.name().simpleName();
            Value v = arguments == null ? null : arguments.get(pname);
            if (v == null) v = declaredParameterValue(p, scope);
            scope.declare(pname, new LocalSymbol.Variable(v));
        }
    }

    private Value declaredParameterValue(Clause.Parameter p, Scope scope) {
        if (p.type() instanceof Clause.Schema s) return Value.tabular(schemaOf(s, true));
        if (p.type() instanceof Clause.TypeName tn) return Value.scalar(typeName(tn.token()));
        if (p.defaultValue() != null) return bind(p.defaultValue(), new Ctx(null, scope, false, null, null, null), false);
        return Value.UNKNOWN;
    }

    // ------------------------------------------------------------------ expressions

    /** Binds {@code e}; {@code tabularContext} makes an unknown name a KS204 (table) rather than KS142. */
    Value bind(Expr e, Ctx c, boolean tabularContext) {
        Value v = bindCore(e, c, tabularContext);
        if (v.isTabular()) rowSchemas.put(e, v.rows());
        else types.put(e, v.type());
        if (v.constant() != null) constants.put(e, v.constant());
        return v;
    }

    Value bind(Expr e, Ctx c) {
        return bind(e, c, false);
    }

    /** Kusto stores no decimal in a dynamic value: {@code dynamic([decimal(1)])} is KS215. */
    private void checkNoDecimal(dev.sentinelctl.kql.syntax.SyntaxNode json) {
        for (dev.sentinelctl.kql.syntax.SyntaxElement child : json.children()) {
            if (child instanceof dev.sentinelctl.kql.syntax.Token t) {
                if (t.kind() == dev.sentinelctl.kql.syntax.TokenKind.TYPED_LITERAL && t.text().startsWith("decimal(")) {
                    diags.error("KS215", t, "Decimal values are not supported in dynamic objects.",
                            "Write the number as real(...) or a plain number, or keep it in a decimal column.");
                }
            } else if (child instanceof dev.sentinelctl.kql.syntax.SyntaxNode n) {
                checkNoDecimal(n); // nested arrays, bags and dynamic(...) literals too
            }
        }
    }

    private Value bindCore(Expr e, Ctx c, boolean tabularContext) {
        if (e == null) return Value.UNKNOWN;
        if (e instanceof Expr.NameRef n) return bindName(n, c, tabularContext);
        if (e instanceof Expr.Literal l) return literal(l);
        if (e instanceof Expr.FunctionCall f) return bindCall(f, c, null);
        if (e instanceof Expr.Pipe p) return bindPipe(p, c);
        if (e instanceof Expr.Binary b) return bindBinary(b, c);
        if (e instanceof Expr.Paren p) {
            return bind(p.inner(), c, tabularContext);
        }
        if (e instanceof Expr.MemberAccess m) return bindMember(m, c);
        if (e instanceof Expr.ElementAccess ea) return bindElement(ea, c);
        if (e instanceof Expr.DynamicLiteral d) {
            checkNoDecimal(d.value());
            if (d.value() instanceof dev.sentinelctl.kql.syntax.Json.JArray arr) {
                boolean strings = !arr.values().isEmpty();
                for (dev.sentinelctl.kql.syntax.Json j : arr.values().items()) {
                    strings &= j instanceof dev.sentinelctl.kql.syntax.Json.JScalar sc && !sc.tokens().isEmpty()
                            && sc.tokens().get(0).kind() == dev.sentinelctl.kql.syntax.TokenKind.STRING_LITERAL;
                }
                return Value.DYNAMIC.withShape(strings ? DynamicShape.STRING_ARRAY : DynamicShape.ARRAY);
            }
            return Value.DYNAMIC;
        }
        if (e instanceof Expr.InList in) {
            bind(in.left(), c);
            for (Expr x : in.values().items()) bind(x, c.aggregate(false), false);
            return Value.BOOL;
        }
        if (e instanceof Expr.Between b) return bindBetween(b, c);
        if (e instanceof Expr.Unary u) {
            Value v = bind(u.operand(), c);
            if (u.operator().is("+")) return Value.scalar(v.type());
            if (v.type() == ScalarType.STRING || v.type() == ScalarType.BOOL || v.type() == ScalarType.GUID) {
                diags.error("KS106", u.operator(), "The operator '-' is not defined for the operand type " + v.type().displayName() + ".",
                        "Only numbers and timespans can be negated.");
                return Value.UNKNOWN;
            }
            return Value.scalar(TypePromotion.negate(v.type()));
        }
        if (e instanceof Expr.Named n) return bind(n.value(), c, tabularContext);
        if (e instanceof QueryOperator op) return Value.tabular(bindHeadOperator(op, c));
        if (e instanceof Expr.DataTable dt) return Value.tabular(schemaOf(dt.schema(), false));
        if (e instanceof Expr.ExternalData x) return Value.tabular(schemaOf(x.schema(), false));
        if (e instanceof Expr.Typeof t) return Value.scalar(typeofType(t));
        return Value.UNKNOWN;
    }

    private static Value literal(Expr.Literal l) {
        switch (l.kind()) {
            case STRING:
                return Value.constant(ScalarType.STRING, l.value());
            case LONG: {
                Long v = null;
                try {
                    v = Long.parseLong(l.text());
                } catch (NumberFormatException ignored) {
                    // hex or out of range: the value is only used for names
                }
                return Value.constant(ScalarType.LONG, v);
            }
            case INT:
                return Value.scalar(ScalarType.INT);
            case REAL:
                return Value.constant(ScalarType.REAL, l.text());
            case DECIMAL:
                return Value.scalar(ScalarType.DECIMAL);
            case BOOL:
                return Value.constant(ScalarType.BOOL, Boolean.valueOf(l.text().toLowerCase(Locale.ROOT).startsWith("t")
                        || l.text().toLowerCase(Locale.ROOT).contains("(true")));
            case DATETIME:
                return Value.scalar(ScalarType.DATETIME);
            case TIMESPAN:
                return Value.scalar(ScalarType.TIMESPAN);
            case GUID:
                return Value.scalar(ScalarType.GUID);
            default:
                return Value.UNKNOWN;
        }
    }

    private Value bindName(Expr.NameRef n, Ctx c, boolean tabularContext) {
        Name name = n.name();
        String s = name.simpleName();
        if (name instanceof Name.Wildcard) return Value.UNKNOWN;
        Token first = name.firstToken();
        if (first == null || first.missing() || s.isEmpty()) return Value.UNKNOWN;
        if (c.row() != null) {
            Column col = c.row().resolve(s);
            if (col != null) return columnValue(col);
        }
        LocalSymbol local = c.scope().lookup(s);
        if (local instanceof LocalSymbol.Variable v) return v.value();
        if (local instanceof LocalSymbol.Function f) {
            return expandFunction(f, List.of(), n, c);
        }
        if (s.equals("null")) return Value.UNKNOWN;
        if (c.row() == null && c.implicitInput() != null) {
            Column col = c.implicitInput().find(s);
            if (col != null) return columnValue(col);
        }
        Value table = catalogTable(s, n, true);
        if (table != null) return table;
        FunctionSymbol stored = catalog.sentinelFunction(s).orElse(null);
        if (stored != null && stored.signatures().get(0).minArgs() == 0) {
            recordFunction(stored.name());
            return storedResult(stored, List.of());
        }
        if (c.row() != null && c.row().isOpen()) return columnValue(c.row().infer(s));
        reportUnknownName(n, s, c, tabularContext);
        return Value.UNKNOWN;
    }

    /** A database table the query itself reads (not one inside an expanded let function, bound separately). */
    void recordTable(String name) {
        if (expansionDepth != 0) return;
        tables.putIfAbsent(name, Boolean.TRUE);
        if (fuzzyDepth == 0) strictTables.putIfAbsent(name, Boolean.TRUE);
    }

    void recordFunction(String name) {
        if (expansionDepth == 0) workspaceFunctions.putIfAbsent(name, Boolean.TRUE);
    }

    void recordWatchlist(String alias) {
        if (expansionDepth == 0 && !alias.isEmpty()) watchlists.putIfAbsent(alias, Boolean.TRUE);
    }

    Value columnValue(Column col) {
        Value v = Value.column(col);
        return v.withShape(shapeOf(col));
    }

    /** A database table by name: records it; a table known without schema becomes an open schema (warned). */
    private Value catalogTable(String s, SyntaxElement at, boolean reportSchemaless) {
        TableSchema t = catalog.table(s).orElse(null);
        if (t != null) {
            recordTable(t.name());
            return Value.tabular(cache.rows(t));
        }
        if (catalog.hasTableWithoutSchema(s) || (s.endsWith("_CL") && reportSchemaless)) {
            if (expansionDepth == 0) unknownTables.putIfAbsent(s, Boolean.TRUE);
            diags.add("KS204", Severity.WARNING, at,
                    "The name '" + s + "' does not refer to any known table, tabular variable or function.",
                    (catalog.hasTableWithoutSchema(s) ? "'" + s + "' is a Sentinel table whose columns sentinelctl does not know"
                            : "'" + s + "' looks like a custom log table that is not in the catalog")
                            + "; declare it with --schema DIR (a CustomTables-style JSON or a table_name,column_name,column_type CSV) "
                            + "so its columns can be checked.");
            return Value.tabular(RowSchema.open());
        }
        return null;
    }

    private void reportUnknownName(SyntaxElement at, String s, Ctx c, boolean tabular) {
        if (tabular && fuzzyDepth > 0) {
            diags.add("KS205", Severity.WARNING, at, "The fuzzy name '" + s
                            + "' does not refer to any known or currently accessible table.",
                    "With isfuzzy=true the query still runs without this table; declare it with --schema DIR to check its columns.");
            return;
        }
        if (tabular) {
            if (expansionDepth == 0) unknownTables.putIfAbsent(s, Boolean.TRUE);
            List<String> sugg = new ArrayList<>(catalog.suggestTables(s));
            String hint = Diagnostics.didYouMean(sugg)
                    + "Table names are case-sensitive; if this is a custom table or a parser, declare it with --schema DIR.";
            diags.error("KS204", at, "The name '" + s + "' does not refer to any known table, tabular variable or function.", hint);
            return;
        }
        List<String> candidates = new ArrayList<>();
        if (c.row() != null) for (Column col : c.row().columns()) candidates.add(col.name());
        c.scope().collectNames(candidates);
        List<String> sugg = dev.sentinelctl.kql.semantic.Suggestions.closest(s, candidates);
        String hint = Diagnostics.didYouMean(sugg) + (c.row() != null
                ? "Column names are case-sensitive and only the columns produced by the previous operator are in scope."
                : "Declare it with let before using it.");
        diags.error("KS142", at, "The name '" + s + "' does not refer to any known column, table, variable or function.", hint);
    }

    private Value bindMember(Expr.MemberAccess m, Ctx c) {
        Expr target = m.target();
        if (target instanceof Expr.NameRef tn && (tn.simpleName().equals("$left") || tn.simpleName().equals("$right"))) {
            RowSchema side = tn.simpleName().equals("$left") ? c.left() : c.right();
            if (side == null) return Value.UNKNOWN;
            if (m.member() instanceof Expr.NameRef mn) {
                Column col = side.find(mn.simpleName());
                if (col != null) {
                    types.put(m.member(), col.type());
                    return Value.column(col);
                }
                if (!side.isOpen() && !mn.name().firstToken().missing()) {
                    diags.error("KS142", m.member(), "The name '" + mn.simpleName()
                                    + "' does not refer to any known column, table, variable or function.",
                            Diagnostics.didYouMean(suggest(mn.simpleName(), side)) + "The column must exist on the "
                                    + (tn.simpleName().equals("$left") ? "left" : "right") + " side of the join.");
                }
            }
            return Value.UNKNOWN;
        }
        Value t = bind(target, c);
        if (t.isTabular()) return Value.UNKNOWN;
        if (m.member() instanceof Expr.FunctionCall) {
            // cluster('x').database('y') and friends: cross-cluster references are not in the catalog
            return Value.UNKNOWN;
        }
        if (t.type() == ScalarType.DYNAMIC) return Value.DYNAMIC;
        if (t.type().isUnknown()) return Value.UNKNOWN;
        // a missing member name (x.2) was reported by the parser already
        if (m.member() instanceof Expr.NameRef mn && !mn.name().firstToken().missing()) {
            diags.error("KS142", m.member(), "The name '" + mn.simpleName()
                            + "' does not refer to any known column, table, variable or function.",
                    "Only dynamic values have members; '" + target.text() + "' is of type " + t.type().displayName()
                            + ". Use parse_json(" + target.text() + ")." + mn.simpleName() + " if it holds JSON text.");
        }
        return Value.UNKNOWN;
    }

    private Value bindElement(Expr.ElementAccess ea, Ctx c) {
        if (ea.target() == null) {
            bind(ea.index(), c);
            return Value.UNKNOWN;
        }
        Value t = bind(ea.target(), c);
        bind(ea.index(), c.aggregate(false));
        if (t.isTabular()) return Value.UNKNOWN;
        if (t.shape() == DynamicShape.STRING_ELEMENT) {
            diags.error("KS147", ea.open().start(), ea.close().missing() ? ea.open().end() : ea.close().end(),
                    "The element access operator [] is not allowed in this context.",
                    "After mv-expand each value of '" + ea.target().text() + "' is one string, not an array; index the array before expanding it.");
            return Value.UNKNOWN;
        }
        if (t.type() == ScalarType.DYNAMIC) return Value.DYNAMIC;
        if (t.type().isUnknown()) return Value.UNKNOWN;
        diags.error("KS147", ea.open().start(), ea.close().missing() ? ea.open().end() : ea.close().end(), "The element access operator [] is not allowed in this context.",
                "'" + ea.target().text() + "' is of type " + t.type().displayName()
                        + ", not dynamic; convert it with parse_json() or todynamic() before indexing it.");
        return Value.UNKNOWN;
    }

    private Value bindBetween(Expr.Between b, Ctx c) {
        Value l = bind(b.left(), c);
        Value lo = bind(b.low(), c);
        Value hi = bind(b.high(), c);
        if (l.type() instanceof ScalarType ls && lo.type() instanceof ScalarType los && hi.type() instanceof ScalarType his) {
            boolean ok = (ls.isNumeric() || ls == ScalarType.DYNAMIC) && (los.isNumeric() || los == ScalarType.DYNAMIC)
                    || (ls == ScalarType.DATETIME || ls == ScalarType.TIMESPAN || ls == ScalarType.DYNAMIC);
            if (!ok) {
                diags.error("KS106", b.operator(), "The operator '" + b.op().text() + "' is not defined for the operand types "
                                + ls.kustoName() + ", " + los.kustoName() + " and " + his.kustoName() + ".",
                        "between works on numbers, datetimes and timespans.");
            }
        }
        return Value.BOOL;
    }

    /**
     * Left-nested chains ({@code a or b or c ...}, {@code 1 + 1 + ...}) are walked with a loop, not recursion, so
     * generated queries with thousands of terms cannot overflow the stack.
     */
    private Value bindBinary(Expr.Binary top, Ctx c) {
        List<Expr.Binary> spine = new ArrayList<>();
        Expr x = top;
        while (x instanceof Expr.Binary b) {
            spine.add(b);
            x = b.left();
        }
        Value left = bind(x, c);
        for (int i = spine.size() - 1; i >= 0; i--) {
            Expr.Binary b = spine.get(i);
            Value right = bind(b.right(), c);
            left = combine(b, left, right);
            if (i > 0) types.put(b, left.type());
        }
        return left;
    }

    private Value combine(Expr.Binary b, Value l, Value r) {
        BinaryOp op = b.op();
        if (op == null) return Value.UNKNOWN;
        TypePromotion.ArithmeticOp aop = switch (op) {
            case ADD -> TypePromotion.ArithmeticOp.ADD;
            case SUBTRACT -> TypePromotion.ArithmeticOp.SUBTRACT;
            case MULTIPLY -> TypePromotion.ArithmeticOp.MULTIPLY;
            case DIVIDE -> TypePromotion.ArithmeticOp.DIVIDE;
            case MODULO -> TypePromotion.ArithmeticOp.MODULO;
            default -> null;
        };
        if (aop == null) {
            if (l.type() instanceof ScalarType ls0 && r.type() instanceof ScalarType rs0 && !operandsFit(op, ls0, rs0)) {
                int end = b.operator2() != null ? b.operator2().end() : b.operator().end();
                diags.error("KS106", b.operator().start(), end, "The operator '" + op.text() + "' is not defined for the operand types "
                                + ls0.kustoName() + " and " + rs0.kustoName() + ".",
                        op.precedence() == 7 ? "String operators need string operands; convert with tostring()."
                                : "Compare values of the same kind: convert with todatetime(), toint(), tostring() ...");
                return Value.BOOL;
            }
            if ((op == BinaryOp.AND || op == BinaryOp.OR) && l.type() instanceof ScalarType ls
                    && r.type() instanceof ScalarType rs && (!isBoolish(ls) || !isBoolish(rs))) {
                diags.error("KS106", b.operator(), "The operator '" + op.text() + "' is not defined for the operand types "
                                + ls.kustoName() + " and " + rs.kustoName() + ".",
                        "Both sides of '" + op.text() + "' must be true/false conditions; compare the value (x == \"...\", isnotempty(x)).");
            }
            return Value.BOOL;
        }
        if (l.isTabular() || r.isTabular()) return Value.UNKNOWN;
        KqlType t = l.type() instanceof ScalarType ls0 && r.type() instanceof ScalarType rs0 && ls0.isNumeric() && rs0.isNumeric()
                ? widest(List.of(ls0, rs0)) : TypePromotion.arithmetic(aop, l.type(), r.type());
        if (t.isUnknown() && l.type() instanceof ScalarType ls && r.type() instanceof ScalarType rs) {
            diags.error("KS106", b.operator(), "The operator '" + op.text() + "' is not defined for the operand types "
                            + ls.kustoName() + " and " + rs.kustoName() + ".",
                    ls == ScalarType.STRING && rs == ScalarType.STRING && op == BinaryOp.ADD
                            ? "KQL does not concatenate strings with '+'; use strcat(a, b)."
                            : "Convert the operands (toint(), todatetime(), totimespan() ...) so the types fit.");
        }
        return Value.scalar(t);
    }

    /** Operand types Kusto accepts for string operators (has, contains, matches regex ...) and ordering (<, >=). */
    private static boolean operandsFit(BinaryOp op, ScalarType l, ScalarType r) {
        if (l == ScalarType.DYNAMIC || r == ScalarType.DYNAMIC) return true;
        if (op.precedence() == 7 && op != BinaryOp.COLON) return l == ScalarType.STRING && r == ScalarType.STRING;
        switch (op) {
            case LESS:
            case LESS_EQUAL:
            case GREATER:
            case GREATER_EQUAL:
                return l == r || (l.isNumeric() && r.isNumeric());
            default:
                return true;
        }
    }

    private static boolean isBoolish(ScalarType t) {
        return t == ScalarType.BOOL || t == ScalarType.DYNAMIC;
    }

    static List<String> suggest(String name, RowSchema row) {
        List<String> names = new ArrayList<>(row.columns().size());
        for (Column col : row.columns()) names.add(col.name());
        return dev.sentinelctl.kql.semantic.Suggestions.closest(name, names);
    }

    // ------------------------------------------------------------------ calls

    /** Binds a call; {@code implicitFirst} is the piped input of {@code invoke f()}. */
    Value bindCall(Expr.FunctionCall f, Ctx c, RowSchema implicitFirst) {
        return new CallBinder(this).bind(f, c, implicitFirst);
    }

    /** Expands a user function declared with let: binds its body in its own scope with these arguments. */
    Value expandFunction(LocalSymbol.Function fn, List<Value> args, SyntaxElement at, Ctx c) {
        Expr.FunctionDecl decl = fn.declaration();
        List<Clause.Parameter> params = decl.parameters() == null ? List.of() : decl.parameters().parameters().items();
        int required = 0;
        for (Clause.Parameter p : params) if (p.defaultValue() == null) required++;
        if (args.size() < required || args.size() > params.size()) {
            diags.error(args.size() < required || required == params.size() ? "KS119" : "KS120", at,
                    required == params.size()
                            ? "The function '" + fn.name() + "' expects " + plural(params.size(), "argument") + "."
                            : "The function '" + fn.name() + "' expects between " + required + " and " + params.size() + " arguments.",
                    "Check the parameters in the let statement that declares '" + fn.name() + "'.");
        }
        if (expansionDepth >= MAX_EXPANSION_DEPTH) return Value.UNKNOWN;
        Map<String, Value> byName = new HashMap<>();
        for (int i = 0; i < args.size() && i < params.size(); i++) byName.put(params.get(i).name().simpleName(), args.get(i));
        Scope body = fn.closure().child();
        expansionDepth++;
        diags.mute();
        try {
            declareParameters(decl.parameters(), body, byName);
            Value v = bindStatements(decl.body().statements().items(), body, null);
            return v == null ? Value.UNKNOWN : v;
        } finally {
            diags.unmute();
            expansionDepth--;
        }
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** A stored (workspace) function's result: its declared table or scalar type. */
    Value storedResult(FunctionSymbol fn, List<Value> args) {
        KqlType rt = fn.signatures().get(0).returnType();
        if (rt instanceof dev.sentinelctl.kql.semantic.TabularType t) return Value.tabular(cache.rows(fn.name(), t.columns()));
        return Value.scalar(rt);
    }

    // ------------------------------------------------------------------ pipes and operators

    /** A pipeline is a left-nested chain of pipes: bound head first, then each operator in a loop. */
    private Value bindPipe(Expr.Pipe p, Ctx c) {
        List<Expr.Pipe> chain = new ArrayList<>();
        Expr x = p;
        while (x instanceof Expr.Pipe q) {
            chain.add(q);
            x = q.source();
        }
        Value in = bind(x, c.tabular().withImplicitInput(c.implicitInput()), true);
        RowSchema rows = in.isTabular() ? in.rows() : RowSchema.open();
        OperatorBinder ops = new OperatorBinder(this);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Expr.Pipe q = chain.get(i);
            rows = ops.bind(q.operator(), rows, c.tabular());
            rowSchemas.put(q.operator(), rows);
            if (i > 0) rowSchemas.put(q, rows);
        }
        return Value.tabular(rows);
    }

    /** An operator at the head of a (sub)query: union/print/range/... or a contextual subquery's first operator. */
    private RowSchema bindHeadOperator(QueryOperator op, Ctx c) {
        RowSchema in = c.implicitInput();
        RowSchema out = new OperatorBinder(this).bindHead(op, in, c.tabular());
        rowSchemas.put(op, out);
        return out;
    }

    // ------------------------------------------------------------------ schemas and type names

    RowSchema schemaOf(Clause.Schema s, boolean parameter) {
        if (s == null) return RowSchema.open();
        List<Column> cols = new ArrayList<>();
        boolean open = false;
        for (Clause cl : s.columns().items()) {
            if (cl instanceof Clause.StarColumn) {
                open = true;
            } else if (cl instanceof Clause.ColumnDecl d) {
                KqlType t = d.type() instanceof Clause.TypeName tn ? typeName(tn.token()) : ErrorType.UNKNOWN;
                cols.add(new Column(d.name().simpleName(), t));
            }
        }
        return new RowSchema(cols, Map.of(), open);
    }

    static KqlType typeName(Token t) {
        if (t == null || t.missing()) return ErrorType.UNKNOWN;
        TypeNames.Parsed p = TypeNames.parse(t.text());
        return p.recognised() ? p.type() : ErrorType.UNKNOWN;
    }

    static KqlType typeofType(Expr.Typeof t) {
        if (t.schema() == null) return ErrorType.UNKNOWN;
        List<Clause> cols = t.schema().columns().items();
        if (cols.size() == 1 && cols.get(0) instanceof Clause.TypeName tn) return typeName(tn.token());
        return ErrorType.UNKNOWN;
    }

    /**
     * Kusto's "widest" numeric type for arithmetic and bin(): decimal, else real, else long — int operands
     * give long ({@code toint(a) - toint(b)} is long), as Microsoft's binder reports.
     */
    static KqlType widest(List<? extends KqlType> types) {
        boolean real = false;
        for (KqlType t : types) {
            if (!(t instanceof ScalarType s) || !s.isNumeric()) return ErrorType.UNKNOWN;
            if (s == ScalarType.DECIMAL) return ScalarType.DECIMAL;
            real |= s == ScalarType.REAL;
        }
        return real ? ScalarType.REAL : ScalarType.LONG;
    }

    static KqlType scalarOf(Value v) {
        return v.isTabular() ? ErrorType.UNKNOWN : v.type();
    }

}

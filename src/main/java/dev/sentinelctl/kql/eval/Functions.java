package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/**
 * Scalar functions by name. Each function compiles its arguments once per input table; families live in their
 * own classes (strings, time, dynamic, IP, math) and register here. An unknown name is {@code EVAL-unsupported}.
 */
final class Functions {

    /** Compiles one call. */
    interface Fn {
        Ev compile(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call);
    }

    private static final Map<String, Fn> REGISTRY = build();

    private Functions() {
    }

    private static Map<String, Fn> build() {
        Map<String, Fn> m = new HashMap<>();
        LogicFunctions.register(m);
        StringFunctions.register(m);
        TimeFunctions.register(m);
        DynamicFunctions.register(m);
        IpFunctions.register(m);
        MathFunctions.register(m);
        WindowFunctions.register(m);
        SeriesFunctions.register(m);
        HashFunctions.register(m);
        RandomFunctions.register(m);
        Ipv6Functions.register(m);
        UnitFunctions.register(m);
        BetaFunctions.register(m);
        RankFunctions.register(m);
        H3Functions.register(m);
        GeoFunctions.register(m);
        AliasFunctions.register(m);
        return Map.copyOf(m);
    }

    static boolean isScalar(String name) {
        return REGISTRY.containsKey(name);
    }

    static java.util.Set<String> names() {
        return REGISTRY.keySet();
    }

    static Ev compile(ExprCompiler cx, Expr.FunctionCall call) {
        String name = call.functionName();
        Fn f = REGISTRY.get(name);
        if (f == null) {
            if (Aggregates.isAggregate(name)) {
                throw EvalException.bind("aggregate '" + name + "' used outside summarize", call);
            }
            throw EvalException.unsupported("function '" + name + "'", call);
        }
        return f.compile(cx, call.arguments().items(), call);
    }

    /** A user-defined scalar function call: parameters bound to the argument expressions, body compiled per call site. */
    static Ev callUser(ExprCompiler cx, Scope.FunctionValue f, List<Expr> args, Expr where) {
        Scope s = cx.evaluator.bindArguments(f, args, where, cx.scope, cx);
        Ev result = null;
        for (Statement st : f.decl().body().statements().items()) {
            if (st instanceof Statement.Let l) {
                if (l.value() instanceof Expr.FunctionDecl fd) {
                    s.put(l.name().simpleName(), new Scope.FunctionValue(l.name().simpleName(), fd, s));
                } else {
                    ExprCompiler inner = cx.withScope(s);
                    if (inner.isTabular(l.value())) {
                        Scope at = s;
                        s.put(l.name().simpleName(), new Scope.TabularValue(() -> cx.evaluator.table(l.value(), at)));
                    } else {
                        Ev v = inner.compile(l.value());
                        s.put(l.name().simpleName(), v.isConstant() ? new Scope.ScalarValue(v.type(), v.eval(0)) : new Scope.RowValue(v));
                    }
                }
            } else if (st instanceof Statement.Query q) {
                ExprCompiler inner = cx.withScope(s);
                if (inner.isTabular(q.expression())) {
                    throw EvalException.bind("function '" + f.name() + "' returns a table; it cannot be used as a scalar", where);
                }
                result = inner.compile(q.expression());
            }
        }
        if (result == null) throw EvalException.bind("function '" + f.name() + "' has no result expression", where);
        return result;
    }

    // --- helpers for the families -----------------------------------------------------------------------------

    static void arity(List<Expr> args, int min, int max, Expr.FunctionCall call) {
        if (args.size() < min || args.size() > max) {
            String want = min == max ? String.valueOf(min) : min + ".." + (max == Integer.MAX_VALUE ? "n" : max);
            throw EvalException.bind(call.functionName() + " takes " + want + " arguments, " + args.size() + " given", call);
        }
    }

    static List<Ev> all(ExprCompiler cx, List<Expr> args) {
        List<Ev> out = new ArrayList<>();
        for (Expr a : args) out.add(cx.compile(a));
        return out;
    }

    /** One argument converted to {@code in}, null in gives null out. */
    static Fn unary(ScalarType in, ScalarType out, Function<Object, Object> f) {
        return (cx, args, call) -> {
            arity(args, 1, 1, call);
            Ev a = Comparisons.cast(cx.compile(args.get(0)), in);
            return Ev.of(out, r -> {
                Object v = a.eval(r);
                return v == null ? null : f.apply(v);
            });
        };
    }

    /** One string argument (any type, printed as tostring would). */
    static Fn str1(ScalarType out, Function<String, Object> f) {
        return (cx, args, call) -> {
            arity(args, 1, 1, call);
            Ev a = ExprCompiler.str(cx.compile(args.get(0)));
            return Ev.of(out, r -> f.apply((String) a.eval(r)));
        };
    }

    interface F2 {
        Object apply(Object a, Object b);
    }

    static Fn binary(ScalarType in1, ScalarType in2, ScalarType out, F2 f) {
        return (cx, args, call) -> {
            arity(args, 2, 2, call);
            Ev a = cast(cx.compile(args.get(0)), in1), b = cast(cx.compile(args.get(1)), in2);
            return Ev.of(out, r -> {
                Object x = a.eval(r);
                if (x == null) return null;
                Object y = b.eval(r);
                if (y == null) return null;
                return f.apply(x, y);
            });
        };
    }

    static Ev cast(Ev e, ScalarType t) {
        if (t == STRING) return ExprCompiler.str(e);
        return Comparisons.cast(e, t);
    }

    static Object constant(Ev e, Expr where, String what) {
        if (!e.isConstant()) throw EvalException.unsupported(what + " that is not a constant", where);
        return e.eval(0);
    }

}

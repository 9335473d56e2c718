package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/** iff/case/coalesce, null and emptiness tests, not(), column_ifexists, conversions (to*). */
final class LogicFunctions {

    private LogicFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        Functions.Fn iff = (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev c = ExprCompiler.bool(cx.compile(args.get(0)), args.get(0));
            List<Ev> branches = unify(List.of(cx.compile(args.get(1)), cx.compile(args.get(2))), call);
            Ev a = branches.get(0), b = branches.get(1);
            return Ev.of(a.type(), r -> c.eval(r) == Boolean.TRUE ? a.eval(r) : b.eval(r));
        };
        m.put("iff", iff);
        m.put("iif", iff);
        m.put("assert", (cx, args, call) -> {
            // assert-function.md: both arguments are constants, checked when the query is analysed (so a false
            // condition fails the query even when no row reaches it); true otherwise
            Functions.arity(args, 2, 2, call);
            if (!rowFree(args.get(0), cx.scope) || !rowFree(args.get(1), cx.scope)) {
                throw EvalException.bind("assert() takes constants only (not row values): its condition and message are"
                        + " checked before the query runs", call);
            }
            Ev condition = ExprCompiler.bool(cx.compile(args.get(0)), args.get(0));
            Ev message = ExprCompiler.str(cx.compile(args.get(1)));
            if (condition.eval(0) != Boolean.TRUE) {
                throw EvalException.runtime("assert() has failed with message: '" + message.eval(0) + "'", call);
            }
            return Ev.constant(ScalarType.BOOL, true);
        });
        m.put("case", (cx, args, call) -> {
            if (args.size() < 3 || args.size() % 2 == 0) throw EvalException.bind("case takes predicate/value pairs and an else value", call);
            List<Ev> conds = new ArrayList<>();
            List<Ev> values = new ArrayList<>();
            for (int i = 0; i + 1 < args.size(); i += 2) {
                conds.add(ExprCompiler.bool(cx.compile(args.get(i)), args.get(i)));
                values.add(cx.compile(args.get(i + 1)));
            }
            values.add(cx.compile(args.get(args.size() - 1)));
            List<Ev> vs = unify(values, call);
            return Ev.of(vs.get(0).type(), r -> {
                for (int i = 0; i < conds.size(); i++) if (conds.get(i).eval(r) == Boolean.TRUE) return vs.get(i).eval(r);
                return vs.get(vs.size() - 1).eval(r);
            });
        });
        m.put("coalesce", (cx, args, call) -> {
            Functions.arity(args, 1, 64, call);
            List<Ev> vs = unify(Functions.all(cx, args), call);
            boolean str = vs.get(0).type() == STRING;
            return Ev.of(vs.get(0).type(), r -> {
                for (Ev v : vs) {
                    Object x = v.eval(r);
                    if (x != null && !(str && ((String) x).isEmpty())) return x;
                }
                return str ? "" : null;
            });
        });
        m.put("not", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = ExprCompiler.bool(cx.compile(args.get(0)), args.get(0));
            return Ev.of(BOOL, r -> {
                Boolean b = (Boolean) a.eval(r);
                return b == null ? null : !b;
            });
        });
        m.put("isnull", (cx, args, call) -> nullTest(cx, args, call, true, false));
        m.put("isnotnull", (cx, args, call) -> nullTest(cx, args, call, false, false));
        m.put("isempty", (cx, args, call) -> nullTest(cx, args, call, true, true));
        m.put("isnotempty", (cx, args, call) -> nullTest(cx, args, call, false, true));
        m.put("notnull", (cx, args, call) -> nullTest(cx, args, call, false, false));
        m.put("notempty", (cx, args, call) -> nullTest(cx, args, call, false, true));
        Functions.Fn ifExists = (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev name = cx.compile(args.get(0));
            String col = Values.toStr(name.type(), Functions.constant(name, args.get(0), "column_ifexists column name"));
            if (cx.input != null && cx.input.columnIndex(col) >= 0) return Ev.column(cx.input.vec(cx.input.columnIndex(col)));
            return cx.compile(args.get(1));
        };
        m.put("column_ifexists", ifExists);
        m.put("columnifexists", ifExists);
        // Fixtures carry no separate ingestion time: ingestion_time() reads the row's TimeGenerated (docs/engine.md).
        m.put("ingestion_time", (cx, args, call) -> {
            if (cx.input != null && cx.input.columnIndex("TimeGenerated") >= 0) return Ev.column(cx.input.vec(cx.input.columnIndex("TimeGenerated")));
            return Ev.constant(ScalarType.DATETIME, null);
        });
        for (ScalarType t : ScalarType.values()) {
            String n = "to" + t.kustoName();
            m.put(n, conversion(t));
        }
        m.put("toboolean", conversion(BOOL));
        m.put("todouble", conversion(ScalarType.REAL));
        m.put("todynamic", conversion(DYNAMIC));
        m.put("toobject", conversion(DYNAMIC));
        m.put("parse_json", conversion(DYNAMIC));
        m.put("parsejson", conversion(DYNAMIC));
        m.put("gettype", (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            ScalarType t = a.type();
            return Ev.of(STRING, r -> typeName(t, a.eval(r)));
        });
    }

    private static String typeName(ScalarType t, Object v) {
        if (t != DYNAMIC) return t == ScalarType.REAL ? "real" : t == ScalarType.INT ? "int" : t.kustoName();
        if (v == null) return "null";
        JsonNode j = (JsonNode) v;
        if (j.isArray()) return "array";
        if (j.isObject()) return "dictionary";
        if (j.isString()) return "string";
        if (j.isBoolean()) return "bool";
        if (j.isIntegralNumber()) return "long";
        if (j.isNumber()) return "real";
        return "null";
    }

    private static Functions.Fn conversion(ScalarType to) {
        return (cx, args, call) -> {
            Functions.arity(args, 1, 1, call);
            Ev a = cx.compile(args.get(0));
            ScalarType from = a.type();
            if (from == to) return a;
            return Ev.of(to, r -> Convert.to(to, from, a.eval(r)));
        };
    }

    private static Ev nullTest(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean positive, boolean empty) {
        Functions.arity(args, 1, 1, call);
        Ev a = cx.compile(args.get(0));
        boolean str = a.type() == STRING;
        return Ev.of(BOOL, r -> {
            Object v = a.eval(r);
            boolean isNull = v == null || (empty && str && ((String) v).isEmpty());
            if (str && !empty) isNull = false; // a string is never null (null-values.md)
            return isNull == positive;
        });
    }

    /** Brings branch values to one type: the same, numbers widened, or typed nulls adopting the other type. */
    static List<Ev> unify(List<Ev> evs, Expr where) {
        ScalarType t = null;
        for (Ev e : evs) {
            if (e.isConstant() && e.eval(0) == null && e.type() != STRING) continue;
            if (t == null) t = e.type();
            else if (t != e.type()) {
                ScalarType c = Comparisons.common(t, e.type());
                if (c == null || c == DYNAMIC) {
                    if (t == DYNAMIC || e.type() == DYNAMIC) {
                        c = DYNAMIC;
                    } else {
                        throw EvalException.bind("branches have different types (" + t.kustoName() + ", " + e.type().kustoName() + ")", where);
                    }
                }
                if (t == ScalarType.INT && e.type() == ScalarType.LONG || t == ScalarType.LONG && e.type() == ScalarType.INT) c = ScalarType.LONG;
                t = c;
            }
        }
        if (t == null) t = evs.get(0).type();
        List<Ev> out = new ArrayList<>();
        for (Ev e : evs) {
            ScalarType target = t;
            if (e.type() == target) {
                out.add(e);
            } else if (target == DYNAMIC) {
                ScalarType from = e.type();
                out.add(Ev.of(DYNAMIC, r -> {
                    Object v = e.eval(r);
                    return v == null ? null : Values.toJson(from, v);
                }));
            } else {
                out.add(Comparisons.cast(e, target));
            }
        }
        return out;
    }

    /**
     * True when the expression reads no row: every name in it is a scalar let or a function parameter bound to a
     * constant (a column, or a parameter bound to a row's value, makes it row-bound).
     */
    static boolean rowFree(dev.sentinelctl.kql.syntax.SyntaxElement e, Scope scope) {
        if (e instanceof Expr.NameRef n) {
            return scope.get(n.simpleName()) instanceof Scope.ScalarValue;
        }
        if (e instanceof dev.sentinelctl.kql.syntax.SyntaxNode node) {
            for (dev.sentinelctl.kql.syntax.SyntaxElement child : node.children()) {
                if (!rowFree(child, scope)) return false;
            }
        }
        return true;
    }
}

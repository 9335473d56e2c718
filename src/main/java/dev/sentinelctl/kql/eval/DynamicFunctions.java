package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sentinelctl.kql.semantic.ScalarType.BOOL;
import static dev.sentinelctl.kql.semantic.ScalarType.DYNAMIC;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;
import static dev.sentinelctl.kql.semantic.ScalarType.STRING;

/** Functions over dynamic arrays and property bags; non-arrays give null where Kusto documents it. */
final class DynamicFunctions {

    private DynamicFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("array_length", Functions.unary(DYNAMIC, LONG, v -> ((JsonNode) v).isArray() ? (Object) (long) ((JsonNode) v).size() : null));
        m.put("arraylength", m.get("array_length"));
        for (String name : java.util.List.of("array_shift_left", "array_shift_right", "array_rotate_left", "array_rotate_right")) {
            boolean rotate = name.contains("rotate");
            int sign = name.endsWith("left") ? 1 : -1;
            m.put(name, (cx, args, call) -> {
                Functions.arity(args, 2, rotate ? 2 : 3, call);
                Ev a = cx.compile(args.get(0)), k = Comparisons.cast(cx.compile(args.get(1)), LONG);
                Ev fill = args.size() > 2 ? cx.compile(args.get(2)) : Ev.constant(DYNAMIC, null);
                return Ev.of(DYNAMIC, r -> {
                    Object v = a.eval(r), kv = k.eval(r);
                    if (!(v instanceof JsonNode j) || !j.isArray() || kv == null) return null;
                    int n = j.size();
                    long shift = sign * (Long) kv;
                    ArrayNode out = Values.array();
                    JsonNode f = Values.toJson(fill.type(), fill.eval(r));
                    for (int i = 0; i < n; i++) {
                        long src = i + shift;
                        if (rotate) out.add(j.get((int) Math.floorMod(src, (long) n)));
                        else out.add(src >= 0 && src < n ? j.get((int) src) : f);
                    }
                    return out;
                });
            });
        }
        m.put("strcat_array", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev a = cx.compile(args.get(0)), d = ExprCompiler.str(cx.compile(args.get(1)));
            return Ev.of(STRING, r -> {
                Object v = a.eval(r);
                if (!(v instanceof JsonNode j) || !j.isArray()) return "";
                List<String> parts = new ArrayList<>();
                for (JsonNode el : j) parts.add(el.isNull() ? "" : Values.toStr(DYNAMIC, el));
                return String.join((String) d.eval(r), parts);
            });
        });
        m.put("bag_keys", Functions.unary(DYNAMIC, DYNAMIC, v -> {
            JsonNode j = (JsonNode) v;
            if (!j.isObject()) return null;
            ArrayNode a = Values.array();
            for (String k : j.propertyNames()) a.add(k);
            return a;
        }));
        m.put("bag_has_key", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev b = cx.compile(args.get(0)), k = ExprCompiler.str(cx.compile(args.get(1)));
            return Ev.of(BOOL, r -> {
                Object v = b.eval(r);
                return v instanceof JsonNode j && j.isObject() && j.has((String) k.eval(r));
            });
        });
        m.put("array_reverse", Functions.unary(DYNAMIC, DYNAMIC, v -> {
            JsonNode j = (JsonNode) v;
            if (!j.isArray()) return null;
            ArrayNode a = Values.array();
            for (int i = j.size() - 1; i >= 0; i--) a.add(j.get(i));
            return a;
        }));
        m.put("array_sum", Functions.unary(DYNAMIC, REAL, v -> {
            JsonNode j = (JsonNode) v;
            if (!j.isArray()) return null;
            double s = 0;
            for (JsonNode el : j) {
                if (!el.isNumber()) return null;
                s += el.doubleValue();
            }
            return s;
        }));
        m.put("array_sort_asc", (cx, args, call) -> sort(cx, args, call, true));
        m.put("array_sort_desc", (cx, args, call) -> sort(cx, args, call, false));
        m.put("array_concat", (cx, args, call) -> {
            List<Ev> evs = Functions.all(cx, args);
            return Ev.of(DYNAMIC, r -> {
                ArrayNode a = Values.array();
                for (Ev e : evs) {
                    Object v = e.eval(r);
                    if (!(v instanceof JsonNode j) || !j.isArray()) return null;
                    for (JsonNode el : j) a.add(el);
                }
                return a;
            });
        });
        m.put("array_slice", (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev a = cx.compile(args.get(0));
            Ev s = Comparisons.cast(cx.compile(args.get(1)), LONG), e = Comparisons.cast(cx.compile(args.get(2)), LONG);
            return Ev.of(DYNAMIC, r -> {
                Object v = a.eval(r), x = s.eval(r), y = e.eval(r);
                if (!(v instanceof JsonNode j) || !j.isArray() || x == null || y == null) return null;
                int n = j.size();
                long from = (Long) x < 0 ? n + (Long) x : (Long) x;
                long to = (Long) y < 0 ? n + (Long) y : (Long) y;
                ArrayNode out = Values.array();
                for (long i = Math.max(0, from); i <= Math.min(n - 1, to); i++) out.add(j.get((int) i));
                return out;
            });
        });
        m.put("array_index_of", (cx, args, call) -> {
            Functions.arity(args, 2, 5, call);
            Ev a = cx.compile(args.get(0)), x = cx.compile(args.get(1));
            Ev start = args.size() > 2 ? Comparisons.cast(cx.compile(args.get(2)), LONG) : Ev.constant(LONG, 0L);
            Ev length = args.size() > 3 ? Comparisons.cast(cx.compile(args.get(3)), LONG) : Ev.constant(LONG, -1L);
            Ev occurrence = args.size() > 4 ? Comparisons.cast(cx.compile(args.get(4)), LONG) : Ev.constant(LONG, 1L);
            ScalarType xt = x.type();
            return Ev.of(LONG, r -> {
                Object v = a.eval(r);
                if (!(v instanceof JsonNode j) || !j.isArray()) return null;
                Object st = start.eval(r), ln = length.eval(r), oc = occurrence.eval(r);
                if (st == null || ln == null || oc == null) return null;
                long b = (Long) st < 0 ? Math.max(0, j.size() + (Long) st) : (Long) st;
                long end = (Long) ln < 0 ? j.size() : Math.min(j.size(), b + (Long) ln);
                JsonNode want = Values.toJson(xt, x.eval(r));
                long seen = 0;
                for (long i = b; i < end; i++) {
                    if (jsonEquals(j.get((int) i), want) && ++seen == (Long) oc) return i;
                }
                return -1L;
            });
        });
        Functions.Fn arrayIff = (cx, args, call) -> {
            Functions.arity(args, 3, 3, call);
            Ev c = cx.compile(args.get(0)), t = cx.compile(args.get(1)), f = cx.compile(args.get(2));
            return Ev.of(DYNAMIC, r -> {
                Object cv = c.eval(r);
                if (!(cv instanceof JsonNode cond) || !cond.isArray()) return null;
                Object tv = t.eval(r), fv = f.eval(r);
                ArrayNode out = Values.array();
                for (int i = 0; i < cond.size(); i++) {
                    JsonNode ci = cond.get(i);
                    Boolean b = ci.isBoolean() ? (Boolean) ci.booleanValue() : ci.isNumber() ? (Boolean) (ci.doubleValue() != 0) : null;
                    if (b == null) {
                        out.addNull();
                        continue;
                    }
                    Object src = b ? tv : fv;
                    ScalarType st = b ? t.type() : f.type();
                    if (st == DYNAMIC && src instanceof JsonNode sj && sj.isArray()) out.add(i < sj.size() ? sj.get(i) : Values.JSON.nullNode());
                    else out.add(Values.toJson(st, src));
                }
                return out;
            });
        };
        m.put("array_iff", arrayIff);
        m.put("array_iif", arrayIff);
        Functions.Fn pack = (cx, args, call) -> {
            if (args.size() % 2 != 0) throw EvalException.bind(call.functionName() + " takes key/value pairs", call);
            List<Ev> evs = Functions.all(cx, args);
            return Ev.of(DYNAMIC, r -> {
                ObjectNode o = Values.object();
                for (int i = 0; i < evs.size(); i += 2) {
                    o.set(Values.toStr(evs.get(i).type(), evs.get(i).eval(r)), Values.toJson(evs.get(i + 1).type(), evs.get(i + 1).eval(r)));
                }
                return o;
            });
        };
        m.put("pack", pack);
        m.put("bag_pack", pack);
        Functions.Fn packArray = (cx, args, call) -> {
            List<Ev> evs = Functions.all(cx, args);
            return Ev.of(DYNAMIC, r -> {
                ArrayNode a = Values.array();
                for (Ev e : evs) a.add(Values.toJson(e.type(), e.eval(r)));
                return a;
            });
        };
        m.put("pack_array", packArray);
        m.put("pack_all", (cx, args, call) -> {
            Functions.arity(args, 0, 1, call);
            boolean ignoreNulls = false;
            if (args.size() == 1) {
                Ev f = cx.compile(args.get(0));
                ignoreNulls = Boolean.TRUE.equals(Functions.constant(f, args.get(0), "pack_all ignore_null_empty"));
            }
            Table in = cx.operatorInput;
            if (in == null) return Ev.constant(DYNAMIC, Values.object());
            boolean skip = ignoreNulls;
            return Ev.of(DYNAMIC, r -> {
                ObjectNode o = Values.object();
                for (int c = 0; c < in.columns().size(); c++) {
                    Object v = in.vec(c).get(r);
                    if (skip && (v == null || "".equals(v))) continue;
                    o.set(in.columns().get(c).name(), Values.toJson(in.type(c), v));
                }
                return o;
            });
        });
        m.put("bag_merge", (cx, args, call) -> {
            List<Ev> evs = Functions.all(cx, args);
            return Ev.of(DYNAMIC, r -> {
                ObjectNode o = Values.object();
                for (Ev e : evs) {
                    Object v = e.eval(r);
                    if (v instanceof JsonNode j && j.isObject()) {
                        for (Map.Entry<String, JsonNode> en : j.properties()) if (!o.has(en.getKey())) o.set(en.getKey(), en.getValue());
                    }
                }
                return o;
            });
        });
        m.put("bag_remove_keys", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev b = cx.compile(args.get(0)), keys = cx.compile(args.get(1));
            return Ev.of(DYNAMIC, r -> {
                Object v = b.eval(r), k = keys.eval(r);
                if (!(v instanceof JsonNode j) || !j.isObject()) return null;
                ObjectNode o = ((ObjectNode) j).deepCopy();
                if (k instanceof JsonNode kj && kj.isArray()) for (JsonNode key : kj) o.remove(key.asString());
                return o;
            });
        });
        m.put("set_has_element", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev a = cx.compile(args.get(0)), x = cx.compile(args.get(1));
            ScalarType xt = x.type();
            return Ev.of(BOOL, r -> {
                Object v = a.eval(r);
                if (!(v instanceof JsonNode j) || !j.isArray()) return null;
                JsonNode want = Values.toJson(xt, x.eval(r));
                for (JsonNode el : j) if (jsonEquals(el, want)) return true;
                return false;
            });
        });
        m.put("jaccard_index", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev a = cx.compile(args.get(0)), b = cx.compile(args.get(1));
            return Ev.of(REAL, r -> {
                Object x = a.eval(r), y = b.eval(r);
                if (!(x instanceof JsonNode p) || !p.isArray() || !(y instanceof JsonNode q) || !q.isArray()) return null;
                Set<JsonNode> sa = new LinkedHashSet<>(), sb = new LinkedHashSet<>();
                p.forEach(sa::add);
                q.forEach(sb::add);
                Set<JsonNode> union = new LinkedHashSet<>(sa);
                union.addAll(sb);
                if (union.isEmpty()) return null;
                sa.retainAll(sb);
                return (double) sa.size() / union.size();
            });
        });
        m.put("set_union", (cx, args, call) -> sets(cx, args, 0));
        m.put("set_intersect", (cx, args, call) -> sets(cx, args, 1));
        m.put("set_difference", (cx, args, call) -> sets(cx, args, 2));
        m.put("zip", (cx, args, call) -> {
            List<Ev> evs = Functions.all(cx, args);
            return Ev.of(DYNAMIC, r -> {
                List<JsonNode> arrays = new ArrayList<>();
                int max = 0;
                for (Ev e : evs) {
                    Object v = e.eval(r);
                    if (!(v instanceof JsonNode j) || !j.isArray()) return null;
                    arrays.add(j);
                    max = Math.max(max, j.size());
                }
                ArrayNode out = Values.array();
                for (int i = 0; i < max; i++) {
                    ArrayNode row = Values.array();
                    for (JsonNode a : arrays) row.add(i < a.size() ? a.get(i) : Values.JSON.nullNode());
                    out.add(row);
                }
                return out;
            });
        });
        m.put("range", (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Ev a = cx.compile(args.get(0)), b = cx.compile(args.get(1));
            Ev s = args.size() > 2 ? cx.compile(args.get(2)) : null;
            ScalarType t = a.type();
            return Ev.of(DYNAMIC, r -> {
                Object x = a.eval(r), y = b.eval(r);
                Object st = s == null ? (t == ScalarType.DATETIME || t == ScalarType.TIMESPAN ? null : (Object) 1L) : s.eval(r);
                if (x == null || y == null || st == null) return null;
                ArrayNode out = Values.array();
                if (t == REAL || b.type() == REAL || s != null && s.type() == REAL) {
                    double d = Arith.d(st);
                    if (d == 0) return null;
                    for (double v = Arith.d(x); d > 0 ? v <= Arith.d(y) : v >= Arith.d(y); v += d) {
                        out.add(v);
                        if (out.size() > 1_048_576) break;
                    }
                } else {
                    long d = (Long) st;
                    if (d == 0) return null;
                    for (long v = (Long) x; d > 0 ? v <= (Long) y : v >= (Long) y; v += d) {
                        out.add(Values.toJson(t, v));
                        if (out.size() > 1_048_576) break;
                    }
                }
                return out;
            });
        });
        m.put("repeat", (cx, args, call) -> {
            Functions.arity(args, 2, 2, call);
            Ev v = cx.compile(args.get(0)), n = Comparisons.cast(cx.compile(args.get(1)), LONG);
            return Ev.of(DYNAMIC, r -> {
                Object k = n.eval(r);
                if (k == null) return null;
                ArrayNode out = Values.array();
                JsonNode j = Values.toJson(v.type(), v.eval(r));
                for (long i = 0; i < Math.min((Long) k, 1_048_576); i++) out.add(j);
                return out;
            });
        });
        Functions.Fn extractJson = (cx, args, call) -> {
            Functions.arity(args, 2, 3, call);
            Ev path = cx.compile(args.get(0));
            String p = Values.toStr(path.type(), Functions.constant(path, args.get(0), "JSON path"));
            Ev s = cx.compile(args.get(1));
            List<Object> steps = JsonPath.parse(p, args.get(0));
            ScalarType to = STRING;
            if (args.size() == 3 && args.get(2) instanceof Expr.Typeof tf && tf.schema().columns().size() == 1
                    && tf.schema().columns().get(0) instanceof dev.sentinelctl.kql.syntax.Clause.TypeName tn) {
                to = Evaluator.typeName(tn.token().text());
            }
            ScalarType target = to;
            ScalarType st = s.type();
            return Ev.of(to, r -> {
                Object v = s.eval(r);
                JsonNode j = st == DYNAMIC ? (JsonNode) v : v == null ? null : Values.parseJsonOrString(Values.toStr(st, v));
                JsonNode hit = JsonPath.walk(j, steps);
                if (hit == null) return target == STRING ? "" : null;
                return Convert.to(target, DYNAMIC, hit);
            });
        };
        m.put("extractjson", extractJson);
        m.put("extract_json", extractJson);
    }

    static boolean jsonEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.doubleValue() == b.doubleValue();
        return a.equals(b);
    }

    private static Ev sort(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call, boolean asc) {
        Functions.arity(args, 1, 2, call);
        Ev a = cx.compile(args.get(0));
        Ev nullsLastArg = args.size() > 1 ? cx.compile(args.get(1)) : Ev.constant(BOOL, true);
        if (nullsLastArg.type() != BOOL) {
            throw EvalException.unsupported(call.functionName() + " of several arrays as one value (it returns several arrays: "
                    + "extend (a, b) = " + call.functionName() + "(…), an unnamed extend/project/print of it, or index it: "
                    + call.functionName() + "(a, b)[1])", call);
        }
        return Ev.of(DYNAMIC, r -> {
            boolean nullsLast = !Boolean.FALSE.equals(nullsLastArg.eval(r));
            Object v = a.eval(r);
            if (!(v instanceof JsonNode j) || !j.isArray()) return null;
            List<JsonNode> items = new ArrayList<>();
            List<JsonNode> nulls = new ArrayList<>();
            for (JsonNode el : j) (el.isNull() ? nulls : items).add(el);
            items.sort((x, y) -> asc ? Compare.compare(DYNAMIC, x, y) : Compare.compare(DYNAMIC, y, x));
            ArrayNode out = Values.array();
            if (!nullsLast) nulls.forEach(out::add);
            items.forEach(out::add);
            if (nullsLast) nulls.forEach(out::add);
            return out;
        });
    }

    private static Ev sets(ExprCompiler cx, List<Expr> args, int mode) {
        List<Ev> evs = Functions.all(cx, args);
        return Ev.of(DYNAMIC, r -> {
            Set<JsonNode> acc = null;
            for (int i = 0; i < evs.size(); i++) {
                Object v = evs.get(i).eval(r);
                if (!(v instanceof JsonNode j) || !j.isArray()) return null;
                Set<JsonNode> s = new LinkedHashSet<>();
                j.forEach(s::add);
                if (acc == null) acc = s;
                else if (mode == 0) acc.addAll(s);
                else if (mode == 1) acc.retainAll(s);
                else acc.removeAll(s);
            }
            ArrayNode out = Values.array();
            if (acc != null) acc.forEach(out::add);
            return out;
        });
    }
}

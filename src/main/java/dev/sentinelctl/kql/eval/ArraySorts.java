package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code array_sort_asc/desc(a1, a2, …[, nulls_last])} with several arrays (array-sort-asc-function.md): the first array
 * sorted, the others put in the same new order; an array of another length than the first is null. The result is
 * several arrays, so like the tuple functions it is a column list (unnamed: {@code <argument>_sorted};
 * {@code extend (x, y) = …}) or indexed ({@code array_sort_asc(times, commands)[1]}); anywhere else it is refused.
 */
final class ArraySorts {

    private ArraySorts() {
    }

    /** True for a sort call with more than one array (a trailing bool is nulls_last, not an array). */
    static boolean isSeveral(Expr.FunctionCall call, ExprCompiler cx) {
        String name = call.functionName();
        if (!name.equals("array_sort_asc") && !name.equals("array_sort_desc")) return false;
        List<Expr> args = call.arguments().items();
        return args.size() > 2 || (args.size() == 2 && cx.compile(args.get(1)).type() != ScalarType.BOOL);
    }

    /** The arrays in their new order, per row: one element per array argument (null for a non-array or a length mismatch). */
    static TupleFunctions.Compiled compile(ExprCompiler cx, Expr.FunctionCall call) {
        List<Expr> args = call.arguments().items();
        List<Ev> arrays = new ArrayList<>();
        Ev nullsLastArg = Ev.constant(ScalarType.BOOL, true);
        for (int i = 0; i < args.size(); i++) {
            Ev e = cx.compile(args.get(i));
            if (i == args.size() - 1 && i > 0 && e.type() == ScalarType.BOOL) nullsLastArg = e;
            else arrays.add(e);
        }
        boolean asc = call.functionName().equals("array_sort_asc");
        Ev nullsLast = nullsLastArg;
        List<ScalarType> types = Collections.nCopies(arrays.size(), ScalarType.DYNAMIC);
        return new TupleFunctions.Compiled(types, r -> {
            Object[] out = new Object[arrays.size()];
            if (!(arrays.get(0).eval(r) instanceof JsonNode first) || !first.isArray()) return out;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) order.add(i);
            boolean last = !Boolean.FALSE.equals(nullsLast.eval(r));
            // a stable sort: equal keys keep their relative order in every array
            order.sort((x, y) -> {
                JsonNode a = first.get(x), b = first.get(y);
                if (a.isNull() || b.isNull()) return a.isNull() == b.isNull() ? 0 : (a.isNull() == last ? 1 : -1);
                return asc ? Compare.compare(ScalarType.DYNAMIC, a, b) : Compare.compare(ScalarType.DYNAMIC, b, a);
            });
            for (int k = 0; k < arrays.size(); k++) {
                if (!(arrays.get(k).eval(r) instanceof JsonNode arr) || !arr.isArray() || arr.size() != first.size()) continue;
                ArrayNode sorted = Values.array();
                for (int i : order) sorted.add(arr.get(i));
                out[k] = sorted;
            }
            return out;
        });
    }

    /** The default column names: each array argument's name with {@code _sorted}. */
    static List<String> names(Expr.FunctionCall call, ExprCompiler cx, ResultNames names) {
        List<String> out = new ArrayList<>();
        List<Expr> args = call.arguments().items();
        for (int i = 0; i < args.size(); i++) {
            if (i == args.size() - 1 && i > 0 && cx.compile(args.get(i)).type() == ScalarType.BOOL) break;
            String n = names.of(args.get(i));
            if (n == null) {
                throw EvalException.unsupported("default column names of " + call.functionName() + " over an expression (name"
                        + " the columns: extend (a, b) = " + call.functionName() + "(…))", args.get(i));
            }
            out.add(n + "_sorted");
        }
        return out;
    }

    /** {@code array_sort_asc(a, b)[i]}: the i-th array of the result, as one dynamic value. */
    static Ev indexed(ExprCompiler cx, Expr.FunctionCall call) {
        TupleFunctions.Compiled c = compile(cx, call);
        return Ev.of(ScalarType.DYNAMIC, r -> {
            ArrayNode all = Values.array();
            for (Object a : c.eval().apply(r)) all.add(a == null ? Values.JSON.nullNode() : (JsonNode) a);
            return all;
        });
    }
}

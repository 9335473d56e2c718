package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.Name;
import dev.sentinelctl.kql.syntax.NameTarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Functions whose result is several columns (series_fit_line, series_stats, series_decompose …). Kusto allows them
 * only as a whole column list: {@code extend (a, b) = f(x)} names the first columns (fewer names keep fewer columns),
 * an unnamed {@code extend f(x)} / {@code project f(x)} adds every column as {@code f_<argument>_<suffix>}
 * ({@code series_stats_x_min}); {@code project (a, b) = f(x)} names the first columns and keeps the rest under their
 * default names (series-fit-2lines-function.md spells out both forms). Anywhere else (inside an expression, under
 * one name) the call is refused.
 */
final class TupleFunctions {

    /** Compiles one call into a per-row evaluator of all its columns. */
    interface TupleFn {
        /** The default column name suffixes, in output order. */
        List<String> suffixes();

        Compiled compile(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call);
    }

    /** @param eval row → one internal value per column (null for all-null) */
    record Compiled(List<ScalarType> types, IntFunction<Object[]> eval) {
    }

    /** One output column. */
    record Out(String name, Vec vec) {
    }

    private static final Map<String, TupleFn> REGISTRY = build();

    private TupleFunctions() {
    }

    private static Map<String, TupleFn> build() {
        Map<String, TupleFn> m = new HashMap<>();
        SeriesAnalysis.registerTuples(m);
        return Map.copyOf(m);
    }

    static java.util.Set<String> names() {
        return REGISTRY.keySet();
    }

    /** The scalar-registry entry of a tuple function: used as a single value it is refused with how to use it. */
    static Functions.Fn asScalar(String name) {
        return (cx, args, call) -> {
            throw EvalException.unsupported("function '" + name + "' inside an expression or under one name (it returns several columns; "
                    + "write extend (a, b, …) = " + name + "(…), or an unnamed extend " + name + "(…))", call);
        };
    }

    /**
     * The columns an {@code extend}/{@code project} item adds when it is a tuple function call, or null when it is an
     * ordinary item. {@code taken} are the names already in the output (for default-name clashes).
     */
    static List<Out> expand(Expr item, ExprCompiler cx, int rows, ResultNames names, boolean keepRest) {
        Expr value = item;
        List<String> explicit = null;
        if (item instanceof Expr.Named n) {
            if (n.target() instanceof Name) return null;
            value = n.value();
            explicit = new ArrayList<>();
            for (Name nm : ((NameTarget.Tuple) n.target()).names().items()) explicit.add(nm.simpleName());
        }
        while (value instanceof Expr.Paren p) value = p.inner();
        if (value instanceof Expr.FunctionCall sort && ArraySorts.isSeveral(sort, cx)) {
            Compiled c = ArraySorts.compile(cx, sort);
            int arrays = c.types().size();
            if (explicit != null && explicit.size() > arrays) {
                throw EvalException.bind(sort.functionName() + " returns " + arrays + " arrays; " + explicit.size() + " names given", item);
            }
            List<String> out = explicit == null ? ArraySorts.names(sort, cx, names) : new ArrayList<>(explicit);
            if (explicit != null && keepRest && out.size() < arrays) {
                out.addAll(ArraySorts.names(sort, cx, names).subList(out.size(), arrays));
            }
            return materialize(c, out, rows);
        }
        if (!(value instanceof Expr.FunctionCall call) || !REGISTRY.containsKey(call.functionName())) {
            if (explicit == null) return null;
            if (value instanceof Expr.FunctionCall c) throw EvalException.unsupported("function '" + c.functionName() + "' (a tuple result)", c);
            throw EvalException.unsupported("tuple assignment of an expression that is not a function returning several columns", item);
        }
        TupleFn fn = REGISTRY.get(call.functionName());
        List<String> suffixes = fn.suffixes();
        List<String> out;
        if (explicit != null) {
            if (explicit.size() > suffixes.size()) {
                throw EvalException.bind(call.functionName() + " returns " + suffixes.size() + " columns (" + String.join(", ", suffixes)
                        + "); " + explicit.size() + " names given", item);
            }
            out = new ArrayList<>(explicit);
            if (keepRest && explicit.size() < suffixes.size()) {
                List<String> defaults = defaultNames(call, suffixes, names);
                out.addAll(defaults.subList(explicit.size(), defaults.size()));
            }
        } else {
            out = defaultNames(call, suffixes, names);
        }
        Compiled c = fn.compile(cx, call.arguments().items(), call);
        return materialize(c, out, rows);
    }

    private static List<String> defaultNames(Expr.FunctionCall call, List<String> suffixes, ResultNames names) {
        List<Expr> args = call.arguments().items();
        String arg = args.isEmpty() ? null : names.of(args.get(0));
        if (arg == null) {
            throw EvalException.unsupported("default column names of " + call.functionName() + " over an expression (name the columns: extend ("
                    + String.join(", ", suffixes) + ") = " + call.functionName() + "(…))", call);
        }
        List<String> out = new ArrayList<>();
        for (String s : suffixes) out.add(call.functionName() + "_" + arg + "_" + s);
        return out;
    }

    private static List<Out> materialize(Compiled c, List<String> out, int rows) {
        List<Vec.Builder> builders = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) builders.add(Vec.builder(c.types().get(i), rows));
        for (int r = 0; r < rows; r++) {
            Object[] values = c.eval().apply(r);
            for (int i = 0; i < out.size(); i++) builders.get(i).add(values == null ? null : values[i]);
        }
        List<Out> result = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) result.add(new Out(out.get(i), builders.get(i).build()));
        return result;
    }
}

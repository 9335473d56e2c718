package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.semantic.Column;
import dev.sentinelctl.kql.semantic.ErrorType;
import dev.sentinelctl.kql.semantic.FunctionKind;
import dev.sentinelctl.kql.semantic.FunctionSymbol;
import dev.sentinelctl.kql.semantic.KqlType;
import dev.sentinelctl.kql.semantic.Parameter;
import dev.sentinelctl.kql.semantic.ParameterTypeKind;
import dev.sentinelctl.kql.semantic.ReturnRule;
import dev.sentinelctl.kql.semantic.ReturnTypes;
import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.semantic.Signature;
import dev.sentinelctl.kql.semantic.Suggestions;
import dev.sentinelctl.kql.semantic.TableSchema;
import dev.sentinelctl.kql.syntax.Expr;
import dev.sentinelctl.kql.syntax.LiteralKind;
import dev.sentinelctl.kql.syntax.Name;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds one function call: resolves the name (let function, aggregate in summarize, built-in scalar,
 * Sentinel/workspace function), binds the arguments, checks their number and clearly wrong types against
 * the catalog's signatures, and computes the result, including Kusto's custom results (arg_max tuples,
 * percentiles, series_* tuples, column_ifexists, toscalar, _GetWatchlist).
 */
final class CallBinder {

    /** Members of the series_* functions that return several values, with Kusto's types. */
    private static final Map<String, List<Column>> SERIES_TUPLES = Map.of(
            "series_stats", cols("min:real", "min_idx:long", "max:real", "max_idx:long", "avg:real", "stdev:real", "variance:real"),
            "series_fit_line", cols("rsquare:real", "slope:real", "variance:real", "rvariance:real", "interception:real", "line_fit:dynamic"),
            "series_fit_2lines", cols("rsquare:real", "split_idx:long", "variance:real", "rvariance:real", "line_fit:dynamic",
                    "right_rsquare:real", "right_slope:real", "right_interception:real", "right_variance:real", "right_rvariance:real",
                    "left_rsquare:real", "left_slope:real", "left_interception:real", "left_variance:real", "left_rvariance:real"),
            "series_decompose", cols("baseline:dynamic", "seasonal:dynamic", "trend:dynamic", "residual:dynamic"),
            "series_decompose_forecast", cols("baseline:dynamic", "seasonal:dynamic", "trend:dynamic", "residual:dynamic"),
            "series_decompose_anomalies", cols("ad_flag:dynamic", "ad_score:dynamic", "baseline:dynamic"),
            "series_periods_detect", cols("periods:dynamic", "scores:dynamic"),
            "series_periods_validate", cols("periods:dynamic", "scores:dynamic"));

    /** Functions whose dynamic result Kusto types as an array (its DynamicArray), which matters for conversions. */
    private static final Set<String> ARRAY_RESULTS = Set.of("split", "extract_all", "pack_array", "array_concat",
            "array_slice", "array_sort_asc", "array_sort_desc", "set_union", "set_intersect", "set_difference", "bag_keys",
            "make_list", "make_list_if", "make_list_with_nulls", "make_set", "make_set_if", "makelist", "makeset",
            "array_reverse", "array_shift_left", "array_shift_right", "array_rotate_left", "array_rotate_right", "zip",
            "percentiles_array", "percentilesw_array", "series_add", "series_subtract", "series_multiply", "series_divide");

    private final TreeBinder tb;

    CallBinder(TreeBinder tb) {
        this.tb = tb;
    }

    private static List<Column> cols(String... specs) {
        List<Column> out = new ArrayList<>();
        for (String s : specs) {
            int i = s.indexOf(':');
            out.add(new Column(s.substring(0, i), ScalarType.fromKustoName(s.substring(i + 1)).orElseThrow()));
        }
        return List.copyOf(out);
    }

    Value bind(Expr.FunctionCall f, TreeBinder.Ctx c, RowSchema implicitFirst) {
        String name = f.functionName();
        List<Expr> argExprs = f.arguments().items();
        Name nm = f.name();
        if (nm.firstToken() == null || nm.firstToken().missing()) return bindArgsOnly(argExprs, c);

        LocalSymbol local = c.scope().lookup(name);
        if (local instanceof LocalSymbol.Function fn) {
            List<Value> args = new ArrayList<>();
            if (implicitFirst != null) args.add(Value.tabular(implicitFirst));
            for (Expr a : argExprs) args.add(tb.bind(a, c.aggregate(false), false));
            return tb.expandFunction(fn, args, f, c);
        }
        if (local instanceof LocalSymbol.Variable v) {
            bindArgsOnly(argExprs, c);
            return v.value();
        }

        switch (name) {
            case "materialize":
                if (argExprs.size() == 1) return tb.bind(argExprs.get(0), c.tabular(), true);
                break;
            case "toscalar": {
                if (argExprs.size() == 1) {
                    Value v = tb.bind(argExprs.get(0), c.tabular(), false);
                    if (v.isTabular()) {
                        List<Column> cs = v.rows().columns();
                        if (cs.isEmpty()) return Value.UNKNOWN;
                        Value s = Value.scalar(cs.get(0).type());
                        return s.withShape(tb.shapeOf(cs.get(0)));
                    }
                    return Value.scalar(v.type());
                }
                break;
            }
            case "table": {
                Value a = argExprs.isEmpty() ? Value.UNKNOWN : tb.bind(argExprs.get(0), c.aggregate(false));
                for (int i = 1; i < argExprs.size(); i++) tb.bind(argExprs.get(i), c.aggregate(false));
                if (a.constant() instanceof String s) {
                    LocalSymbol l = c.scope().lookup(s);
                    if (l instanceof LocalSymbol.Variable v && v.value().isTabular()) return v.value();
                    TableSchema t = tb.catalog.table(s).orElse(null);
                    // not listed in tables(): Microsoft's binder lists only tables named directly
                    if (t != null) return Value.tabular(tb.cache.rows(t));
                }
                return Value.tabular(RowSchema.open());
            }
            case "column_ifexists":
            case "columnifexists": {
                Value n = argExprs.isEmpty() ? Value.UNKNOWN : tb.bind(argExprs.get(0), c.aggregate(false));
                Value d = argExprs.size() > 1 ? tb.bind(argExprs.get(1), c.aggregate(false)) : Value.UNKNOWN;
                FunctionSymbol fs = tb.catalog.scalarFunction(name).orElse(null);
                if (fs != null) tb.calls.put(f, fs);
                if (argExprs.size() != 2) {
                    tb.diags.error("KS119", f, "The function '" + name + "' expects 2 arguments.",
                            "Write column_ifexists(\"ColumnName\", defaultValue).");
                    return Value.UNKNOWN;
                }
                // Kusto types the call by its default value, whether or not the column exists
                return Value.scalar(TreeBinder.scalarOf(d)).withShape(d.shape());
            }
            case "_GetWatchlist": {
                Value a = argExprs.isEmpty() ? Value.UNKNOWN : tb.bind(argExprs.get(0), c.aggregate(false));
                for (int i = 1; i < argExprs.size(); i++) tb.bind(argExprs.get(i), c.aggregate(false));
                String alias = a.constant() instanceof String s ? s : "";
                tb.recordWatchlist(alias);
                // Sentinel's own CI never flags _GetWatchlist: the watchlist lives in the workspace, not in the query
                return Value.tabular(tb.catalog.watchlistRows(alias).columns().isEmpty() ? RowSchema.open()
                        : RowSchema.of(tb.catalog.watchlistRows(alias).columns()).withOpen(tb.catalog.watchlist(alias).isEmpty()));
            }
            default:
                break;
        }

        FunctionSymbol fn = null;
        boolean aggregate = false;
        if (c.aggregate()) {
            fn = tb.catalog.aggregate(name).orElse(null);
            aggregate = fn != null;
        }
        if (fn == null) fn = tb.catalog.scalarFunction(name).orElse(null);
        if (fn == null && !c.aggregate()) {
            FunctionSymbol agg = tb.catalog.aggregate(name).orElse(null);
            if (agg != null) {
                bindArgsOnly(argExprs, c);
                tb.diags.error("KS144", f.name(), "The aggregate function '" + name + "' is not allowed in this context.",
                        "Aggregates such as " + name + "() work only in summarize, make-series or top-nested; use summarize, "
                                + "or a scalar counterpart.");
                return Value.UNKNOWN;
            }
        }
        if (fn == null) {
            FunctionSymbol stored = tb.catalog.sentinelFunction(name).orElse(null);
            if (stored != null) return bindStored(f, stored, argExprs, c, implicitFirst);
            TableSchema t = tb.catalog.table(name).orElse(null);
            if (t != null) {
                bindArgsOnly(argExprs, c);
                tb.recordTable(t.name());
                return Value.tabular(tb.cache.rows(t));
            }
            bindArgsOnly(argExprs, c);
            List<String> cands = new ArrayList<>(tb.catalog.suggestFunctions(FunctionKind.SCALAR, name));
            if (c.aggregate()) cands.addAll(tb.catalog.suggestFunctions(FunctionKind.AGGREGATE, name));
            cands.addAll(tb.catalog.suggestFunctions(FunctionKind.STORED, name));
            List<String> localNames = new ArrayList<>();
            c.scope().collectNames(localNames);
            cands.addAll(Suggestions.closest(name, localNames));
            tb.diags.error("KS211", f.name(), "The name '" + name + "' does not refer to any known function.",
                    Diagnostics.didYouMean(Suggestions.closest(name, cands))
                            + "Function names are case-sensitive; a workspace function or parser must be declared with --schema DIR.");
            return Value.UNKNOWN;
        }
        tb.calls.put(f, fn);
        return bindBuiltIn(f, fn, aggregate, argExprs, c);
    }

    private Value bindArgsOnly(List<Expr> args, TreeBinder.Ctx c) {
        for (Expr a : args) {
            if (!(a instanceof Expr.Star)) tb.bind(a, c.aggregate(false), false);
        }
        return Value.UNKNOWN;
    }

    private Value bindStored(Expr.FunctionCall f, FunctionSymbol fn, List<Expr> argExprs, TreeBinder.Ctx c, RowSchema implicitFirst) {
        tb.calls.put(f, fn);
        tb.recordFunction(fn.name());
        Signature sig = fn.signatures().get(0);
        int positional = 0;
        for (Expr a : argExprs) {
            if (a instanceof Expr.Named n && n.target() instanceof Name pn) {
                tb.bind(n.value(), c.aggregate(false));
                boolean known = false;
                for (Parameter p : sig.parameters()) known |= p.name().equals(pn.simpleName());
                if (!known) {
                    tb.diags.error("KS196", a, "The argument name does not refer to a declared parameter.",
                            "'" + fn.name() + "' has the parameters " + parameterNames(sig) + ".");
                }
            } else {
                tb.bind(a, c.aggregate(false));
                positional++;
            }
        }
        if (implicitFirst != null) positional++;
        if (fn.isContent()) checkContentCall(f, fn, sig, argExprs, implicitFirst != null);
        if (positional > sig.maxArgs()) {
            tb.diags.error(sig.minArgs() == sig.maxArgs() ? "KS119" : "KS120", f,
                    sig.minArgs() == sig.maxArgs()
                            ? "The function '" + fn.name() + "' expects " + TreeBinder.plural(sig.maxArgs(), "argument") + "."
                            : "The function '" + fn.name() + "' expects between " + sig.minArgs() + " and " + sig.maxArgs() + " arguments.",
                    "'" + fn.name() + "' has the parameters " + parameterNames(sig) + ".");
        }
        return tb.storedResult(fn, List.of());
    }

    /**
     * Arguments the repository's own parsers must get: every parameter without a default, and scalar values of the
     * declared type. Built-in catalog functions are left as they were (their declared types follow the oracle, which
     * does not check them).
     */
    private void checkContentCall(Expr.FunctionCall f, FunctionSymbol fn, Signature sig, List<Expr> argExprs, boolean implicit) {
        java.util.Set<String> named = new java.util.HashSet<>();
        List<Expr> positional = new ArrayList<>();
        // positional arguments after a named one: which parameter they fill is not checked (left to Kusto)
        int typedPositional = -1;
        for (Expr a : argExprs) {
            if (a instanceof Expr.Named n && n.target() instanceof Name pn) {
                named.add(pn.simpleName());
                if (typedPositional < 0) typedPositional = positional.size();
            } else {
                positional.add(a);
            }
        }
        if (typedPositional < 0) typedPositional = positional.size();
        int offset = implicit ? 1 : 0;
        List<Parameter> ps = sig.parameters();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            boolean given = i < positional.size() + offset || named.contains(p.name());
            if (!given && !p.optional()) {
                tb.diags.error("KS119", f, "The function '" + fn.name() + "' needs a value for its parameter '" + p.name()
                                + "', which has no default.",
                        "Pass it: " + fn.name() + parameterNames(sig) + ", or give the parameter a default in the parser.");
                return;
            }
        }
        for (int i = 0; i < typedPositional && i + offset < ps.size(); i++) {
            Parameter p = ps.get(i + offset);
            if (p.typeKind() != ParameterTypeKind.DECLARED) continue;
            KqlType t = tb.types.get(positional.get(i));
            if (!(t instanceof ScalarType actual) || actual == ScalarType.DYNAMIC) continue;
            boolean fits = p.types().contains(actual) || p.types().contains(ScalarType.DYNAMIC)
                    || (actual.isNumeric() && p.types().stream().anyMatch(ScalarType::isNumeric));
            if (!fits) {
                String expected = p.types().stream().map(ScalarType::displayName).sorted().reduce((x, y) -> x + " or " + y).orElse("?");
                tb.diags.error("KS107", positional.get(i), "A value of type " + expected + " expected for parameter '" + p.name()
                                + "' of " + fn.name() + "().",
                        "Argument " + (i + 1) + " is of type " + actual.displayName() + "; pass a " + expected
                                + " value or convert it (tostring(), toint(), todatetime(), todynamic()).");
            }
        }
    }

    private static String parameterNames(Signature s) {
        StringBuilder sb = new StringBuilder("(");
        for (Parameter p : s.parameters()) {
            if (sb.length() > 1) sb.append(", ");
            sb.append(p.name());
        }
        return sb.append(')').toString();
    }

    private Value bindBuiltIn(Expr.FunctionCall f, FunctionSymbol fn, boolean aggregate, List<Expr> argExprs, TreeBinder.Ctx c) {
        // inside an aggregate's arguments no other aggregate may appear; a scalar function keeps the context
        TreeBinder.Ctx argCtx = aggregate ? c.aggregate(false) : c;
        int n = argExprs.size();
        List<Value> args = new ArrayList<>(n);
        List<KqlType> argTypes = new ArrayList<>(n);
        List<KqlType> literalTypes = new ArrayList<>(n);
        for (Expr a : argExprs) {
            Value v;
            if (a instanceof Expr.Star) {
                v = c.row() == null ? Value.UNKNOWN : Value.tuple(c.row().columns());
            } else {
                v = tb.bind(a, argCtx, false);
            }
            args.add(v);
            argTypes.add(TreeBinder.scalarOf(v));
            literalTypes.add(a instanceof Expr.Typeof t ? TreeBinder.typeofType(t) : null);
        }
        List<Signature> candidates = new ArrayList<>(2);
        boolean countInRange = false;
        for (Signature s : fn.signatures()) {
            if (!s.acceptsArgumentCount(n)) continue;
            countInRange = true;
            if (fitsRepeatableBlocks(s, n)) candidates.add(s);
        }
        if (candidates.isEmpty()) {
            if (countInRange) {
                tb.diags.error("KS121", f, "The function call has an incorrect number of arguments.",
                        fn.name() + "() takes its arguments in groups (e.g. case(predicate, then, ..., else)); check that none is missing or extra.");
            } else {
                reportArity(f, fn);
            }
            return Value.scalar(fallbackType(fn));
        }
        Signature chosen = null;
        for (Signature s : candidates) {
            if (firstMismatch(s, argExprs, args) < 0) {
                chosen = s;
                break;
            }
        }
        if (chosen != null && candidates.size() > 1 && argTypes.contains(ErrorType.UNKNOWN) && !aggregate) {
            // an unknown argument fits every overload: only a result all of them agree on is known
            KqlType common = null;
            for (Signature s : candidates) {
                if (firstMismatch(s, argExprs, args) >= 0) continue;
                KqlType r = s.returnRule() == ReturnRule.DECLARED ? s.returnType() : ErrorType.UNKNOWN;
                if (common == null) common = r;
                else if (!common.equals(r)) common = ErrorType.UNKNOWN;
            }
            if (common != null && common.isUnknown()) return Value.UNKNOWN;
        }
        if (chosen == null) {
            Signature s = candidates.get(0);
            int bad = firstMismatch(s, argExprs, args);
            Parameter p = s.parameterForArgument(bad, n).orElse(null);
            if (candidates.size() > 1) {
                StringBuilder types = new StringBuilder();
                for (KqlType t : argTypes) types.append(types.length() == 0 ? "" : ", ").append(t.displayName());
                tb.diags.error("KS127", f.name(), "The function '" + fn.name() + "' is not compatible with arguments (" + types + ")",
                        "No form of " + fn.name() + "() takes these argument types; convert the arguments (totimespan('1h') is 1h).");
            } else if (p != null && !args.get(bad).isTabular()) {
                reportArgumentType(fn, p, candidates, bad, n, argExprs.get(bad), argTypes.get(bad));
            }
            chosen = s;
        }
        return result(f, fn, chosen, aggregate, argExprs, args, argTypes, literalTypes, c);
    }

    /**
     * Whether {@code n} arguments fill a signature whose repeatable parameters repeat as a block
     * ({@code case(p, v, p, v, else)}): whole repetitions, then the parameters after the block.
     */
    static boolean fitsRepeatableBlocks(Signature s, int n) {
        List<Parameter> ps = s.parameters();
        int start = -1;
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).repeatable()) {
                start = i;
                break;
            }
        }
        if (start < 0) return true;
        int end = start;
        while (end < ps.size() && ps.get(end).repeatable()) end++;
        int block = end - start;
        int requiredAfter = 0;
        for (int i = end; i < ps.size(); i++) if (!ps.get(i).optional()) requiredAfter++;
        int after = ps.size() - end;
        int minRepeats = Math.max(0, ps.get(start).minOccurring());
        int maxRepeats = Math.max(minRepeats, ps.get(start).maxOccurring());
        for (int r = minRepeats; r <= maxRepeats; r++) {
            int rest = n - start - r * block;
            if (rest < 0) return false;
            if (rest >= requiredAfter && rest <= after) return true;
        }
        return false;
    }

    private void reportArity(Expr.FunctionCall f, FunctionSymbol fn) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (Signature s : fn.signatures()) {
            min = Math.min(min, s.minArgs());
            max = Math.max(max, s.maxArgs());
        }
        String msg;
        String code;
        if (max == 0) {
            code = "KS118";
            msg = "No arguments expected.";
        } else if (min == max) {
            code = "KS119";
            msg = "The function '" + fn.name() + "' expects " + TreeBinder.plural(min, "argument") + ".";
        } else if (max > 1000) {
            code = "KS121";
            msg = "The function call has an incorrect number of arguments.";
        } else {
            code = "KS120";
            msg = "The function '" + fn.name() + "' expects between " + min + " and " + max + " arguments.";
        }
        tb.diags.error(code, f, msg, "Check the arguments of " + fn.name() + "() in the KQL reference.");
    }

    /** Kusto's code and message for an argument of the wrong type depend on what the parameter accepts. */
    private void reportArgumentType(FunctionSymbol fn, Parameter p, List<Signature> sigs, int index, int n, Expr at, KqlType actual) {
        String code;
        String msg;
        if (p.argumentKind() == dev.sentinelctl.kql.semantic.ArgumentKind.COLUMN && !(at instanceof Expr.NameRef)) {
            tb.diags.error("KS109", at, "Column name expected.", fn.name() + "() takes a column here, not an expression.");
            return;
        }
        switch (p.typeKind()) {
            case NOT_DYNAMIC -> {
                code = "KS116";
                msg = "The value of type 'dynamic' is not allowed in this context.";
            }
            case INTEGER -> {
                code = "KS134";
                msg = "The expression value must be an integer.";
            }
            case NUMBER -> {
                code = "KS137";
                msg = "The expression value must be a number.";
            }
            case SUMMABLE -> {
                code = "KS138";
                msg = "The argument value must be summable: a number, timespan or datetime.";
            }
            case ORDERABLE, COMMON_ORDERABLE -> {
                code = "KS206";
                msg = "The argument value must be orderable: a number, timespan, datetime, string or boolean.";
            }
            case DYNAMIC_ARRAY -> {
                code = "KS234";
                msg = "The expression value must be a dynamic array.";
            }
            case DYNAMIC_BAG -> {
                code = "KS235";
                msg = "The expression must be a dynamic bag.";
            }
            case STRING_OR_DYNAMIC -> {
                code = "KS141";
                msg = "The expression must have one of the types: string or dynamic.";
            }
            case STRING_OR_ARRAY -> {
                code = "KS233";
                msg = "The expression value must be a string or a dynamic array of strings.";
            }
            default -> {
                String types = expected(p, sigs, index, n);
                boolean several = types.contains(" or ");
                code = several ? "KS141" : "KS107";
                msg = several ? "The expression must have one of the types: " + types + "." : "A value of type " + types + " expected.";
            }
        }
        tb.diags.error(code, at, msg, "Argument " + (index + 1) + " of " + fn.name() + "() is of type " + actual.displayName()
                + "; convert it (tostring(), toint(), todatetime(), parse_json() ...) or pass a different value.");
    }

    private static String expected(Parameter p, List<Signature> sigs, int index, int n) {
        if (p.typeKind() == ParameterTypeKind.DECLARED) {
            List<String> names = new ArrayList<>();
            for (Signature s : sigs) {
                Parameter q = s.parameterForArgument(index, n).orElse(null);
                if (q == null || q.typeKind() != ParameterTypeKind.DECLARED) continue;
                for (ScalarType t : ScalarType.values()) if (q.types().contains(t) && !names.contains(t.kustoName())) names.add(t.kustoName());
            }
            return String.join(" or ", names);
        }
        return switch (p.typeKind()) {
            case STRING_OR_DYNAMIC -> "string or dynamic";
            case DYNAMIC_ARRAY -> "dynamic array";
            case DYNAMIC_BAG -> "dynamic property bag";
            case NUMBER -> "number";
            case INTEGER -> "integer";
            case SUMMABLE -> "summable";
            case ORDERABLE -> "orderable";
            case STRING_OR_ARRAY -> "string or dynamic array of strings";
            case INTEGER_OR_ARRAY -> "integer or dynamic array of integers";
            default -> p.typeKind().code();
        };
    }

    /** Index of the first argument the signature clearly rejects, or -1. Lenient: unknowns always fit. */
    private int firstMismatch(Signature s, List<Expr> argExprs, List<Value> args) {
        int n = args.size();
        for (int i = 0; i < n; i++) {
            Parameter p = s.parameterForArgument(i, n).orElse(null);
            if (p == null) continue;
            Value v = args.get(i);
            Expr a = argExprs.get(i);
            if (a instanceof Expr.Star) {
                if (p.argumentKind() != dev.sentinelctl.kql.semantic.ArgumentKind.STAR_ALLOWED
                        && p.argumentKind() != dev.sentinelctl.kql.semantic.ArgumentKind.STAR_ONLY) return i;
                continue;
            }
            if (p.argumentKind() == dev.sentinelctl.kql.semantic.ArgumentKind.STAR_ONLY) return i;
            if (p.typeKind() == ParameterTypeKind.TYPE_LITERAL) {
                if (!(a instanceof Expr.Typeof)) return i;
                continue;
            }
            if (v.isTabular()) {
                if (p.typeKind() != ParameterTypeKind.TABULAR && p.typeKind() != ParameterTypeKind.ANY) return i;
                continue;
            }
            KqlType t = v.type();
            if (t.isUnknown()) continue;
            if (p.argumentKind() == dev.sentinelctl.kql.semantic.ArgumentKind.COLUMN && v.column() == null) return i;
            if (p.typeKind() == ParameterTypeKind.DYNAMIC_BAG && v.array()) return i;
            // parse_user_agent(ua, dynamic({...})): a property bag is neither a string nor an array
            if (p.typeKind() == ParameterTypeKind.STRING_OR_ARRAY && a instanceof Expr.DynamicLiteral d
                    && d.value() instanceof dev.sentinelctl.kql.syntax.Json.JObject) return i;
            if (p.typeKind() == ParameterTypeKind.NOT_DYNAMIC && t == ScalarType.DYNAMIC) return i;
            if (p.typeKind() == ParameterTypeKind.DECLARED) {
                if (!declaredAccepts(p.types(), t, v.array())) return i;
            } else if (!p.typeKind().accepts(t) || (t == ScalarType.DYNAMIC && rejectsDynamic(p.typeKind()))) {
                return i;
            }
        }
        return -1;
    }

    /** Parameter kinds for which Kusto does not take a dynamic value on trust (sum(d), round(d), max(d)). */
    private static boolean rejectsDynamic(ParameterTypeKind k) {
        switch (k) {
            case NUMBER:
            case INTEGER:
            case SUMMABLE:
            case ORDERABLE:
            case COMMON_ORDERABLE:
                return true;
            default:
                return false;
        }
    }

    /** Declared parameter types, with Kusto's implicit widening of numbers (int → long → real/decimal). */
    private static boolean declaredAccepts(Set<ScalarType> types, KqlType t, boolean array) {
        if (!(t instanceof ScalarType s)) return true;
        if (types.contains(s)) return true;
        // Kusto converts a plain dynamic to a declared string at run time, but not a known array, and not to
        // other declared types (datetime_diff('day', d, now()) is an error)
        if (s == ScalarType.DYNAMIC) return !array && types.contains(ScalarType.STRING);
        if (s.isNumeric()) {
            for (ScalarType d : types) {
                if (d.isNumeric()) return true;
            }
        }
        return false;
    }

    private Value result(Expr.FunctionCall f, FunctionSymbol fn, Signature sig, boolean aggregate, List<Expr> argExprs,
                         List<Value> args, List<KqlType> argTypes, List<KqlType> literalTypes, TreeBinder.Ctx c) {
        String name = fn.name();
        if (aggregate) {
            switch (name) {
                case "arg_max":
                case "arg_min":
                case "argmax":
                case "argmin":
                    return argMinMax(name.contains("max") ? "max" : "min", argExprs, args);
                case "take_any":
                case "any":
                    if (args.size() == 1 && !(argExprs.get(0) instanceof Expr.Star)) return Value.scalar(argTypes.get(0));
                    return anyTuple(argExprs, args);
                case "percentile":
                case "percentilew":
                case "percentiles":
                case "percentilesw":
                    return percentiles(name, argExprs, argTypes);
                default:
                    break;
            }
        } else if (SERIES_TUPLES.containsKey(name)) {
            String base = new ColumnNames(tb).of(argExprs.isEmpty() ? null : argExprs.get(0), null);
            List<Column> out = new ArrayList<>();
            for (Column m : SERIES_TUPLES.get(name)) {
                out.add(new Column(name + "_" + (base == null ? "" : base) + "_" + m.name(), m.type()));
            }
            return Value.tuple(out);
        }
        if (sig.returnRule() == ReturnRule.CUSTOM) {
            Value v = Value.scalar(fallbackType(fn));
            return ARRAY_RESULTS.contains(name) ? v.asArray() : v;
        }
        KqlType t = sig.returnRule() == ReturnRule.WIDEST ? TreeBinder.widest(argTypes) : ReturnTypes.resolve(sig, argTypes, literalTypes);
        // only the strict common-type functions (coalesce, min_of ...) reject mixed types; iff and case do not
        if (t.isUnknown() && sig.returnRule() == ReturnRule.COMMON
                && !argTypes.contains(ErrorType.UNKNOWN) && !args.isEmpty()) {
            tb.diags.error("KS232", f.name(), "No common type can be determined from the arguments.",
                    "The branches of " + fn.name() + "() have different types; convert them to one type (tostring(), toreal() ...).");
        }
        if (sig.returnRule() == ReturnRule.WIDEST && t.isUnknown()) t = ReturnTypes.resolve(sig, argTypes, literalTypes);
        if (sig.returnRule() == ReturnRule.PARAMETER0_ARRAY || (t == ScalarType.DYNAMIC && ARRAY_RESULTS.contains(name))) {
            return Value.scalar(t).asArray();
        }
        if (t == ScalarType.DYNAMIC && (sig.returnRule() == ReturnRule.COMMON || sig.returnRule() == ReturnRule.COMMON_NON_DYNAMIC)) {
            // iff(c, dynamic([]), set) is an array when every dynamic branch is one
            boolean sawArray = false;
            boolean allArrays = true;
            for (Value a : args) {
                if (a.type() == ScalarType.DYNAMIC) {
                    sawArray |= a.array();
                    allArrays &= a.array();
                }
            }
            if (sawArray && allArrays) return Value.scalar(t).asArray();
        }
        // a no-op conversion of a column stays that column (Kusto's GetResultColumn), which matters for names
        if (isConversion(name) && args.size() == 1 && args.get(0).column() != null && args.get(0).column().type().equals(t)) {
            return new Value(t, null, args.get(0).column(), null, null, args.get(0).shape());
        }
        return Value.scalar(t);
    }

    private static boolean isConversion(String name) {
        switch (name) {
            case "tobool":
            case "toboolean":
            case "todatetime":
            case "todecimal":
            case "todouble":
            case "toreal":
            case "todynamic":
            case "toobject":
            case "toguid":
            case "toint":
            case "tolong":
            case "tostring":
            case "totime":
            case "totimespan":
                return true;
            default:
                return false;
        }
    }

    private static KqlType promoted(KqlType t) {
        return t == ScalarType.INT ? ScalarType.LONG : t;
    }

    private static KqlType fallbackType(FunctionSymbol fn) {
        KqlType t = fn.signatures().get(0).returnType();
        return t instanceof ScalarType ? t : ErrorType.UNKNOWN;
    }

    /** arg_max(by, a, b) / arg_max(by, *): the by-expression's column, then the returned ones. */
    private Value argMinMax(String prefix, List<Expr> argExprs, List<Value> args) {
        ColumnNames names = new ColumnNames(tb);
        List<Column> out = new ArrayList<>();
        Set<Column> explicit = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < argExprs.size(); i++) {
            Expr a = argExprs.get(i);
            Value v = args.get(i);
            if (a instanceof Expr.Star) {
                if (v.tuple() != null) {
                    for (Column col : v.tuple()) if (!explicit.contains(col)) out.add(col);
                }
                continue;
            }
            if (v.column() != null) explicit.add(v.column());
            String n = names.of(a, null);
            if (n == null) {
                // Kusto names an unnamed returned expression after the maximised one: max_Time_arg2
                String byName = i == 0 ? null : names.of(argExprs.get(0), null);
                n = i == 0 ? "Column1" : prefix + "_" + (byName == null ? "" : byName) + "_arg" + i;
            }
            out.add(new Column(n, TreeBinder.scalarOf(v)));
        }
        return Value.tuple(out);
    }

    private Value anyTuple(List<Expr> argExprs, List<Value> args) {
        ColumnNames names = new ColumnNames(tb);
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < argExprs.size(); i++) {
            Expr a = argExprs.get(i);
            Value v = args.get(i);
            if (a instanceof Expr.Star) {
                if (v.tuple() != null) out.addAll(v.tuple());
                continue;
            }
            String n = names.of(a, null);
            out.add(new Column(n == null ? "Column" + (i + 1) : n, TreeBinder.scalarOf(v)));
        }
        return Value.tuple(out);
    }

    private Value percentiles(String name, List<Expr> argExprs, List<KqlType> argTypes) {
        if (argExprs.isEmpty()) return Value.UNKNOWN;
        String base = new ColumnNames(tb).of(argExprs.get(0), "");
        KqlType t = promoted(argTypes.get(0));
        int firstPercent = name.endsWith("w") ? 2 : 1;
        List<Column> out = new ArrayList<>();
        for (int i = firstPercent; i < argExprs.size(); i++) {
            out.add(new Column("percentile_" + base + "_" + percentText(argExprs.get(i)), t));
        }
        return Value.tuple(out);
    }

    /** The percent as Kusto writes it in a column name: 99.5 → 99_5. */
    static String percentText(Expr e) {
        if (e instanceof Expr.Literal l && (l.kind() == LiteralKind.LONG || l.kind() == LiteralKind.REAL || l.kind() == LiteralKind.INT)) {
            String t = l.text();
            if (t.endsWith(".0")) t = t.substring(0, t.length() - 2);
            if (t.endsWith(".")) t = t.substring(0, t.length() - 1);
            return t.replace('.', '_');
        }
        return "";
    }
}

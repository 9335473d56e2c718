package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.sentinelctl.kql.semantic.ScalarType.LONG;

/**
 * {@code hash()} and {@code hash_xxhash64()} (hash-function.md, hash-xxhash64-function.md): XXH64 with seed 0 over
 * the value's bytes. Only the byte forms the docs examples pin down are served: a string is hashed as its UTF-8 bytes
 * ({@code hash("World") == 1846988464401551951}) and a datetime as its 100 ns ticks, 8 bytes little-endian
 * ({@code hash(datetime(2015-01-01)) == 1380966698541616202}). Other types are refused rather than guessed.
 * {@code hash_combine} and {@code hash_many} stay unsupported: the docs do not define how the values are combined.
 */
final class HashFunctions {

    private HashFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("hash", HashFunctions::hash);
        m.put("hash_xxhash64", HashFunctions::hash);
    }

    private static Ev hash(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 1, 2, call);
        Ev source = cx.compile(args.get(0));
        ScalarType t = source.type();
        if (t != ScalarType.STRING && t != ScalarType.DATETIME) {
            throw EvalException.unsupported(call.functionName() + " of a " + t.kustoName()
                    + " (the docs define the hashed bytes of string and datetime only; hash tostring(x) instead)", call);
        }
        Ev mod = args.size() == 2 ? Comparisons.cast(cx.compile(args.get(1)), LONG) : null;
        return Ev.of(LONG, r -> {
            Object v = source.eval(r);
            if (v == null) return null;
            long h = XxHash64.hash(t == ScalarType.STRING
                    ? ((String) v).getBytes(StandardCharsets.UTF_8)
                    : XxHash64.littleEndian((Long) v));
            if (mod == null) return h;
            Object k = mod.eval(r);
            if (k == null) return null;
            long m = (Long) k;
            if (m <= 0) throw EvalException.runtime(call.functionName() + ": mod must be a positive number, got " + m, call);
            // the docs give the remainder of a positive hash; which remainder a negative hash takes is not documented
            if (h < 0) throw EvalException.unsupported(call.functionName() + " with mod of a value whose hash is negative", call);
            return h % m;
        });
    }
}

package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.Expr;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.sentinelctl.kql.semantic.ScalarType.GUID;
import static dev.sentinelctl.kql.semantic.ScalarType.LONG;
import static dev.sentinelctl.kql.semantic.ScalarType.REAL;

/**
 * The nondeterministic scalars (rand-function.md, new-guid-function.md): any value of the documented range is a right
 * answer, so they draw from the JVM's generators. Each row draws again (the calls are never folded as constants).
 */
final class RandomFunctions {

    private RandomFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        m.put("new_guid", (cx, args, call) -> {
            Functions.arity(args, 0, 0, call);
            return Ev.of(GUID, r -> UUID.randomUUID());
        });
        m.put("rand", RandomFunctions::rand);
    }

    /**
     * {@code rand()}: a real in [0, 1); {@code rand(n)}: a real from {0.0, 1.0, ..., n - 1}. That set is empty for
     * n below 1 (a count of an empty table, say): then the value is null.
     */
    private static Ev rand(ExprCompiler cx, List<Expr> args, Expr.FunctionCall call) {
        Functions.arity(args, 0, 1, call);
        if (args.isEmpty()) return Ev.of(REAL, r -> ThreadLocalRandom.current().nextDouble());
        Ev n = Comparisons.cast(cx.compile(args.get(0)), LONG);
        return Ev.of(REAL, r -> {
            Object v = n.eval(r);
            if (v == null) return null;
            long bound = (Long) v;
            return bound < 1 ? null : (double) ThreadLocalRandom.current().nextLong(bound);
        });
    }
}

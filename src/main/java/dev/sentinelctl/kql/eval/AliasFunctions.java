package dev.sentinelctl.kql.eval;

import java.util.Map;

/**
 * Obsolete names Kusto still accepts for functions the engine has (kusto-builtins: {@code pack_dictionary} is marked
 * obsolete with {@code bag_pack} as its alternative and the same signature; {@code array_strcat} has
 * {@code strcat_array}'s signature). Registered last, over the functions they name.
 */
final class AliasFunctions {

    private AliasFunctions() {
    }

    static void register(Map<String, Functions.Fn> m) {
        alias(m, "pack_dictionary", "bag_pack");
        alias(m, "array_strcat", "strcat_array");
    }

    private static void alias(Map<String, Functions.Fn> m, String alias, String target) {
        Functions.Fn f = m.get(target);
        if (f == null) throw new IllegalStateException("alias " + alias + " of missing function " + target);
        m.putIfAbsent(alias, f);
    }
}

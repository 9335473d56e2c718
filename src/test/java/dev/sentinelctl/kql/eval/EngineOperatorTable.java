package dev.sentinelctl.kql.eval;

import java.util.Set;

/** The engine's operator table as seen from other test packages (the binder's registry test compares with it). */
public final class EngineOperatorTable {

    private EngineOperatorTable() {
    }

    public static Set<Class<?>> registered() {
        return Operators.registered();
    }
}

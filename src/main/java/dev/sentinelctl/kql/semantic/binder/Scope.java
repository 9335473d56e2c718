package dev.sentinelctl.kql.semantic.binder;

import java.util.HashMap;
import java.util.Map;

/** Names declared by {@code let} and function parameters; a chain, innermost first. Immutable once built. */
final class Scope {

    static final Scope ROOT = new Scope(null);

    private final Scope parent;
    private final Map<String, LocalSymbol> symbols = new HashMap<>(4);

    private Scope(Scope parent) {
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    /** Declares in this scope; a later {@code let} of the same name shadows the earlier one, as in Kusto. */
    void declare(String name, LocalSymbol symbol) {
        symbols.put(name, symbol);
    }

    LocalSymbol lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            LocalSymbol x = s.symbols.get(name);
            if (x != null) return x;
        }
        return null;
    }

    /** Every visible name, for "did you mean". */
    void collectNames(java.util.Collection<String> out) {
        for (Scope s = this; s != null; s = s.parent) out.addAll(s.symbols.keySet());
    }
}

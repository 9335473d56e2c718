package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.semantic.ScalarType;
import dev.sentinelctl.kql.syntax.Expr;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Names introduced by {@code let}, function parameters and stored functions; lookups walk to the parent. */
final class Scope {

    sealed interface Binding permits ScalarValue, RowValue, TabularValue, FunctionValue, PatternValue, GraphValue {
    }

    /** A scalar known once for the whole query ({@code let x = 5}, a constant function argument). */
    record ScalarValue(ScalarType type, Object value) implements Binding {
    }

    /** A scalar that depends on the current row (a scalar function's argument in a per-row call). */
    record RowValue(Ev ev) implements Binding {
    }

    /** A tabular value, computed on first use and then kept ({@code let T = ...}, {@code materialize}). */
    static final class TabularValue implements Binding {
        private final Supplier<Table> supplier;
        private Table value;

        TabularValue(Supplier<Table> supplier) {
            this.supplier = supplier;
        }

        Table get() {
            if (value == null) value = supplier.get();
            return value;
        }
    }

    /** A user function: its declaration and the scope it was declared in (lexical scoping). */
    record FunctionValue(String name, Expr.FunctionDecl decl, Scope closure) implements Binding {
    }

    /** A {@code declare pattern}: its rules and the scope it was declared in. */
    record PatternValue(dev.sentinelctl.kql.syntax.Statement.DeclarePattern decl, Scope closure) implements Binding {
    }

    /** A graph held in a let ({@code let G = E | make-graph ...}), built on first use and then kept. */
    static final class GraphValue implements Binding {
        private final Supplier<Graph> supplier;
        private Graph value;

        GraphValue(Supplier<Graph> supplier) {
            this.supplier = supplier;
        }

        Graph get() {
            if (value == null) value = supplier.get();
            return value;
        }
    }

    private final Scope parent;
    private final Map<String, Binding> names = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    void put(String name, Binding b) {
        names.put(name, b);
    }

    Binding get(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Binding b = s.names.get(name);
            if (b != null) return b;
        }
        return null;
    }
}

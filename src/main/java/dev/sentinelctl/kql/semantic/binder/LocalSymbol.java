package dev.sentinelctl.kql.semantic.binder;

import dev.sentinelctl.kql.syntax.Expr;

/** What a {@code let} statement, a function parameter or {@code as} declares. */
sealed interface LocalSymbol {

    /** A scalar or tabular value ({@code let x = 1}, {@code let T = SigninLogs | ...}, a parameter). */
    record Variable(Value value) implements LocalSymbol {
    }

    /**
     * A user function ({@code let f = (a:string) { ... }}, {@code let v = view () { ... }}); calls bind
     * its body again with the argument types, in the scope it was declared in.
     */
    record Function(String name, Expr.FunctionDecl declaration, Scope closure) implements LocalSymbol {
    }
}

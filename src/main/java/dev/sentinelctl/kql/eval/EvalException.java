package dev.sentinelctl.kql.eval;

import dev.sentinelctl.kql.syntax.SyntaxElement;
import dev.sentinelctl.kql.syntax.Token;

/** Stops evaluation with one of the {@link EvalResult} codes and a query offset. */
final class EvalException extends RuntimeException {

    private final String code;
    private final int offset;

    EvalException(String code, String message, int offset) {
        super(message, null, false, false);
        this.code = code;
        this.offset = offset;
    }

    String code() {
        return code;
    }

    int offset() {
        return offset;
    }

    static int at(SyntaxElement e) {
        if (e == null) return -1;
        Token t = e.firstToken();
        return t == null ? -1 : t.start();
    }

    static EvalException unsupported(String what, SyntaxElement where) {
        return new EvalException(EvalResult.UNSUPPORTED, what + " is not supported by the in-process engine", at(where));
    }

    static EvalException bind(String message, SyntaxElement where) {
        return new EvalException(EvalResult.BIND, message, at(where));
    }

    static EvalException runtime(String message, SyntaxElement where) {
        return new EvalException(EvalResult.RUNTIME, message, at(where));
    }
}

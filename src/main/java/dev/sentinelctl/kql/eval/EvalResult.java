package dev.sentinelctl.kql.eval;

/** The outcome of one {@link KqlEngine#run}: a table, or an explicit failure (never a silently wrong answer). */
public sealed interface EvalResult permits EvalResult.Ok, EvalResult.Failed {

    String UNSUPPORTED = "EVAL-unsupported";
    String SYNTAX = "EVAL-syntax";
    String BIND = "EVAL-bind";
    String RUNTIME = "EVAL-runtime";

    record Ok(Table table) implements EvalResult {
    }

    /**
     * @param code   {@link #UNSUPPORTED}, {@link #SYNTAX}, {@link #BIND} or {@link #RUNTIME}
     * @param offset character offset into the query text, -1 if none
     */
    record Failed(String code, String message, int offset) implements EvalResult {
    }
}

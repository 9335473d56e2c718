package dev.sentinelctl.kql.semantic;

/** Where a function name lives; each kind is its own namespace in Kusto ({@code count} is an aggregate only). */
public enum FunctionKind {
    /** Built-in scalar function ({@code strcat}, {@code ago}). */
    SCALAR,
    /** Aggregate usable in summarize/make-series ({@code count}, {@code arg_max}). */
    AGGREGATE,
    /** Plugin called with {@code evaluate} ({@code bag_unpack}). */
    PLUGIN,
    /** Workspace function: Sentinel built-ins ({@code _GetWatchlist}), ASIM parsers, user parsers. */
    STORED,
    /**
     * Scalar operator signatures, named by Kusto's OperatorKind ({@code Equal}, {@code Has}, {@code In},
     * {@code Between}, {@code Add} ...): the binder types {@code a has b} like a call {@code Has(a, b)}.
     */
    OPERATOR;

    /** Lower-case name as written in functions.tsv; a switch, not valueOf, to stay off reflection. */
    public static FunctionKind fromCode(String code) {
        return switch (code) {
            case "scalar" -> SCALAR;
            case "aggregate" -> AGGREGATE;
            case "plugin" -> PLUGIN;
            case "stored" -> STORED;
            case "operator" -> OPERATOR;
            default -> throw new IllegalArgumentException("unknown function kind: " + code);
        };
    }
}

package dev.sentinelctl.kql.semantic;

import java.util.Locale;

/**
 * How a signature's result type follows from its arguments, after Kusto.Language's ReturnTypeKind.
 * {@link ReturnTypes#resolve} applies these; {@link #CUSTOM} needs per-function code in the binder
 * (arg_max, percentiles, pack_all, plugins ...), and its signature's declared type is only a fallback.
 */
public enum ReturnRule {
    /** The signature's declared type. */
    DECLARED,
    /** Same type as argument 1 ({@code min}, {@code max}, {@code take_any}). */
    PARAMETER0,
    /** Same type as argument 2. */
    PARAMETER1,
    /** Argument 1 promoted: int→long, so {@code sum(int)} is long. */
    PARAMETER0_PROMOTED,
    /** A dynamic array of argument 1's type ({@code make_list}); a column of it is plain dynamic. */
    PARAMETER0_ARRAY,
    /** The type named by a {@code typeof(...)} literal in the last argument ({@code extract(..., typeof(long))}). */
    PARAMETER_N_LITERAL,
    /** The type named by a {@code typeof(...)} literal in argument 1. */
    PARAMETER0_LITERAL,
    /** The type named by a {@code typeof(...)} literal in argument 2. */
    PARAMETER1_LITERAL,
    /** Common type of the arguments ({@code coalesce}, {@code iff}), see {@link TypePromotion#common}. */
    COMMON,
    /** Common type, where dynamic arguments do not make the result dynamic. */
    COMMON_NON_DYNAMIC,
    /** Widest numeric type of the arguments ({@code bin(int, real)} → real). */
    WIDEST,
    /** A reference to a cluster, database, table, view, graph ... named by argument 1 ({@code table("T")}). */
    ENTITY_REFERENCE,
    /** Computed by function-specific code. */
    CUSTOM;

    // Enum.valueOf goes through reflection, which costs milliseconds on a cold JVM; codes are looked up here
    private static final java.util.Map<String, ReturnRule> BY_CODE = codes();

    private static java.util.Map<String, ReturnRule> codes() {
        java.util.Map<String, ReturnRule> m = new java.util.HashMap<>();
        for (ReturnRule k : values()) m.put(k.name().toLowerCase(Locale.ROOT), k);
        return java.util.Map.copyOf(m);
    }

    /** Maps Kusto.Language's ReturnTypeKind names as written in kusto-builtins.json. */
    public static ReturnRule fromKusto(String kind) {
        return switch (kind) {
            case "Declared" -> DECLARED;
            case "Parameter0" -> PARAMETER0;
            case "Parameter1" -> PARAMETER1;
            case "Parameter0Promoted" -> PARAMETER0_PROMOTED;
            case "Parameter0Array" -> PARAMETER0_ARRAY;
            case "ParameterNLiteral" -> PARAMETER_N_LITERAL;
            case "Parameter0Literal" -> PARAMETER0_LITERAL;
            case "Parameter1Literal" -> PARAMETER1_LITERAL;
            case "Common" -> COMMON;
            case "CommonNonDynamic" -> COMMON_NON_DYNAMIC;
            case "Widest" -> WIDEST;
            case "Custom" -> CUSTOM;
            default -> kind.startsWith("Parameter0") ? ENTITY_REFERENCE : CUSTOM;
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReturnRule fromCode(String code) {
        ReturnRule k = BY_CODE.get(code);
        if (k == null) throw new IllegalArgumentException("unknown ReturnRule code: " + code);
        return k;
    }
}

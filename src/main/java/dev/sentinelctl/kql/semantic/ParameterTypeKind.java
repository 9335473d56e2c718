package dev.sentinelctl.kql.semantic;

import java.util.Locale;

/** Which argument types a parameter accepts, after Kusto.Language's ParameterTypeKind. */
public enum ParameterTypeKind {
    /** Exactly the parameter's listed types. */
    DECLARED,
    SCALAR, NUMBER, INTEGER, SUMMABLE, ORDERABLE, NOT_DYNAMIC, NOT_BOOL, NUMBER_OR_BOOL, NOT_REAL_OR_BOOL,
    STRING_OR_DYNAMIC, DYNAMIC_ARRAY, DYNAMIC_BAG, STRING_OR_ARRAY, INTEGER_OR_ARRAY,
    /** Must share a common type with the other parameters of this kind ({@code coalesce}). */
    COMMON_SCALAR, COMMON_SCALAR_OR_DYNAMIC, COMMON_ORDERABLE,
    /** Operators only: must have argument 1's (or 2's) type, as in {@code x in (a, b)}; the binder compares. */
    PARAMETER0, PARAMETER1,
    TABULAR, ANY,
    /** A type literal such as {@code typeof(long)} ({@code extract}, {@code extract_json}). */
    TYPE_LITERAL;

    // Enum.valueOf goes through reflection, which costs milliseconds on a cold JVM; codes are looked up here
    private static final java.util.Map<String, ParameterTypeKind> BY_CODE = codes();

    private static java.util.Map<String, ParameterTypeKind> codes() {
        java.util.Map<String, ParameterTypeKind> m = new java.util.HashMap<>();
        for (ParameterTypeKind k : values()) m.put(k.name().toLowerCase(Locale.ROOT), k);
        return java.util.Map.copyOf(m);
    }

    public static ParameterTypeKind fromKusto(String kind) {
        return valueOf(kind.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ParameterTypeKind fromCode(String code) {
        ParameterTypeKind k = BY_CODE.get(code);
        if (k == null) throw new IllegalArgumentException("unknown ParameterTypeKind code: " + code);
        return k;
    }

    /**
     * Whether an argument of type {@code t} fits. UNKNOWN always fits (the error was reported where it arose);
     * dynamic fits every scalar kind because Kusto converts it at run time. For DECLARED the caller checks the
     * parameter's own type list ({@link Parameter#accepts}).
     */
    public boolean accepts(KqlType t) {
        if (t.isUnknown()) return true;
        if (this == ANY) return true;
        if (this == TABULAR) return t.isTabular();
        if (this == TYPE_LITERAL) return false;
        if (!(t instanceof ScalarType s)) return false;
        if (s == ScalarType.DYNAMIC) return this != DECLARED;
        return switch (this) {
            case SCALAR, COMMON_SCALAR, COMMON_SCALAR_OR_DYNAMIC, NOT_DYNAMIC, PARAMETER0, PARAMETER1 -> true;
            case NOT_BOOL -> s != ScalarType.BOOL;
            case NUMBER -> s.isNumeric();
            case INTEGER -> s.isInteger();
            case SUMMABLE -> s.isSummable();
            case ORDERABLE, COMMON_ORDERABLE -> s.isOrderable();
            case NUMBER_OR_BOOL -> s.isNumeric() || s == ScalarType.BOOL;
            case NOT_REAL_OR_BOOL -> s != ScalarType.REAL && s != ScalarType.BOOL;
            case STRING_OR_DYNAMIC, STRING_OR_ARRAY -> s == ScalarType.STRING;
            case INTEGER_OR_ARRAY -> s.isInteger();
            case DYNAMIC_ARRAY, DYNAMIC_BAG -> false;
            default -> false;
        };
    }
}

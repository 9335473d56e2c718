package dev.sentinelctl.kql.semantic;

import java.util.Locale;

/** What syntactic form an argument must have, after Kusto.Language's ArgumentKind. */
public enum ArgumentKind {
    EXPRESSION, CONSTANT, LITERAL, LITERAL_NOT_EMPTY, COLUMN, COLUMN_PARAMETER0, COLUMN_PARAMETER0_COMMON,
    EXPRESSION_PARAMETER0_ELEMENT, STAR_ALLOWED, STAR_ONLY, AGGREGATE;

    // Enum.valueOf goes through reflection, which costs milliseconds on a cold JVM; codes are looked up here
    private static final java.util.Map<String, ArgumentKind> BY_CODE = codes();

    private static java.util.Map<String, ArgumentKind> codes() {
        java.util.Map<String, ArgumentKind> m = new java.util.HashMap<>();
        for (ArgumentKind k : values()) m.put(k.name().toLowerCase(Locale.ROOT), k);
        return java.util.Map.copyOf(m);
    }

    public static ArgumentKind fromKusto(String kind) {
        if (kind == null) return EXPRESSION;
        return valueOf(kind.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArgumentKind fromCode(String code) {
        ArgumentKind k = BY_CODE.get(code);
        if (k == null) throw new IllegalArgumentException("unknown ArgumentKind code: " + code);
        return k;
    }
}

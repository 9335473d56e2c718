package dev.sentinelctl.kql.semantic;

import java.util.Locale;

/**
 * How Kusto names a column computed by a call without an explicit name: {@code summarize count()} gives
 * {@code count_}, {@code extend tostring(x)} gives {@code x}, {@code sum(Bytes)} gives {@code sum_Bytes}.
 */
public enum ResultNameKind {
    NONE, FIRST_ARGUMENT, PREFIX_AND_FIRST_ARGUMENT, NAME_AND_FIRST_ARGUMENT, PREFIX_ONLY, ONLY_ARGUMENT,
    FIRST_ARGUMENT_VALUE_IF_COLUMN;

    // Enum.valueOf goes through reflection, which costs milliseconds on a cold JVM; codes are looked up here
    private static final java.util.Map<String, ResultNameKind> BY_CODE = codes();

    private static java.util.Map<String, ResultNameKind> codes() {
        java.util.Map<String, ResultNameKind> m = new java.util.HashMap<>();
        for (ResultNameKind k : values()) m.put(k.name().toLowerCase(Locale.ROOT), k);
        return java.util.Map.copyOf(m);
    }

    public static ResultNameKind fromKusto(String kind) {
        if (kind == null) return NONE;
        return valueOf(kind.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultNameKind fromCode(String code) {
        ResultNameKind k = BY_CODE.get(code);
        if (k == null) throw new IllegalArgumentException("unknown ResultNameKind code: " + code);
        return k;
    }
}

package dev.sentinelctl.kql.semantic;

import java.util.Locale;

/**
 * How Kusto names a column computed by a call without an explicit name: {@code summarize count()} gives
 * {@code count_}, {@code extend tostring(x)} gives {@code x}, {@code sum(Bytes)} gives {@code sum_Bytes}.
 */
public enum ResultNameKind {
    NONE, FIRST_ARGUMENT, PREFIX_AND_FIRST_ARGUMENT, NAME_AND_FIRST_ARGUMENT, PREFIX_ONLY, ONLY_ARGUMENT,
    FIRST_ARGUMENT_VALUE_IF_COLUMN;

    public static ResultNameKind fromKusto(String kind) {
        if (kind == null) return NONE;
        return valueOf(kind.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultNameKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

package dev.sentinelctl.kql.semantic;

import java.util.Locale;

/** What syntactic form an argument must have, after Kusto.Language's ArgumentKind. */
public enum ArgumentKind {
    EXPRESSION, CONSTANT, LITERAL, LITERAL_NOT_EMPTY, COLUMN, COLUMN_PARAMETER0, COLUMN_PARAMETER0_COMMON,
    EXPRESSION_PARAMETER0_ELEMENT, STAR_ALLOWED, STAR_ONLY, AGGREGATE;

    public static ArgumentKind fromKusto(String kind) {
        if (kind == null) return EXPRESSION;
        return valueOf(kind.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArgumentKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

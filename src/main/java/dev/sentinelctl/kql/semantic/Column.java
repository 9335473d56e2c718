package dev.sentinelctl.kql.semantic;

import java.util.Objects;

/**
 * A column of a table or a row schema.
 *
 * @param standard true when no schema source listed the column and the catalog added it as one of the
 *                 Log Analytics standard columns ({@code _ItemId}, {@code _BilledSize} ...). Kusto hides some of
 *                 these from {@code project *}/{@code getschema}; the binder may want to do the same.
 */
public record Column(String name, KqlType type, boolean standard) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type instanceof TabularType) throw new IllegalArgumentException("a column cannot be tabular: " + name);
    }

    public Column(String name, KqlType type) {
        this(name, type, false);
    }
}

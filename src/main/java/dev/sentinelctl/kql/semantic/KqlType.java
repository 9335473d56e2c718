package dev.sentinelctl.kql.semantic;

/**
 * The type of a KQL expression as the binder sees it: a scalar, a table (rows with a schema), or
 * {@link ErrorType#UNKNOWN} when something upstream failed to bind. The binder propagates UNKNOWN silently
 * so that one unknown table or function yields one diagnostic instead of a cascade.
 */
public sealed interface KqlType permits ScalarType, TabularType, ErrorType {

    /** The name Kusto prints for this type ({@code long}, {@code (a:string, b:long)}, {@code unknown}). */
    String displayName();

    default boolean isScalar() {
        return this instanceof ScalarType;
    }

    default boolean isTabular() {
        return this instanceof TabularType;
    }

    default boolean isUnknown() {
        return this == ErrorType.UNKNOWN;
    }
}

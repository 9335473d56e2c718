package dev.sentinelctl.kql.semantic;

/** Type of an expression that could not be bound; compatible with everything so errors do not cascade. */
public enum ErrorType implements KqlType {
    UNKNOWN;

    @Override
    public String displayName() {
        return "unknown";
    }
}

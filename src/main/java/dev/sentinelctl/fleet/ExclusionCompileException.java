package dev.sentinelctl.fleet;

/** The exclusions could not be compiled into a query that is safe to deploy; the message says why. */
public final class ExclusionCompileException extends RuntimeException {
    public ExclusionCompileException(String message) {
        super(message);
    }
}

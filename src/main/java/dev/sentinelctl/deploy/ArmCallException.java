package dev.sentinelctl.deploy;

/**
 * An ARM call that failed after the pipeline's retries: the HTTP status (0 when no answer came), ARM's error code
 * and message. Messages come from ARM's error body or the transport, never from request headers, so no token or
 * secret is in them.
 */
public final class ArmCallException extends RuntimeException {
    private final int status;
    private final String code;

    public ArmCallException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** "409 Conflict: message" / "no answer: message". */
    public String describe() {
        return (status == 0 ? "no answer" : status + " " + code) + ": " + getMessage();
    }
}

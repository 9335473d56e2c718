package dev.sentinelctl.deploy.sandbox;

/** An ARM error answer: HTTP status plus the {@code {"error":{"code","message"}}} body the SDK parses. */
final class ArmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    ArmException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ArmException badRequest(String message) {
        return new ArmException(400, "BadRequest", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}

package dev.sentinelctl.cli;

/** A failure caused by how sentinelctl was called or by the environment; its message is shown as is (exit 2). */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}

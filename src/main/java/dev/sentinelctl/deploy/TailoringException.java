package dev.sentinelctl.deploy;

/**
 * A {@link Tailoring} cannot produce a workspace's query safely (a fleet's exclusions that do not compile): that
 * workspace fails with the reason and the others go on. The message is the reason, without the workspace's name.
 */
public final class TailoringException extends RuntimeException {
    public TailoringException(String reason) {
        super(reason);
    }
}

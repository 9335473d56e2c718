package dev.sentinelctl.deploy;

/**
 * A deploy run cannot go on because of how it was asked or of the environment (a bad config, an unknown workspace,
 * an unreachable ARM): its message is written for the user, who can fix it. Front ends show it as is; the CLI exits 2.
 */
public class DeployException extends RuntimeException {
    public DeployException(String message) {
        super(message);
    }
}

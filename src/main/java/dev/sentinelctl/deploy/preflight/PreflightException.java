package dev.sentinelctl.deploy.preflight;

import dev.sentinelctl.deploy.ArmCallException;

/** A workspace whose preflight facts could not be read; it is not planned, so nothing is enabled unchecked. */
public final class PreflightException extends RuntimeException {
    public PreflightException(String what, ArmCallException cause, String permission) {
        super("preflight cannot " + what + ": " + cause.describe() + (cause.status() == 401 || cause.status() == 403
                ? " (the deploying identity needs " + permission + ": Microsoft Sentinel Contributor and Reader include it; "
                        + "or turn the check off for this workspace: preflight: false, or --no-preflight)"
                : ""), cause);
    }
}

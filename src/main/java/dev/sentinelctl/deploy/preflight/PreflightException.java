package dev.sentinelctl.deploy.preflight;

import dev.sentinelctl.deploy.ArmCallException;

/** A workspace whose preflight facts could not be read; it is not planned, so nothing is enabled unchecked. */
public final class PreflightException extends RuntimeException {
    public PreflightException(String what, ArmCallException cause, String permission) {
        super("preflight cannot " + what + ": " + cause.describe() + (cause.status() == 401 || cause.status() == 403
                ? " (the deploying identity needs " + permission + ", e.g. through Microsoft Sentinel Reader or Log Analytics "
                        + "Reader on the workspace; or turn the check off: preflight: false, or --no-preflight)"
                : ""), cause);
    }
}

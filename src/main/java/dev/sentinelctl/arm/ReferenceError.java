package dev.sentinelctl.arm;

import dev.sentinelctl.report.Diagnostic;

/**
 * A reference in a content file that cannot be turned into a resource id (a playbook that is not in the content): an
 * {@link IllegalArgumentException} whose message is {@code file:line:column: what}, carrying the diagnostic so a deploy
 * run reports it as the content error it is.
 */
public final class ReferenceError extends IllegalArgumentException {
    private final transient Diagnostic diagnostic;

    public ReferenceError(Diagnostic diagnostic) {
        super(diagnostic.file() + ":" + diagnostic.line() + ":" + diagnostic.column() + ": " + diagnostic.message()
                + "; " + diagnostic.fixHint());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}

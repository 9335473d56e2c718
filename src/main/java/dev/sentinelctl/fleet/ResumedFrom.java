package dev.sentinelctl.fleet;

import java.util.Optional;

/**
 * What a {@code --resume} run continued: the report file as it was named, its run id (reports written before run ids
 * existed have none) and the SHA-256 of its bytes. {@code report merge} uses it to let the resumed run's results
 * supersede those of the report it continued, instead of calling every retried workspace a conflict.
 */
public record ResumedFrom(String file, Optional<String> runId, String sha256) {

    /** The identities under which the earlier report can be recognised among merge inputs. */
    public boolean matches(java.util.Collection<String> identities) {
        return runId.map(identities::contains).orElse(false) || identities.contains(RolloutReport.digestIdentity(sha256));
    }
}

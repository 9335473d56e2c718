package dev.sentinelctl.fleet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rollout did to one workspace.
 *
 * @param status  {@code SUCCEEDED}, {@code FAILED} (a workspace-level error or any failed item) or {@code NOT_RUN}
 *                (stopped by the ring policy, or never reached)
 * @param reason  why the workspace failed as a whole or was not run; empty otherwise
 * @param created content ids created; likewise updated, deleted
 * @param skipped content ids held back (by preflight: tables missing or silent) with why
 */
public record WorkspaceResult(String resourceId, String tenant, String ring, int ringIndex, Status status,
                              Optional<String> reason, List<String> created, List<String> updated, List<String> deleted,
                              List<ItemSkip> skipped, List<ItemFailure> failed, Optional<String> startedAt, long durationMs) {

    public enum Status {
        SUCCEEDED, FAILED, NOT_RUN;

        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Status> parse(String text) {
            for (Status s : values()) {
                if (s.json().equals(text)) return Optional.of(s);
            }
            return Optional.empty();
        }
    }

    public record ItemFailure(String id, String reason) {}

    /** A content item not deployed on purpose, and why ("table X does not exist in law-y; skipped, not deployed"). */
    public record ItemSkip(String id, String reason) {}

    public WorkspaceResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
        // a failed item fails the workspace whatever the writer said: a report must not hide a failure
        if (status == Status.SUCCEEDED && !failed.isEmpty()) status = Status.FAILED;
    }

    /** The workspace's identity in reports (ARM resource ids compare case-insensitively). */
    public String key() {
        return resourceId.toLowerCase(Locale.ROOT);
    }
}

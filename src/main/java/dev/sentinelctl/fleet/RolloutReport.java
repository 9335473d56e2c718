package dev.sentinelctl.fleet;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The machine-readable result of one rollout run (one shard, or the whole fleet): written by {@code apply},
 * merged by {@code sentinelctl report merge}, read back by {@code --resume}. See {@link RolloutReportJson} for the format.
 *
 * @param runId       a fresh id per run (and per merged report), so a later report can name this one
 * @param resumedFrom the report a {@code --resume} run continued; its results supersede that report's
 * @param includes    identities of the reports merged into this one (run ids, or {@code sha256:…} for reports
 *                    without one), so a run resumed from a merged report supersedes its parts too
 */
public record RolloutReport(Optional<Shard> shard, Optional<String> startedAt, Optional<String> finishedAt,
                            List<WorkspaceResult> workspaces, Optional<String> runId, Optional<ResumedFrom> resumedFrom,
                            List<String> includes) {
    public static final String FORMAT = "sentinelctl-rollout-report";
    public static final int VERSION = 1;

    public RolloutReport {
        workspaces = List.copyOf(workspaces);
        includes = List.copyOf(includes);
    }

    /** A report with no lineage (no run id, not resumed, not merged), as reports were before lineage was recorded. */
    public RolloutReport(Optional<Shard> shard, Optional<String> startedAt, Optional<String> finishedAt, List<WorkspaceResult> workspaces) {
        this(shard, startedAt, finishedAt, workspaces, Optional.empty(), Optional.empty(), List.of());
    }

    public static String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** How a report without a run id is named in {@link #includes} and matched by {@link ResumedFrom}. */
    static String digestIdentity(String sha256) {
        return "sha256:" + sha256;
    }
}

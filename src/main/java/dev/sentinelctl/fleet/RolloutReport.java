package dev.sentinelctl.fleet;

import java.util.List;
import java.util.Optional;

/**
 * The machine-readable result of one rollout run (one shard, or the whole fleet): written by {@code apply},
 * merged by {@code sentinelctl report merge}, read back by {@code --resume}. See {@link RolloutReportJson} for the format.
 */
public record RolloutReport(Optional<Shard> shard, Optional<String> startedAt, Optional<String> finishedAt,
                            List<WorkspaceResult> workspaces) {
    public static final String FORMAT = "sentinelctl-rollout-report";
    public static final int VERSION = 1;

    public RolloutReport {
        workspaces = List.copyOf(workspaces);
    }
}

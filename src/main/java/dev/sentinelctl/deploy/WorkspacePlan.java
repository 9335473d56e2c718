package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.util.List;

/**
 * The plan for one workspace.
 *
 * @param unchanged items already as the repository wants them
 * @param orphans   owned resources whose content left the repository, kept because {@code --prune} was not given
 */
public record WorkspacePlan(WorkspaceConfig workspace, List<Change> changes, int unchanged, List<String> orphans) {
    public WorkspacePlan {
        changes = List.copyOf(changes);
        orphans = List.copyOf(orphans);
    }

    public long count(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(Change::isWrite);
    }
}

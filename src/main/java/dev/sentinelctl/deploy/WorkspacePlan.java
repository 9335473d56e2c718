package dev.sentinelctl.deploy;

import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.preflight.PreflightResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan for one workspace.
 *
 * @param unchanged items already as the repository wants them
 * @param orphans   owned resources whose content left the repository, kept because {@code --prune} was not given
 * @param preflight rules preflight held back, deployed disabled or noted (unchanged ones included), and the rules with
 *                  something it could not check
 */
public record WorkspacePlan(WorkspaceConfig workspace, List<Change> changes, int unchanged, List<String> orphans,
        List<PreflightResult> preflight) {
    public WorkspacePlan {
        changes = List.copyOf(changes);
        orphans = List.copyOf(orphans);
        preflight = List.copyOf(preflight);
    }

    public WorkspacePlan(WorkspaceConfig workspace, List<Change> changes, int unchanged, List<String> orphans) {
        this(workspace, changes, unchanged, orphans, List.of());
    }

    /** Preflight's verdict on a content id, if it had anything to say. */
    public Optional<PreflightResult> preflightOf(String id) {
        return preflight.stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Unchanged rules preflight keeps as they are for a reason worth repeating (kept disabled, deployed although). */
    public List<PreflightResult> heldUnchanged() {
        return preflight.stream().filter(r -> !r.passed()
                && changes.stream().noneMatch(c -> c.id().toLowerCase(Locale.ROOT).equals(r.id().toLowerCase(Locale.ROOT))))
                .toList();
    }

    public long count(Change.Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(Change::isWrite);
    }
}

package dev.sentinelctl.fleet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resolved fleet: its rings in rollout order and one flat target per workspace, in ring then file order.
 *
 * @param source      the ownership name ({@code fleet.source}) for every workspace; empty when the file sets none
 *                    and the repository's name is used
 * @param apiVersions {@code fleet.apiVersions}: the api-version per kind key instead of the kind table's
 */
public record FleetConfig(List<Ring> rings, List<WorkspaceTarget> targets, Optional<String> source,
        Map<String, String> apiVersions) {

    public FleetConfig {
        rings = List.copyOf(rings);
        targets = List.copyOf(targets);
        apiVersions = Map.copyOf(apiVersions);
    }

    public FleetConfig(List<Ring> rings, List<WorkspaceTarget> targets, Optional<String> source) {
        this(rings, targets, source, Map.of());
    }

    public FleetConfig(List<Ring> rings, List<WorkspaceTarget> targets) {
        this(rings, targets, Optional.empty());
    }

    public List<WorkspaceTarget> inRing(String ring) {
        return targets.stream().filter(t -> t.ring().equals(ring)).toList();
    }

    public List<WorkspaceTarget> withLabel(String label) {
        return targets.stream().filter(t -> t.labels().contains(label)).toList();
    }
}

package dev.sentinelctl.fleet;

import java.util.List;

/** A resolved fleet: its rings in rollout order and one flat target per workspace, in ring then file order. */
public record FleetConfig(List<Ring> rings, List<WorkspaceTarget> targets) {

    public FleetConfig {
        rings = List.copyOf(rings);
        targets = List.copyOf(targets);
    }

    public List<WorkspaceTarget> inRing(String ring) {
        return targets.stream().filter(t -> t.ring().equals(ring)).toList();
    }

    public List<WorkspaceTarget> withLabel(String label) {
        return targets.stream().filter(t -> t.labels().contains(label)).toList();
    }
}

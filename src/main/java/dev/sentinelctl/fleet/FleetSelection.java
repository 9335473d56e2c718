package dev.sentinelctl.fleet;

import dev.sentinelctl.arm.SourceName;
import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.deploy.DeployTargets;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.kql.semantic.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspaces of a fleet a run deploys to, as the deploy engine takes them ({@link #targets()}: each target's
 * workspace config, its tailoring — path selection and exclusions compiled into the queries — and its credential's
 * app), and the fleet targets they came from (rings for the rollout policy, keys for reports).
 */
public final class FleetSelection {
    private final FleetConfig fleet;
    private final FleetRequest request;
    private final DeployTargets targets;
    private final Map<WorkspaceConfig, WorkspaceTarget> byWorkspace;

    private FleetSelection(FleetConfig fleet, FleetRequest request, DeployTargets targets,
            Map<WorkspaceConfig, WorkspaceTarget> byWorkspace) {
        this.fleet = fleet;
        this.request = request;
        this.targets = targets;
        this.byWorkspace = byWorkspace;
    }

    /** Reads the fleet file and selects its ring, then shard, then named workspaces. */
    public static FleetSelection load(FleetRequest request) {
        FleetConfig fleet;
        try {
            fleet = new FleetLoader().read(request.file());
        } catch (ConfigException e) {
            throw new DeployException("bad fleet file:\n" + DeployTargets.describe(e));
        }
        Path base = request.file().toAbsolutePath().normalize().getParent();
        List<Path> contentPaths = List.of(base.resolve("content"));
        TargetQueries queries = new TargetQueries(new ExclusionCompiler(Catalog.builtIn()));
        List<WorkspaceConfig> all = new ArrayList<>();
        Map<WorkspaceConfig, WorkspaceTarget> byWorkspace = new HashMap<>();
        for (WorkspaceTarget t : selection(fleet, request)) {
            WorkspaceConfig ws = FleetWorkspaces.config(t, contentPaths);
            if (byWorkspace.containsKey(ws)) continue;
            all.add(ws);
            byWorkspace.put(ws, t);
        }
        List<WorkspaceConfig> chosen = DeployTargets.select(all, request.workspaces());
        List<DeployTargets.Target> list = new ArrayList<>();
        for (WorkspaceConfig ws : chosen) {
            WorkspaceTarget t = byWorkspace.get(ws);
            list.add(new DeployTargets.Target(ws, FleetWorkspaces.tailoring(t, queries), t.credential().clientId()));
        }
        List<WorkspaceTarget> selected = chosen.stream().map(byWorkspace::get).toList();
        // Without fleet.source the repository's name is used: stable across runs and shards, not across renames.
        DeployTargets targets = new DeployTargets(list, fleet.source().orElseGet(() -> SourceName.detect(base)),
                fleet.source().isEmpty(), true, items -> typos(selected, items), kinds(fleet, request));
        return new FleetSelection(fleet, request, targets, byWorkspace);
    }

    private static KindTable kinds(FleetConfig fleet, FleetRequest request) {
        try {
            return KindTable.builtIn().withApiVersions(fleet.apiVersions());
        } catch (IllegalArgumentException e) {
            throw new DeployException("bad fleet file:\n  " + request.file() + ": " + e.getMessage());
        }
    }

    /** Fleet settings that change nothing (typos, deleted items); reported, not fatal, as `fleet check` does. */
    private static List<String> typos(List<WorkspaceTarget> targets, List<dev.sentinelctl.content.ContentItem> items) {
        List<String> out = new ArrayList<>();
        for (String name : TargetQueries.undeclaredNames(targets, items)) {
            out.add("the fleet sets exclusion '" + name + "', which no content item declares; it excludes nothing");
        }
        for (String id : TargetQueries.unknownOverrideIds(targets, items)) {
            out.add("the fleet overrides content id " + id + ", which no content item has; it changes nothing");
        }
        return out;
    }

    /** The fleet's targets, narrowed by ring then shard (shards split the ring, as `fleet targets` prints them). */
    private static List<WorkspaceTarget> selection(FleetConfig fleet, FleetRequest request) {
        List<WorkspaceTarget> targets = fleet.targets();
        if (request.ring() != null) {
            if (fleet.rings().stream().noneMatch(r -> r.name().equals(request.ring()))) {
                throw new DeployException("no ring named '" + request.ring() + "' in " + request.file());
            }
            targets = fleet.inRing(request.ring());
        }
        if (request.shard() != null) {
            try {
                targets = Shard.parse(request.shard()).select(targets);
            } catch (IllegalArgumentException e) {
                throw new DeployException(e.getMessage());
            }
        }
        return targets;
    }

    public FleetConfig fleet() {
        return fleet;
    }

    public FleetRequest request() {
        return request;
    }

    /** What the deploy engine plans with. */
    public DeployTargets targets() {
        return targets;
    }

    /** The fleet target a selected workspace came from. */
    public Optional<WorkspaceTarget> target(WorkspaceConfig ws) {
        return Optional.ofNullable(byWorkspace.get(ws));
    }
}

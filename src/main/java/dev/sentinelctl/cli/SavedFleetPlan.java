package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.SavedPlan;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.fleet.FleetPlanScope;
import dev.sentinelctl.fleet.Shard;
import dev.sentinelctl.fleet.WorkspaceTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet side of saved plans. {@code plan --fleet F --out FILE} records the scope ({@link FleetPlanScope});
 * {@code apply --plan FILE} selects the same workspaces, refuses a changed scope as a whole, and compares each
 * workspace's fresh plan with its saved one: a workspace whose changes are no longer the reviewed ones (a portal edit,
 * a new commit) is not applied and fails at its turn in the rollout, so the ring policy, the report and --resume
 * treat it like any other failed workspace and one customer's edit does not hold up the others.
 */
final class SavedFleetPlan {
    private SavedFleetPlan() {
    }

    /** The scope of a planned fleet run, with why each unplanned workspace could not be planned. */
    static FleetPlanScope scope(DeployRun run, DeployOptions deploy) {
        List<FleetPlanScope.Target> targets = new ArrayList<>();
        for (WorkspaceConfig ws : run.workspaces) {
            WorkspaceTarget t = run.target(ws).orElseThrow();
            targets.add(FleetPlanScope.Target.of(t, Optional.ofNullable(run.notPlanned.get(ws))));
        }
        return new FleetPlanScope(deploy.fleet.toString(), Optional.ofNullable(deploy.ring),
                Optional.ofNullable(deploy.shard).map(s -> Shard.parse(s).toString()), deploy.workspaces, run.source, targets);
    }

    /**
     * Points {@code deploy} at what the saved plan was made for: its fleet file unless --fleet names another copy
     * (a CI checkout elsewhere; the scope check catches a different fleet), its ring, shard and workspaces.
     */
    static FleetPlanScope select(SavedPlan.Loaded saved, DeployOptions deploy, Path planFile) {
        FleetPlanScope scope;
        try {
            scope = FleetPlanScope.fromJson(saved.fleet().orElseThrow(), planFile.toString());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (deploy.ring != null && !Optional.of(deploy.ring).equals(scope.ring())) {
            throw new UserException("--ring " + deploy.ring + " differs from the saved plan's ("
                    + scope.ring().map(r -> "--ring " + r).orElse("all rings") + "); plan again with it");
        }
        if (deploy.shard != null && !Optional.of(shard(deploy.shard)).equals(scope.shard())) {
            throw new UserException("--shard " + deploy.shard + " differs from the saved plan's ("
                    + scope.shard().map(s -> "--shard " + s).orElse("no shard") + "); plan again with it");
        }
        if (deploy.fleet == null) deploy.fleet = Path.of(scope.fleetFile());
        deploy.ring = scope.ring().orElse(null);
        deploy.shard = scope.shard().orElse(null);
        if (deploy.workspaces.isEmpty()) deploy.workspaces.addAll(scope.workspaces());
        return scope;
    }

    private static String shard(String text) {
        try {
            return Shard.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /**
     * The plans that may be applied: each workspace's fresh plan only when its changes are the saved ones. The others
     * are recorded in {@code run.notPlanned} (the rollout fails them at their turn) and reported on {@code err}.
     * Workspaces a --resume report shows as done are not compared: they were applied, so of course they changed.
     */
    static List<WorkspacePlan> reviewedOnly(SavedPlan.Loaded saved, FleetPlanScope scope, DeployRun run,
            List<WorkspacePlan> plans, Set<String> resumed, Path planFile, PrintWriter err) {
        List<WorkspacePlan> out = new ArrayList<>();
        for (WorkspacePlan p : plans) {
            String key = p.workspace().resourceId().toLowerCase(Locale.ROOT);
            List<String> diff = resumed.contains(key) ? List.of() : SavedPlan.differences(saved.plan(), p);
            if (diff.isEmpty()) {
                out.add(p);
                continue;
            }
            String before = scope.target(p.workspace().resourceId()).flatMap(FleetPlanScope.Target::notPlanned)
                    .map(r -> " (it could not be planned then: " + r + ")").orElse("");
            String reason = "its changes are not the ones saved in " + planFile + before + ": " + diff.get(0)
                    + (diff.size() > 1 ? " and " + (diff.size() - 1) + " more" : "") + "; not applied. Plan again and review.";
            run.notPlanned.put(p.workspace(), reason);
            err.println("error: workspace '" + p.workspace().name() + "': " + reason);
            diff.stream().skip(1).limit(19).forEach(d -> err.println("  " + d));
        }
        err.flush();
        return out;
    }
}

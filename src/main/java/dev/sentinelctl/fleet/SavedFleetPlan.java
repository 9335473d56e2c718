package dev.sentinelctl.fleet;

import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.SavedPlan;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
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
public final class SavedFleetPlan {
    private SavedFleetPlan() {
    }

    /**
     * The plans that may be applied, and what to tell the user about the others.
     *
     * @param errors one message per line, in the order the workspaces were compared
     */
    public record Reviewed(List<WorkspacePlan> plans, List<String> errors) {
    }

    /** The scope of a planned fleet run, with why each unplanned workspace could not be planned. */
    public static FleetPlanScope scope(DeployRun run, FleetSelection selection) {
        List<FleetPlanScope.Target> targets = new ArrayList<>();
        for (WorkspaceConfig ws : run.workspaces()) {
            WorkspaceTarget t = selection.target(ws).orElseThrow();
            targets.add(FleetPlanScope.Target.of(t, run.notPlanned(ws)));
        }
        FleetRequest r = selection.request();
        return new FleetPlanScope(r.file().toString(), Optional.ofNullable(r.ring()),
                Optional.ofNullable(r.shard()).map(s -> Shard.parse(s).toString()), r.workspaces(), run.source(), targets);
    }

    /**
     * What the saved plan was made for, given what the front end asked: its fleet file unless {@code given} names
     * another copy (a CI checkout elsewhere; the scope check catches a different fleet), its ring, shard and
     * workspaces. The scope is {@link #scope}'s from the saved plan.
     *
     * @param given the run's own request; its file may be null (then the saved one), a ring or shard must agree
     */
    public record Selected(FleetPlanScope scope, FleetRequest request) {
    }

    public static Selected select(SavedPlan.Loaded saved, FleetRequest given, Path planFile) {
        FleetPlanScope scope;
        try {
            scope = FleetPlanScope.fromJson(saved.fleet().orElseThrow(), planFile.toString());
        } catch (IllegalArgumentException e) {
            throw new DeployException(e.getMessage());
        }
        if (given.ring() != null && !Optional.of(given.ring()).equals(scope.ring())) {
            throw new DeployException("--ring " + given.ring() + " differs from the saved plan's ("
                    + scope.ring().map(r -> "--ring " + r).orElse("all rings") + "); plan again with it");
        }
        if (given.shard() != null && !Optional.of(shard(given.shard())).equals(scope.shard())) {
            throw new DeployException("--shard " + given.shard() + " differs from the saved plan's ("
                    + scope.shard().map(s -> "--shard " + s).orElse("no shard") + "); plan again with it");
        }
        Path file = given.file() != null ? given.file() : Path.of(scope.fleetFile());
        List<String> workspaces = given.workspaces().isEmpty() ? scope.workspaces() : given.workspaces();
        return new Selected(scope, new FleetRequest(file, scope.ring().orElse(null), scope.shard().orElse(null), workspaces));
    }

    private static String shard(String text) {
        try {
            return Shard.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw new DeployException(e.getMessage());
        }
    }

    /**
     * The plans that may be applied: each workspace's fresh plan only when its changes are the saved ones. The others
     * are marked not planned in {@code run} (the rollout fails them at their turn) and described in the result.
     * Workspaces a --resume report shows as done are not compared: they were applied, so of course they changed.
     */
    public static Reviewed reviewedOnly(SavedPlan.Loaded saved, FleetPlanScope scope, DeployRun run,
            List<WorkspacePlan> plans, Set<String> resumed, Path planFile) {
        List<WorkspacePlan> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
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
            run.markNotPlanned(p.workspace(), reason);
            errors.add("error: workspace '" + p.workspace().name() + "': " + reason);
            diff.stream().skip(1).limit(19).forEach(d -> errors.add("  " + d));
        }
        return new Reviewed(out, errors);
    }
}

package dev.sentinelctl.fleet;

import dev.sentinelctl.deploy.Applier;
import dev.sentinelctl.deploy.Change;
import dev.sentinelctl.deploy.DeployException;
import dev.sentinelctl.deploy.DeployRun;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code apply --fleet}: rings in order, asking {@link RolloutPolicy#decide} after each workspace so a failing canary
 * stops the rollout before the next customer. By default one workspace at a time; {@code --workspaces-in-flight N}
 * deploys up to N of a ring at once (in different subscriptions), and a stop then lets the ones running finish. Plans are made up front (reads only); a workspace that
 * could not be planned counts as failed at its turn.
 */
public final class FleetRollout {
    /** What the run did: every target's result (resumed successes first carried over) and why it stopped, if it did. */
    public record Outcome(RolloutReport report, Optional<String> stopped) {
        public boolean failed() {
            return stopped.isPresent() || report.workspaces().stream().anyMatch(w -> w.status() != WorkspaceResult.Status.SUCCEEDED);
        }
    }

    private final DeployRun run;
    private final FleetSelection selection;
    private final Applier applier;
    /** Workspaces deployed at once (each in its own subscription); 1 asks the policy before every single workspace. */
    private final int inFlightLimit;

    public FleetRollout(DeployRun run, FleetSelection selection, Applier applier, int inFlightLimit) {
        if (inFlightLimit < 1) throw new IllegalArgumentException("in-flight limit must be at least 1");
        this.run = run;
        this.selection = selection;
        this.applier = applier;
        this.inFlightLimit = inFlightLimit;
    }

    private static WorkspaceResult take(CompletionService<WorkspaceResult> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted during the rollout");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * @param resumed the report given to --resume; its successes are done and are not deployed again, and the new
     *                report names it so {@code report merge} lets this run's results supersede it
     */
    public Outcome roll(List<WorkspacePlan> plans, Optional<RolloutReportJson.Loaded> resumed, Optional<Shard> shard) {
        FleetConfig fleet = selection.fleet();
        Optional<RolloutReport> previous = resumed.map(RolloutReportJson.Loaded::report);
        String started = Instant.now().toString();
        Map<String, WorkspaceConfig> byKey = new LinkedHashMap<>();
        List<WorkspaceTarget> targets = new ArrayList<>();
        for (WorkspaceConfig ws : run.workspaces()) {
            WorkspaceTarget t = selection.target(ws).orElseThrow();
            byKey.put(t.key(), ws);
            targets.add(t);
        }
        Map<WorkspaceConfig, WorkspacePlan> planOf = new HashMap<>();
        for (WorkspacePlan p : plans) planOf.put(p.workspace(), p);

        Map<String, WorkspaceResult.Status> outcomes = new HashMap<>();
        Map<String, WorkspaceResult> results = new LinkedHashMap<>();
        previous.ifPresent(prev -> prev.workspaces().stream()
                .filter(w -> w.status() == WorkspaceResult.Status.SUCCEEDED && byKey.containsKey(w.key()))
                .forEach(w -> {
                    outcomes.put(w.key(), w.status());
                    results.put(w.key(), w);
                }));
        // With --ring, --shard or --workspace a run sees part of the fleet: rings with none of its workspaces are
        // another run's business, not an empty canary that should stop this one.
        List<Ring> rings = fleet.rings().stream()
                .filter(r -> targets.stream().anyMatch(t -> t.ringIndex() == r.index())).toList();
        Optional<String> stopped = Optional.empty();
        ExecutorService pool = Executors.newFixedThreadPool(inFlightLimit, r -> {
            Thread th = new Thread(r, "rollout");
            th.setDaemon(true);
            return th;
        });
        CompletionService<WorkspaceResult> done = new ExecutorCompletionService<>(pool);
        Map<String, WorkspaceTarget> inFlight = new HashMap<>();
        try {
            while (true) {
                if (stopped.isEmpty()) {
                    RolloutPolicy.Decision d = RolloutPolicy.decide(rings, targets, outcomes);
                    if (d.action() == RolloutPolicy.Action.STOP) {
                        stopped = Optional.of(d.reason());
                    } else if (d.action() == RolloutPolicy.Action.CONTINUE) {
                        // Only the current ring's workspaces are ever pending, so a ring is finished (and judged)
                        // before the next starts. One workspace per subscription at a time keeps --parallelism a
                        // per-subscription bound, as ARM's throttling is.
                        for (WorkspaceTarget t : d.pending()) {
                            if (inFlight.size() >= inFlightLimit) break;
                            if (inFlight.containsKey(t.key()) || inFlight.values().stream()
                                    .anyMatch(o -> o.subscription().equalsIgnoreCase(t.subscription()))) continue;
                            inFlight.put(t.key(), t);
                            done.submit(() -> deploy(t, byKey.get(t.key()), planOf));
                        }
                    }
                }
                if (inFlight.isEmpty()) break; // DONE, or STOP with nothing left running
                WorkspaceResult r = take(done);
                inFlight.remove(r.key());
                outcomes.put(r.key(), r.status());
                results.put(r.key(), r);
            }
        } finally {
            pool.shutdownNow();
        }
        List<WorkspaceResult> all = new ArrayList<>();
        for (WorkspaceTarget t : targets) {
            WorkspaceResult r = results.get(t.key());
            all.add(r != null ? r : new WorkspaceResult(t.resourceId(), t.tenant(), t.ring(), t.ringIndex(),
                    WorkspaceResult.Status.NOT_RUN, stopped, List.of(), List.of(), List.of(), List.of(), List.of(),
                    Optional.empty(), 0));
        }
        return new Outcome(new RolloutReport(shard, Optional.of(started), Optional.of(Instant.now().toString()), all,
                Optional.of(RolloutReport.newRunId()), resumed.map(RolloutReportJson.Loaded::resumedFrom), List.of()), stopped);
    }

    private WorkspaceResult deploy(WorkspaceTarget t, WorkspaceConfig ws, Map<WorkspaceConfig, WorkspacePlan> planOf) {
        String started = Instant.now().toString();
        WorkspacePlan plan = planOf.get(ws);
        if (plan == null) {
            String reason = run.notPlanned(ws).orElse("not planned");
            return new WorkspaceResult(t.resourceId(), t.tenant(), t.ring(), t.ringIndex(), WorkspaceResult.Status.FAILED,
                    Optional.of(reason), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.of(started), 0);
        }
        Applier.WorkspaceResult r = applier.apply(List.of(plan)).get(0);
        List<WorkspaceResult.ItemFailure> failed = r.failures().stream()
                .map(f -> new WorkspaceResult.ItemFailure(f.change().id(), f.error())).toList();
        WorkspaceResult.Status status = r.failed() ? WorkspaceResult.Status.FAILED : WorkspaceResult.Status.SUCCEEDED;
        List<WorkspaceResult.ItemSkip> skipped = plan.changes().stream().filter(c -> c.action() == Change.Action.SKIP)
                .map(c -> new WorkspaceResult.ItemSkip(c.id(), c.note())).toList();
        return new WorkspaceResult(t.resourceId(), t.tenant(), t.ring(), t.ringIndex(), status,
                Optional.ofNullable(r.error()), ids(r, Change.Action.CREATE), ids(r, Change.Action.UPDATE),
                ids(r, Change.Action.DELETE), skipped, failed, Optional.of(started), r.elapsed().toMillis());
    }

    private static List<String> ids(Applier.WorkspaceResult r, Change.Action action) {
        return r.items().stream().filter(i -> i.ok() && i.change().action() == action).map(i -> i.change().id()).toList();
    }
}

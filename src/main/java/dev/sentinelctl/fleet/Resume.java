package dev.sentinelctl.fleet;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --resume REPORT}: what an earlier run already finished. Only workspaces that succeeded are done; failed
 * and not-run workspaces are deployed again, and their earlier failures no longer count against the ring (the
 * retry's outcome replaces them).
 */
public final class Resume {

    private Resume() {
    }

    /** Keys ({@link WorkspaceTarget#key()}) of the workspaces the report shows as succeeded. */
    public static Set<String> done(RolloutReport previous) {
        Set<String> out = new HashSet<>();
        for (WorkspaceResult w : previous.workspaces()) {
            if (w.status() == WorkspaceResult.Status.SUCCEEDED) out.add(w.key());
        }
        return out;
    }

    /** The targets a resumed run still has to deploy, in their order. */
    public static List<WorkspaceTarget> remaining(List<WorkspaceTarget> targets, RolloutReport previous) {
        Set<String> done = done(previous);
        return targets.stream().filter(t -> !done.contains(t.key())).toList();
    }

    /** The outcomes a resumed run starts from, for {@link RolloutPolicy#decide}: the earlier successes only. */
    public static Map<String, WorkspaceResult.Status> startingOutcomes(RolloutReport previous) {
        Map<String, WorkspaceResult.Status> out = new HashMap<>();
        for (String key : done(previous)) out.put(key, WorkspaceResult.Status.SUCCEEDED);
        return out;
    }
}

package dev.sentinelctl.fleet;

/**
 * A rollout ring, in rollout order ({@code index} 0 is the canary).
 *
 * @param maxFailureRate the rollout stops when more than this fraction of the ring's workspaces failed
 * @param minWorkspaces  the rollout does not go past the ring unless at least this many of its workspaces were deployed
 */
public record Ring(String name, int index, double maxFailureRate, int minWorkspaces) {
    public static final double DEFAULT_MAX_FAILURE_RATE = 0.0;
    public static final int DEFAULT_MIN_WORKSPACES = 1;
}

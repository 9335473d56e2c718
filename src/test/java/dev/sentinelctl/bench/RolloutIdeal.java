package dev.sentinelctl.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fastest a ring-by-ring rollout can be, for comparing a measured wall time with. Rings run in order (a ring is
 * judged before the next starts); within a ring every subscription deploys its workspaces one after the other
 * (one workspace per subscription at a time) and subscriptions run side by side, at most {@code inFlight} at once.
 * A workspace costs its writes at {@code parallelism} requests of {@code latency} each, but never faster than its
 * subscription's write bucket allows (ARM: {@code capacity} burst, {@code perSecond} refill, per principal and
 * subscription; the bucket carries over between rings), then its verification reads one after the other. Planning
 * (reads, up front) is counted too. Everything else (loading content, CPU) counts as overhead.
 *
 * @param ringOf         ring index of each workspace
 * @param subscriptionOf subscription index of each workspace
 */
record RolloutIdeal(List<Integer> ringOf, List<Integer> subscriptionOf, int inFlight, int parallelism, double latencySeconds,
                    boolean bucket, double capacity, double perSecond) {

    /** Seconds, given each workspace's writes, planning reads and verification reads. */
    double seconds(long writesPerWorkspace, long planReadsPerWorkspace, long verifyReadsPerWorkspace) {
        int rings = ringOf.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Map<Integer, Integer> perSubscription = new HashMap<>();
        subscriptionOf.forEach(s -> perSubscription.merge(s, 1, Integer::sum));
        double planning = perSubscription.values().stream()
                .mapToDouble(n -> n * planReadsPerWorkspace * latencySeconds / parallelism).max().orElse(0);
        Map<Integer, Double> tokens = new HashMap<>();
        double total = planning;
        for (int r = 0; r < rings; r++) {
            Map<Integer, Integer> workspaces = new HashMap<>();
            for (int i = 0; i < ringOf.size(); i++) {
                if (ringOf.get(i) == r) workspaces.merge(subscriptionOf.get(i), 1, Integer::sum);
            }
            Map<Integer, Double> busy = new HashMap<>();
            workspaces.forEach((s, n) -> {
                double writes = (double) n * writesPerWorkspace;
                double have = tokens.getOrDefault(s, capacity);
                double byLatency = writes * latencySeconds / parallelism;
                double byBucket = bucket ? Math.max(0, writes - have) / perSecond : 0;
                busy.put(s, Math.max(byLatency, byBucket) + n * verifyReadsPerWorkspace * latencySeconds);
            });
            // Subscriptions beyond inFlight wait for a slot: the ring lasts at least its total work ÷ slots.
            double longest = busy.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double sum = busy.values().stream().mapToDouble(Double::doubleValue).sum();
            double ring = Math.max(longest, sum / Math.max(1, inFlight));
            for (int s : perSubscription.keySet()) {
                double used = workspaces.getOrDefault(s, 0) * (double) writesPerWorkspace;
                tokens.put(s, Math.min(capacity, tokens.getOrDefault(s, capacity) - used + ring * perSecond));
            }
            total += ring;
        }
        return total;
    }
}

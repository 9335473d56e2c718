package dev.sentinelctl.deploy.sandbox;

/**
 * ARM's per-subscription request budget, modelled on its 2024 token buckets (per principal, subscription and
 * region): a bucket of {@code capacity} requests refilled at {@code perSecond}. The sandbox always reports what is
 * left in the {@code x-ms-ratelimit-remaining-subscription-reads|writes|deletes} headers; with {@code enforce} it
 * also answers 429 {@code SubscriptionRequestsThrottled} with Retry-After when a bucket is empty, so a rehearsal
 * of a large deployment meets the same pacing as production.
 */
public record ArmLimits(boolean enforce, int readCapacity, double readsPerSecond, int writeCapacity,
        double writesPerSecond, int deleteCapacity, double deletesPerSecond) {

    /** ARM's published 2024 values, reported but not enforced. */
    public static final ArmLimits REPORT_ONLY = new ArmLimits(false, 250, 25, 200, 10, 200, 10);

    public ArmLimits {
        if (readCapacity < 1 || writeCapacity < 1 || deleteCapacity < 1) {
            throw new IllegalArgumentException("Bucket capacities must be at least 1");
        }
        if (!(readsPerSecond > 0 && writesPerSecond > 0 && deletesPerSecond > 0)) {
            throw new IllegalArgumentException("Refill rates must be more than 0 per second");
        }
    }

    public ArmLimits enforced() {
        return new ArmLimits(true, readCapacity, readsPerSecond, writeCapacity, writesPerSecond, deleteCapacity,
                deletesPerSecond);
    }

    /** Same refill rates with smaller buckets, so tests reach the limit quickly. */
    public ArmLimits withWriteBucket(int capacity, double perSecond) {
        return new ArmLimits(enforce, readCapacity, readsPerSecond, capacity, perSecond, deleteCapacity,
                deletesPerSecond);
    }
}

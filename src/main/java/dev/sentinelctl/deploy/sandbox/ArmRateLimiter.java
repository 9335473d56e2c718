package dev.sentinelctl.deploy.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets per (subscription, category) as described by {@link ArmLimits}. */
final class ArmRateLimiter {
    enum Category {
        READS, WRITES, DELETES;

        static Category of(String method) {
            return switch (method) {
                case "GET", "HEAD" -> READS;
                case "DELETE" -> DELETES;
                default -> WRITES;
            };
        }

        String header() {
            return "x-ms-ratelimit-remaining-subscription-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of one request: allowed or not, what is left, and how long to wait when refused. */
    record Decision(boolean allowed, long remaining, int retryAfterSeconds) {
    }

    private final ArmLimits limits;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ArmRateLimiter(ArmLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    boolean enforced() {
        return limits.enforce();
    }

    Decision take(String subscription, Category category) {
        Bucket bucket = buckets.computeIfAbsent(subscription.toLowerCase(Locale.ROOT) + "|" + category,
                k -> newBucket(category));
        return bucket.take(limits.enforce());
    }

    private Bucket newBucket(Category category) {
        return switch (category) {
            case READS -> new Bucket(limits.readCapacity(), limits.readsPerSecond());
            case WRITES -> new Bucket(limits.writeCapacity(), limits.writesPerSecond());
            case DELETES -> new Bucket(limits.deleteCapacity(), limits.deletesPerSecond());
        };
    }

    private final class Bucket {
        private final int capacity;
        private final double perSecond;
        private double tokens;
        private long lastNanos;

        Bucket(int capacity, double perSecond) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
            this.lastNanos = nanoClock.getAsLong();
        }

        synchronized Decision take(boolean enforce) {
            long now = nanoClock.getAsLong();
            tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) Math.floor(tokens), 0);
            }
            if (!enforce) {
                return new Decision(true, 0, 0); // report-only: the bucket stays empty but nothing is refused
            }
            int wait = (int) Math.ceil((1 - tokens) / perSecond);
            return new Decision(false, 0, Math.max(1, wait));
        }
    }
}

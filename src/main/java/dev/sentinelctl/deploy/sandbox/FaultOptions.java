package dev.sentinelctl.deploy.sandbox;

/**
 * Random faults applied to ARM resource requests (not to the token endpoint or {@code /_sandbox}). Rates are
 * probabilities per request, drawn from one Random seeded with {@code seed}, so a single-threaded run is
 * reproducible.
 *
 * @param throttleRate      chance of a 429 with {@code Retry-After: retryAfterSeconds}
 * @param retryAfterSeconds the Retry-After value of injected 429s
 * @param failRate          chance of a {@code failStatus} answer (a retryable 5xx)
 * @param failStatus        the status of injected failures, 500-599
 * @param latencyMs         delay added before every ARM request is handled
 * @param dropRate          chance the connection is closed without any response
 * @param seed              seed of the fault Random
 */
public record FaultOptions(double throttleRate, int retryAfterSeconds, double failRate, int failStatus,
        long latencyMs, double dropRate, long seed) {

    public static final FaultOptions NONE = new FaultOptions(0, 1, 0, 503, 0, 0, 42);

    public FaultOptions {
        rate("throttle rate", throttleRate);
        rate("fail rate", failRate);
        rate("drop rate", dropRate);
        if (throttleRate + failRate + dropRate > 1) {
            throw new IllegalArgumentException("The throttle, fail and drop rates add up to more than 1");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must be 0 or more seconds, not " + retryAfterSeconds);
        }
        if (failStatus < 500 || failStatus > 599) {
            throw new IllegalArgumentException("The injected failure status must be 5xx, not " + failStatus);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("Latency must be 0 ms or more, not " + latencyMs);
        }
    }

    public FaultOptions withThrottle(double rate, int retryAfter) {
        return new FaultOptions(rate, retryAfter, failRate, failStatus, latencyMs, dropRate, seed);
    }

    public FaultOptions withFailures(double rate, int status) {
        return new FaultOptions(throttleRate, retryAfterSeconds, rate, status, latencyMs, dropRate, seed);
    }

    public FaultOptions withLatencyMs(long ms) {
        return new FaultOptions(throttleRate, retryAfterSeconds, failRate, failStatus, ms, dropRate, seed);
    }

    public FaultOptions withDropRate(double rate) {
        return new FaultOptions(throttleRate, retryAfterSeconds, failRate, failStatus, latencyMs, rate, seed);
    }

    public FaultOptions withSeed(long newSeed) {
        return new FaultOptions(throttleRate, retryAfterSeconds, failRate, failStatus, latencyMs, dropRate, newSeed);
    }

    private static void rate(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("The " + what + " must be between 0 and 1, not " + value);
        }
    }
}

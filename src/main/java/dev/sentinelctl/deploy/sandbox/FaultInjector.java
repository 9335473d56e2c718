package dev.sentinelctl.deploy.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;

/**
 * Decides the fault, if any, for each ARM request: first the faults queued with {@code throttleNext/failNext/
 * dropNext} (deterministic, for tests), then one random draw against the configured rates.
 */
public final class FaultInjector {
    public enum Kind { THROTTLE, FAIL, DROP }

    /** One injected fault; {@code status} and {@code retryAfterSeconds} apply to THROTTLE and FAIL. */
    public record Fault(Kind kind, int status, int retryAfterSeconds) {
    }

    private final Deque<Fault> queued = new ArrayDeque<>();
    private FaultOptions options;
    private Random random;

    FaultInjector(FaultOptions options) {
        configure(options);
    }

    /** Replaces the rates and latency and reseeds the Random; queued faults stay. */
    public synchronized void configure(FaultOptions newOptions) {
        this.options = newOptions;
        this.random = new Random(newOptions.seed());
    }

    public synchronized FaultOptions options() {
        return options;
    }

    /** The next {@code n} ARM requests get 429 with the given Retry-After. */
    public synchronized void throttleNext(int n, int retryAfterSeconds) {
        enqueue(n, new Fault(Kind.THROTTLE, 429, retryAfterSeconds));
    }

    /** The next {@code n} ARM requests get {@code status} (5xx). */
    public synchronized void failNext(int n, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("Injected failures must be 5xx, not " + status);
        }
        enqueue(n, new Fault(Kind.FAIL, status, 0));
    }

    /** The next {@code n} ARM requests have their connection closed without a response. */
    public synchronized void dropNext(int n) {
        enqueue(n, new Fault(Kind.DROP, 0, 0));
    }

    public synchronized void clearQueued() {
        queued.clear();
    }

    synchronized long latencyMs() {
        return options.latencyMs();
    }

    synchronized Optional<Fault> next() {
        if (!queued.isEmpty()) {
            return Optional.of(queued.removeFirst());
        }
        double draw = random.nextDouble();
        if (draw < options.dropRate()) {
            return Optional.of(new Fault(Kind.DROP, 0, 0));
        }
        draw -= options.dropRate();
        if (draw < options.throttleRate()) {
            return Optional.of(new Fault(Kind.THROTTLE, 429, options.retryAfterSeconds()));
        }
        draw -= options.throttleRate();
        if (draw < options.failRate()) {
            return Optional.of(new Fault(Kind.FAIL, options.failStatus(), 0));
        }
        return Optional.empty();
    }

    private void enqueue(int n, Fault fault) {
        for (int i = 0; i < n; i++) {
            queued.addLast(fault);
        }
    }
}

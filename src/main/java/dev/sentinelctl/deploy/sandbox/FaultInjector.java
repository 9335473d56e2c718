package dev.sentinelctl.deploy.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides the fault, if any, for each ARM request: first a standing fault for the request's path ({@code failPath}:
 * one workspace's tables list answering 403, say), then the faults queued with {@code throttleNext/failNext/
 * dropNext} (deterministic, for tests), then one random draw against the configured rates.
 */
public final class FaultInjector {
    public enum Kind { THROTTLE, FAIL, DROP }

    /** One injected fault; {@code status} and {@code retryAfterSeconds} apply to THROTTLE and FAIL. */
    public record Fault(Kind kind, int status, int retryAfterSeconds) {
    }

    private final Deque<Fault> queued = new ArrayDeque<>();
    /** Lower-case path fragment → status, answered to every matching request until cleared. */
    private final Map<String, Integer> pathFaults = new LinkedHashMap<>();
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

    /**
     * Every ARM request whose path contains {@code fragment} (ignoring case) is answered {@code status} (4xx or 5xx)
     * until {@link #clearPaths()}: a permission missing on one workspace (403), a workspace gone (404), a service
     * failing for longer than the retries last (5xx).
     */
    public synchronized void failPath(String fragment, int status) {
        if (status < 400 || status > 599 || status == 429) {
            throw new IllegalArgumentException("A path fault must be a 4xx (not 429: use throttleNext) or 5xx status, not " + status);
        }
        if (fragment.isBlank()) throw new IllegalArgumentException("A path fault needs a path fragment");
        pathFaults.put(fragment.toLowerCase(Locale.ROOT), status);
    }

    public synchronized void clearPaths() {
        pathFaults.clear();
    }

    /** The standing fault for a request path, if one matches. */
    synchronized Optional<Fault> forPath(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Integer> e : pathFaults.entrySet()) {
            if (path.contains(e.getKey())) return Optional.of(new Fault(Kind.FAIL, e.getValue(), 0));
        }
        return Optional.empty();
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

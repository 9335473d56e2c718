package dev.sentinelctl.deploy.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and a bounded log of recent requests. Records hold method, path, query, status and timing only:
 * never headers or bodies, so tokens and client secrets cannot end up here.
 */
public final class SandboxStats {
    private static final int RECENT_LIMIT = 1_000;

    /**
     * One handled request. {@code operation} is the method, or LIST for a collection GET; {@code resource} is
     * alertRules, metadata, savedSearches, token, sandbox or other; {@code status} is 0 for a dropped connection.
     */
    public record RequestRecord(Instant at, String operation, String resource, String pathAndQuery, int status,
            String fault, long millis) {
        /** One log line, as the CLI prints it. */
        public String line() {
            return at + " " + operation + " " + pathAndQuery + " -> " + (status == 0 ? "dropped" : status)
                    + (fault == null ? "" : " [injected " + fault + "]") + " " + millis + " ms";
        }
    }

    /** Counters at one moment: by "OPERATION resource" (e.g. "PUT alertRules"), by status, by injected fault. */
    public record Snapshot(long total, Map<String, Long> operations, Map<String, Long> statuses,
            Map<String, Long> faults) {
    }

    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();
    /** Requests being handled whose record is not written yet (the reply may already be on the wire). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final Deque<RequestRecord> recent = new ArrayDeque<>();

    void record(RequestRecord r) {
        total.increment();
        operations.computeIfAbsent(r.operation() + " " + r.resource(), k -> new LongAdder()).increment();
        statuses.computeIfAbsent(r.status() == 0 ? "dropped" : String.valueOf(r.status()), k -> new LongAdder())
                .increment();
        if (r.fault() != null) {
            faults.computeIfAbsent(r.fault(), k -> new LongAdder()).increment();
        }
        synchronized (recent) {
            if (recent.size() == RECENT_LIMIT) {
                recent.removeFirst();
            }
            recent.addLast(r);
        }
    }

    /** Requests counted for e.g. ("PUT", "alertRules") or ("LIST", "alertRules"). */
    void begin() {
        inFlight.incrementAndGet();
    }

    void end() {
        inFlight.decrementAndGet();
    }

    /**
     * A client that got its reply may read the counters before the handler thread has recorded that request;
     * readers wait briefly for requests in flight so counts never miss a request that was already answered.
     */
    private void settle() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
    }

    public long count(String operation, String resource) {
        settle();
        LongAdder a = operations.get(operation + " " + resource);
        return a == null ? 0 : a.sum();
    }

    public long countStatus(int status) {
        settle();
        LongAdder a = statuses.get(String.valueOf(status));
        return a == null ? 0 : a.sum();
    }

    /** Injected faults of one kind: throttle, fail or drop. */
    public long countFault(String kind) {
        settle();
        LongAdder a = faults.get(kind);
        return a == null ? 0 : a.sum();
    }

    public long total() {
        return total.sum();
    }

    public Snapshot snapshot() {
        settle();
        return new Snapshot(total.sum(), sums(operations), sums(statuses), sums(faults));
    }

    /** The last (up to 1,000) requests, oldest first. */
    public List<RequestRecord> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public void reset() {
        settle(); // a request answered before the reset must not be counted after it
        operations.clear();
        statuses.clear();
        faults.clear();
        total.reset();
        synchronized (recent) {
            recent.clear();
        }
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}

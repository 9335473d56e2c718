package dev.sentinelctl.testing.realengine;

import java.util.ArrayDeque;

/**
 * The Log Analytics query API admits 200 requests per 30 s per user; beyond that it answers 429. Simulation sends
 * many small queries, so it paces itself below the limit instead of leaning on retries: at most {@code limit}
 * requests start in any {@code windowNanos}, and at most {@code concurrent} are in flight (the API runs 5 queries per
 * user at once and queues the rest).
 */
public final class RequestBudget {
    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private final java.util.concurrent.Semaphore inFlight;

    /** Log Analytics' documented limits with a margin: 180 requests per 30 s, 5 at once. */
    public static RequestBudget logAnalytics() {
        return new RequestBudget(180, java.time.Duration.ofSeconds(30).toNanos(), 5);
    }

    public RequestBudget(int limit, long windowNanos, int concurrent) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.inFlight = new java.util.concurrent.Semaphore(concurrent, true);
    }

    /** Runs one request within the budget. */
    public <T> T call(java.util.function.Supplier<T> request) throws InterruptedException {
        inFlight.acquire();
        try {
            start();
            return request.get();
        } finally {
            inFlight.release();
        }
    }

    /** Waits until a request may start, and counts it. */
    private synchronized void start() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) starts.removeFirst();
            if (starts.size() < limit) {
                starts.addLast(now);
                return;
            }
            long wait = windowNanos - (now - starts.peekFirst());
            wait(Math.max(1, wait / 1_000_000));
        }
    }
}

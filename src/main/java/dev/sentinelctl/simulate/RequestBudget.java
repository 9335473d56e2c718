package dev.sentinelctl.simulate;

import java.util.ArrayDeque;

/**
 * The Log Analytics query API admits 200 requests per 30 s per user; beyond that it answers 429. Simulation sends
 * many small queries, so it paces itself below the limit instead of leaning on retries: at most {@code limit}
 * requests start in any {@code windowNanos}.
 */
final class RequestBudget {
    private final int limit;
    private final long windowNanos;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();

    RequestBudget(int limit, long windowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** Waits until a request may start, and counts it. */
    synchronized void acquire() throws InterruptedException {
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

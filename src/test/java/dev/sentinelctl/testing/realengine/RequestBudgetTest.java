package dev.sentinelctl.testing.realengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pacing under the query API's rate: a request beyond the window's limit waits for the window to move on. */
class RequestBudgetTest {
    @Test
    void theRequestAfterTheLimitWaitsForTheWindow() throws Exception {
        long window = Duration.ofMillis(150).toNanos();
        RequestBudget budget = new RequestBudget(2, window, 5);
        AtomicInteger sent = new AtomicInteger();
        long start = System.nanoTime();
        budget.call(sent::incrementAndGet);
        budget.call(sent::incrementAndGet);
        budget.call(sent::incrementAndGet);
        long elapsed = System.nanoTime() - start;
        assertEquals(3, sent.get());
        assertTrue(elapsed >= window, "the third request started only after the window: " + elapsed / 1_000_000 + " ms");
    }
}

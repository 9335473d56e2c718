package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.rulePath;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SandboxArmLimitsTest {
    private static final String API = "?api-version=2022-09-01-preview";

    @Test
    void remainingBudgetIsReportedPerCategory() throws Exception {
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults())) {
            HttpResponse<String> first = fx.send("GET", rulePath(null) + API, null, "t");
            HttpResponse<String> second = fx.send("GET", rulePath(null) + API, null, "t");
            // The bucket refills 25 reads/s while the test runs, so only the shape is exact.
            long a = remaining(first, "reads");
            long b = remaining(second, "reads");
            assertTrue(a <= 249 && a >= 240 && b <= a, a + ", " + b);
            HttpResponse<String> delete = fx.send("DELETE", rulePath("none") + API, null, "t");
            assertEquals(199, remaining(delete, "deletes"));
        }
    }

    @Test
    void enforcedWriteBucketThrottlesAndTheSdkWaitsForRetryAfter() throws Exception {
        // 2 writes, then one every 2 s: the third write in a quick burst must wait.
        ArmLimits tight = ArmLimits.REPORT_ONLY.withWriteBucket(2, 0.5).enforced();
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults().withLimits(tight))) {
            var rules = fx.sentinel().alertRules();
            rules.list(RG, "ws-limits").stream().count(); // warm the SDK up on the read bucket
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                rules.createOrUpdate(RG, "ws-limits", "limited-" + i, scheduled("Limited " + i));
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(fx.sandbox.stats().countFault("limit") >= 1, fx.sandbox.stats().snapshot().toString());
            assertTrue(elapsedMs >= 500, "the third write had to wait for a token, took " + elapsedMs + " ms");
            assertEquals(3, rules.list(RG, "ws-limits").stream().count());
        }
    }

    private static long remaining(HttpResponse<String> r, String category) {
        return Long.parseLong(r.headers().firstValue("x-ms-ratelimit-remaining-subscription-" + category)
                .orElseThrow());
    }

    @Test
    void bucketsRefillOverTimeAndAreSeparatePerSubscription() {
        AtomicLong now = new AtomicLong();
        ArmRateLimiter limiter = new ArmRateLimiter(ArmLimits.REPORT_ONLY.withWriteBucket(2, 10).enforced(), now::get);
        assertTrue(limiter.take("sub-a", ArmRateLimiter.Category.WRITES).allowed());
        assertTrue(limiter.take("sub-a", ArmRateLimiter.Category.WRITES).allowed());
        ArmRateLimiter.Decision refused = limiter.take("sub-a", ArmRateLimiter.Category.WRITES);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
        assertTrue(limiter.take("SUB-B", ArmRateLimiter.Category.WRITES).allowed(), "another subscription");
        now.addAndGet(100_000_000); // 0.1 s at 10/s = one token
        assertTrue(limiter.take("sub-a", ArmRateLimiter.Category.WRITES).allowed());

        ArmRateLimiter reportOnly = new ArmRateLimiter(ArmLimits.REPORT_ONLY.withWriteBucket(1, 1), now::get);
        reportOnly.take("s", ArmRateLimiter.Category.WRITES);
        ArmRateLimiter.Decision overBudget = reportOnly.take("s", ArmRateLimiter.Category.WRITES);
        assertTrue(overBudget.allowed());
        assertEquals(0, overBudget.remaining());
    }
}

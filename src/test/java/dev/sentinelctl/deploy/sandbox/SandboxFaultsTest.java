package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.securityinsights.models.AlertRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults as the SDK's retry policy sees them (retry delays are 20-200 ms here; see SandboxFixture.FAST). */
class SandboxFaultsTest {
    private static SandboxFixture fx;
    private static AlertRules rules;

    @BeforeAll
    static void start() throws Exception {
        fx = SandboxFixture.start(SandboxOptions.defaults());
        rules = fx.sentinel().alertRules();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @BeforeEach
    void resetCounters() {
        fx.sandbox.faults().clearQueued();
        fx.sandbox.faults().configure(FaultOptions.NONE);
        fx.sandbox.stats().reset();
    }

    @Test
    void throttlingHonoursRetryAfter() {
        fx.sandbox.faults().throttleNext(1, 1);
        long started = System.nanoTime();
        rules.createOrUpdate(RG, "ws-faults", "throttled", scheduled("Throttled"));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMs >= 1_000, "waited only " + elapsedMs + " ms despite Retry-After: 1");
        assertEquals(2, fx.sandbox.stats().count("PUT", "alertRules"));
        assertEquals(1, fx.sandbox.stats().countFault("throttle"));
        assertEquals(1, fx.sandbox.stats().countStatus(429));
    }

    @Test
    void serverErrorsAreRetried() {
        fx.sandbox.faults().failNext(2, 503);
        rules.createOrUpdate(RG, "ws-faults", "flaky", scheduled("Flaky"));
        assertEquals(3, fx.sandbox.stats().count("PUT", "alertRules"));
        assertEquals(2, fx.sandbox.stats().countStatus(503));
    }

    @Test
    void droppedConnectionsAreRetried() {
        rules.createOrUpdate(RG, "ws-faults", "dropped", scheduled("Dropped"));
        fx.sandbox.faults().dropNext(1);
        assertEquals("dropped", rules.get(RG, "ws-faults", "dropped").name());
        fx.sandbox.faults().dropNext(1);
        rules.createOrUpdate(RG, "ws-faults", "dropped", scheduled("Dropped again"));
        assertEquals(2, fx.sandbox.stats().countFault("drop"));
        assertTrue(fx.sandbox.stats().recent().stream().anyMatch(r -> r.status() == 0));
    }

    @Test
    void persistentFailureSurfacesAfterTheRetryBudget() {
        fx.sandbox.faults().failNext(10, 500);
        ManagementException e = assertThrows(ManagementException.class,
                () -> rules.get(RG, "ws-faults", "anything"));
        assertEquals(500, e.getResponse().getStatusCode());
        assertEquals("InternalServerError", e.getValue().getCode());
        assertEquals(4, fx.sandbox.stats().count("GET", "alertRules"), "1 try + 3 retries");
    }

    @Test
    void latencyIsAddedToEveryArmRequest() {
        rules.createOrUpdate(RG, "ws-faults", "slow", scheduled("Slow"));
        fx.sandbox.faults().configure(FaultOptions.NONE.withLatencyMs(150));
        long started = System.nanoTime();
        rules.get(RG, "ws-faults", "slow");
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 150);
    }

    @Test
    void randomFaultsAreReproducibleForASeed() {
        FaultOptions rates = FaultOptions.NONE.withThrottle(0.2, 1).withFailures(0.2, 503).withDropRate(0.1)
                .withSeed(7);
        assertEquals(draws(rates, 200), draws(rates, 200));
        List<Optional<FaultInjector.Fault>> sample = draws(rates, 2_000);
        long faulted = sample.stream().filter(Optional::isPresent).count();
        assertTrue(faulted > 900 && faulted < 1_100, "about half of 2000 draws should fault, got " + faulted);
    }

    @Test
    void randomRatesDriveTheSdkToRetryAndStillSucceed() {
        fx.sandbox.faults().configure(FaultOptions.NONE.withFailures(0.2, 503).withThrottle(0.1, 0).withSeed(3));
        for (int i = 0; i < 10; i++) {
            rules.createOrUpdate(RG, "ws-random", "random-" + i, scheduled("Random " + i));
        }
        fx.sandbox.faults().configure(FaultOptions.NONE);
        assertEquals(10, rules.list(RG, "ws-random").stream().count());
        assertTrue(fx.sandbox.stats().count("PUT", "alertRules") > 10, "some PUTs were retried");
    }

    private static List<Optional<FaultInjector.Fault>> draws(FaultOptions options, int n) {
        FaultInjector injector = new FaultInjector(options);
        List<Optional<FaultInjector.Fault>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(injector.next());
        }
        return out;
    }
}

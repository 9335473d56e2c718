package dev.sentinelctl.cli;

import static dev.sentinelctl.cli.DeployFixture.RG;
import static dev.sentinelctl.cli.DeployFixture.WS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random throttling, 5xx and dropped connections: apply still converges, nothing lost or duplicated. */
class DeployFaultsTest {
    @TempDir
    Path dir;

    @Test
    void seededFaultsStillConvergeWithEveryResourceExactlyOnce() throws Exception {
        FaultOptions faults = FaultOptions.NONE.withThrottle(0.08, 0).withFailures(0.08, 503).withDropRate(0.05)
                .withSeed(20261127);
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults().withPageSize(7).withFaults(faults))) {
            f.rules(30);
            for (int i = 1; i <= 3; i++) f.hunt(i);
            int runs = 0;
            CliRunner.Run last;
            do {
                last = f.run("apply", "--parallelism", "6", "--retries", "4");
                runs++;
            } while (last.exit() != 0 && runs < 4);
            assertEquals(0, last.exit(), "did not converge in " + runs + " runs:\n" + last.out() + last.err());
            assertTrue(f.sandbox.stats().countFault("throttle") > 0, "throttles were injected");
            assertTrue(f.sandbox.stats().countFault("fail") > 0, "failures were injected");
            assertTrue(f.sandbox.stats().countFault("drop") > 0, "drops were injected");

            // Count what is there: every rule and query once, each with its metadata, nothing else. The portal
            // client retries injected faults too (it is the SDK's default pipeline with fast retries).
            List<String> rules = f.portal().alertRules().list(RG, WS).stream().map(r -> r.name()).toList();
            Set<String> unique = new HashSet<>(rules);
            assertEquals(30, rules.size(), rules.toString());
            assertEquals(30, unique.size());
            for (int i = 1; i <= 30; i++) assertTrue(unique.contains(DeployFixture.ruleId(i)), "rule " + i);
            assertEquals(33 * 2, f.sandbox.resourceCount(), "30 rules + 3 saved searches, each with one metadata");

            CliRunner.Run plan = f.run("plan", "--detailed-exitcode", "--retries", "6");
            assertEquals(0, plan.exit(), plan.out() + plan.err());
        }
    }
}

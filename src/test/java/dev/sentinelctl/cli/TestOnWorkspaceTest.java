package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.deploy.sandbox.FaultOptions;
import dev.sentinelctl.deploy.sandbox.SandboxOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test --engine workspace} end to end: the bundled content's tests, each query with its fixtures inlined,
 * sent through the real SDK pipeline (credential, token from the sandbox's authority, retries) to the sandbox's
 * {@code /api/query}, whose answer is read back into the expectations.
 */
class TestOnWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void theBundledTestsPassOnTheWorkspaceEngineOneQueryPerTest() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            CliRunner.Run run = f.run("test", "content", "--engine", "workspace", "--workspace", "prod");
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("21 passed"), run.out());
            assertEquals(21, f.count("POST", "query"), "one query per test");
        }
    }

    @Test
    void compareAgreesWhenBothEnginesAnswerAlike() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            CliRunner.Run run = f.run("test", "content", "--engine", "workspace", "--workspace", "prod", "--compare");
            assertEquals(0, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("21 passed"), run.out());
        }
    }

    @Test
    void compareReportsEveryTestWhereTheWorkspaceDisagreesAndExitsOne() throws Exception {
        // every query fails on the workspace (injected 500s, no retries): our engine answers, the workspace does not
        SandboxOptions faulty = SandboxOptions.defaults().withFaults(FaultOptions.NONE.withFailures(1.0, 500));
        try (DeployFixture f = new DeployFixture(dir, faulty)) {
            CliRunner.Run run = f.run("test", "content/Detections", "--engine", "workspace", "--workspace", "prod", "--compare",
                    "--retries", "0");
            assertEquals(1, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("COMPARE-disagree: sentinelctl's engine ran the query but workspace prod did not"), run.out());
        }
    }

    @Test
    void aMissingWorkspaceOrOptionIsAUsageError() throws Exception {
        try (DeployFixture f = new DeployFixture(dir, SandboxOptions.defaults())) {
            CliRunner.Run none = f.run("test", "content", "--engine", "workspace");
            assertEquals(2, none.exit(), none.out() + none.err());
            assertTrue(none.err().contains("--engine workspace needs --deploy-config FILE and --workspace NAME"), none.err());
            CliRunner.Run compare = CliRunner.run("test", "content", "--compare");
            assertEquals(2, compare.exit());
            assertTrue(compare.err().contains("--compare needs --engine workspace or --engine adx"), compare.err());
        }
    }
}

package dev.sentinelctl.deploy.sandbox;

import static dev.sentinelctl.deploy.sandbox.SandboxFixture.RG;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.WS;
import static dev.sentinelctl.deploy.sandbox.SandboxFixture.scheduled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.securityinsights.models.Kind;
import com.azure.resourcemanager.securityinsights.models.ScheduledAlertRule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxPersistenceTest {

    @Test
    void stateSurvivesARestartWithTheSameDataDirectory(@TempDir Path data) throws Exception {
        String etag;
        String firstCertificate;
        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults().withDataDir(data))) {
            var sentinel = fx.sentinel();
            String ruleId = sentinel.alertRules().createOrUpdate(RG, WS, "kept", scheduled("Kept")).id();
            etag = sentinel.alertRules().get(RG, WS, "kept").etag();
            sentinel.metadatas().define("analytics-kept").withExistingWorkspace(RG, WS).withParentId(ruleId)
                    .withKind(Kind.ANALYTICS_RULE).create();
            fx.logAnalytics().savedSearches().define("hunt-kept").withExistingWorkspace(RG, WS)
                    .withCategory("Hunting Queries").withDisplayName("Kept hunt").withQuery("Heartbeat").create();
            assertEquals(data.resolve(ArmSandbox.TRUST_FILE_NAME), fx.sandbox.trustFile());
            firstCertificate = Files.readString(fx.sandbox.trustFile());
            waitForFile(data.resolve(StateFile.FILE_NAME));
        }
        assertTrue(Files.readString(data.resolve(StateFile.FILE_NAME)).contains(StateFile.FORMAT));

        try (SandboxFixture fx = SandboxFixture.start(SandboxOptions.defaults().withDataDir(data))) {
            assertNotEquals(firstCertificate, Files.readString(fx.sandbox.trustFile()),
                    "a fresh certificate each start; the private key is never written to disk");
            var rules = fx.sentinel().alertRules();
            assertEquals(etag, rules.get(RG, WS, "kept").etag());
            assertEquals("Kept", ((ScheduledAlertRule) rules.get(RG, WS, "kept").innerModel()).displayName());
            assertEquals(1, fx.sentinel().metadatas().list(RG, WS).stream().count());
            assertEquals("Kept hunt", fx.logAnalytics().savedSearches().get(RG, WS, "hunt-kept").displayName());
            rules.createOrUpdate(RG, WS, "kept", scheduled("Kept v2").withEtag(etag));
            assertThrows(ManagementException.class,
                    () -> rules.createOrUpdate(RG, WS, "kept", scheduled("Kept v3").withEtag(etag)));
            assertTrue(fx.sandbox.workspaces().stream().anyMatch(w -> w.workspace().equals(WS)));
        }
    }

    @Test
    void aCorruptStateFileStopsStartWithAFix(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(StateFile.FILE_NAME), "{ not json");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ArmSandbox.start(SandboxOptions.defaults().withDataDir(data)));
        assertTrue(e.getMessage().contains(StateFile.FILE_NAME) && e.getMessage().contains("--data"), e.getMessage());
    }

    /** Writes are saved in the background within a fraction of a second, not only at close. */
    private static void waitForFile(Path file) throws InterruptedException {
        for (int i = 0; i < 50 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), file + " was not written while running");
    }
}

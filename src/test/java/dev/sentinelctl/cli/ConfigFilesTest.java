package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two files, two names, two options: project settings are {@code .sentinelctl.yaml} ({@code --settings}), the
 * deployment config is {@code sentinelctl-deploy.yaml} ({@code --deploy-config}). The old shared {@code --config} and
 * the deployment config's old name {@code sentinelctl.yaml} keep working with a note; each file handed to the other
 * option says which option it belongs to.
 */
class ConfigFilesTest {
    @TempDir
    Path dir;

    static final String DEPLOY = "workspaces:\n  prod: {workspace: ws-prod, tenant: t, subscription: 11111111-2222-3333-4444-555555555555,"
            + " resourceGroup: rg, credential: environment}\n";

    @Test
    void theDeploymentConfigIsFoundByItsNameAndItsOldNameWithANote() throws IOException {
        DeployOptions options = new DeployOptions();
        assertEquals(new DeployOptions.ConfigChoice(dir.resolve("sentinelctl-deploy.yaml"), List.of()), options.configChoice(dir));
        Files.writeString(dir.resolve("sentinelctl.yaml"), DEPLOY);
        DeployOptions.ConfigChoice legacy = options.configChoice(dir);
        assertEquals(dir.resolve("sentinelctl.yaml"), legacy.file());
        assertTrue(legacy.notes().get(0).contains("rename it to") && legacy.notes().get(0).contains("sentinelctl-deploy.yaml"),
                legacy.notes().toString());
        Files.writeString(dir.resolve("sentinelctl-deploy.yaml"), DEPLOY);
        assertEquals(new DeployOptions.ConfigChoice(dir.resolve("sentinelctl-deploy.yaml"), List.of()), options.configChoice(dir),
                "the new name wins when both exist");
        options.legacyConfig = dir.resolve("other.yaml");
        assertTrue(options.configChoice(dir).notes().get(0).contains("--config is now --deploy-config"));
        options.deployConfig = dir.resolve("chosen.yaml");
        assertEquals(new DeployOptions.ConfigChoice(dir.resolve("chosen.yaml"), List.of()), options.configChoice(dir));
    }

    @Test
    void theOldConfigOptionStillWorksWithANoteOnBothSides() throws IOException {
        Path deploy = dir.resolve("sentinelctl-deploy.yaml");
        Files.writeString(deploy, "workspaces:\n  prod: {workspace: ws-prod}\n"); // incomplete: reported, after the note
        CliRunner.Run plan = CliRunner.runWithEnv(Map.of(), "plan", "--config", deploy.toString());
        assertEquals(2, plan.exit(), plan.err());
        assertTrue(plan.err().contains("sentinelctl-deploy.yaml:2:"), "the legacy option still reads the file: " + plan.err());

        Fixtures.write(dir, "content/Detections/a.yaml", Fixtures.RULE.replace("| where EventID in (4624, 4625)",
                "| where EventID in (4624, 4625) and Activity contains \"logon\""));
        Path settings = Fixtures.write(dir, "team-settings.yaml", "rules:\n  KQL-contains-vs-has: error\n");
        CliRunner.Run byNew = CliRunner.run("check", dir.resolve("content").toString(), "--settings", settings.toString());
        assertEquals(1, byNew.exit(), byNew.out());
        assertTrue(byNew.err().isEmpty(), byNew.err());
        CliRunner.Run byOld = CliRunner.run("check", dir.resolve("content").toString(), "--config", settings.toString());
        assertEquals(1, byOld.exit(), "--config still applies the settings: " + byOld.out());
        assertTrue(byOld.err().contains("note: --config is now --settings"), byOld.err());
    }

    @Test
    void eachFileHandedToTheOtherOptionSaysWhereItBelongs() throws IOException {
        Path deploy = dir.resolve("sentinelctl-deploy.yaml");
        Files.writeString(deploy, DEPLOY);
        Fixtures.write(dir, "content/Detections/a.yaml", Fixtures.RULE);
        CliRunner.Run check = CliRunner.run("check", dir.resolve("content").toString(), "--settings", deploy.toString());
        assertEquals(2, check.exit());
        assertTrue(check.err().contains("is a deployment config") && check.err().contains("--deploy-config"), check.err());

        Path settings = dir.resolve(".sentinelctl.yaml");
        Files.writeString(settings, "profile: azure-sentinel\n");
        CliRunner.Run plan = CliRunner.runWithEnv(Map.of(), "plan", "--deploy-config", settings.toString());
        assertEquals(2, plan.exit());
        assertTrue(plan.err().contains("holds project settings") && plan.err().contains("--settings"), plan.err());
    }
}

package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.arm.repositories.GitBlob;
import dev.sentinelctl.arm.repositories.RepositoriesTypes;
import dev.sentinelctl.check.Fixtures;
import dev.sentinelctl.content.playbook.PlaybookFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small Repositories-style repository (config with priorities, exclusions, a mapped parameter file and a dummy
 * section; a playbook with parameter files; a rule template as build writes it; a watchlist and a workbook template;
 * a tracking table) taken over by {@code import --repositories}, and {@code build --repositories} output checked
 * against the types Repositories deploys.
 */
class RepositoriesInteropTest {
    private static final String WS_ID = "8b2e6a6f-0000-4000-8000-000000000001";
    @TempDir
    Path dir;

    private Path repository() throws Exception {
        Path repo = dir.resolve("repo");
        Fixtures.write(dir, "src/Detections/SecurityEvent/Brute.yaml", Fixtures.RULE);
        CliRunner.Run build = CliRunner.run("build", dir.resolve("src").toString(), "--out", repo.resolve("AnalyticRules").toString(), "--repositories");
        assertEquals(0, build.exit(), build.out() + build.err());
        PlaybookFixtures.write(repo, "Playbooks/Block/azuredeploy.json", PlaybookFixtures.TEMPLATE);
        PlaybookFixtures.write(repo, "Playbooks/Block/azuredeploy.parameters.json", PlaybookFixtures.parameters("default@x"));
        PlaybookFixtures.write(repo, "params/prod.json", PlaybookFixtures.parameters("prod@x"));
        PlaybookFixtures.write(repo, "Old/legacy.json", PlaybookFixtures.TEMPLATE);
        PlaybookFixtures.write(repo, "Watchlists/vip.json", """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [{"type": "Microsoft.OperationalInsights/workspaces/providers/Watchlists", "name": "x", "apiVersion": "2021-09-01-preview"}]}
                """);
        PlaybookFixtures.write(repo, "Workbooks/wb.json", """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "resources": [{"type": "Microsoft.Insights/workbooks", "name": "x", "apiVersion": "2020-02-12"}]}
                """);
        PlaybookFixtures.write(repo, "sentinel-deployment.config", """
                {
                  "prioritizedcontentfiles": ["Playbooks/Block/azuredeploy.json"],
                  "excludecontentfiles": ["Old/"],
                  "parameterfilemappings": {"%s": {"Playbooks/Block/azuredeploy.json": "params/prod.json"}},
                  "DummySection": "Need to have this section to avoid errors"
                }
                """.formatted(WS_ID));
        String blob = GitBlob.sha1(Files.readAllBytes(repo.resolve("Playbooks/Block/azuredeploy.json")));
        PlaybookFixtures.write(repo, ".sentinel/tracking_table_abc.csv", """
                FileName, CommitSha
                Playbooks/Block/azuredeploy.json,%s
                AnalyticRules/Detections/SecurityEvent/Brute.json,0000000000000000000000000000000000000000
                Gone/gone.json,1111111111111111111111111111111111111111
                """.formatted(blob));
        return repo;
    }

    @Test
    void gitBlobIdIsGitsOwn() {
        // `printf 'hello\n' | git hash-object --stdin`
        assertEquals("ce013625030ba8dba906f756967f9e9ca394464a", GitBlob.sha1("hello\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void importTakesOverWhatIsRepresentableAndReportsTheRest() throws Exception {
        Path repo = repository();
        Path out = dir.resolve("out");
        CliRunner.Run imp = CliRunner.run("import", "--repositories", repo.toString(), "--out", out.toString());
        assertEquals(0, imp.exit(), imp.out() + imp.err());
        String err = imp.err();
        assertTrue(err.contains("Playbooks/Block/azuredeploy.json: playbook, copied with its parameter files"), err);
        assertTrue(err.contains("AnalyticRules/Detections/SecurityEvent/Brute.json: converted to YAML"), err);
        assertTrue(err.contains("Old/legacy.json: excluded by excludecontentfiles"), err);
        assertTrue(err.contains("Watchlists/vip.json: resource types Repositories does not deploy"), err);
        assertTrue(err.contains("Workbooks/wb.json: Workbook content"), err);
        assertTrue(err.contains("prioritizedcontentfiles: not needed"), err);
        assertTrue(err.contains("DummySection: ignored by Repositories too"), err);
        assertTrue(err.contains("AnalyticRules/Detections/SecurityEvent/Brute.json: changed since Repositories last deployed it"), err);
        assertTrue(err.contains("Gone/gone.json: in tracking_table_abc.csv but gone"), err);
        assertTrue(err.contains(".sentinel/tracking_table_abc.csv: 1 of 3 files as Repositories last deployed them"), err);
        for (String f : List.of("Playbooks/Block/azuredeploy.json", "Playbooks/Block/azuredeploy.parameters.json", "params/prod.json",
                "sentinel-deployment.config", "Detections/SecurityEvent/Brute.yaml")) {
            assertTrue(Files.exists(out.resolve(f)), f + " in " + out);
        }
        assertFalse(Files.exists(out.resolve("Old/legacy.json")));
        CliRunner.Run validate = CliRunner.run("validate", out.toString());
        assertEquals(0, validate.exit(), validate.out() + validate.err());
    }

    @Test
    void buildForRepositoriesWritesOnlyTypesItDeploysAndCopiesPlaybooks() throws Exception {
        Fixtures.write(dir, "content/Detections/SecurityEvent/Brute.yaml", Fixtures.RULE);
        Fixtures.write(dir, "content/Hunting Queries/EmailEvents/Mail.yaml", Fixtures.HUNTING);
        PlaybookFixtures.write(dir, "content/Playbooks/Block/azuredeploy.json", PlaybookFixtures.TEMPLATE);
        PlaybookFixtures.write(dir, "content/Playbooks/Block/azuredeploy.parameters-" + WS_ID + ".json", PlaybookFixtures.parameters("x@y"));
        Path out = dir.resolve("arm");
        CliRunner.Run build = CliRunner.run("build", dir.resolve("content").toString(), "--out", out.toString(), "--repositories");
        assertEquals(0, build.exit(), build.out() + build.err());
        assertTrue(Files.exists(out.resolve("Playbooks/Block/azuredeploy.parameters-" + WS_ID + ".json")));
        for (String f : List.of("Detections/SecurityEvent/Brute.json", "Hunting Queries/EmailEvents/Mail.json", "Playbooks/Block/azuredeploy.json")) {
            assertEquals(List.of(), RepositoriesTypes.refusedIn(out.resolve(f)), f);
        }
        CliRunner.Run both = CliRunner.run("build", dir.resolve("content").toString(), "--out", out.toString(), "--repositories", "--metadata");
        assertEquals(2, both.exit(), both.err());
        // without --repositories, --metadata writes a type Repositories refuses: the check is what catches it
        CliRunner.Run meta = CliRunner.run("build", dir.resolve("content").toString(), "--out", dir.resolve("m").toString(), "--metadata");
        assertEquals(0, meta.exit(), meta.err());
        assertEquals(List.of("Microsoft.OperationalInsights/workspaces/providers/metadata"),
                RepositoriesTypes.refusedIn(dir.resolve("m/Detections/SecurityEvent/Brute.json")));
    }
}

package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.check.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PR mode on a real temporary git repository with two commits. */
class ChangedSinceTest {
    @TempDir
    Path repo;

    private void git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.email=t@example.com", "-c", "user.name=t",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private static final String OTHER = Fixtures.RULE.replace("0f8a2c3e", "1f8a2c3e").replace("name: Failed logons", "name: Other rule");
    private static final String THIRD = Fixtures.RULE.replace("0f8a2c3e", "2f8a2c3e").replace("name: Failed logons", "name: Third rule");

    @BeforeEach
    void baseCommit() throws Exception {
        git("init", "-q");
        Fixtures.write(repo, "content/Detections/a.yaml", Fixtures.RULE);
        Fixtures.write(repo, "content/Detections/b.yaml", OTHER);
        Fixtures.write(repo, "content/Detections/c.yaml", THIRD);
        Fixtures.write(repo, "content/Detections/old-broken.yaml", Fixtures.RULE.replace("0f8a2c3e", "3f8a2c3e")
                .replace("severity: Medium", "severity: Critical"));
        git("add", "-A");
        git("commit", "-q", "-m", "base");
        git("tag", "base");
    }

    private JsonNode run(int expectedExit, String... extra) {
        List<String> args = new ArrayList<>(List.of("validate", repo.resolve("content").toString(), "--format", "json"));
        args.addAll(List.of(extra));
        CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
        assertEquals(expectedExit, run.exit(), run.out() + run.err());
        return JsonMapper.builder().build().readTree(run.out());
    }

    private static List<String> rules(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.get("diagnostics").forEach(d -> ids.add(d.get("ruleId").asString() + "@" + Path.of(d.get("file").asString()).getFileName()));
        return ids;
    }

    @Test
    void onlyChangedFilesAreReportedAndLogicChangesNeedAVersionBump() throws Exception {
        Fixtures.write(repo, "content/Detections/a.yaml", Fixtures.RULE.replace("Failed > 10", "Failed > 20"));
        Fixtures.write(repo, "content/Detections/b.yaml", OTHER.replace("| where EventID in", "// a comment change only\n  | where EventID in")
                .replace("version: 1.0.0", "version: 1.0.0"));
        git("add", "-A");
        git("commit", "-q", "-m", "change");
        // the rule deploys, Content Hub just does not see the update: a warning, an error under Microsoft's gates
        assertEquals("warning", run(0, "--changed-since", "base").get("diagnostics").get(0).get("severity").asString());
        JsonNode report = run(1, "--changed-since", "base", "--profile", "azure-sentinel");
        List<String> ids = rules(report);
        assertTrue(ids.contains("PR-version-not-bumped@a.yaml"), ids.toString());
        assertTrue(ids.stream().noneMatch(i -> i.endsWith("old-broken.yaml")), "unchanged files are not reported: " + ids);
        assertEquals(2, report.get("summary").get("files").asInt());
        JsonNode d = report.get("diagnostics").get(0);
        assertTrue(d.get("message").asString().contains("query changed but version stayed 1.0.0"), d.toString());
        assertTrue(d.get("fixHint").asString().contains("1.0.1"));

        Fixtures.write(repo, "content/Detections/a.yaml", Fixtures.RULE.replace("Failed > 10", "Failed > 20").replace("version: 1.0.0", "version: 1.1.0"));
        assertEquals(List.of(), rules(run(0, "--changed-since", "base")));
    }

    @Test
    void idChangesAreErrorsAndDeletionsAreListed() throws Exception {
        Fixtures.write(repo, "content/Detections/b.yaml", OTHER.replace("1f8a2c3e", "9f8a2c3e"));
        Files.delete(repo.resolve("content/Detections/c.yaml"));
        Fixtures.write(repo, "content/Detections/new.yaml", THIRD.replace("2f8a2c3e", "4f8a2c3e"));
        List<String> ids = rules(run(1, "--changed-since", "base", "--profile", "azure-sentinel"));
        assertTrue(ids.contains("PR-id-changed@b.yaml"), ids.toString());
        assertTrue(rules(run(0, "--changed-since", "base")).contains("PR-id-changed@b.yaml"), "a warning by default");
        assertTrue(ids.contains("PR-deleted@c.yaml"), ids.toString());
        assertTrue(ids.stream().noneMatch(i -> i.endsWith("new.yaml")), ids.toString());
    }

    @Test
    void duplicateIdsStillSeeUnchangedFiles() throws Exception {
        Fixtures.write(repo, "content/Detections/dup.yaml", Fixtures.RULE.replace("name: Failed logons", "name: Copy"));
        List<String> ids = rules(run(1, "--changed-since", "base"));
        assertEquals(List.of("REPO-duplicate-id@dup.yaml"), ids);
    }

    @Test
    void clearErrorsForUnknownRefsAndNonRepositories(@TempDir Path plain) {
        CliRunner.Run unknown = CliRunner.run("validate", repo.resolve("content").toString(), "--changed-since", "nope/branch");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown git ref 'nope/branch'") && unknown.err().contains("fetch-depth"), unknown.err());
        Fixtures.write(plain, "x/a.yaml", Fixtures.RULE);
        CliRunner.Run notRepo = CliRunner.run("validate", plain.resolve("x").toString(), "--changed-since", "main");
        assertEquals(2, notRepo.exit());
        assertTrue(notRepo.err().contains("not inside a git repository"), notRepo.err());
    }
}

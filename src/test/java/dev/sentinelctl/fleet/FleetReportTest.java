package dev.sentinelctl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FleetReportTest {

    static String id(String name) {
        return "/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/" + name;
    }

    static WorkspaceResult ok(String name, String ring, int ringIndex) {
        return new WorkspaceResult(id(name), "t", ring, ringIndex, WorkspaceResult.Status.SUCCEEDED, Optional.empty(),
                List.of("a"), List.of("b", "c"), List.of(), List.of(new WorkspaceResult.ItemSkip("d", "table X does not exist in " + name)), List.of(), Optional.of("2026-11-27T10:00:00Z"), 1500);
    }

    static WorkspaceResult failed(String name, String ring, int ringIndex) {
        return new WorkspaceResult(id(name), "t", ring, ringIndex, WorkspaceResult.Status.SUCCEEDED, Optional.empty(),
                List.of(), List.of("b"), List.of(), List.of(), List.of(new WorkspaceResult.ItemFailure("c", "400 BadRequest: query too long")),
                Optional.empty(), 900);
    }

    static RolloutReport report(String shard, String finished, WorkspaceResult... ws) {
        return new RolloutReport(shard == null ? Optional.empty() : Optional.of(Shard.parse(shard)), Optional.of("2026-11-27T10:00:00Z"),
                Optional.of(finished), List.of(ws));
    }

    @Test
    void jsonRoundTripAndAFailedItemFailsTheWorkspace() {
        RolloutReport r = report("2/4", "2026-11-27T10:05:00Z", ok("law-a", "canary", 0), failed("law-b", "broad", 1));
        assertEquals(WorkspaceResult.Status.FAILED, r.workspaces().get(1).status());
        String json = RolloutReportJson.write(r);
        assertTrue(json.contains("\"format\" : \"sentinelctl-rollout-report\""), json);
        assertEquals(r, RolloutReportJson.parse(json, "r.json"));
    }

    @Test
    void badReportsNameTheirPath() {
        assertMessage("not JSON", "{");
        assertMessage("not a sentinelctl rollout report", "{\"workspaces\": []}");
        assertMessage("version 2", "{\"format\": \"sentinelctl-rollout-report\", \"version\": 2, \"workspaces\": []}");
        assertMessage("$.workspaces[0].status: 'done'", "{\"format\": \"sentinelctl-rollout-report\", \"version\": 1, \"workspaces\": "
                + "[{\"resourceId\": \"x\", \"ring\": \"r\", \"status\": \"done\"}]}");
        assertMessage("$.workspaces[0].resourceId: missing", "{\"format\": \"sentinelctl-rollout-report\", \"version\": 1, \"workspaces\": [{}]}");
    }

    static void assertMessage(String expected, String json) {
        var e = assertThrows(RolloutReportJson.ReportException.class, () -> RolloutReportJson.parse(json, "r.json"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void mergeJoinsShardsAndReportsDuplicatesConflictsAndMissingShards() {
        ReportMerger merger = new ReportMerger();
        ReportMerger.Result clean = merger.merge(List.of(
                new ReportMerger.Input("s1", report("1/2", "2026-11-27T10:05:00Z", ok("law-b", "broad", 1))),
                new ReportMerger.Input("s2", report("2/2", "2026-11-27T10:06:00Z", ok("law-a", "canary", 0), ok("law-c", "broad", 1)))));
        assertEquals(List.of(), clean.problems());
        assertEquals(List.of(id("law-a"), id("law-b"), id("law-c")), clean.merged().workspaces().stream().map(WorkspaceResult::resourceId).toList());
        assertEquals(Optional.of("2026-11-27T10:06:00Z"), clean.merged().finishedAt());
        assertEquals(Optional.empty(), clean.merged().shard());

        ReportMerger.Result messy = merger.merge(List.of(
                new ReportMerger.Input("s1", report("1/3", "2026-11-27T10:09:00Z", ok("law-a", "canary", 0), failed("law-b", "broad", 1))),
                new ReportMerger.Input("s1-again", report("1/3", "2026-11-27T10:05:00Z", ok("LAW-A", "canary", 0), ok("law-b", "broad", 1)))));
        List<ReportMerger.ProblemKind> kinds = messy.problems().stream().map(ReportMerger.Problem::kind).toList();
        assertTrue(kinds.contains(ReportMerger.ProblemKind.SHARD_TWICE), kinds.toString());
        assertEquals(2, kinds.stream().filter(k -> k == ReportMerger.ProblemKind.MISSING_SHARD).count(), kinds.toString());
        assertTrue(kinds.contains(ReportMerger.ProblemKind.CONFLICT), kinds.toString());
        assertTrue(messy.hasSeriousProblems());
        // law-a differs only in the case of its id: not the same entry, reported as a conflict too
        WorkspaceResult b = messy.merged().workspaces().stream().filter(w -> w.resourceId().equals(id("law-b"))).findFirst().orElseThrow();
        assertEquals(WorkspaceResult.Status.FAILED, b.status(), "the later report wins a conflict");

        ReportMerger.Result dup = merger.merge(List.of(new ReportMerger.Input("a", report(null, "x", ok("law-a", "canary", 0))),
                new ReportMerger.Input("b", report(null, "x", ok("law-a", "canary", 0)))));
        assertEquals(List.of(ReportMerger.ProblemKind.DUPLICATE), dup.problems().stream().map(ReportMerger.Problem::kind).toList());
        assertFalse(dup.hasSeriousProblems());
        assertEquals(1, dup.merged().workspaces().size());

        ReportMerger.Result counts = merger.merge(List.of(new ReportMerger.Input("a", report("1/2", "x")), new ReportMerger.Input("b", report("2/3", "x"))));
        assertEquals(ReportMerger.ProblemKind.SHARD_COUNT, counts.problems().get(0).kind());
    }

    static WorkspaceResult notRun(String name, String ring, int ringIndex) {
        return new WorkspaceResult(id(name), "t", ring, ringIndex, WorkspaceResult.Status.NOT_RUN, Optional.of("ring canary: 1 of 1 failed"),
                List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), 0);
    }

    static RolloutReport run(String runId, Optional<ResumedFrom> from, String shard, String finished, WorkspaceResult... ws) {
        return new RolloutReport(shard == null ? Optional.empty() : Optional.of(Shard.parse(shard)), Optional.of("2026-11-27T10:00:00Z"),
                Optional.of(finished), List.of(ws), Optional.of(runId), from, List.of());
    }

    static Optional<ResumedFrom> resumes(String file, String runId) {
        return Optional.of(new ResumedFrom(file, Optional.of(runId), "0".repeat(64)));
    }

    @Test
    void aResumedRunSupersedesTheReportItResumedInEitherOrder() {
        RolloutReport r1 = run("run-1", Optional.empty(), null, "2026-11-27T10:05:00Z",
                ok("law-a", "canary", 0), failed("law-b", "wave", 1), notRun("law-c", "broad", 2));
        RolloutReport r2 = run("run-2", resumes("r1.json", "run-1"), null, "2026-11-27T11:00:00Z",
                ok("law-a", "canary", 0), ok("law-b", "wave", 1), ok("law-c", "broad", 2));
        for (List<ReportMerger.Input> inputs : List.of(List.of(new ReportMerger.Input("r1.json", r1), new ReportMerger.Input("r2.json", r2)),
                List.of(new ReportMerger.Input("r2.json", r2), new ReportMerger.Input("r1.json", r1)))) {
            ReportMerger.Result m = new ReportMerger().merge(inputs);
            assertFalse(m.hasSeriousProblems(), m.problems().toString());
            assertEquals(List.of(ReportMerger.ProblemKind.SUPERSEDED), m.problems().stream().map(ReportMerger.Problem::kind).toList());
            assertTrue(m.problems().get(0).message().contains("r2.json resumed r1.json: its results replace the earlier ones for 2 workspace(s)"),
                    m.problems().get(0).message());
            assertTrue(m.merged().workspaces().stream().allMatch(w -> w.status() == WorkspaceResult.Status.SUCCEEDED));
            assertTrue(m.merged().includes().containsAll(List.of("run-1", "run-2")));
        }
    }

    @Test
    void aResumedRunSupersedesEvenWhenItFinishedEarlierAndThroughChains() {
        // clocks of CI runners differ: lineage, not finishedAt, decides
        RolloutReport r1 = run("run-1", Optional.empty(), null, "2026-11-27T12:00:00Z", failed("law-a", "canary", 0), notRun("law-b", "broad", 1));
        RolloutReport r2 = run("run-2", resumes("r1.json", "run-1"), null, "2026-11-27T11:00:00Z", failed("law-a", "canary", 0), notRun("law-b", "broad", 1));
        RolloutReport r3 = run("run-3", resumes("r2.json", "run-2"), null, "2026-11-27T10:00:00Z", ok("law-a", "canary", 0), ok("law-b", "broad", 1));
        ReportMerger.Result m = new ReportMerger().merge(List.of(new ReportMerger.Input("r3", r3), new ReportMerger.Input("r1", r1),
                new ReportMerger.Input("r2", r2)));
        assertFalse(m.hasSeriousProblems(), m.problems().toString());
        assertTrue(m.merged().workspaces().stream().allMatch(w -> w.status() == WorkspaceResult.Status.SUCCEEDED), m.merged().toString());
    }

    @Test
    void aResumeIsRecognisedByTheDigestOfAReportWithoutRunIdAndStandsInForItsShard() {
        RolloutReport old = report("1/2", "2026-11-27T10:05:00Z", failed("law-a", "canary", 0)); // written before run ids
        String digest = "ab".repeat(32);
        RolloutReport resumed = run("run-2", Optional.of(new ResumedFrom("s1.json", Optional.empty(), digest)), "1/2",
                "2026-11-27T11:00:00Z", ok("law-a", "canary", 0));
        RolloutReport other = run("run-3", Optional.empty(), "2/2", "2026-11-27T10:06:00Z", ok("law-b", "canary", 0));
        ReportMerger.Result m = new ReportMerger().merge(List.of(new ReportMerger.Input("s1.json", old, Optional.of(digest)),
                new ReportMerger.Input("s1-resumed.json", resumed), new ReportMerger.Input("s2.json", other)));
        assertFalse(m.hasSeriousProblems(), m.problems().toString());
        assertEquals(2, m.merged().workspaces().size());
        assertTrue(m.merged().includes().contains("sha256:" + digest), m.merged().includes().toString());

        // the same file changed since (another digest): independent, so the disagreement is a conflict again
        ReportMerger.Result changed = new ReportMerger().merge(List.of(new ReportMerger.Input("s1.json", old, Optional.of("cd".repeat(32))),
                new ReportMerger.Input("s1-resumed.json", resumed), new ReportMerger.Input("s2.json", other)));
        List<ReportMerger.ProblemKind> kinds = changed.problems().stream().map(ReportMerger.Problem::kind).toList();
        assertTrue(kinds.containsAll(List.of(ReportMerger.ProblemKind.RESUMED_ELSEWHERE, ReportMerger.ProblemKind.CONFLICT,
                ReportMerger.ProblemKind.SHARD_TWICE)), kinds.toString());
        assertTrue(changed.hasSeriousProblems());
    }

    @Test
    void twoIndependentRunsThatDisagreeAreStillAConflict() {
        RolloutReport a = run("run-a", Optional.empty(), null, "2026-11-27T10:05:00Z", failed("law-a", "canary", 0));
        RolloutReport b = run("run-b", resumes("elsewhere.json", "run-x"), null, "2026-11-27T10:06:00Z", ok("law-a", "canary", 0));
        ReportMerger.Result m = new ReportMerger().merge(List.of(new ReportMerger.Input("a", a), new ReportMerger.Input("b", b)));
        assertTrue(m.hasSeriousProblems());
        assertTrue(m.problems().stream().anyMatch(p -> p.kind() == ReportMerger.ProblemKind.CONFLICT), m.problems().toString());
        assertTrue(m.problems().stream().anyMatch(p -> p.kind() == ReportMerger.ProblemKind.RESUMED_ELSEWHERE
                && p.message().contains("b resumed elsewhere.json")), m.problems().toString());
    }

    @Test
    void lineageSurvivesTheJsonRoundTripAndAResumeOfAMergedReport(@TempDir Path dir) throws Exception {
        RolloutReport r2 = run("run-2", resumes("r1.json", "run-1"), "1/2", "2026-11-27T11:00:00Z", ok("law-a", "canary", 0));
        Path file = dir.resolve("r2.json");
        Files.writeString(file, RolloutReportJson.write(r2));
        RolloutReportJson.Loaded back = RolloutReportJson.load(file);
        assertEquals(r2.runId(), back.report().runId());
        assertEquals(r2.resumedFrom(), back.report().resumedFrom());
        assertEquals(64, back.sha256().length());
        assertEquals(new ResumedFrom(file.toString(), Optional.of("run-2"), back.sha256()), back.resumedFrom());

        // shards merged into one report, the merged report resumed: the resume supersedes the shards' results
        RolloutReport s1 = run("s-1", Optional.empty(), "1/2", "2026-11-27T10:00:00Z", failed("law-a", "canary", 0));
        RolloutReport s2 = run("s-2", Optional.empty(), "2/2", "2026-11-27T10:00:00Z", ok("law-b", "canary", 0));
        RolloutReport merged = new ReportMerger().merge(List.of(new ReportMerger.Input("s1", s1), new ReportMerger.Input("s2", s2))).merged();
        RolloutReport resumed = run("run-9", resumes("merged.json", merged.runId().orElseThrow()), null, "2026-11-27T12:00:00Z",
                ok("law-a", "canary", 0), ok("law-b", "canary", 0));
        ReportMerger.Result m = new ReportMerger().merge(List.of(new ReportMerger.Input("merged.json", merged),
                new ReportMerger.Input("resumed.json", resumed)));
        assertFalse(m.hasSeriousProblems(), m.problems().toString());
        assertTrue(RolloutReportJson.parse(RolloutReportJson.write(m.merged()), "m").includes().containsAll(List.of("s-1", "s-2", "run-9")));
    }

    @Test
    void summaryTable() {
        String table = ReportSummary.table(report(null, "x", ok("law-a", "canary", 0), failed("law-b", "broad", 1), ok("law-c", "broad", 1)));
        assertEquals("""
                ring    workspaces  succeeded  failed  not run  created  updated  deleted  skipped  time  slowest
                -------------------------------------------------------------------------------------------------
                canary           1          1       0        0        1        2        0        1  1.5s     1.5s
                broad            2          1       1        0        1        3        0        1  2.4s     1.5s
                -------------------------------------------------------------------------------------------------
                total            3          2       1        0        2        5        0        2  3.9s     1.5s

                Not succeeded:
                  %s [broad]: failed
                    c: 400 BadRequest: query too long

                Skipped:
                  %s [canary]: d: table X does not exist in law-a
                  %s [broad]: d: table X does not exist in law-c
                """.formatted(id("law-b"), id("law-a"), id("law-c")), table);
        assertEquals("2m05s", ReportSummary.duration(125_000));
        assertEquals("1h01m", ReportSummary.duration(3_660_000));
    }

    @Test
    void cliMerge(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, RolloutReportJson.write(report("1/2", "2026-11-27T10:05:00Z", ok("law-a", "canary", 0))));
        Files.writeString(b, RolloutReportJson.write(report("2/2", "2026-11-27T10:06:00Z", ok("law-b", "broad", 1))));
        Path merged = dir.resolve("out/merged.json");
        Run ok = run("report", "merge", a.toString(), b.toString(), "-o", merged.toString());
        assertEquals(0, ok.code, ok.out + ok.err);
        assertEquals(2, RolloutReportJson.read(merged).workspaces().size());
        assertTrue(ok.out.contains("total            2          2"), ok.out);

        Run missing = run("report", "merge", a.toString());
        assertEquals(1, missing.code);
        assertTrue(missing.out.contains("error: shard 2/2 is missing"), missing.out);

        Files.writeString(b, "{}");
        Run bad = run("report", "merge", a.toString(), b.toString());
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("not a sentinelctl rollout report"), bad.err);
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}

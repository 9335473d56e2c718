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

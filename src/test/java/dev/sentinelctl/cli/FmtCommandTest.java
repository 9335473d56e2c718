package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
    private static final String UNFORMATTED = "query: SigninLogs | where ResultType != 0 | take 5\nname: 'Failed sign-ins'\n";
    private static final String FORMATTED = "name: Failed sign-ins\nquery: |\n  SigninLogs\n  | where ResultType != 0\n  | take 5\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void checkListsFilesThatWouldChangeChangesNothingAndExitsOne() throws Exception {
        Path bad = write("rules/a.yaml", UNFORMATTED);
        write("rules/b.yaml", FORMATTED);
        CliRunner.Run run = CliRunner.run("fmt", "--check", dir.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("would reformat " + bad.toString().replace('\\', '/')), run.out());
        assertTrue(!run.out().contains("b.yaml"), run.out());
        assertEquals(UNFORMATTED, Files.readString(bad));
        assertTrue(run.err().contains("1 file would be reformatted, 1 already formatted"), run.err());
    }

    @Test
    void writesInPlaceThenCheckIsClean() throws Exception {
        Path bad = write("a.yaml", UNFORMATTED);
        CliRunner.Run run = CliRunner.run("fmt", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(FORMATTED, Files.readString(bad));
        assertEquals(0, CliRunner.run("fmt", "--check", dir.toString()).exit());
    }

    @Test
    void diffPrintsAUnifiedDiff() throws Exception {
        Path bad = write("a.yaml", UNFORMATTED);
        CliRunner.Run run = CliRunner.run("fmt", "--diff", bad.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("@@ -1,2 +1,5 @@\n-query: SigninLogs | where ResultType != 0 | take 5\n-name: 'Failed sign-ins'\n+name: Failed sign-ins\n"), run.out());
        assertEquals(UNFORMATTED, Files.readString(bad));
    }

    @Test
    void dashReadsStandardInputAndWritesStandardOutput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(UNFORMATTED.getBytes(StandardCharsets.UTF_8)));
            CliRunner.Run run = CliRunner.run("fmt", "-");
            assertEquals(0, run.exit(), run.err());
            assertEquals(FORMATTED, run.out());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void badFileIsReportedWithItsPositionAndOthersStillFormatted() throws Exception {
        write("bad.yaml", "name: [unclosed\nquery: T\n");
        Path good = write("good.yaml", UNFORMATTED);
        CliRunner.Run run = CliRunner.run("fmt", dir.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().matches("(?s).*bad\\.yaml:\\d+:\\d+: error: .*"), run.err());
        assertEquals(FORMATTED, Files.readString(good));
    }

    @Test
    void lineWidthAndPipePlacementComeFromTheConfig() throws Exception {
        write(".sentinelctl.yaml", "fmt:\n  pipe: end\n");
        Path f = write("a.yaml", UNFORMATTED);
        assertEquals(0, CliRunner.run("fmt", f.toString()).exit());
        assertEquals("name: Failed sign-ins\nquery: |\n  SigninLogs |\n  where ResultType != 0 |\n  take 5\n", Files.readString(f));
        write(".sentinelctl.yaml", "fmt:\n  lineWidth: 5\n");
        CliRunner.Run bad = CliRunner.run("fmt", f.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains(".sentinelctl.yaml:2:"), bad.err());
    }

    @Test
    void checkReportsUnformattedFilesOnlyWhenTheRuleIsOn() throws Exception {
        String rule = "id: 6b1a1f3e-1111-4c2a-9d7e-000000000001\nname: Failed sign-ins\ndescription: Many failed sign-ins.\n"
                + "severity: Low\nrequiredDataConnectors: []\ntactics:\n  - CredentialAccess\nrelevantTechniques:\n  - T1110\n"
                + "query: SigninLogs | where ResultType != 0\nversion: 1.0.0\n";
        write("Hunting Queries/a.yaml", rule);
        CliRunner.Run off = CliRunner.run("check", dir.toString(), "--format", "json", "--fail-on", "never");
        assertTrue(!off.out().contains("FMT-unformatted"), off.out());
        write(".sentinelctl.yaml", "rules:\n  FMT-unformatted: warning\n");
        CliRunner.Run on = CliRunner.run("check", dir.toString(), "--format", "json", "--fail-on", "never");
        assertTrue(on.out().contains("\"FMT-unformatted\""), on.out());
        assertTrue(on.out().contains("from line 10 on"), on.out());
    }

    @Test
    void missingPathIsAUsageError() {
        assertEquals(2, CliRunner.run("fmt", dir.resolve("nope").toString()).exit());
    }
}

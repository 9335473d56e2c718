package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.testing.realengine.AdxStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The tests of {@link TestWithContentLibraryTest} on {@code --engine adx}: the stand-in database has neither the
 * repository's parsers nor its watchlists (it runs the posted csl with nothing given), so the same answers there
 * show that each query carried the parsers and watchlists it reads, as valid KQL.
 */
class TestWithContentLibraryOnAdxTest {
    @TempDir
    Path root;
    Path content;
    AdxStandIn adx;

    @BeforeEach
    void setUp() throws Exception {
        content = root.resolve("content");
        Files.createDirectories(content.resolve("Parsers"));
        Files.createDirectories(content.resolve("Detections"));
        Files.writeString(content.resolve("Parsers/vimDnsWindows.yaml"), TestWithContentLibraryTest.SOURCE_A);
        Files.writeString(content.resolve("Parsers/vimDnsSyslog.yaml"), TestWithContentLibraryTest.SOURCE_B);
        Files.writeString(content.resolve("Parsers/imDnsRepo.yaml"), TestWithContentLibraryTest.UNION);
        Files.writeString(content.resolve("Detections/BadDomain.yaml"), TestWithContentLibraryTest.RULE);
        Files.writeString(content.resolve("Detections/BadDomain.tests.yaml"), TestWithContentLibraryTest.TESTS);
        TestWithContentLibraryTest.scannersWatchlist(content, "Ip,Owner\n10.9.9.9,vulnerability scanning\n");
        Files.writeString(content.resolve("Detections/Allowed.yaml"), TestWithContentLibraryTest.ALLOWED_RULE);
        Files.writeString(content.resolve("Detections/Allowed.tests.yaml"), TestWithContentLibraryTest.ALLOWED_TESTS);
        Files.createDirectories(root.resolve(".git"));
        adx = new AdxStandIn();
    }

    @AfterEach
    void tearDown() {
        adx.close();
    }

    private CliRunner.Run test(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("test", content.toString(), "--engine", "adx", "--cluster",
                adx.uri().toString(), "--database", "NetDefaultDB", "--retries", "0"));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void parserAndWatchlistTestsPassOnADatabaseThatHasNeither() {
        CliRunner.Run run = test();
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Tests: 5 passed, 0 failed, 0 errors"), run.out());
        assertEquals(5, adx.requests().size());
        for (JsonNode request : adx.requests()) {
            String csl = request.path("csl").asString();
            assertTrue(csl.contains("let vimDnsWindows = (") && csl.contains("let vimDnsSyslog = (") && csl.contains("let imDnsRepo = ("), csl);
            assertFalse(csl.contains("_GetWatchlist("), csl);
        }
    }

    @Test
    void bothEnginesAgreeUnderCompare() {
        CliRunner.Run run = test("--compare");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Tests: 5 passed, 0 failed, 0 errors"), run.out());
    }

    @Test
    void aChangeInTheParserFailsOnAdxToo() throws Exception {
        Files.writeString(content.resolve("Parsers/vimDnsWindows.yaml"),
                TestWithContentLibraryTest.SOURCE_A.replace("SrcIpAddr = ClientIP", "SrcIpAddr = ''"));
        CliRunner.Run run = test();
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL") && run.out().contains("a Windows DNS lookup fires"), run.out());
    }
}

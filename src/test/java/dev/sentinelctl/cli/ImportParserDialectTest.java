package dev.sentinelctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.importer.ParserDialectsTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import of an Azure-Sentinel parser file converts it, without the rule importer calling it unsupported. */
class ImportParserDialectTest {
    @TempDir
    Path root;

    @Test
    void anAsimParserIsConvertedAndNotReportedUnsupported() throws Exception {
        Path in = Files.createDirectories(root.resolve("in/Parsers"));
        Files.writeString(in.resolve("ASimDnsExample.yaml"), ParserDialectsTest.ASIM);
        CliRunner.Run run = CliRunner.run("import", root.resolve("in").toString(), "--out", root.resolve("out").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertFalse((run.out() + run.err()).contains("IMPORT-unsupported"), run.out() + run.err());
        try (var files = Files.walk(root.resolve("out"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("ASimDnsExample.yaml")), "converted parser written");
        }
    }
}

package dev.sentinelctl.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KqlCommandTest {

    @Test
    void analyzeReadsStdinWritesStdout() {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(
                    "{\"id\":\"a\",\"query\":\"T | where\"}\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new KqlCommand()).execute("analyze", "--syntax-only", "--schema", "x");
            assertEquals(0, code);
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("{\"id\":\"a\",\"syntaxErrors\":[{\"start\":9,\"end\":9"), line);
    }
}

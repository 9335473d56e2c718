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

class KqlRunCommandTest {

    private static String[] run(String stdin) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = new CommandLine(new KqlCommand()).execute("run");
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
        }
        return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void runsTheSeedQueryOverGivenRows() {
        String seed = "EmailEvents | where Timestamp > ago(30d) | extend domain = substring(RecipientEmailAddress, indexof(RecipientEmailAddress, '@')+1)"
                + " | summarize total=count() by EmailDirection, domain, bin(Timestamp, 1d) | order by Timestamp asc";
        String[] r = run("{\"id\":\"seed\",\"now\":\"2024-03-10T00:00:00Z\",\"tables\":{\"EmailEvents\":["
                + "{\"Timestamp\":\"2024-03-09T10:00:00Z\",\"RecipientEmailAddress\":\"a@contoso.com\",\"EmailDirection\":\"Outbound\"},"
                + "{\"Timestamp\":\"2024-03-09T11:00:00Z\",\"RecipientEmailAddress\":\"b@contoso.com\",\"EmailDirection\":\"Outbound\"},"
                + "{\"Timestamp\":\"2023-01-01T00:00:00Z\",\"RecipientEmailAddress\":\"old@contoso.com\",\"EmailDirection\":\"Outbound\"}]},"
                + "\"query\":\"" + seed + "\"}\n");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("\"rows\":[[\"Outbound\",\"contoso.com\",\"2024-03-09T00:00:00.0000000Z\",2]]"), r[1]);
    }

    @Test
    void aBadLineIsReportedAndTheExitCodeIsTwo() {
        String[] r = run("{\"id\":1,\"query\":\"print 1\"}\n{not json\n");
        assertEquals("2", r[0]);
        String[] lines = r[1].split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].contains("EVAL-input") && lines[1].contains("stdin:2"), lines[1]);
    }
}

package dev.sentinelctl.deploy.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinelctl.cli.SandboxCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI wiring: flags become options, instructions name the URL and trust file, bad flags exit 2. */
class SandboxCommandTest {

    @Test
    void flagsBecomeSandboxOptionsAndInstructionsNameUrlAndTrustFile(@TempDir Path data) throws Exception {
        SandboxCommand command = new SandboxCommand();
        CommandLine cli = new CommandLine(command);
        cli.parseArgs("--data", data.toString(), "--page-size", "7", "--latency-ms", "5", "--fail-rate", "0.05",
                "--throttle-rate", "0.1", "--retry-after", "2", "--drop-rate", "0.01", "--seed", "9",
                "--workspace", "sub-1/rg-1/ws-1", "--quiet");
        SandboxOptions options = command.options(new PrintWriter(new StringWriter()));
        assertEquals(7, options.pageSize());
        assertEquals(data, options.dataDir());
        assertEquals(new FaultOptions(0.1, 2, 0.05, 503, 5, 0.01, 9), options.faults());
        assertEquals(new WorkspaceRef("sub-1", "rg-1", "ws-1"), options.workspaces().get(0));

        StringWriter printed = new StringWriter();
        try (ArmSandbox sandbox = ArmSandbox.start(options)) {
            SandboxCommand.printInstructions(sandbox, options, new PrintWriter(printed));
            String text = printed.toString();
            assertTrue(text.contains("listening on " + sandbox.baseUrl()), text);
            assertTrue(text.contains("--arm-endpoint " + sandbox.baseUrl() + " --arm-trust "
                    + sandbox.trustFile().toAbsolutePath()), text);
            assertTrue(text.contains("AZURE_AUTHORITY_HOST=" + sandbox.baseUrl()), text);
        }
    }

    @Test
    void aBusyPortExitsWith1AndSaysHowToFixIt() throws Exception {
        try (ArmSandbox first = ArmSandbox.start(SandboxOptions.defaults())) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new SandboxCommand()).setErr(new PrintWriter(err));
            assertEquals(1, cli.execute("--port", String.valueOf(first.port()), "--quiet"));
            assertTrue(err.toString().contains("already in use") && err.toString().contains("--port"), err.toString());
        }
    }

    @Test
    void invalidFlagsExitWith2AndSayWhy() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SandboxCommand()).setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("--fail-rate", "1.5"));
        assertTrue(err.toString().contains("fail rate must be between 0 and 1"), err.toString());
        assertEquals(2, cli.execute("--workspace", "just-a-name"));
        assertTrue(err.toString().contains("SUBSCRIPTION/RESOURCE_GROUP/WORKSPACE"), err.toString());
    }
}

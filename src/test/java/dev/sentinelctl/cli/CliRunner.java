package dev.sentinelctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
public final class CliRunner {
    public record Run(int exit, String out, String err) {}

    private CliRunner() {}

    public static Run run(String... args) {
        return run(Main.commandLine(), args);
    }

    /** With {@code env} as the environment the deploy commands read (credentials); the real one is not used. */
    public static Run runWithEnv(java.util.Map<String, String> env, String... args) {
        return run(Main.commandLine(env), args);
    }

    private static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}

package dev.sentinelctl.cli;

import picocli.CommandLine.Command;

/** {@code sentinelctl kql ...}: tools around the KQL front end. */
@Command(name = "kql", mixinStandardHelpOptions = true,
        description = "Work with KQL queries directly (outside content files).",
        subcommands = {KqlAnalyzeCommand.class, KqlRunCommand.class})
public final class KqlCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

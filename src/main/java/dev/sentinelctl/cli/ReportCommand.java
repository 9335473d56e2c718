package dev.sentinelctl.cli;

import picocli.CommandLine.Command;

/** {@code sentinelctl report ...}: work with rollout reports written by fleet rollouts. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Work with rollout reports (JSON written per shard by fleet rollouts).",
        subcommands = ReportMergeCommand.class)
public final class ReportCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}

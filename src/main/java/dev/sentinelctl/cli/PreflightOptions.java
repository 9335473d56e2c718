package dev.sentinelctl.cli;

import dev.sentinelctl.deploy.config.PreflightFlags;
import picocli.CommandLine.Option;

/** plan, apply and drift: the command line's say over each workspace's {@code preflight:} settings. */
final class PreflightOptions {
    @Option(names = "--check-data", arity = "0..1", fallbackValue = PreflightFlags.CONFIG_WINDOW, paramLabel = "DURATION",
            description = "Preflight also checks that the tables an enabled rule reads received data within DURATION "
                    + "(default: the config's checkData, else 7d); one query per workspace.")
    String checkData;

    @Option(names = "--no-preflight", description = "Check nothing before deploying (no table list, no data query): "
            + "every rule is deployed as the content and overrides say.")
    boolean off;

    @Option(names = "--verbose", description = "Also list what preflight could not check (workspace functions, ASIM "
            + "parsers, names that are not known tables).")
    boolean verbose;

    /** The flags as the deploy engine takes them (checked there: contradictions, bad windows). */
    PreflightFlags flags() {
        return new PreflightFlags(off, checkData);
    }

    boolean given() {
        return off || checkData != null;
    }

    /** Takes a saved plan's flags when the command line gives none. */
    void adopt(java.util.List<String> saved) {
        if (given()) return;
        PreflightFlags f = PreflightFlags.fromArgs(saved);
        off = f.off();
        checkData = f.checkData();
    }

    /** No command-line say: the config decides. */
    static PreflightOptions none() {
        return new PreflightOptions();
    }
}

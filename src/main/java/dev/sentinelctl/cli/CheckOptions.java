package dev.sentinelctl.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the commands that look at queries (lint, check): schemas, project config, baseline. */
public final class CheckOptions {
    @Option(names = "--schema", paramLabel = "DIR", description = "Custom tables, functions and watchlists "
            + "(Azure-Sentinel CustomTables/CustomFunctions JSON, or CSV); repeatable.")
    List<Path> schemas;

    @Option(names = "--config", paramLabel = "FILE", description = "Project settings (default: the nearest .sentinelctl.yaml).")
    Path config;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Hide findings recorded in FILE; fail only on new ones.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Record the current findings in FILE and exit 0.")
    Path writeBaseline;
}

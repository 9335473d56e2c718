package dev.sentinelctl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options of the commands that look at queries (lint, check): schemas, project settings, baseline. */
public final class CheckOptions {
    @Option(names = "--schema", paramLabel = "DIR", description = "Custom tables, functions and watchlists "
            + "(Azure-Sentinel CustomTables/CustomFunctions JSON, or CSV); repeatable.")
    List<Path> schemas;

    @Option(names = "--settings", paramLabel = "FILE", description = "Project settings (default: the nearest .sentinelctl.yaml).")
    Path settings;

    /** The option's old name, shared with the deployment config's until the two files were told apart. */
    @Option(names = "--config", paramLabel = "FILE", hidden = true)
    Path legacyConfig;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Hide findings recorded in FILE; fail only on new ones.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Record the current findings in FILE and exit 0.")
    Path writeBaseline;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** --settings, else the old --config (with a note on standard error). */
    Optional<Path> settingsFile() {
        if (settings != null) return Optional.of(settings);
        if (legacyConfig != null && spec != null) {
            spec.commandLine().getErr().println("note: --config is now --settings for validate, lint and check (the "
                    + "deployment config takes --deploy-config); --config still works");
            spec.commandLine().getErr().flush();
        }
        return Optional.ofNullable(legacyConfig);
    }
}

package dev.sentinelctl.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sentinelctl lint}: only the KQL part — syntax and best-practice rules. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check the KQL of every content file: syntax and best-practice rules.",
        footer = {"", "Examples:", "  sentinelctl lint content", "  sentinelctl lint --format sarif -o kql.sarif"})
public final class LintCommand implements Callable<Integer> {
    @Mixin
    ContentOptions content;

    @Mixin
    CheckOptions check;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ContentRun.runWithCatalog(content, check, output, spec.commandLine().getOut(), (config, catalog) ->
                new ContentRun.Plan(Optional.empty(), Checks.kql(catalog), "lint"));
    }
}

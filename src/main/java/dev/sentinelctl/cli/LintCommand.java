package dev.sentinelctl.cli;

import dev.sentinelctl.check.ChangeChecks;
import dev.sentinelctl.config.ProjectConfig;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.report.Report;
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
        ProjectConfig config = ContentRun.config(content, Optional.ofNullable(check.config));
        Catalog catalog = UserCatalogs.catalog(check.schemas, config);
        ContentRun.Plan plan = new ContentRun.Plan(Optional.empty(), Checks.kql(catalog), ChangeChecks::sameIgnoringWhitespace, "lint");
        Report report = ContentRun.run(content, plan, config, Optional.ofNullable(check.baseline));
        if (check.writeBaseline != null) {
            ContentRun.writeBaseline(check.writeBaseline, report);
            return ExitCodes.OK;
        }
        return output.emit(report, spec.commandLine().getOut(), config);
    }
}

package dev.sentinelctl.cli;

import dev.sentinelctl.config.ProjectConfig;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.schema.SchemaValidator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sentinelctl validate}: YAML, schema, format rules and KQL syntax for every content file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check content files against the content schemas, format rules and KQL syntax.",
        footer = {"", "Examples:", "  sentinelctl validate", "  sentinelctl validate content/Detections --fail-on warning",
                "  sentinelctl validate --format sarif --output results.sarif --format text",
                "  sentinelctl validate --changed-since origin/main"})
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ContentOptions content;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectConfig config = ContentRun.config(content, Optional.empty());
        SchemaValidator schemas = new SchemaValidator();
        boolean strict = content.strict || config.strict().orElse(false);
        ContentRun.Plan plan = new ContentRun.Plan(Optional.of(schemas), Checks.format(schemas, strict),
                "validate");
        Report report = ContentRun.run(content, plan, config, Optional.empty());
        return output.emit(report, spec.commandLine().getOut(), config);
    }
}

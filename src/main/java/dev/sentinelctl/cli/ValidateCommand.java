package dev.sentinelctl.cli;

import dev.sentinelctl.schema.SchemaValidator;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sentinelctl validate}: YAML, schema, format rules and the KQL compiled against the catalog (syntax and
 * semantics: unknown tables, columns, functions, argument types) for every content file — no best-practice rules.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check content files against the content schemas and format rules, and their KQL for syntax and "
                + "semantic errors (unknown tables, columns, functions).",
        footer = {"", "Examples:", "  sentinelctl validate", "  sentinelctl validate content/Detections --fail-on warning",
                "  sentinelctl validate --format sarif --output results.sarif --format text",
                "  sentinelctl validate --changed-since origin/main"})
public final class ValidateCommand extends ValidatesContent {

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
        return ContentRun.runWithCatalog(content, check, output, spec.commandLine().getOut(), (config, catalog) -> {
            SchemaValidator schemas = schemas();
            boolean strict = content.strict || config.strict().orElse(false);
            return new ContentRun.Plan(Optional.of(schemas), Checks.validate(schemas, strict, catalog), "validate");
        });
    }
}

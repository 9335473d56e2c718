package dev.sentinelctl.cli;

import dev.sentinelctl.check.ChangeChecks;
import dev.sentinelctl.check.KqlSyntaxCheck;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.RuleCatalog;
import dev.sentinelctl.schema.AttackMatrix;
import dev.sentinelctl.schema.ContentRules;
import dev.sentinelctl.schema.FormatRules;
import dev.sentinelctl.schema.SchemaValidator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sentinelctl validate}: YAML, schema and format rules for every content file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check content files against the content schemas and format rules.",
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
        SchemaValidator schemas = new SchemaValidator();
        ContentRules rules = new ContentRules(AttackMatrix.load(), new ContentRules.Options(content.strict));
        Report report = ContentRun.run(content, schemas,
                List.of(c -> rules.check(c.item()), c -> schemas.entityRules().check(c.item()), new KqlSyntaxCheck()),
                new RuleCatalog(FormatRules.ALL), ChangeChecks::sameIgnoringWhitespace, "validate");
        return output.emit(report, spec.commandLine().getOut());
    }
}

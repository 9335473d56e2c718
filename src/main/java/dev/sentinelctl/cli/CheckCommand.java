package dev.sentinelctl.cli;

import dev.sentinelctl.check.FormatCheck;
import dev.sentinelctl.check.ItemCheck;
import dev.sentinelctl.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sentinelctl check}: everything in one pass — the command CI runs. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate, lint the KQL and cross-check metadata against the queries, in one pass.",
        footer = {"", "Examples:", "  sentinelctl check content", "  sentinelctl check --changed-since origin/main --format github",
                "  sentinelctl check --profile azure-sentinel   # Microsoft's content-repository gates are errors too",
                "  sentinelctl check --write-baseline .sentinelctl-baseline.json", "  sentinelctl check --baseline .sentinelctl-baseline.json"})
public final class CheckCommand extends ValidatesContent {
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
            List<ItemCheck> checks = new ArrayList<>(Checks.all(schemas, strict, catalog));
            if (config.enables(FormatCheck.ID)) checks.add(new FormatCheck(config.fmt())); // off by default
            // Both polarities of detection tests, when the project asks for them (minimumTests in .sentinelctl.yaml).
            config.minimumTests().filter(n -> n > 0).ifPresent(n -> checks.add(new dev.sentinelctl.testing.PolarityCheck(n)));
            return new ContentRun.Plan(Optional.of(schemas), checks, "check");
        });
    }
}

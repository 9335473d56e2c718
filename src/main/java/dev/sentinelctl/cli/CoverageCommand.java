package dev.sentinelctl.cli;

import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.docs.Coverage;
import dev.sentinelctl.schema.AttackMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sentinelctl coverage}: ATT&CK coverage as a Navigator layer and a markdown matrix. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "MITRE ATT&CK coverage of the content: an ATT&CK Navigator layer and a markdown matrix.",
        footer = {"", "Examples:", "  sentinelctl coverage", "  sentinelctl coverage --kind analytic-rule --layer coverage.json --markdown coverage.md"})
public final class CoverageCommand implements Callable<Integer> {
    @Mixin
    SelectionOptions selection;

    @Option(names = "--layer", paramLabel = "FILE", description = "Write an ATT&CK Navigator layer (JSON) to FILE.")
    Path layer;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the markdown matrix to FILE (default: standard output when no --layer).")
    Path markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ContentItem> items = selection.load();
        Coverage coverage = new Coverage(items, AttackMatrix.load());
        try {
            if (layer != null) write(layer, coverage.navigatorLayer("sentinelctl coverage"));
            if (markdown != null) write(markdown, coverage.markdown("ATT&CK coverage"));
        } catch (IOException e) {
            throw new UserException("cannot write: " + e.getMessage());
        }
        if (markdown == null && layer == null) spec.commandLine().getOut().print(coverage.markdown("ATT&CK coverage"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

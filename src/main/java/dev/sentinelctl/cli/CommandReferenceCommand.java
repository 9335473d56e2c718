package dev.sentinelctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sentinelctl command-reference}: prints docs/commands.md. Hidden: it documents the tool, not the content, and
 * only maintainers run it.
 */
@Command(name = "command-reference", hidden = true, mixinStandardHelpOptions = true,
        description = "Print the markdown command reference (docs/commands.md) from the command line's own model.",
        footer = {"", "Example:", "  sentinelctl command-reference > docs/commands.md"})
public final class CommandReferenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(CommandReference.markdown(spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}

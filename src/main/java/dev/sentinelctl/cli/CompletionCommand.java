package dev.sentinelctl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sentinelctl completion}: prints a bash/zsh completion script generated from the command model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash completion script.",
        footer = {"", "Example:", "  source <(sentinelctl completion)"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash("sentinelctl", root));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

package dev.sentinelctl.cli;

import dev.sentinelctl.config.ConfigLoader;
import dev.sentinelctl.fmt.FileOutcome;
import dev.sentinelctl.fmt.FmtOptions;
import dev.sentinelctl.fmt.FmtRun;
import dev.sentinelctl.report.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sentinelctl fmt}: one canonical layout for content YAML and its queries. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Rewrite content files in one canonical layout: each kind's field order (Azure-Sentinel's for rules), YAML quoted only where "
                + "needed, the query one operator per line. Values never change; every result is checked before it is written.",
                "Exit codes: 0 formatted (or nothing to do), 1 files would change (--check, --diff) or could not be formatted, 2 usage."},
        footer = {"", "Examples:", "  sentinelctl fmt content", "  sentinelctl fmt --check content",
                "  sentinelctl fmt --diff content/rules/brute-force.yaml", "  sentinelctl fmt - < rule.yaml"})
public final class FmtCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or folders (default: content). `-` reads one file on standard input and writes it to standard output.")
    List<String> paths;

    @Option(names = "--check", description = "Change nothing; list the files that would change and exit 1 if there are any.")
    boolean check;

    @Option(names = "--diff", description = "Change nothing; print what would change as a unified diff (exit 1 if anything would).")
    boolean diff;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: the nearest .sentinelctl.yaml; its fmt: section).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> given = paths == null || paths.isEmpty() ? List.of("content") : paths;
        if (given.contains("-")) {
            if (given.size() > 1) throw new UserException("`-` reads one file from standard input; give it without other paths");
            return stdin(out, err);
        }
        List<Path> roots = given.stream().map(Path::of).toList();
        List<String> missing = roots.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such file or folder: " + String.join(", ", missing));
        FmtRun.Mode mode = diff ? FmtRun.Mode.DIFF : check ? FmtRun.Mode.CHECK : FmtRun.Mode.WRITE;
        FmtRun.Report report = new FmtRun(options(roots.get(0))).run(roots, mode);
        report.diffs().forEach(out::print);
        for (FileOutcome f : report.files()) {
            if (f.kind() != FileOutcome.Kind.CHANGED) continue;
            if (mode == FmtRun.Mode.CHECK) out.println("would reformat " + f.path());
            else if (mode == FmtRun.Mode.WRITE) out.println("reformatted " + f.path());
        }
        out.flush();
        report.messages().forEach(d -> err.println(line(d)));
        long changed = report.count(FileOutcome.Kind.CHANGED);
        long failed = report.files().stream().filter(FileOutcome::isError).count();
        err.printf("%d file%s %s, %d already formatted, %d not content (no query), %d could not be formatted%n", changed,
                changed == 1 ? "" : "s", mode == FmtRun.Mode.WRITE ? "reformatted" : "would be reformatted",
                report.count(FileOutcome.Kind.UNCHANGED), report.count(FileOutcome.Kind.SKIPPED), failed);
        out.flush();
        err.flush();
        boolean findings = failed > 0 || (mode != FmtRun.Mode.WRITE && changed > 0);
        return findings ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private int stdin(PrintWriter out, PrintWriter err) {
        byte[] input;
        try {
            input = System.in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileOutcome result = new FmtRun(options(Path.of("."))).formatStdin(input);
        out.print(result.kind() == FileOutcome.Kind.CHANGED ? result.formatted() : new String(input, StandardCharsets.UTF_8));
        result.messages().forEach(d -> err.println(line(d)));
        out.flush();
        err.flush();
        if (result.isError()) return ExitCodes.FINDINGS;
        return check && result.kind() == FileOutcome.Kind.CHANGED ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private FmtOptions options(Path root) {
        try {
            return new ConfigLoader().load(Optional.ofNullable(config), root).fmt();
        } catch (ConfigLoader.ConfigException e) {
            throw new UserException("bad configuration: " + e.getMessage());
        }
    }

    private static String line(Diagnostic d) {
        return d.file() + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + ": " + d.message()
                + (d.fixHint().isEmpty() ? "" : " (" + d.fixHint() + ")");
    }
}

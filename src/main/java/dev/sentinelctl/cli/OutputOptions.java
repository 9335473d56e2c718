package dev.sentinelctl.cli;

import dev.sentinelctl.report.FailOn;
import dev.sentinelctl.report.GithubReporter;
import dev.sentinelctl.report.JsonReporter;
import dev.sentinelctl.report.JunitReporter;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.Reporter;
import dev.sentinelctl.report.SarifReporter;
import dev.sentinelctl.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Options every checking command shares: one or more {@code --format F [--output FILE]} pairs, the failing
 * severity and colour. A pipeline can write SARIF for code scanning and text for its log in one run.
 */
public final class OutputOptions {

    public enum Format { text, json, sarif, junit, github }

    /** One report: a format and where it goes (standard output when no file is named). */
    static final class Target {
        @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} "
                + "(default: text). Repeat --format F --output FILE to write several reports in one run.")
        Format format = Format.text;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the preceding format's report to FILE.")
        Path output;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<Target> targets = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when findings at or above LEVEL exist: error, warning or never (default: error, or failOn in .sentinelctl.yaml).",
            converter = FailOnConverter.class)
    FailOn failOn;

    @Option(names = "--no-color", description = "Never colour the output (also: NO_COLOR environment variable).")
    boolean noColor;

    /** Writes every requested report and returns the exit code the findings call for. */
    public int emit(Report report, PrintWriter stdout, dev.sentinelctl.config.ProjectConfig config) {
        return emit(report, stdout, config, java.util.Map.of());
    }

    /**
     * As {@link #emit(Report, PrintWriter, dev.sentinelctl.config.ProjectConfig)}, with a command's own reporters for
     * some formats (`test` prints one JUnit test case per detection test, not per file).
     */
    public int emit(Report report, PrintWriter stdout, dev.sentinelctl.config.ProjectConfig config,
                    java.util.Map<Format, java.util.function.Function<Boolean, Reporter>> own) {
        FailOn level = failOn != null ? failOn
                : config.failOn().map(f -> new FailOnConverter().convert(f)).orElse(FailOn.ERROR);
        return emit(report, stdout, level, own);
    }

    private int emit(Report report, PrintWriter stdout, FailOn level,
                     java.util.Map<Format, java.util.function.Function<Boolean, Reporter>> own) {
        List<Target> all = targets.isEmpty() ? List.of(new Target()) : targets;
        if (all.stream().filter(t -> t.output == null).count() > 1) {
            throw new UserException("only one --format can go to standard output; give the others an --output FILE");
        }
        for (Target target : all) {
            Reporter reporter = own.containsKey(target.format) ? own.get(target.format).apply(target.output == null && useColour())
                    : reporter(target.format, target.output == null);
            if (target.output == null) {
                reporter.write(report, stdout);
                stdout.flush();
            } else {
                write(reporter, report, target.output);
            }
        }
        return level.fails(report) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private Reporter reporter(Format format, boolean toStdout) {
        return switch (format) {
            case text -> new TextReporter(toStdout && useColour());
            case json -> new JsonReporter();
            case sarif -> new SarifReporter(Main.version(), Path.of(""));
            case junit -> new JunitReporter();
            case github -> {
                String summary = System.getenv("GITHUB_STEP_SUMMARY");
                yield new GithubReporter(summary == null || summary.isBlank() ? null : Path.of(summary));
            }
        };
    }

    private static void write(Reporter reporter, Report report, Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                reporter.write(report, out);
            }
        } catch (IOException e) {
            throw new UserException("cannot write " + output + ": " + e.getMessage());
        }
    }

    private boolean useColour() {
        if (noColor || System.getenv("NO_COLOR") != null) return false;
        String term = System.getenv("TERM");
        return System.console() != null && (term == null || !term.equals("dumb"));
    }

    static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not error, warning or never");
            }
        }
    }
}

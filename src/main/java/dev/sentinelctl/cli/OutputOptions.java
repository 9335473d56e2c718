package dev.sentinelctl.cli;

import dev.sentinelctl.report.FailOn;
import dev.sentinelctl.report.JsonReporter;
import dev.sentinelctl.report.Report;
import dev.sentinelctl.report.Reporter;
import dev.sentinelctl.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options every checking command shares: output format and file, failing severity, colour. */
public final class OutputOptions {

    public enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when findings at or above LEVEL exist: error, warning or never (default: ${DEFAULT-VALUE}).",
            converter = FailOnConverter.class)
    FailOn failOn;

    @Option(names = "--no-color", description = "Never colour the output (also: NO_COLOR environment variable).")
    boolean noColor;

    /** Writes the report (to {@code stdout} unless --output names a file) and returns the exit code it calls for. */
    public int emit(Report report, PrintWriter stdout) {
        Reporter reporter = switch (format) {
            case text -> new TextReporter(output == null && useColour());
            case json -> new JsonReporter();
        };
        if (output == null) {
            reporter.write(report, stdout);
            stdout.flush();
        } else {
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
        return failOn.fails(report) ? ExitCodes.FINDINGS : ExitCodes.OK;
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

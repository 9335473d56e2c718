package dev.sentinelctl.fmt;

import dev.sentinelctl.content.ContentScanner;
import dev.sentinelctl.content.ContentScanner.ContentFile;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code fmt} over paths: formats every content file (in parallel), then writes, or only reports, the changes. */
public final class FmtRun {
    public enum Mode { WRITE, CHECK, DIFF }

    /**
     * @param diffs unified diffs of the changed files (in {@link Mode#DIFF})
     */
    public record Report(List<FileOutcome> files, List<String> diffs, List<String> missing) {
        public long count(FileOutcome.Kind kind) {
            return files.stream().filter(f -> f.kind() == kind).count();
        }

        public List<Diagnostic> messages() {
            List<Diagnostic> out = new ArrayList<>();
            files.forEach(f -> out.addAll(f.messages()));
            out.sort(Diagnostic.ORDER);
            return out;
        }
    }

    private final FmtOptions options;

    public FmtRun(FmtOptions options) {
        this.options = options;
    }

    public Report run(List<Path> roots, Mode mode) {
        ContentScanner.Scan scan = new ContentScanner().scan(roots);
        YamlFormatter formatter = new YamlFormatter(options);
        List<Result> results = scan.files().parallelStream().map(f -> one(formatter, f, mode)).toList();
        List<FileOutcome> files = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        for (Result r : results) {
            files.add(r.outcome());
            if (r.diff() != null) diffs.add(r.diff());
        }
        return new Report(files, diffs, scan.missing());
    }

    /** Formats text given on standard input; the outcome's text is what to print (the input when unchanged). */
    public FileOutcome formatStdin(byte[] input) {
        return new YamlFormatter(options).format("<stdin>", input);
    }

    private record Result(FileOutcome outcome, String diff) {}

    private static Result one(YamlFormatter formatter, ContentFile file, Mode mode) {
        String path = file.displayPath();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            return new Result(new FileOutcome(path, FileOutcome.Kind.FAILED, null, List.of(Diagnostic.atFile("IO-read", Severity.ERROR,
                    path, "cannot read file: " + e.getMessage(), "Check that the file exists and is readable."))), null);
        }
        FileOutcome outcome;
        try {
            outcome = formatter.format(path, bytes);
        } catch (RuntimeException | StackOverflowError e) {
            outcome = new FileOutcome(path, FileOutcome.Kind.INTERNAL_ERROR, null, List.of(Diagnostic.atFile("INTERNAL", Severity.ERROR,
                    path, "internal error in fmt, the file was left as it is: " + e, "Please report this with the file.")));
        }
        if (outcome.kind() != FileOutcome.Kind.CHANGED) return new Result(outcome, null);
        if (mode == Mode.DIFF) {
            String before = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\r\n", "\n");
            return new Result(outcome, UnifiedDiff.of(path, before, outcome.formatted().replace("\r\n", "\n")));
        }
        if (mode == Mode.WRITE) {
            try {
                // Written in place, as editors do: the file keeps its owner and permissions.
                Files.writeString(file.path(), outcome.formatted(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return new Result(new FileOutcome(path, FileOutcome.Kind.FAILED, null, List.of(Diagnostic.atFile("IO-write", Severity.ERROR,
                        path, "cannot write the formatted file: " + e.getMessage(), "Check that the file is writable."))), null);
            }
        }
        return new Result(outcome, null);
    }
}

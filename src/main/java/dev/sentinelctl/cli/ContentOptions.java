package dev.sentinelctl.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to check: paths, strictness, and PR mode. Shared by validate, lint and check. */
public final class ContentOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to check (default: content).")
    List<Path> paths;

    @Option(names = "--strict", description = "Treat ISO-8601 durations (PT1H) as errors, as Microsoft's content CI does.")
    boolean strict;

    @Option(names = "--profile", paramLabel = "NAME", description = "default, or azure-sentinel: also the gates of Microsoft's "
            + "content-repository CI are errors (default: the config's `profile:`, else default).")
    String profile;

    @Option(names = "--changed-since", paramLabel = "REF",
            description = "PR mode: report only files changed since git REF (e.g. origin/main), require a version bump when "
                    + "a rule's logic changed, forbid id changes and list deletions. Tree-wide checks still see every file.")
    String changedSince;

    List<Path> roots() {
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("content")) : paths;
        List<String> missing = roots.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such file or folder: " + String.join(", ", missing));
        return roots;
    }
}

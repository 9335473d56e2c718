package dev.sentinelctl.cli;

import dev.sentinelctl.config.ProjectConfig;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmBuild;
import dev.sentinelctl.arm.repositories.RepositoriesTypes;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.arm.ArmTemplate;
import dev.sentinelctl.arm.SourceName;
import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.check.FileResult;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import dev.sentinelctl.schema.SchemaValidator;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sentinelctl build}: ARM deployment templates from the content that passes validate. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Write ARM deployment templates (2019-04-01 schema, a 'workspace' parameter) for content files.",
                "Files with validate errors are reported and not built; the others are."},
        footer = {"", "Examples:", "  sentinelctl build content --out arm",
                "  sentinelctl build content/Detections --out arm --bundle",
                "  sentinelctl build rules --out arm --api-version 2022-11-01 --metadata"})
public final class BuildCommand extends ValidatesContent {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to build (default: content).")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the templates to.")
    Path out;

    @Option(names = "--bundle", description = "One template per folder holding all its items (default: one per item).")
    boolean bundle;

    @Option(names = "--api-version", paramLabel = "V", defaultValue = "2023-12-01-preview",
            description = "Microsoft.SecurityInsights api version of alert rules (default: ${DEFAULT-VALUE}; "
                    + "versions before 2023-12-01 have no subTechniques).")
    String apiVersion;

    @Option(names = "--metadata", description = "Add a Sentinel metadata resource (source: this repository) per item. "
            + "Not for Repositories, which deploys only templates whose resource types are all content types and "
            + "writes metadata itself.")
    boolean metadata;

    @Option(names = "--source-name", paramLabel = "NAME",
            description = "Source name in the metadata (default: owner/repo of the git remote 'origin', else the folder name).")
    String sourceName;

    @Option(names = "--no-source-fields", description = "Do not keep the YAML fields ARM cannot carry in the template's "
            + "metadata section (import then gives back only what the resources hold).")
    boolean noSourceFields;

    @Option(names = "--repositories", description = "Write templates Microsoft Sentinel Repositories deploys: no "
            + "metadata resources (Repositories stamps its own and skips a file with a type it does not deploy), and "
            + "every written template checked against its accepted resource types.")
    boolean repositories;

    @Option(names = "--strict", description = "Treat ISO-8601 durations (PT1H) as errors, as Microsoft's content CI does.")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Path.of("content")) : paths;
        List<String> missing = roots.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such file or folder: " + String.join(", ", missing));
        ArmApiVersion api;
        try {
            api = new ArmApiVersion(apiVersion);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        SchemaValidator schemas = schemas();
        FileChecker checker = new FileChecker(schemas, Checks.format(schemas, strict));
        CheckRun.Outcome outcome = new CheckRun(checker).run(roots);

        Set<String> failing = new HashSet<>();
        for (Diagnostic d : outcome.diagnostics()) if (d.severity() == Severity.ERROR) failing.add(d.file());
        List<ArmBuild.Input> inputs = new ArrayList<>();
        int notBuilt = 0;
        int watchlists = 0;
        java.util.Map<String, Integer> noTemplate = new java.util.TreeMap<>();
        int graphOnly = 0;
        for (FileResult r : outcome.files()) {
            if (r.skipped().isPresent()) continue;
            if (r.identity().isPresent() && !r.identity().get().kind().isQueryItem() && !failing.contains(r.displayPath())) {
                watchlists++; // checked, but their ARM mapping comes with the watchlist deployment kind
                continue;
            }
            if (r.item().isPresent() && !ArmResources.isArmContent(r.item().get())) {
                graphOnly++;
                continue;
            }
            if (r.item().isEmpty() || failing.contains(r.displayPath())) {
                notBuilt++;
                continue;
            }
            // A playbook already is a template: ArmBuild copies it with its parameter files.
            if (!ArmResources.hasTemplateMapping(r.item().get()) && !(r.item().get() instanceof dev.sentinelctl.content.Playbook)) {
                noTemplate.merge(r.item().get().kind().displayName(), 1, Integer::sum);
                continue;
            }
            inputs.add(new ArmBuild.Input(r.item().get(), ContentBuildInputs.relative(r.displayPath(), roots)));
        }
        if (repositories && metadata) {
            throw new UserException("--metadata and --repositories do not go together: Repositories skips a template "
                    + "with a metadata resource (it is no content type of its) and stamps its own metadata");
        }
        String source = sourceName != null ? sourceName : SourceName.detect(roots.get(0));
        ArmBuild build = new ArmBuild(new ArmResources(api), new ArmBuild.Options(out, bundle,
                new ArmTemplate.Options(metadata, !noSourceFields, source)));
        List<ArmBuild.Written> written;
        try {
            written = build.write(inputs);
        } catch (UncheckedIOException e) {
            throw new UserException(e.getMessage());
        }
        int exit = output.emit(ContentRun.report(outcome.diagnostics(), ContentRun.contentFiles(outcome), "build"),
                spec.commandLine().getOut(), ProjectConfig.NONE);
        int refused = 0;
        for (ArmBuild.Written w : written) {
            List<String> types = repositories ? RepositoriesTypes.refusedIn(w.file()) : List.of();
            if (!types.isEmpty()) {
                refused++;
                spec.commandLine().getErr().printf("error: %s has resource types Repositories does not deploy (%s); it "
                        + "would skip the file%n", w.file(), String.join(", ", types));
            }
            if (w.overArmLimits()) {
                spec.commandLine().getErr().printf("warning: %s has %d resources and %d bytes; ARM takes at most 800 "
                        + "resources and 4 MB per template: build without --bundle or split the folder%n", w.file(), w.resources(), w.bytes());
            }
        }
        spec.commandLine().getErr().printf("Built %d template%s (%d item%s) in %s%s%n", written.size(),
                written.size() == 1 ? "" : "s", inputs.size(), inputs.size() == 1 ? "" : "s", out,
                (notBuilt == 0 ? "" : "; " + notBuilt + " file" + (notBuilt == 1 ? "" : "s") + " with errors not built")
                        + (watchlists == 0 ? "" : "; " + watchlists + " watchlist" + (watchlists == 1 ? "" : "s")
                                + " checked, not built (watchlist templates are not written yet)"));
        noTemplate.forEach((kind, n) -> spec.commandLine().getErr().printf("%d %s%s not built: deploy %s with plan/apply%n",
                n, kind, n == 1 ? "" : "s", n == 1 ? "it" : "them"));
        if (graphOnly > 0) {
            spec.commandLine().getErr().printf("%d custom detection%s not built: Defender XDR detections are no ARM "
                    + "resource; `apply` deploys them through Microsoft Graph%n", graphOnly, graphOnly == 1 ? "" : "s");
        }
        spec.commandLine().getErr().flush();
        return notBuilt > 0 || refused > 0 ? ExitCodes.FINDINGS : exit;
    }
}

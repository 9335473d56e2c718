package dev.sentinelctl.cli;

import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.content.ContentMapper;
import dev.sentinelctl.content.ContentScanner;
import dev.sentinelctl.content.KindDetector;
import dev.sentinelctl.content.YamlLoader;
import dev.sentinelctl.fleet.ExclusionCompiler;
import dev.sentinelctl.fleet.FleetConfig;
import dev.sentinelctl.fleet.FleetLoader;
import dev.sentinelctl.fleet.Shard;
import dev.sentinelctl.fleet.TargetQueries;
import dev.sentinelctl.fleet.WorkspaceTarget;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.report.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sentinelctl fleet ...}: read a fleet file without deploying anything. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Multi-workspace fleets (MSSP): list the resolved targets of a fleet file, check it against the content.",
        subcommands = {FleetCommand.Targets.class, FleetCommand.Check.class})
public final class FleetCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static FleetConfig load(Path file, PrintWriter err) {
        try {
            return new FleetLoader().read(file);
        } catch (ConfigException e) {
            for (Diagnostic d : e.diagnostics()) {
                err.println(d.file() + ":" + d.line() + ":" + d.column() + ": error " + d.ruleId() + " " + d.message()
                        + (d.fixHint().isEmpty() ? "" : "\n    fix: " + d.fixHint()));
            }
            err.flush();
            throw new UserException(file + " is not a usable fleet file (" + e.diagnostics().size() + " problem(s) above)");
        }
    }

    @Command(name = "targets", mixinStandardHelpOptions = true,
            description = "Print the resolved workspaces (one per line: ring, resource id, tenant, credential, labels), optionally of one shard or ring.",
            footer = {"", "Examples:", "  sentinelctl fleet targets fleet.yaml", "  sentinelctl fleet targets fleet.yaml --ring broad --shard 2/4"})
    static final class Targets implements Callable<Integer> {
        @Parameters(paramLabel = "FLEET_FILE", description = "The fleet file (a YAML file with a top-level fleet: key).")
        Path file;

        @Option(names = "--shard", paramLabel = "I/N", description = "Only the workspaces of shard I of N (1-based).")
        String shard;

        @Option(names = "--ring", paramLabel = "NAME", description = "Only this ring's workspaces.")
        String ring;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            FleetConfig fleet = load(file, spec.commandLine().getErr());
            List<WorkspaceTarget> targets = fleet.targets();
            if (ring != null) {
                if (fleet.rings().stream().noneMatch(r -> r.name().equals(ring))) throw new UserException("no ring named '" + ring + "' in " + file);
                targets = fleet.inRing(ring);
            }
            if (shard != null) {
                try {
                    targets = Shard.parse(shard).select(targets);
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            for (WorkspaceTarget t : targets) {
                out.println(String.join("\t", t.ring(), t.resourceId(), t.tenant(), t.credential().name(), String.join(",", t.labels())));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a fleet file and compile every workspace's exclusions into every selected content item, "
                    + "without deploying: what a plan would refuse, found up front.",
                    "Exit 0: usable. 1: some (workspace, item) pair cannot be compiled, the fleet sets exclusion names no item declares, or overrides content ids no item has. 2: the fleet file is invalid."},
            footer = {"", "Examples:", "  sentinelctl fleet check fleet.yaml", "  sentinelctl fleet check fleet.yaml content/Detections"})
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FLEET_FILE")
        Path file;

        @Parameters(index = "1..*", paramLabel = "PATH", description = "Content to check against (default: content).")
        List<Path> paths;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            FleetConfig fleet = load(file, spec.commandLine().getErr());
            List<ContentItem> items = loadItems(paths == null || paths.isEmpty() ? List.of(Path.of("content")) : paths);
            TargetQueries queries = new TargetQueries(new ExclusionCompiler(Catalog.builtIn()));
            List<TargetQueries.Failure> failures = queries.compileAll(fleet.targets(), items);
            Set<String> undeclared = TargetQueries.undeclaredNames(fleet.targets(), items);
            Set<String> unknownIds = TargetQueries.unknownOverrideIds(fleet.targets(), items);
            PrintWriter out = spec.commandLine().getOut();
            for (TargetQueries.Failure f : failures) {
                out.println(f.target().resourceId() + ": " + f.item().document().source().displayPath() + ": " + f.message());
            }
            for (String name : undeclared) {
                out.println(file + ": exclusion '" + name + "' is set but no content item declares it (a typo excludes nothing)");
            }
            for (String id : unknownIds) {
                out.println(file + ": overrides name content id " + id + ", which no content item has (the override changes nothing)");
            }
            out.println("Checked " + fleet.targets().size() + " workspaces in " + fleet.rings().size() + " rings against " + items.size()
                    + " items: " + failures.size() + " failures, " + undeclared.size() + " undeclared exclusion names");
            out.flush();
            return failures.isEmpty() && undeclared.isEmpty() && unknownIds.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }

        private static List<ContentItem> loadItems(List<Path> roots) {
            ContentScanner.Scan scan = new ContentScanner().scan(roots);
            if (!scan.missing().isEmpty()) throw new UserException("no such path: " + String.join(", ", scan.missing()));
            List<ContentItem> items = new ArrayList<>();
            for (ContentScanner.ContentFile f : scan.files()) {
                new YamlLoader().load(f.path(), f.displayPath()).document().ifPresent(doc -> {
                    if (new KindDetector().detect(doc.root(), f.displayPath()) instanceof KindDetector.Verdict.Content c
                            && c.kind().isQueryItem()) {
                        items.add(new ContentMapper().map(doc, c.kind()));
                    }
                });
            }
            return items;
        }
    }
}

package dev.sentinelctl.cli;

import com.azure.core.http.policy.HttpLogDetailLevel;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.arm.SourceName;
import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.check.FileResult;
import dev.sentinelctl.config.ConfigLoader.ConfigException;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.deploy.ActualState;
import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.ArmRest;
import dev.sentinelctl.deploy.DesiredItem;
import dev.sentinelctl.deploy.DesiredState;
import dev.sentinelctl.deploy.Planner;
import dev.sentinelctl.deploy.Tailoring;
import dev.sentinelctl.fleet.ExclusionCompileException;
import dev.sentinelctl.fleet.ExclusionCompiler;
import dev.sentinelctl.fleet.FleetConfig;
import dev.sentinelctl.fleet.FleetLoader;
import dev.sentinelctl.fleet.Shard;
import dev.sentinelctl.fleet.TargetQueries;
import dev.sentinelctl.fleet.WorkspaceTarget;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.deploy.WorkspacePlan;
import dev.sentinelctl.deploy.config.PreflightSettings;
import dev.sentinelctl.deploy.preflight.Preflight;
import dev.sentinelctl.deploy.preflight.PreflightException;
import dev.sentinelctl.deploy.preflight.PreflightReader;
import dev.sentinelctl.deploy.preflight.QueryReads;
import dev.sentinelctl.deploy.preflight.WorkspaceFacts;
import dev.sentinelctl.kql.semantic.binder.Binder;
import dev.sentinelctl.deploy.azure.ArmClients;
import dev.sentinelctl.deploy.azure.ArmTarget;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.deploy.azure.ArmTransport;
import dev.sentinelctl.deploy.config.DeployConfig;
import dev.sentinelctl.deploy.config.DeployConfigLoader;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.report.Diagnostic;
import dev.sentinelctl.report.Severity;
import dev.sentinelctl.schema.SchemaValidator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The wiring shared by plan, apply, drift and export: config, content, SDK clients per (credential, tenant), and
 * planning every selected workspace. Failures the user can fix are {@link UserException}s.
 */
final class DeployRun {
    /** Content that does not pass validate is not deployed; the diagnostics say why. */
    static final class ContentErrors extends RuntimeException {
        final List<Diagnostic> diagnostics;

        ContentErrors(List<Diagnostic> diagnostics) {
            super(diagnostics.size() + " content error(s)");
            this.diagnostics = diagnostics;
        }
    }

    final List<WorkspaceConfig> workspaces;
    /** With --fleet: each workspace's fleet target and what it adds to the desired state; empty otherwise. */
    private final Map<WorkspaceConfig, WorkspaceTarget> fleetTargets = new HashMap<>();
    private final Map<WorkspaceConfig, Tailoring> tailorings = new HashMap<>();
    /** With --fleet: the resolved fleet (rings for the rollout policy); null without. */
    final FleetConfig fleet;
    final String source;
    /** True when the config names no source and it came from the repository (a rename would change ownership). */
    final boolean sourceDerived;
    private final DeployOptions options;
    private final List<String> configNotes = new ArrayList<>();
    private final Map<String, String> env;
    private final Map<String, ArmClients> clients = new ConcurrentHashMap<>();
    /** One HTTP client and token gate for every tenant: a fleet talks to many at once (see {@link ArmTransport}). */
    private ArmTransport transport;
    /** Workspaces the last {@link #plan} could not read, with why; they are left out of its plans. */
    final List<String> unreadable = new ArrayList<>();
    /** Fleet settings that change nothing (typos, deleted items); reported, not fatal, as `fleet check` does. */
    final List<String> warnings = new ArrayList<>();
    /** The same failures by workspace (the rollout records them as that workspace's outcome). */
    final Map<WorkspaceConfig, String> notPlanned = new ConcurrentHashMap<>();
    private final ArmTarget target;
    private final RetrySettings retry;
    /** The command line's preflight flags. */
    private final PreflightOptions preflight;

    /** @param preflight the command line's preflight flags ({@link PreflightOptions#none()} for commands without them) */
    DeployRun(DeployOptions options, PreflightOptions preflight, Map<String, String> env) {
        preflight.validate();
        this.preflight = preflight;
        this.options = options;
        this.env = env;
        if (options.fleet != null) {
            try {
                this.fleet = new FleetLoader().read(options.fleet);
            } catch (ConfigException e) {
                throw new UserException("bad fleet file:\n" + describe(e));
            }
            Path base = options.fleet.toAbsolutePath().normalize().getParent();
            List<Path> contentPaths = List.of(base.resolve("content"));
            TargetQueries queries = new TargetQueries(new ExclusionCompiler(Catalog.builtIn()));
            List<WorkspaceConfig> all = new ArrayList<>();
            for (WorkspaceTarget t : fleetSelection(fleet, options)) {
                WorkspaceConfig ws = FleetWorkspaces.config(t, contentPaths);
                if (fleetTargets.containsKey(ws)) continue;
                all.add(ws);
                fleetTargets.put(ws, t);
                tailorings.put(ws, FleetWorkspaces.tailoring(t, queries));
            }
            this.workspaces = select(all, options.workspaces);
            // Without fleet.source the repository's name is used: stable across runs and shards, not across renames.
            this.source = fleet.source().orElseGet(() -> SourceName.detect(base));
            this.sourceDerived = fleet.source().isEmpty();
        } else {
            if (options.ring != null || options.shard != null) throw new UserException("--ring and --shard need --fleet FILE");
            DeployConfig config;
            DeployOptions.ConfigChoice choice = options.configChoice();
            configNotes.addAll(choice.notes());
            try {
                config = new DeployConfigLoader().load(choice.file());
            } catch (ConfigException e) {
                throw new UserException("bad deployment config:\n" + describe(e));
            }
            this.fleet = null;
            this.workspaces = select(config.workspaces(), options.workspaces);
            Path base = choice.file().toAbsolutePath().normalize().getParent();
            this.source = config.source().orElseGet(() -> SourceName.detect(base));
            this.sourceDerived = config.source().isEmpty();
        }
        try {
            URI authority = options.authorityHost;
            this.target = options.armEndpoint == null ? ArmTarget.AZURE
                    : ArmTarget.custom(options.armEndpoint, options.armTrust, authority);
            this.retry = new RetrySettings(options.retries, Duration.ofMillis(options.retryDelayMs),
                    Duration.ofMillis(options.retryMaxDelayMs));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (options.armTrust != null && !Files.isRegularFile(options.armTrust)) {
            throw new UserException("--arm-trust " + options.armTrust + " does not exist; pass the sandbox-cert.pem "
                    + "the sandbox printed");
        }
    }

    private static String describe(ConfigException e) {
        return e.diagnostics().stream()
                .map(d -> "  " + d.file() + ":" + d.line() + ":" + d.column() + ": " + d.message()
                        + (d.fixHint().isEmpty() ? "" : "\n      fix: " + d.fixHint()))
                .collect(Collectors.joining("\n"));
    }

    /** The fleet's targets, narrowed by --ring then --shard (shards split the ring, as `fleet targets` prints them). */
    private static List<WorkspaceTarget> fleetSelection(FleetConfig fleet, DeployOptions options) {
        List<WorkspaceTarget> targets = fleet.targets();
        if (options.ring != null) {
            if (fleet.rings().stream().noneMatch(r -> r.name().equals(options.ring))) {
                throw new UserException("no ring named '" + options.ring + "' in " + options.fleet);
            }
            targets = fleet.inRing(options.ring);
        }
        if (options.shard != null) {
            try {
                targets = Shard.parse(options.shard).select(targets);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        return targets;
    }

    /** The fleet target a workspace came from (with --fleet), else empty. */
    Optional<WorkspaceTarget> target(WorkspaceConfig ws) {
        return Optional.ofNullable(fleetTargets.get(ws));
    }

    private static List<WorkspaceConfig> select(List<WorkspaceConfig> all, List<String> names) {
        if (names.isEmpty()) return all;
        List<WorkspaceConfig> out = new ArrayList<>();
        for (String n : names) {
            WorkspaceConfig ws = all.stream().filter(w -> w.name().equals(n)).findFirst().orElseThrow(() ->
                    new UserException("no workspace '" + n + "' in the config; it has: "
                            + all.stream().map(WorkspaceConfig::name).collect(Collectors.joining(", "))));
            if (!out.contains(ws)) out.add(ws);
        }
        return out;
    }

    /** Loads and validates the content of every selected workspace; {@code paths} (if any) replace the config's. */
    Map<WorkspaceConfig, List<DesiredState.Source>> content(List<Path> paths) {
        Map<List<Path>, List<DesiredState.Source>> byPaths = new HashMap<>();
        Map<WorkspaceConfig, List<DesiredState.Source>> out = new LinkedHashMap<>();
        SchemaValidator schemas = new SchemaValidator();
        for (WorkspaceConfig ws : workspaces) {
            List<Path> roots = paths == null || paths.isEmpty() ? ws.paths() : paths;
            out.put(ws, byPaths.computeIfAbsent(roots, r -> load(r, schemas)));
        }
        return out;
    }

    private static List<DesiredState.Source> load(List<Path> roots, SchemaValidator schemas) {
        List<String> missing = roots.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) throw new UserException("no such content file or folder: " + String.join(", ", missing));
        CheckRun.Outcome outcome = new CheckRun(new FileChecker(schemas, Checks.format(schemas, false))).run(roots);
        List<Diagnostic> errors = outcome.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) throw new ContentErrors(errors);
        List<DesiredState.Source> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (FileResult r : outcome.files()) {
            if (r.skipped().isPresent() || r.item().isEmpty()) continue;
            ContentItem item = r.item().get();
            if (!ids.add(item.id().toLowerCase(Locale.ROOT))) {
                throw new UserException("two content files have the id " + item.id() + " (one is " + r.displayPath()
                        + "); one would overwrite the other in the workspace");
            }
            items.add(new DesiredState.Source(item, r.displayPath()));
        }
        return items;
    }

    ArmRest arm(WorkspaceConfig ws) {
        CredentialKind kind;
        try {
            kind = options.credential != null ? CredentialKind.parse(options.credential) : ws.credential();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        // A fleet credential may name its app registration; different apps are different clients.
        String clientId = target(ws).flatMap(t -> t.credential().clientId()).orElse(null);
        ArmClients c = clients.computeIfAbsent(kind.cliName() + "|" + ws.tenant() + "|" + clientId, k -> {
            Map<String, String> withTenant = new HashMap<>(env);
            withTenant.put("AZURE_TENANT_ID", ws.tenant());
            if (clientId != null) withTenant.put("AZURE_CLIENT_ID", clientId);
            if (target.isCustom() && target.authorityHost() == null && !withTenant.containsKey("AZURE_AUTHORITY_HOST")) {
                withTenant.put("AZURE_AUTHORITY_HOST", target.armEndpoint().toString());
            }
            try {
                return ArmClients.create(target, kind, withTenant, retry, HttpLogDetailLevel.NONE, transport());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new UserException("workspace '" + ws.name() + "': " + e.getMessage());
            }
        });
        return new ArmRest(c.pipeline(), c.environment().getResourceManagerEndpoint());
    }

    /** A workspace's preflight settings: the config's (or fleet's), then the command line's. */
    PreflightSettings preflightFor(WorkspaceConfig ws) {
        return preflight.apply(ws.preflight());
    }

    /** Built on first use: a run that fails before reaching ARM does not load the CA store. */
    private synchronized ArmTransport transport() {
        if (transport == null) transport = new ArmTransport(target);
        return transport;
    }

    /**
     * Plans every selected workspace: desired from content, actual from one list per resource type. Workspaces are
     * read concurrently, at most {@code --parallelism} at a time per subscription (a fleet of hundreds of
     * workspaces is not read one after the other); plans come back in config order.
     */
    List<WorkspacePlan> plan(List<Path> paths, Planner.Options planOptions) {
        Map<WorkspaceConfig, List<DesiredState.Source>> content = content(paths);
        warnings.clear();
        if (fleet != null) warnFleetTypos(content);
        DesiredState desired = new DesiredState(new ArmResources(dev.sentinelctl.arm.ArmApiVersion.DEFAULT), source);
        Planner planner = new Planner(source, planOptions);
        // Binding is the costly part of preflight's own work; a fleet deploys the same query text many times.
        Binder binder = new Binder(Catalog.builtIn());
        Map<String, QueryReads> reads = new HashMap<>();
        Map<String, ExecutorService> pools = new LinkedHashMap<>();
        try {
            List<Future<WorkspacePlan>> futures = new ArrayList<>();
            List<WorkspaceConfig> planned = new ArrayList<>();
            List<String> notCompiled = new ArrayList<>();
            notPlanned.clear();
            for (WorkspaceConfig ws : workspaces) {
                List<DesiredItem> items;
                try {
                    items = desired.forWorkspace(ws, content.get(ws), tailorings.getOrDefault(ws, Tailoring.NONE));
                } catch (ExclusionCompileException e) {
                    // Never deploy a query without the customer's exclusions (or with unsafe ones): this workspace
                    // fails with the reason, the others go on.
                    notCompiled.add("workspace '" + ws.name() + "': its exclusions cannot be compiled: " + e.getMessage());
                    notPlanned.put(ws, "its exclusions cannot be compiled: " + e.getMessage());
                    continue;
                }
                ArmRest arm = arm(ws); // credentials are built here, on this thread, so their errors are ours
                ExecutorService pool = pools.computeIfAbsent(ws.subscription().toLowerCase(Locale.ROOT),
                        s -> Executors.newFixedThreadPool(Math.max(1, options.parallelism), r -> {
                            Thread t = new Thread(r, "plan-" + s);
                            t.setDaemon(true);
                            return t;
                        }));
                PreflightSettings settings = preflightFor(ws);
                Preflight.Needs needs = Preflight.needs(items, settings, q -> reads.computeIfAbsent(q, t -> QueryReads.of(t, binder)));
                planned.add(ws);
                futures.add(pool.submit(() -> {
                    ActualState actual = ActualState.read(arm, ws);
                    if (needs.isEmpty()) return planner.plan(ws, items, actual);
                    WorkspaceFacts facts = Preflight.read(new PreflightReader(arm), ws.resourceId(), needs, settings);
                    return planner.plan(ws, items, actual, Preflight.decide(ws.workspace(), items, needs, facts, settings));
                }));
            }
            List<WorkspacePlan> plans = new ArrayList<>();
            unreadable.clear();
            unreadable.addAll(notCompiled);
            for (int i = 0; i < futures.size(); i++) {
                try {
                    plans.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ArmCallException arm) {
                        // One unreachable workspace must not stop a fleet: the others are planned, the command
                        // reports this one and fails at the end. Only when none can be read is it an environment error.
                        unreadable.add("workspace '" + planned.get(i).name() + "': cannot read its resources: "
                                + arm.describe());
                        notPlanned.put(planned.get(i), "cannot read its resources: " + arm.describe());
                        continue;
                    }
                    if (e.getCause() instanceof PreflightException pf) {
                        // Enabling rules unchecked is what the workspace's settings asked not to do: fail it, not the others.
                        unreadable.add("workspace '" + planned.get(i).name() + "': " + pf.getMessage());
                        notPlanned.put(planned.get(i), pf.getMessage());
                        continue;
                    }
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UserException("interrupted while reading the workspaces");
                }
            }
            // A fleet records unreadable workspaces as failed and goes on to the policy; a config run has nothing to do.
            if (plans.isEmpty() && !unreadable.isEmpty() && fleet == null) throw new UserException(String.join("\n", unreadable));
            return plans;
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
        }
    }

    private void warnFleetTypos(Map<WorkspaceConfig, List<DesiredState.Source>> content) {
        List<ContentItem> items = content.values().stream().flatMap(List::stream).map(DesiredState.Source::item).distinct().toList();
        List<WorkspaceTarget> targets = workspaces.stream().map(fleetTargets::get).toList();
        for (String name : TargetQueries.undeclaredNames(targets, items)) {
            warnings.add("the fleet sets exclusion '" + name + "', which no content item declares; it excludes nothing");
        }
        for (String id : TargetQueries.unknownOverrideIds(targets, items)) {
            warnings.add("the fleet overrides content id " + id + ", which no content item has; it changes nothing");
        }
    }

    /** Reports the workspaces that could not be read; true when there were any (the command then exits 1). */
    boolean reportUnreadable(java.io.PrintWriter err) {
        for (String w : warnings) err.println("warning: " + w);
        for (String u : unreadable) err.println("error: " + u + " (skipped; the other workspaces were planned)");
        err.flush();
        return !unreadable.isEmpty();
    }

    /** Says where the ownership name came from when the config does not set it. */
    /** Notes on how the deployment config was found (an old option or file name). */
    void noteConfig(java.io.PrintWriter err) {
        configNotes.forEach(err::println);
        err.flush();
    }

    void noteSource(java.io.PrintWriter err) {
        noteConfig(err);
        if (!sourceDerived) return;
        String where = fleet != null ? "the fleet file sets no 'fleet.source'" : "the config sets no 'source'";
        err.println("note: " + where + "; ownership is recorded as '" + source + "' (from the git remote"
                + " or folder name). Set 'source:' so a renamed folder or remote does not turn owned rules into conflicts.");
        err.flush();
    }

    /** Prints content errors the way validate does, briefly. */
    static void printContentErrors(ContentErrors e, java.io.PrintWriter err) {
        err.println("sentinelctl: the content has errors; nothing was planned or deployed:");
        for (Diagnostic d : e.diagnostics.subList(0, Math.min(20, e.diagnostics.size()))) {
            err.println("  " + d.file() + ":" + d.line() + ":" + d.column() + ": " + d.ruleId() + " " + d.message());
        }
        if (e.diagnostics.size() > 20) err.println("  … and " + (e.diagnostics.size() - 20) + " more (run check)");
        err.flush();
    }
}

package dev.sentinelctl.deploy;

import com.azure.core.http.policy.HttpLogDetailLevel;
import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.arm.ArmResources;
import dev.sentinelctl.check.CheckRun;
import dev.sentinelctl.check.FileChecker;
import dev.sentinelctl.check.FileResult;
import dev.sentinelctl.check.FormatChecks;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.deploy.azure.ArmClients;
import dev.sentinelctl.deploy.azure.ArmTarget;
import dev.sentinelctl.deploy.azure.ArmTransport;
import dev.sentinelctl.deploy.azure.CredentialKind;
import dev.sentinelctl.deploy.azure.RetrySettings;
import dev.sentinelctl.deploy.config.PreflightFlags;
import dev.sentinelctl.deploy.config.PreflightSettings;
import dev.sentinelctl.deploy.config.WorkspaceConfig;
import dev.sentinelctl.deploy.kinds.DeployableKind;
import dev.sentinelctl.deploy.kinds.KindTable;
import dev.sentinelctl.deploy.kinds.alertrule.AlertRuleKind;
import dev.sentinelctl.deploy.preflight.Preflight;
import dev.sentinelctl.deploy.preflight.PreflightException;
import dev.sentinelctl.deploy.preflight.PreflightReader;
import dev.sentinelctl.deploy.preflight.QueryReads;
import dev.sentinelctl.deploy.preflight.WorkspaceFacts;
import dev.sentinelctl.kql.semantic.Catalog;
import dev.sentinelctl.kql.semantic.binder.Binder;
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

/**
 * One deploy run, the engine behind plan, apply, drift and export for any front end: the selected workspaces
 * ({@link DeployTargets}), their content loaded and checked, SDK clients per (credential, tenant, app), preflight and
 * the plan of every workspace, and the {@link Applier} that executes and verifies it. Failures the user can fix are
 * {@link DeployException}s; content that does not pass validate is {@link ContentErrors}.
 */
public final class DeployRun {
    /**
     * How to reach ARM and how hard to push it.
     *
     * @param credential    a credential name for every workspace instead of the config's; null for the config's
     * @param armEndpoint   another ARM (the sandbox); null for public Azure
     * @param armTrust      an extra certificate to trust; null for none
     * @param authorityHost the token authority; null for the default (with armEndpoint: the same URL)
     * @param parallelism   requests in flight per subscription, reads and writes
     * @param graphEndpoint Microsoft Graph's base URL (custom detections); null: public Graph, or with armEndpoint
     *                      that URL (the sandbox serves Graph's stand-in too)
     */
    public record Options(String credential, URI armEndpoint, Path armTrust, URI authorityHost, int parallelism,
            int retries, long retryDelayMs, long retryMaxDelayMs, URI graphEndpoint) {
        public Options(String credential, URI armEndpoint, Path armTrust, URI authorityHost, int parallelism,
                int retries, long retryDelayMs, long retryMaxDelayMs) {
            this(credential, armEndpoint, armTrust, authorityHost, parallelism, retries, retryDelayMs, retryMaxDelayMs, null);
        }

        /** Public Azure, the config's credentials, the CLI's defaults. */
        public static Options defaults() {
            return new Options(null, null, null, null, 4, 5, 2000, 60000);
        }
    }

    private final DeployTargets targets;
    private final List<WorkspaceConfig> workspaces;
    private final Map<WorkspaceConfig, DeployTargets.Target> byWorkspace = new HashMap<>();
    private final Options options;
    private final PreflightFlags preflight;
    private final Map<String, String> env;
    private final Map<String, ArmClients> clients = new ConcurrentHashMap<>();
    /** One HTTP client and token gate for every tenant: a fleet talks to many at once (see {@link ArmTransport}). */
    private ArmTransport transport;
    /** Workspaces the last {@link #plan} could not read, with why; they are left out of its plans. */
    private final List<String> unreadable = new ArrayList<>();
    /** Origin settings that change nothing (a fleet's typos, deleted items); reported, not fatal. */
    private final List<String> warnings = new ArrayList<>();
    /** The same failures by workspace (a rollout records them as that workspace's outcome). */
    private final Map<WorkspaceConfig, String> notPlanned = new ConcurrentHashMap<>();
    private final ArmTarget target;
    private final RetrySettings retry;

    /**
     * @param preflight the run's preflight flags ({@link PreflightFlags#NONE} when the front end has none)
     * @param env       the environment credentials read their inputs from
     */
    public DeployRun(DeployTargets targets, Options options, PreflightFlags preflight, Map<String, String> env) {
        this.targets = targets;
        this.options = options;
        this.preflight = preflight;
        this.env = env;
        List<WorkspaceConfig> list = new ArrayList<>();
        for (DeployTargets.Target t : targets.workspaces()) {
            list.add(t.config());
            byWorkspace.put(t.config(), t);
        }
        this.workspaces = List.copyOf(list);
        try {
            this.target = (options.armEndpoint() == null ? ArmTarget.AZURE
                    : ArmTarget.custom(options.armEndpoint(), options.armTrust(), options.authorityHost()))
                    .withGraphEndpoint(options.graphEndpoint());
            this.retry = new RetrySettings(options.retries(), Duration.ofMillis(options.retryDelayMs()),
                    Duration.ofMillis(options.retryMaxDelayMs()));
        } catch (IllegalArgumentException e) {
            throw new DeployException(e.getMessage());
        }
        if (options.armTrust() != null && !Files.isRegularFile(options.armTrust())) {
            throw new DeployException("--arm-trust " + options.armTrust() + " does not exist; pass the sandbox-cert.pem "
                    + "the sandbox printed");
        }
    }

    public List<WorkspaceConfig> workspaces() {
        return workspaces;
    }

    public String source() {
        return targets.source();
    }

    public boolean sourceDerived() {
        return targets.sourceDerived();
    }

    public boolean isFleet() {
        return targets.fleet();
    }

    /** Workspaces the last plan could not read or compile for, each as one message naming the workspace. */
    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Settings of the origin that change nothing for the content the last plan loaded. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Why a workspace has no plan (could not be read, or its plan is not the reviewed one), if it has none. */
    public Optional<String> notPlanned(WorkspaceConfig ws) {
        return Optional.ofNullable(notPlanned.get(ws));
    }

    /** Records that a workspace is not to be applied, with why; a rollout fails it at its turn. */
    public void markNotPlanned(WorkspaceConfig ws, String reason) {
        notPlanned.put(ws, reason);
    }

    /** The registered kinds and the api-version each is sent with. */
    public KindTable kinds() {
        return targets.kinds();
    }

    /** Loads and validates the content of every selected workspace; {@code paths} (if any) replace the config's. */
    public Map<WorkspaceConfig, List<DesiredState.Source>> content(List<Path> paths) {
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
        if (!missing.isEmpty()) throw new DeployException("no such content file or folder: " + String.join(", ", missing));
        CheckRun.Outcome outcome = new CheckRun(new FileChecker(schemas, FormatChecks.of(schemas, false))).run(roots);
        List<Diagnostic> errors = outcome.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) throw new ContentErrors(errors);
        List<DesiredState.Source> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (FileResult r : outcome.files()) {
            if (r.skipped().isPresent()) continue;
            Optional<? extends ContentItem> loaded = r.item().isPresent() ? r.item() : watchlist(r);
            if (loaded.isEmpty()) continue;
            ContentItem item = loaded.get();
            if (!ids.add(item.id().toLowerCase(Locale.ROOT))) {
                throw new DeployException("two content files have the id " + item.id() + " (one is " + r.displayPath()
                        + "); one would overwrite the other in the workspace");
            }
            items.add(new DesiredState.Source(item, r.displayPath()));
        }
        return items;
    }

    /**
     * A watchlist folder's metadata file as a deployable item: the checks give watchlists an identity but no item
     * (they are not query items), so the file, which they have just validated, is read again here.
     */
    private static Optional<dev.sentinelctl.content.Watchlist> watchlist(FileResult r) {
        if (r.identity().isEmpty() || r.identity().get().kind() != dev.sentinelctl.content.ContentKind.WATCHLIST) {
            return Optional.empty();
        }
        Path file = Path.of(r.displayPath());
        var doc = new dev.sentinelctl.content.YamlLoader().load(file, r.displayPath()).document();
        return doc.map(d -> new dev.sentinelctl.content.ContentMapper().watchlist(d, file));
    }

    /** The REST client of a workspace: its credential (or the run's), its tenant, its app registration. */
    public ArmRest arm(WorkspaceConfig ws) {
        CredentialKind kind;
        try {
            kind = options.credential() != null ? CredentialKind.parse(options.credential()) : ws.credential();
        } catch (IllegalArgumentException e) {
            throw new DeployException(e.getMessage());
        }
        // A fleet credential may name its app registration; different apps are different clients.
        DeployTargets.Target t = byWorkspace.get(ws);
        String clientId = t == null ? null : t.clientId().orElse(null);
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
                throw new DeployException("workspace '" + ws.name() + "': " + e.getMessage());
            }
        });
        // A long-running operation (a watchlist's provisioning) is polled at the retry delay unless it sends Retry-After.
        return new ArmRest(c.pipeline(), c.environment().getResourceManagerEndpoint(),
                Duration.ofMillis(Math.max(1, options.retryDelayMs())), ArmRest.OPERATION_TIMEOUT)
                .withGraph(c.graphPipeline(), c.graphEndpoint());
    }

    /** The executor of this run's plans: its clients, its ownership name, its per-subscription parallelism. */
    public Applier applier(Applier.Listener listener) {
        return new Applier(this::arm, source(), options.parallelism(), listener, targets.kinds());
    }

    /** A workspace's preflight settings: the config's (or fleet's), then the run's flags. */
    public PreflightSettings preflightFor(WorkspaceConfig ws) {
        return preflight.apply(ws.preflight());
    }

    /**
     * With {@code --prune}, the tenant-level (Graph) kinds the content has no items of are read too, so removing the last
     * custom detection from the repository deletes it. Their permission is optional then: a 401/403 leaves them
     * unread with a warning instead of failing the plan of the ARM kinds.
     */
    private ActualState withTenantKindsForPrune(ArmRest arm, WorkspaceConfig ws, KindTable kinds,
            List<DeployableKind> present, ActualState actual) {
        Map<dev.sentinelctl.deploy.kinds.ResourceKind, Map<String, tools.jackson.databind.node.ObjectNode>> items =
                new LinkedHashMap<>(actual.items());
        for (DeployableKind k : kinds.contentKinds()) {
            if (!(k.scope() instanceof dev.sentinelctl.deploy.kinds.Scope.Graph) || present.contains(k)) continue;
            try {
                items.putAll(ActualState.read(arm, ws, kinds, r -> r == k).items());
            } catch (ArmCallException e) {
                if (e.status() != 401 && e.status() != 403) throw e;
                synchronized (warnings) {
                    warnings.add("workspace '" + ws.name() + "': " + k.label() + "s were not checked for prune: "
                            + e.describe());
                }
            }
        }
        return new ActualState(kinds, items);
    }

    /** Built on first use: a run that fails before reaching ARM does not load the CA store. */
    private synchronized ArmTransport transport() {
        if (transport == null) transport = new ArmTransport(target);
        return transport;
    }

    /**
     * What each selected workspace would be given: its desired items (overrides applied, exclusions compiled), exactly
     * as {@link #plan} computes them, without reading the workspace. A workspace whose exclusions do not compile maps
     * to the reason instead (as plan refuses to deploy it).
     */
    public Map<WorkspaceConfig, DesiredOrProblem> desired(List<Path> paths) {
        Map<WorkspaceConfig, List<DesiredState.Source>> content = content(paths);
        KindTable kinds = targets.kinds();
        DesiredState desired = new DesiredState(new ArmResources(new ArmApiVersion(kinds.apiVersion(AlertRuleKind.INSTANCE))),
                source(), kinds);
        Map<WorkspaceConfig, DesiredOrProblem> out = new LinkedHashMap<>();
        for (WorkspaceConfig ws : workspaces) {
            try {
                out.put(ws, new DesiredOrProblem(desired.forWorkspace(ws, content.get(ws), byWorkspace.get(ws).tailoring()), null));
            } catch (TailoringException e) {
                out.put(ws, new DesiredOrProblem(List.of(), e.getMessage()));
            }
        }
        return out;
    }

    /** @param problem why the workspace has no desired items (null when it has them) */
    public record DesiredOrProblem(List<DesiredItem> items, String problem) {}

    /**
     * Plans every selected workspace: desired from content, actual from one list per resource type. Workspaces are
     * read concurrently, at most {@code parallelism} at a time per subscription (a fleet of hundreds of workspaces is
     * not read one after the other); plans come back in config order.
     */
    public List<WorkspacePlan> plan(List<Path> paths, Planner.Options planOptions) {
        Map<WorkspaceConfig, List<DesiredState.Source>> content = content(paths);
        warnings.clear();
        List<ContentItem> all = content.values().stream().flatMap(List::stream).map(DesiredState.Source::item).distinct().toList();
        warnings.addAll(targets.contentWarnings().apply(all));
        KindTable kinds = targets.kinds();
        // The alert rule mapping carries what its api-version carries (subTechniques from 2023-12-01).
        DesiredState desired = new DesiredState(new ArmResources(new ArmApiVersion(kinds.apiVersion(AlertRuleKind.INSTANCE))),
                source(), kinds);
        Planner planner = new Planner(source(), planOptions, kinds);
        // Binding is the costly part of preflight's own work; a fleet deploys the same query text many times.
        Binder binder = new Binder(Catalog.builtIn());
        Map<String, QueryReads> reads = new HashMap<>();
        Map<String, ExecutorService> pools = new LinkedHashMap<>();
        try {
            List<Future<WorkspacePlan>> futures = new ArrayList<>();
            List<WorkspaceConfig> planned = new ArrayList<>();
            List<String> notCompiled = new ArrayList<>();
            notPlanned.clear();
            Map<String, String> tenantWide = new HashMap<>();
            for (WorkspaceConfig ws : workspaces) {
                List<DesiredItem> items;
                try {
                    items = desired.forWorkspace(ws, content.get(ws), byWorkspace.get(ws).tailoring());
                } catch (TailoringException e) {
                    // Never deploy a query without the customer's exclusions (or with unsafe ones): this workspace
                    // fails with the reason, the others go on.
                    notCompiled.add("workspace '" + ws.name() + "': " + e.getMessage());
                    notPlanned.put(ws, e.getMessage());
                    continue;
                }
                for (DesiredItem d : items) {
                    if (!(d.type().scope() instanceof dev.sentinelctl.deploy.kinds.Scope.Graph)) continue;
                    // A Graph collection belongs to the tenant: two workspaces planning it would both create each item.
                    String other = tenantWide.putIfAbsent(ws.tenant().toLowerCase(Locale.ROOT) + "|" + d.type().id(), ws.name());
                    if (other != null && !other.equals(ws.name())) {
                        throw new DeployException("workspaces '" + other + "' and '" + ws.name() + "' are in tenant "
                                + ws.tenant() + " and both deploy " + d.type().label() + "s, which belong to the tenant "
                                + "(Microsoft Graph), not to a workspace; select them in one workspace only (content: "
                                + "exclude: kinds: [CustomDetection] in the others)");
                    }
                }
                ArmRest arm = arm(ws); // credentials are built here, on this thread, so their errors are ours
                ExecutorService pool = pools.computeIfAbsent(ws.subscription().toLowerCase(Locale.ROOT),
                        s -> Executors.newFixedThreadPool(Math.max(1, options.parallelism()), r -> {
                            Thread t = new Thread(r, "plan-" + s);
                            t.setDaemon(true);
                            return t;
                        }));
                PreflightSettings settings = preflightFor(ws);
                Preflight.Needs needs = Preflight.needs(items, settings, q -> reads.computeIfAbsent(q, t -> QueryReads.of(t, binder)));
                planned.add(ws);
                futures.add(pool.submit(() -> {
                    List<DeployableKind> present = items.stream().map(DesiredItem::type).toList();
                    ActualState actual = ActualState.read(arm, ws, kinds, Math.max(1, options.parallelism()),
                            ActualState.forContent(present));
                    if (planOptions.prune()) actual = withTenantKindsForPrune(arm, ws, kinds, present, actual);
                    if (needs.isEmpty()) return PlanPreview.add(arm, ws, kinds, planner.plan(ws, items, actual));
                    WorkspaceFacts facts = Preflight.read(new PreflightReader(arm), ws.resourceId(), needs, settings);
                    return PlanPreview.add(arm, ws, kinds,
                            planner.plan(ws, items, actual, Preflight.decide(ws.workspace(), items, needs, facts, settings)));
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
                        // One unreachable workspace must not stop a fleet: the others are planned, the front end
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
                    throw new DeployException("interrupted while reading the workspaces");
                }
            }
            // A fleet records unreadable workspaces as failed and goes on to the policy; a config run has nothing to do.
            if (plans.isEmpty() && !unreadable.isEmpty() && !targets.fleet()) throw new DeployException(String.join("\n", unreadable));
            return plans;
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
        }
    }
}

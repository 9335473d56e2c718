package dev.sentinelctl.deploy.preflight;

import dev.sentinelctl.deploy.kinds.Edge;
import dev.sentinelctl.deploy.kinds.ExternalReference;
import dev.sentinelctl.deploy.kinds.QueryEdges;
import dev.sentinelctl.deploy.ArmCallException;
import dev.sentinelctl.deploy.DesiredItem;
import dev.sentinelctl.deploy.kinds.alertrule.AlertRuleKind;
import dev.sentinelctl.deploy.config.PreflightAction;
import dev.sentinelctl.deploy.config.PreflightSettings;
import dev.sentinelctl.content.RuleDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Preflight for one workspace: which rules need checking ({@link #needs}), the facts (one call per kind,
 * {@link #read}), and the verdicts ({@link #decide}). Only analytic rules that would be deployed enabled are
 * checked: a disabled rule does not run, and a hunting query runs only when someone runs it. Besides, every item's
 * {@link DesiredItem#externals} (a playbook's API connections, an automation rule's Logic App ids outside the content):
 * one GET per distinct id, and a missing one is treated like a missing table.
 */
public final class Preflight {
    /** The reads of every rule to check, by lower-case content id. */
    /**
     * @param byId       the reads of every rule to check
     * @param references by lower-case content id, what each item uses that must exist outside the plan
     */
    public record Needs(Map<String, QueryReads> byId, Map<String, List<ExternalReference>> references) {
        public static final Needs NONE = new Needs(Map.of(), Map.of());

        public Needs {
            byId = Map.copyOf(byId);
            // first-use order matters (which spelling of a case-insensitive id is asked, the order of the GETs):
            // Map.copyOf would iterate in an order that changes from one JVM run to the next
            references = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
        }

        public Needs(Map<String, QueryReads> byId) {
            this(byId, Map.of());
        }

        /** The distinct ids to GET (by lower case: ARM ids are case-insensitive), in first-use order. */
        public Map<String, ExternalReference> referencedIds() {
            Map<String, ExternalReference> out = new LinkedHashMap<>();
            references.values().forEach(l -> l.forEach(r -> out.putIfAbsent(key(r.resourceId()), r)));
            return out;
        }

        public Set<String> tables() {
            Set<String> out = new TreeSet<>();
            byId.values().forEach(r -> {
                out.addAll(r.tables());
                out.addAll(r.optionalTables());
            });
            return out;
        }

        public Set<String> watchlists() {
            Set<String> out = new TreeSet<>();
            byId.values().forEach(r -> out.addAll(r.watchlists()));
            return out;
        }

        public boolean isEmpty() {
            return byId.isEmpty() && references.isEmpty();
        }
    }

    private Preflight() {
    }

    /** @param reads what a query reads; the caller may cache it, as many workspaces deploy the same text */
    public static Needs needs(List<DesiredItem> items, PreflightSettings settings, Function<String, QueryReads> reads) {
        if (!settings.isEnabled()) return Needs.NONE;
        Map<String, QueryReads> out = new LinkedHashMap<>();
        Map<String, List<ExternalReference>> references = new LinkedHashMap<>();
        for (DesiredItem d : items) {
            if (!d.externals().isEmpty()) references.put(key(d.id()), d.externals());
            if (d.type() != AlertRuleKind.INSTANCE || !d.resource().properties().path("enabled").asBoolean(true)) continue;
            if (!d.resource().properties().has("query")) continue; // incident creation, Fusion, …: the service's logic
            out.put(key(d.id()), reads.apply(d.resource().properties().path("query").asString("")));
        }
        return new Needs(out, references);
    }

    /** One tables list, a watchlists list if a rule reads one, a recency query with the data check. */
    public static WorkspaceFacts read(PreflightReader reader, String workspaceId, Needs needs, PreflightSettings settings) {
        Set<String> wanted = needs.tables();
        Set<String> tables = Set.of();
        if (!wanted.isEmpty()) {
            try {
                tables = reader.tables(workspaceId);
            } catch (ArmCallException e) {
                throw new PreflightException("list the workspace's tables", e, "Microsoft.OperationalInsights/workspaces/tables/read");
            }
        }
        Optional<Set<String>> watchlists = Optional.empty();
        if (!needs.watchlists().isEmpty()) {
            try {
                watchlists = Optional.of(reader.watchlists(workspaceId));
            } catch (ArmCallException e) {
                throw new PreflightException("list the workspace's watchlists", e, "Microsoft.SecurityInsights/watchlists/read");
            }
        }
        Optional<WorkspaceFacts.DataFacts> data = Optional.empty();
        Optional<Duration> window = settings.dataWindow();
        Set<String> present = new TreeSet<>(wanted);
        present.retainAll(tables);
        if (window.isPresent() && !present.isEmpty()) {
            try {
                data = Optional.of(reader.lastRecords(workspaceId, present, window.get()));
            } catch (ArmCallException e) {
                throw new PreflightException("query when its tables last received data", e,
                        "Microsoft.OperationalInsights/workspaces/query/read");
            }
        }
        Set<String> missingIds = new TreeSet<>();
        for (Map.Entry<String, ExternalReference> e : needs.referencedIds().entrySet()) {
            try {
                if (!reader.exists(e.getValue().resourceId(), e.getValue().apiVersion())) missingIds.add(e.getKey());
            } catch (ArmCallException ex) {
                throw new PreflightException("check that " + e.getValue().what() + " " + e.getValue().resourceId()
                        + " exists", ex, e.getValue().readPermission());
            }
        }
        return new WorkspaceFacts(tables, watchlists, data, missingIds);
    }

    /** Verdicts by lower-case content id; a rule that passed is listed only when something could not be checked. */
    public static Map<String, PreflightResult> decide(String workspace, List<DesiredItem> items, Needs needs,
            WorkspaceFacts facts, PreflightSettings settings) {
        Map<String, PreflightResult> out = new LinkedHashMap<>();
        // What this plan deploys counts as there: a watchlist or parser written before the rules that read it.
        Set<String> plannedWatchlists = new TreeSet<>();
        Set<String> plannedParsers = new TreeSet<>();
        for (DesiredItem d : items) {
            if (d.type().id().equals(QueryEdges.WATCHLIST)) plannedWatchlists.add(d.id());
            String alias = d.resource().properties().path("functionAlias").asString("");
            if (d.type().id().equals(QueryEdges.PARSER) && !alias.isEmpty()) plannedParsers.add(alias);
        }
        WorkspaceFacts withPlanned = facts.watchlists().isEmpty() || plannedWatchlists.isEmpty() ? facts
                : new WorkspaceFacts(facts.tables(), facts.watchlists().map(w -> {
                    Set<String> all = new TreeSet<>(w);
                    all.addAll(plannedWatchlists);
                    return all;
                }), facts.data(), facts.missingIds());
        for (DesiredItem d : items) {
            List<ExternalReference> refs = needs.references().getOrDefault(key(d.id()), List.of());
            List<ExternalReference> absent = refs.stream().filter(r -> facts.missingIds().contains(key(r.resourceId()))).toList();
            QueryReads reads = needs.byId().get(key(d.id()));
            if (reads == null) {
                if (!absent.isEmpty()) out.put(key(d.id()), missingReferences(d, absent, settings));
                continue;
            }
            if (!plannedParsers.isEmpty()) {
                List<String> unchecked = reads.unchecked().stream()
                        .filter(u -> !plannedParsers.contains(u.split(" ", 2)[0])).toList();
                reads = new QueryReads(reads.tables(), reads.optionalTables(), reads.watchlists(), unchecked);
            }
            PreflightResult r = decide(workspace, d, reads, withPlanned, settings);
            if (!r.passed() || !r.unchecked().isEmpty()) out.put(key(d.id()), r);
        }
        heldBackWithWhatTheyNeed(items, out);
        return out;
    }

    /**
     * An item held back for a missing resource is not written, so what runs or uses it (an automation rule running a
     * skipped playbook, a playbook using another's connection) is held back too, with the same action and why; else
     * it would be written pointing at nothing, or the plan would fail on a dependency that is "not in the content".
     * Repeated until nothing changes, for chains.
     */
    private static void heldBackWithWhatTheyNeed(List<DesiredItem> items, Map<String, PreflightResult> out) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (DesiredItem d : items) {
                PreflightResult own = out.get(key(d.id()));
                if (own != null && !own.passed()) continue;
                for (Edge e : d.dependsOn()) {
                    PreflightResult held = out.get(key(e.name()));
                    if (held == null || held.missingResources().isEmpty()
                            || (held.action() != PreflightAction.SKIP && held.action() != PreflightAction.FAIL)) continue;
                    String dependency = items.stream().filter(i -> i.id().equalsIgnoreCase(e.name())).findFirst()
                            .map(i -> i.type().label() + " " + i.file()).orElse(e.name());
                    out.put(key(d.id()), new PreflightResult(d.id(), d.displayName(), held.action(), "it needs "
                            + dependency + " (" + e.why() + "), which preflight holds back: " + held.reason(),
                            List.of(), List.of(), List.of(), own == null ? List.of() : own.unchecked(), held.missingResources()));
                    changed = true;
                    break;
                }
            }
        }
    }

    static PreflightResult decide(String workspace, DesiredItem d, QueryReads reads, WorkspaceFacts facts,
            PreflightSettings settings) {
        List<String> unchecked = new ArrayList<>(reads.unchecked());
        List<String> missing = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String t : reads.tables()) if (!facts.tables().contains(t)) missing.add(t);
        List<String> optionalPresent = reads.optionalTables().stream().filter(facts.tables()::contains).toList();
        boolean onlyOptional = reads.tables().isEmpty() && !reads.optionalTables().isEmpty();
        if (!missing.isEmpty()) {
            reasons.add((missing.size() == 1 ? "table " : "tables ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " does" : " do") + " not exist in " + workspace);
        } else if (onlyOptional && optionalPresent.isEmpty()) {
            // isfuzzy tolerates a missing table, not all of them: the union then fails.
            missing.addAll(reads.optionalTables());
            reasons.add("none of its tables (" + String.join(", ", missing) + ") exists in " + workspace);
        }
        List<String> missingWatchlists = new ArrayList<>();
        facts.watchlists().ifPresent(w -> reads.watchlists().stream().filter(a -> !w.contains(a)).forEach(missingWatchlists::add));
        for (String a : missingWatchlists) reasons.add("watchlist '" + a + "' does not exist in " + workspace);

        List<String> silent = new ArrayList<>();
        if (facts.data().isPresent()) {
            WorkspaceFacts.DataFacts data = facts.data().get();
            List<String> required = reads.tables().stream().filter(facts.tables()::contains).toList();
            List<String> quiet = new ArrayList<>(required.stream().filter(t -> silent(data, t)).toList());
            // Optional tables matter only when they are all the rule reads: it is silent when every one of them is.
            if (onlyOptional && !optionalPresent.isEmpty() && optionalPresent.stream().allMatch(t -> silent(data, t))) {
                quiet.addAll(optionalPresent);
            }
            if (data.unreliable().isPresent()) {
                // Rows missing from a partial answer prove nothing; never disable or skip on them.
                for (String t : quiet) unchecked.add(t + " (data not confirmed: " + data.unreliable().get() + ")");
            } else if (!quiet.isEmpty()) {
                silent.addAll(quiet);
                reasons.add("no data in " + String.join(", ", quiet) + " for " + RuleDuration.shortForm(data.window()));
            }
        }
        PreflightAction action = PreflightAction.DEPLOY;
        if (!missing.isEmpty() || !missingWatchlists.isEmpty()) action = settings.onMissingTable();
        if (!silent.isEmpty()) action = moreSevere(action, settings.onNoData());
        return new PreflightResult(d.id(), d.displayName(), action, String.join("; ", reasons), missing, missingWatchlists,
                silent, new ArrayList<>(new LinkedHashSet<>(unchecked)));
    }

    /**
     * An item using resources that do not exist gets the missing-table treatment: it would deploy (ARM does not check
     * them) and fail only when it runs. "Deploy disabled" is a rule's switch that a playbook deployment does not have,
     * so it skips the item instead.
     */
    static PreflightResult missingReferences(DesiredItem d, List<ExternalReference> absent, PreflightSettings settings) {
        PreflightAction action = settings.onMissingTable() == PreflightAction.DISABLE ? PreflightAction.SKIP
                : settings.onMissingTable();
        List<String> reasons = new ArrayList<>();
        for (ExternalReference r : absent) reasons.add(reason(r));
        return new PreflightResult(d.id(), d.displayName(), action, String.join("; ", reasons), List.of(), List.of(),
                List.of(), List.of(), absent.stream().map(ExternalReference::resourceId).toList());
    }

    /** What is missing, where the content uses it, and how to fix it. */
    static String reason(ExternalReference r) {
        String group = r.resourceGroup();
        return r.what() + " '" + r.name() + "' used at " + r.where() + " does not exist in resource group " + group
                + switch (r.what()) {
                    case "API connection" -> ": create it there and authorise it (Azure portal, API connections), or deploy"
                            + " it with the content (a Microsoft.Web/connections resource in this template or in another"
                            + " playbook's template)";
                    case "custom connector" -> ": create it there, or deploy it with the content (a Microsoft.Web/customApis"
                            + " resource in a playbook template)";
                    default -> " (" + r.resourceId() + "): deploy that Logic App first (by hand, or as a playbook of the"
                            + " content, then name the playbook instead of the id), or correct the id";
                };
    }

    private static boolean silent(WorkspaceFacts.DataFacts data, String table) {
        return data.checked().contains(table) && !data.lastRecord().containsKey(table);
    }

    /** fail > skip > disable > deploy: a rule with a missing table and a silent one gets the stricter treatment. */
    static PreflightAction moreSevere(PreflightAction a, PreflightAction b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(PreflightAction a) {
        switch (a) {
            case FAIL:
                return 3;
            case SKIP:
                return 2;
            case DISABLE:
                return 1;
            default:
                return 0;
        }
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}

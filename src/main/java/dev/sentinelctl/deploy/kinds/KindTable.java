package dev.sentinelctl.deploy.kinds;

import dev.sentinelctl.arm.ArmApiVersion;
import dev.sentinelctl.content.ContentItem;
import dev.sentinelctl.deploy.kinds.alertrule.AlertRuleKind;
import dev.sentinelctl.deploy.kinds.automationrule.AutomationRuleKind;
import dev.sentinelctl.deploy.kinds.customdetection.CustomDetectionKind;
import dev.sentinelctl.deploy.kinds.huntingquery.HuntingQueryKind;
import dev.sentinelctl.deploy.kinds.parser.ParserKind;
import dev.sentinelctl.deploy.kinds.watchlist.WatchlistKind;
import dev.sentinelctl.deploy.kinds.workbook.WorkbookKind;
import dev.sentinelctl.deploy.sandbox.SandboxResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registration of every kind the deploy engine manages, and the api-version each is sent with. Adding a kind
 * is a folder below this package and a line in {@link #builtIn()}. Immutable: {@link #withApiVersions} gives a table
 * with a config's overrides.
 */
public final class KindTable {
    private static final KindTable BUILT_IN = new KindTable(List.of(
            WatchlistKind.INSTANCE,
            ParserKind.INSTANCE,
            AlertRuleKind.INSTANCE,
            HuntingQueryKind.INSTANCE,
            WorkbookKind.INSTANCE,
            dev.sentinelctl.deploy.kinds.playbook.PlaybookKind.INSTANCE,
            CustomDetectionKind.INSTANCE,
            AutomationRuleKind.INSTANCE
    ), MetadataMarker.INSTANCE, Map.of());

    private final List<DeployableKind> kinds;
    private final MetadataMarker marker;
    /** By {@link ResourceKind#apiVersionKey()}: only the overridden ones. */
    private final Map<String, String> overrides;

    private KindTable(List<DeployableKind> kinds, MetadataMarker marker, Map<String, String> overrides) {
        this.kinds = List.copyOf(kinds);
        this.marker = marker;
        this.overrides = Map.copyOf(overrides);
    }

    public static KindTable builtIn() {
        return BUILT_IN;
    }

    /** A table of other kinds (tests of the engine's ordering and of new kinds). */
    public static KindTable of(List<DeployableKind> kinds) {
        return new KindTable(kinds, MetadataMarker.INSTANCE, Map.of());
    }

    /** The content kinds, in registration order (the order plans list kinds whose items do not depend on each other). */
    public List<DeployableKind> contentKinds() {
        return kinds;
    }

    /** The ownership marker of workspace-child kinds. */
    public MetadataMarker marker() {
        return marker;
    }

    /** Every resource type a workspace is listed for: the content kinds, then the marker. */
    public List<ResourceKind> resourceKinds() {
        List<ResourceKind> out = new ArrayList<>(kinds);
        out.add(marker);
        return out;
    }

    /**
     * What the sandbox serves: every registered kind's stand-in (kinds sharing a resource type share it), then their
     * sub-resources (watchlist items).
     */
    public List<SandboxResourceType> sandboxTypes() {
        List<SandboxResourceType> out = new ArrayList<>();
        // Kinds that share a resource type (parsers and hunting queries: saved searches) share its stand-in.
        for (ResourceKind k : resourceKinds()) if (!out.contains(k.sandbox())) out.add(k.sandbox());
        for (ResourceKind k : resourceKinds()) for (SandboxResourceType t : k.sandboxChildren()) if (!out.contains(t)) out.add(t);
        return out;
    }

    /** The kind a loaded content item deploys as; empty when no kind is registered for its content kind yet. */
    public Optional<DeployableKind> forItem(ContentItem item) {
        return kinds.stream().filter(k -> k.handles(item)).findFirst();
    }

    public Optional<DeployableKind> byId(String id) {
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The kind whose Sentinel metadata has this {@code kind} ({@code AnalyticsRule}), if any. */
    public Optional<DeployableKind> forMetadataKind(String metadataKind) {
        return kinds.stream().filter(k -> k.ownership() instanceof Ownership.SentinelMetadata m
                && m.metadataKind().equals(metadataKind)).findFirst();
    }

    /** The api-version a kind is sent with: the config's override, else its default. */
    public String apiVersion(ResourceKind kind) {
        return overrides.getOrDefault(kind.apiVersionKey(), kind.defaultApiVersion());
    }

    /** Every key of the table with the version it sends, in table order. */
    public Map<String, String> apiVersions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ResourceKind k : resourceKinds()) out.put(k.apiVersionKey(), apiVersion(k));
        return out;
    }

    /**
     * This table with a config's {@code apiVersions:} on top.
     *
     * @throws IllegalArgumentException naming the key when it is no kind's or the value is not an api-version
     */
    public KindTable withApiVersions(Map<String, String> versions) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        List<String> keys = resourceKinds().stream().map(ResourceKind::apiVersionKey).toList();
        versions.forEach((key, value) -> {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("apiVersions." + key + " is not a resource kind; the kinds are: "
                        + String.join(", ", keys));
            }
            boolean graph = resourceKinds().stream().anyMatch(k -> k.apiVersionKey().equals(key) && k.scope() instanceof Scope.Graph);
            if (graph) {
                // Graph's version is a path segment: v1.0 or beta.
                if (!value.matches("v[0-9]+\\.[0-9]+|beta")) {
                    throw new IllegalArgumentException("apiVersions." + key + " is a Microsoft Graph version (v1.0 or beta), not '" + value + "'");
                }
            } else {
                new ArmApiVersion(value); // throws with the format when it is not one
            }
            merged.put(key, value);
        });
        return new KindTable(kinds, marker, merged);
    }
}

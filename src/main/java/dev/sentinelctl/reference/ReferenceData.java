package dev.sentinelctl.reference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sentinel facts the cross-checks need besides the KQL catalog: connector ids and their tables,
 * technique→tactic maps, entity identifiers and the analytic-template constraints. Generated into
 * src/main/resources/reference (see its README.md). Each part loads on first use; instances are immutable.
 */
public final class ReferenceData {

    private static final class Shared {
        static final ReferenceData INSTANCE = new ReferenceData();
    }

    private final Supplier<Connectors> connectors = memo(() -> new Connectors(
            ReferenceResources.records("connectors.tsv"), ReferenceResources.records("connector-tables.tsv")));
    private final Map<TechniqueTactics.Version, Supplier<TechniqueTactics>> techniques = new EnumMap<>(TechniqueTactics.Version.class);
    private final Supplier<EntityIdentifiers> entities = memo(() -> new EntityIdentifiers(
            ReferenceResources.records("entity-identifiers.tsv")));
    private final Supplier<JsonNode> constraints = memo(() -> JsonMapper.builder().build()
            .readTree(ReferenceResources.text("analytics-template-constraints.json")));

    private ReferenceData() {
        for (TechniqueTactics.Version v : TechniqueTactics.Version.values()) {
            techniques.put(v, memo(() -> new TechniqueTactics(ReferenceResources.records(v.resource))));
        }
    }

    public static ReferenceData builtIn() {
        return Shared.INSTANCE;
    }

    public Connectors connectors() {
        return connectors.get();
    }

    public TechniqueTactics techniqueTactics(TechniqueTactics.Version version) {
        return techniques.get(version).get();
    }

    public EntityIdentifiers entityIdentifiers() {
        return entities.get();
    }

    /**
     * analytics-template-constraints.json as a tree: limits and enums of Azure-Sentinel's template CI
     * ({@code /query_based_fields/query/maxLength}, {@code /scheduled_only_fields/triggerOperator/values} ...).
     * Read-only by convention; the checks read single values with {@code at(pointer)}.
     */
    public JsonNode analyticsTemplateConstraints() {
        return constraints.get().deepCopy();
    }

    private static <T> Supplier<T> memo(Supplier<T> compute) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) value = v = compute.get();
                    }
                }
                return v;
            }
        };
    }
}

package dev.sentinelctl.content;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * A Defender XDR custom detection (Microsoft Graph {@code security/rules/detectionRules}), kept in YAML under the
 * Graph resource's own field names plus our content {@code id}. Its query runs in advanced hunting.
 *
 * @param period          {@code schedule.period}: {@code 0} (continuous), {@code 1H}, {@code 3H}, {@code 12H}, {@code 24H}
 * @param responseActions {@code detectionAction.responseActions} as written (Graph's own shapes, sent unchanged)
 */
public record CustomDetection(String id, String displayName, Optional<Boolean> isEnabled, Query query, String period,
                              AlertTemplate alertTemplate, ArrayNode responseActions, String version,
                              YamlDocument document) implements ContentItem {

    /**
     * The field order {@code fmt} puts and {@code export} writes (docs/kind-custom-detections.md): our id, then Graph's
     * fields in the order its documentation lists them, then our version.
     */
    public static final List<String> FIELD_ORDER = List.of("id", "displayName", "isEnabled", "queryCondition",
            "schedule", "detectionAction", "exclusions", "version", "metadata");

    /** {@code detectionAction.alertTemplate}. */
    public record AlertTemplate(String title, String description, String severity, String category,
                                List<String> mitreTechniques, List<ImpactedAsset> impactedAssets,
                                String recommendedActions) {
        public AlertTemplate {
            mitreTechniques = List.copyOf(mitreTechniques);
            impactedAssets = List.copyOf(impactedAssets);
        }
    }

    /**
     * One of {@code impactedAssets}: {@code @odata.type} ({@code #microsoft.graph.security.impactedDeviceAsset}, …)
     * and the {@code identifier}, which names the query column that holds the asset ({@code deviceId} → {@code DeviceId}).
     */
    public record ImpactedAsset(String odataType, String identifier) {
        /** The column the identifier stands for: its first letter upper-cased, as advanced hunting names columns. */
        public String column() {
            return identifier.isEmpty() ? "" : Character.toUpperCase(identifier.charAt(0)) + identifier.substring(1);
        }
    }

    @Override
    public ContentKind kind() {
        return ContentKind.CUSTOM_DETECTION;
    }

    @Override
    public String name() {
        return displayName;
    }

    @Override
    public String description() {
        return alertTemplate.description();
    }

    /** Graph's category is one tactic-like word; it is checked on its own, not as Sentinel tactics. */
    @Override
    public List<String> tactics() {
        return List.of();
    }

    @Override
    public List<String> relevantTechniques() {
        return alertTemplate.mitreTechniques();
    }

    @Override
    public List<DataConnector> requiredDataConnectors() {
        return List.of();
    }

    @Override
    public List<EntityMapping> entityMappings() {
        return List.of();
    }
}

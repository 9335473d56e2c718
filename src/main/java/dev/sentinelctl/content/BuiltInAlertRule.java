package dev.sentinelctl.content;

import java.util.List;
import java.util.Optional;

/**
 * An alert rule whose logic lives in the service, not in a query: Microsoft security incident creation (a product
 * filter over alerts of another Microsoft product) and the built-in engines (Fusion, Microsoft threat intelligence
 * matching, ML behavior analytics) switched on from their template. In the Azure-Sentinel YAML style with
 * {@code kind:}; no query, so the KQL checks have nothing to do.
 *
 * @param ruleKind              the REST {@code kind}: {@code MicrosoftSecurityIncidentCreation}, {@code Fusion}, …
 * @param name                  {@code displayName} (required for incident creation; the built-ins take the template's)
 * @param alertRuleTemplateName the template id (required for the built-ins, optional for incident creation)
 * @param productFilter         incident creation only: the product whose alerts create incidents
 */
public record BuiltInAlertRule(String id, String name, String description, String ruleKind, Optional<Boolean> enabled,
                               String alertRuleTemplateName, String productFilter, List<String> severitiesFilter,
                               List<String> displayNamesFilter, List<String> displayNamesExcludeFilter, String version,
                               YamlDocument document) implements QuerylessItem {
    /** The REST kinds this record stands for, as the API spells them. */
    public static final List<String> KINDS = List.of("MicrosoftSecurityIncidentCreation", "Fusion",
            "ThreatIntelligence", "MLBehaviorAnalytics");
    public static final String INCIDENT_CREATION = "MicrosoftSecurityIncidentCreation";

    public BuiltInAlertRule {
        severitiesFilter = List.copyOf(severitiesFilter);
        displayNamesFilter = List.copyOf(displayNamesFilter);
        displayNamesExcludeFilter = List.copyOf(displayNamesExcludeFilter);
    }

    /** The REST spelling of a YAML {@code kind:} value when it is one of {@link #KINDS} (case-insensitive). */
    public static Optional<String> restKind(String kind) {
        return KINDS.stream().filter(k -> k.equalsIgnoreCase(kind)).findFirst();
    }

    public boolean incidentCreation() {
        return ruleKind.equals(INCIDENT_CREATION);
    }

    @Override
    public ContentKind kind() {
        return ContentKind.BUILT_IN_ALERT_RULE;
    }





}

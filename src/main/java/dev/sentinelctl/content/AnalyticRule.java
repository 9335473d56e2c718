package dev.sentinelctl.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Scheduled or NRT analytic rule in the Azure-Sentinel YAML format. */
public record AnalyticRule(String id, String name, String description, RuleKind ruleKind, String severity,
                           Query query, Optional<RuleDuration> queryFrequency, Optional<RuleDuration> queryPeriod,
                           String triggerOperator, Optional<Integer> triggerThreshold, List<String> tactics,
                           List<String> relevantTechniques, List<DataConnector> requiredDataConnectors,
                           List<EntityMapping> entityMappings, Map<String, String> customDetails,
                           Optional<AlertDetailsOverride> alertDetailsOverride, Optional<String> eventGroupingAggregation,
                           Optional<IncidentConfiguration> incidentConfiguration, Optional<Boolean> suppressionEnabled,
                           Optional<RuleDuration> suppressionDuration, Optional<Boolean> enabled, String status,
                           String version, List<String> tags, YamlDocument document) implements ContentItem {

    public enum RuleKind { SCHEDULED, NRT }

    public record AlertDetailsOverride(String alertDisplayNameFormat, String alertDescriptionFormat,
                                       String alertTacticsColumnName, String alertSeverityColumnName,
                                       List<DynamicProperty> alertDynamicProperties) {}

    public record DynamicProperty(String alertProperty, String value) {}

    public record IncidentConfiguration(boolean createIncident, Optional<GroupingConfiguration> groupingConfiguration) {}

    public record GroupingConfiguration(boolean enabled, boolean reopenClosedIncident,
                                        Optional<RuleDuration> lookbackDuration, String matchingMethod,
                                        List<String> groupByEntities, List<String> groupByAlertDetails,
                                        List<String> groupByCustomDetails) {}

    public AnalyticRule {
        tactics = List.copyOf(tactics);
        relevantTechniques = List.copyOf(relevantTechniques);
        requiredDataConnectors = List.copyOf(requiredDataConnectors);
        entityMappings = List.copyOf(entityMappings);
        customDetails = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customDetails));
        tags = List.copyOf(tags);
    }

    @Override
    public ContentKind kind() {
        return ContentKind.ANALYTIC_RULE;
    }
}

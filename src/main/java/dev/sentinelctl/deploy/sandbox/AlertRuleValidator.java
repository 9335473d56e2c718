package dev.sentinelctl.deploy.sandbox;

import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates alert rules like Sentinel does for the fields a deployment gets wrong in practice. Limits follow the
 * service's documented constraints (frequency and period 5 min to 14 days, threshold 0 to 10,000, query up to
 * 10,000 characters).
 */
public final class AlertRuleValidator implements PayloadValidator {
    static final List<String> KINDS = List.of("Scheduled", "NRT", "Fusion", "MLBehaviorAnalytics",
            "ThreatIntelligence", "MicrosoftSecurityIncidentCreation");
    static final List<String> SEVERITIES = List.of("High", "Medium", "Low", "Informational");
    /** {@code MicrosoftSecurityProductName} of the 2025-09-01 spec. */
    static final List<String> PRODUCTS = List.of("Microsoft Cloud App Security", "Azure Security Center",
            "Azure Advanced Threat Protection", "Azure Active Directory Identity Protection", "Azure Security Center for IoT",
            "Office 365 Advanced Threat Protection", "Microsoft Defender Advanced Threat Protection");
    static final List<String> TRIGGER_OPERATORS = List.of("GreaterThan", "LessThan", "Equal", "NotEqual");
    static final List<String> TACTICS = List.of("Reconnaissance", "ResourceDevelopment", "InitialAccess",
            "Execution", "Persistence", "PrivilegeEscalation", "DefenseEvasion", "CredentialAccess", "Discovery",
            "LateralMovement", "Collection", "Exfiltration", "CommandAndControl", "Impact", "PreAttack",
            "ImpairProcessControl", "InhibitResponseFunction");
    static final List<String> ENTITY_TYPES = List.of("Account", "Host", "IP", "Malware", "File", "Process",
            "CloudApplication", "DNS", "AzureResource", "FileHash", "RegistryKey", "RegistryValue", "SecurityGroup",
            "URL", "Mailbox", "MailCluster", "MailMessage", "SubmissionMail");

    private static final Duration MIN_SCHEDULE = Duration.ofMinutes(5);
    private static final Duration MAX_SCHEDULE = Duration.ofDays(14);
    private static final int MAX_QUERY = 10_000;

    @Override
    public void validate(ObjectNode body, ObjectNode existing) {
        JsonNode kindNode = body.get("kind");
        if (kindNode == null || kindNode.isNull() || !kindNode.isString()) {
            throw ArmException.badRequest("The 'kind' property is required. Set it to one of "
                    + String.join(", ", KINDS) + ".");
        }
        String kind = Fields.oneOf(kindNode.stringValue(), KINDS, "kind");
        if (existing != null && !kind.equals(existing.path("kind").asString())) {
            throw ArmException.badRequest("The kind of alert rule '" + existing.path("name").asString()
                    + "' cannot be changed from " + existing.path("kind").asString() + " to " + kind
                    + ". Delete the rule first or deploy it under a new rule id.");
        }
        ObjectNode props = Fields.properties(body);
        switch (kind) {
            case "Scheduled" -> {
                queryRule(props);
                Duration frequency = Fields.requiredDuration(props, "queryFrequency");
                Fields.within(frequency, MIN_SCHEDULE, MAX_SCHEDULE, "queryFrequency");
                Duration period = Fields.requiredDuration(props, "queryPeriod");
                Fields.within(period, MIN_SCHEDULE, MAX_SCHEDULE, "queryPeriod");
                if (period.compareTo(frequency) < 0) {
                    throw ArmException.badRequest("'properties.queryPeriod' (" + period
                            + ") must be at least 'properties.queryFrequency' (" + frequency + ").");
                }
                if (period.compareTo(Duration.ofDays(2)) >= 0 && frequency.compareTo(Duration.ofHours(1)) < 0) {
                    throw ArmException.badRequest("A rule that looks back 2 days or more ('properties.queryPeriod' "
                            + period + ") must run at most hourly: set 'properties.queryFrequency' to PT1H or more.");
                }
                Fields.oneOf(Fields.requiredString(props, "triggerOperator"), TRIGGER_OPERATORS,
                        "properties.triggerOperator");
                Fields.requiredInt(props, "triggerThreshold", 0, 10_000);
            }
            case "NRT" -> queryRule(props);
            case "MicrosoftSecurityIncidentCreation" -> {
                Fields.requiredString(props, "displayName");
                Fields.requiredBoolean(props, "enabled");
                Fields.oneOf(Fields.requiredString(props, "productFilter"), PRODUCTS, "properties.productFilter");
                Fields.arrayOf(props, "severitiesFilter", SEVERITIES);
            }
            default -> {
                Fields.requiredString(props, "alertRuleTemplateName");
                Fields.requiredBoolean(props, "enabled");
            }
        }
    }

    private static void queryRule(ObjectNode props) {
        Fields.maxLength(Fields.requiredString(props, "displayName"), 256, "displayName");
        Fields.maxLength(Fields.optionalString(props, "description"), 5_000, "description");
        Fields.requiredBoolean(props, "enabled");
        Fields.maxLength(Fields.requiredString(props, "query"), MAX_QUERY, "query");
        Fields.oneOf(Fields.requiredString(props, "severity"), SEVERITIES, "properties.severity");
        Fields.requiredBoolean(props, "suppressionEnabled");
        Fields.within(Fields.requiredDuration(props, "suppressionDuration"), Duration.ZERO, Duration.ofDays(14),
                "suppressionDuration");
        Fields.arrayOf(props, "tactics", TACTICS);
        JsonNode mappings = props.get("entityMappings");
        if (mappings != null && mappings.isArray()) {
            for (JsonNode mapping : mappings) {
                Fields.oneOf(mapping.path("entityType").asString(""), ENTITY_TYPES,
                        "properties.entityMappings[].entityType");
            }
        }
    }
}

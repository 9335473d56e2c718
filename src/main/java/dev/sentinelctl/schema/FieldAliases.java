package dev.sentinelctl.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Field names of the other dialects (ARM properties in camelCase or PascalCase, the singular names of
 * Az.SecurityInsights) that mean an Azure-Sentinel YAML field of another name, for "did you mean" across dialects:
 * {@code techniques} is {@code relevantTechniques}, {@code displayName} is {@code name}. Spelling slips within the
 * YAML's own names are {@link Suggest}'s job.
 */
final class FieldAliases {
    private FieldAliases() {}

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("techniques", "relevantTechniques"), Map.entry("technique", "relevantTechniques"),
            Map.entry("subtechniques", "relevantTechniques"), Map.entry("subtechnique", "relevantTechniques"),
            Map.entry("displayname", "name"), Map.entry("title", "name"), Map.entry("tactic", "tactics"),
            Map.entry("entitymapping", "entityMappings"), Map.entry("customdetail", "customDetails"),
            Map.entry("alertdetailoverride", "alertDetailsOverride"), Map.entry("eventgroupingsetting", "eventGroupingSettings"),
            Map.entry("requireddataconnector", "requiredDataConnectors"), Map.entry("templateversion", "version"),
            Map.entry("entitytype", "entityType"),
            Map.entry("fieldmapping", "fieldMappings"), Map.entry("column", "columnName"));

    /** The field {@code name} means in another dialect, when it is one of {@code known}. */
    static Optional<String> meaning(String name, Collection<String> known) {
        String target = ALIASES.get(name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
        return target != null && known.contains(target) && !target.equals(name) ? Optional.of(target) : Optional.empty();
    }
}

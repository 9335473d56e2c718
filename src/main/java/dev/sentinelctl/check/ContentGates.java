package dev.sentinelctl.check;

import java.util.List;
import java.util.Optional;

/**
 * The checks of Microsoft's Azure-Sentinel content repository CI that are stricter than what ARM and Sentinel
 * accept (see ../shared/reference/content-rules.md §4). By default their findings are warnings; the
 * {@code azure-sentinel} profile makes them errors, for the items that gate looks at. docs/rules.md lists them.
 */
public final class ContentGates {
    private ContentGates() {}

    /** One gate: the rule whose findings it turns into errors, for which items, and what in Microsoft's CI it mirrors. */
    public record Gate(String ruleId, Profile.Scope scope, String mirrors) {
        boolean appliesTo(Optional<ItemIdentity> item) {
            return scope.includes(item);
        }
    }

    public static final List<Gate> ALL = List.of(
            new Gate("YAML-tab", Profile.Scope.ALL,
                    "yamlFileValidator: every changed .yaml must load with js-yaml `safeLoad` (YAML 1.1)"),
            new Gate("CONTENT-non-ascii", Profile.Scope.ALL, "NonAsciiValidations: content files must be pure ASCII"),
            new Gate("SCHEMA-format", Profile.Scope.ANALYTIC_RULES,
                    "detectionTemplateSchemaValidation: `id` must parse as a System.Guid"),
            new Gate("ENTITY-identifier", Profile.Scope.ANALYTIC_RULES,
                    "detectionTemplateSchemaValidation: an identifier appears at most once per entity mapping"),
            new Gate("ENTITY-required-identifier", Profile.Scope.ANALYTIC_RULES,
                    "detectionTemplateSchemaValidation: the 2023 required-identifier list (EntityMappingIdentifiers.cs), "
                            + "e.g. CloudApplication needs AppId, Process needs CommandLine"),
            new Gate("RULE-duration-format", Profile.Scope.ANALYTIC_RULES,
                    "detectionTemplateSchemaValidation: durations as TimeSpan or lower-case `<int>m|h|d`; ISO-8601 is rejected"),
            new Gate("RULE-technique-tactic", Profile.Scope.SCHEDULED_RULES,
                    "detectionTemplateSchemaValidation: one of each technique's tactics (static technique→tactic table) is listed"),
            new Gate("RULE-unknown-technique", Profile.Scope.SCHEDULED_RULES,
                    "detectionTemplateSchemaValidation: every technique is in the static technique→tactic table"),
            new Gate("RULE-legacy-entity-column", Profile.Scope.SCHEDULED_RULES,
                    "detectionTemplateSchemaValidation: a legacy *CustomEntity column in the query must be a fieldMapping's columnName"),
            new Gate("XREF-unknown-connector", Profile.Scope.SCHEDULED_RULES,
                    "detectionTemplateSchemaValidation: every connectorId is in ValidConnectorIds.json"),
            new Gate("REPO-duplicate-file-name", Profile.Scope.ANALYTIC_RULES,
                    "detectionTemplateSchemaValidation: file names are unique across Detections and Solutions"),
            new Gate("PR-id-changed", Profile.Scope.ALL, "idChangeValidator: the `id:` line of a published item may not change"),
            new Gate("PR-version-not-bumped", Profile.Scope.ANALYTIC_RULES,
                    "validateVersionChangedInDetections: a modified analytic rule must change `version`"),
            new Gate("KQL-ti-latest-indicator", Profile.Scope.ALL,
                    "KqlValidations: a query reading ThreatIntelligenceIndicator must use the latest-indicator pattern"),
            new Gate("KS142", Profile.Scope.ALL,
                    "KqlValidations: the query compiles against the CI's tables (its CustomTables copy) without any diagnostic"),
            new Gate("KS204", Profile.Scope.ALL,
                    "KqlValidations: the query compiles against the CI's tables without any diagnostic (no unknown table)"));

    public static Optional<Gate> gate(String ruleId) {
        return ALL.stream().filter(g -> g.ruleId().equals(ruleId)).findFirst();
    }
}
